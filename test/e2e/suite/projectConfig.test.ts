import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, diagnosticCode, inlayHints, openFixture, postmortemDiagnostics, waitFor } from './helpers';

/**
 * `.postmortem.json` is read by the client through VS Code's file system and handed to the
 * server, so it applies wherever the workspace lives: on disk (`file:`) on the desktop, on the
 * mounted test file system (`vscode-test-web:`) in the browser, in a GitHub repository
 * (`vscode-vfs:`) in github.dev.
 */
/** Opens a fixture and waits for its timezone-missing diagnostic. */
async function timezoneMissing(fileName: string): Promise<{ document: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
	const document = await openFixture(fileName);
	await activeExtension();
	const diagnostic = await waitFor(
		() => postmortemDiagnostics(document.uri).find((found) => diagnosticCode(found) === 'timezone-missing'),
		undefined,
		`the timezone-missing diagnostic of ${fileName}`,
	);
	return { document, diagnostic };
}

suite('.postmortem.json, read through the workspace file system', () => {
	test('payments-team/: its .postmortem.json raises timezone-missing to an error and turns inlay hints off', async () => {
		const { document, diagnostic } = await timezoneMissing('payments-team/card-declines-postmortem.txt');
		assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error, `the project's severity, on ${document.uri.scheme}:`);
		assert.deepEqual(await inlayHints(document.uri, new vscode.Range(0, 0, document.lineCount, 0)), [], 'no inlay hints');
	});

	test('a document outside that folder keeps the default warning and its inlay hints', async () => {
		const { document, diagnostic } = await timezoneMissing('incident-postmortem.txt');
		assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
		await waitFor(async () => (await inlayHints(document.uri, new vscode.Range(0, 0, document.lineCount, 0))).length > 0, undefined, 'inlay hints');
	});
});
