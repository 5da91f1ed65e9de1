import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, diagnosticCode, documentSymbols, flattenSymbols, waitFor } from './helpers';

/** A postmortem of about `size` characters: a summary, then a timeline of one entry a minute. */
function longPostmortem(size: number): string {
	const lines = ['## Summary', '', 'The queue stalled.', '', '## Timeline', ''];
	let length = lines.join('\n').length;
	for (let minute = 0; length < size; minute++) {
		const line = `- ${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')} the backlog grew again`;
		lines.push(line);
		length += line.length + 1;
	}
	return `${lines.join('\n')}\n`;
}

/**
 * Past `postmortem.maxDocumentSize` the server computes only the outline and folding and says so
 * with one `document-too-large` diagnostic: in a Node process and in a browser worker alike, with
 * the limit taken from the user's settings in both. (A limit this low keeps the test quick; the
 * protocol tests cover the limit over JSON-RPC, test/protocol/encodingsAndSizes.test.ts.)
 */
suite('a document past postmortem.maxDocumentSize', () => {
	const limit = 20_000;
	const settings = () => vscode.workspace.getConfiguration('postmortem');
	suiteSetup(() => settings().update('maxDocumentSize', limit, vscode.ConfigurationTarget.Global));
	suiteTeardown(() => settings().update('maxDocumentSize', undefined, vscode.ConfigurationTarget.Global));

	test(`with the setting at ${limit.toLocaleString('en-US')}: one document-too-large diagnostic, and the outline still comes`, async () => {
		await activeExtension();
		const document = await vscode.workspace.openTextDocument({ language: 'postmortem', content: longPostmortem(limit + 5_000) });
		try {
			await vscode.window.showTextDocument(document);
			const diagnostics = await waitFor(
				() => {
					const shown = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'postmortem');
					return shown.length > 0 ? shown : undefined;
				},
				undefined,
				'the document-too-large diagnostic',
			);
			assert.deepEqual(diagnostics.map(diagnosticCode), ['document-too-large']);
			assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Information);
			assert.match(diagnostics[0]!.message, /more than postmortem\.maxDocumentSize/);
			const symbols = await waitFor(async () => {
				const all = flattenSymbols(await documentSymbols(document.uri));
				return all.length > 2 ? all : undefined;
			}, undefined, 'the outline of the large document');
			assert.ok(symbols.some((symbol) => symbol.name.includes('Timeline')), 'the Timeline section is outlined');
		} finally {
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
	});
});
