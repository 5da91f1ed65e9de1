import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, applyCodeAction, codeActions, diagnosticCode, openFixture, openWithoutTrailingSection, postmortemDiagnostics, revert, waitFor } from './helpers';

/** Waits for the extension's diagnostic with `code` on the document. */
function diagnosticWithCode(document: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
	return waitFor(() => postmortemDiagnostics(document.uri).find((diagnostic) => diagnosticCode(diagnostic) === code), undefined, `the ${code} diagnostic`);
}

/**
 * Applies the preferred quick fix for `diagnostic`, checking its title. Asks until one is offered:
 * a request made while the server is still starting or re-reading the document comes back empty.
 */
async function applyPreferredFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
	const preferred = await waitFor(
		async () => {
			const actions = await codeActions(document.uri, diagnostic.range, 'quickfix');
			const found = actions.find((action) => action.isPreferred);
			assert.ok(found, `a preferred quick fix among: ${actions.map((action) => action.title).join(', ')}`);
			return found;
		},
		undefined,
		`the preferred quick fix for ${diagnosticCode(diagnostic)}`,
	);
	assert.equal(preferred.title, title);
	await applyCodeAction(preferred);
}

suite('code actions (quick fixes applied with workspace.applyEdit)', () => {
	test('incident-postmortem.txt: the preferred timezone fix adds an "All times in UTC." line and clears the warning', async () => {
		const document = await openFixture('incident-postmortem.txt');
		await activeExtension();
		const original = document.getText();
		try {
			const warning = await waitFor(
				() => postmortemDiagnostics(document.uri).find((diagnostic) => diagnosticCode(diagnostic) === 'timezone-missing'),
				undefined,
				'the timezone-missing diagnostic',
			);
			await applyPreferredFix(document, warning, 'Add "All times in UTC." to the timeline');
			assert.equal(document.getText(), original.replace('TIMELINE: \n7:15 PM:', 'TIMELINE: \nAll times in UTC.\n7:15 PM:'));
			await waitFor(
				() => !postmortemDiagnostics(document.uri).some((diagnostic) => diagnosticCode(diagnostic) === 'timezone-missing'),
				undefined,
				'the timezone-missing diagnostic to clear after the fix',
			);
		} finally {
			await revert(document);
		}
		assert.equal(document.getText(), original);
	});

	test('outage-postmortem.md: an entry typed 1:05 AM between afternoon entries; the preferred fix changes it back to 1:05 PM', async () => {
		const document = await openFixture('outage-postmortem.md');
		await activeExtension();
		const editor = await vscode.window.showTextDocument(document);
		const original = document.getText();
		try {
			const slip = original.indexOf('2023, 1:05 PM UTC') + '2023, 1:05 '.length;
			assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(slip), document.positionAt(slip + 2)), 'AM')));
			const warning = await diagnosticWithCode(document, 'timeline-order');
			await applyPreferredFix(document, warning, 'Change to 1:05 PM');
			assert.equal(document.getText(), original);
			await waitFor(() => postmortemDiagnostics(document.uri).length === 0, undefined, 'the diagnostics to clear after the fix');
		} finally {
			await revert(document);
		}
	});

	test('outage-postmortem.md without its last section: the preferred fix adds the missing section at the end', async () => {
		const heading = '### Corrective and Preventative Measures';
		const { document, kept: cut } = await openWithoutTrailingSection('outage-postmortem.md', heading);
		try {
			const missing = await diagnosticWithCode(document, 'missing-section');
			assert.equal(missing.severity, vscode.DiagnosticSeverity.Information);
			await applyPreferredFix(document, missing, `Add a "Corrective and Preventative Measures" section (corrective actions)`);
			// The section goes after the last text, before the trailing blank line, with a hint of what it holds.
			assert.equal(document.getText(), `${cut.trimEnd()}\n\n${heading}\n\n<!-- What can be improved, and a list of concrete tasks. -->\n\n`);
			await waitFor(
				() => !postmortemDiagnostics(document.uri).some((diagnostic) => diagnosticCode(diagnostic) === 'missing-section'),
				undefined,
				'the missing-section diagnostic to clear after the fix',
			);
		} finally {
			await revert(document);
		}
	});
});
