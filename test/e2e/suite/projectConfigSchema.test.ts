import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, fixtureUri, SERVER_DEADLINE_MS, waitFor } from './helpers';

/**
 * The extension contributes schemas/postmortem.schema.json for `.postmortem.json` files
 * (`jsonValidation`); VS Code's own JSON support then checks and completes them. The files live
 * in a folder of their own so that the settings they hold apply to no fixture.
 */
async function openProjectConfig(folder: string, text: string): Promise<vscode.TextDocument> {
	const uri = fixtureUri(`${folder}/.postmortem.json`);
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	const document = await vscode.workspace.openTextDocument(uri);
	await vscode.window.showTextDocument(document, { preview: false });
	return document;
}

function offsetOf(document: vscode.TextDocument, needle: string): vscode.Position {
	const offset = document.getText().indexOf(needle);
	assert.ok(offset >= 0, `${needle} in the document`);
	return document.positionAt(offset);
}

suite('.postmortem.json schema (VS Code JSON support)', () => {
	suiteSetup(async () => {
		await activeExtension();
	});

	test('marks an unknown key, a value of the wrong type and a severity that does not exist', async () => {
		const document = await openProjectConfig(
			'schema-invalid',
			'{\n  "timeZone": "UTC",\n  "inlayHints": "yes",\n  "severities": { "timezone-missing": "loud" }\n}\n',
		);
		assert.equal(document.languageId, 'json');
		const expectedLines = ['"timeZone"', '"yes"', '"loud"'].map((needle) => offsetOf(document, needle).line);
		const diagnostics = await waitFor(
			() => {
				const found = vscode.languages.getDiagnostics(document.uri);
				const lines = found.map((diagnostic) => diagnostic.range.start.line);
				return expectedLines.every((line) => lines.includes(line)) ? found : undefined;
			},
			SERVER_DEADLINE_MS,
			'a diagnostic on each of the three invalid lines',
		);
		assert.equal(diagnostics.length, 3, JSON.stringify(diagnostics.map((d) => [d.range.start.line, d.message])));
		for (const diagnostic of diagnostics) assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning, diagnostic.message);
	});

	test('completes the keys and their values; a valid file has no diagnostics, and an edit is checked as you type', async () => {
		const document = await openProjectConfig('schema-valid', '{\n  "defaultTimeZone": "UTC",\n  "profile": "holberton"\n}\n');
		// The JSON server answers completion only once it has the schema, so completion comes first.
		const keyPosition = offsetOf(document, '"defaultTimeZone"');
		const keys = await waitFor(
			async () => {
				const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, keyPosition);
				const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
				return labels.includes('requiredSections') ? labels : undefined;
			},
			SERVER_DEADLINE_MS,
			'the schema keys in the completion list',
		);
		for (const key of ['requiredSections', 'durationToleranceMinutes', 'severities', 'files.include']) assert.ok(keys.includes(key), `${key} in ${JSON.stringify(keys)}`);

		const valuePosition = offsetOf(document, 'holberton"').translate(0, 1);
		const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, valuePosition);
		const profiles = values.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replaceAll('"', ''));
		for (const profile of ['none', 'holberton', 'google-sre', 'pagerduty']) assert.ok(profiles.includes(profile), `${profile} in ${JSON.stringify(profiles)}`);

		// Type a value the schema rejects, see the warning, then undo it and see the warning go.
		const replace = async (from: string, to: string) => {
			const start = document.getText().indexOf(from);
			assert.ok(start >= 0, `${from} in the document`);
			const edit = new vscode.WorkspaceEdit();
			edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
			assert.ok(await vscode.workspace.applyEdit(edit));
		};
		await replace('"UTC"', '"9 o\'clock"');
		await waitFor(() => vscode.languages.getDiagnostics(document.uri).length === 1, SERVER_DEADLINE_MS, 'a warning on the invalid zone');
		await replace('"9 o\'clock"', '"UTC"');
		await waitFor(() => vscode.languages.getDiagnostics(document.uri).length === 0, SERVER_DEADLINE_MS, 'no diagnostics once the zone is valid');
		assert.ok(await document.save(), 'the file is saved as it was');
	});
});
