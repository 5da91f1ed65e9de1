import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineStartingWith, locateTimeline } from '../../fixtures/expectations';
import { activeExtension, diagnosticCode, linesOf, openFixture, postmortemDiagnostics, revert, waitFor } from './helpers';

/** A diagnostic as compared here: code, severity and exact range. */
function shown(diagnostic: vscode.Diagnostic) {
	const { start, end } = diagnostic.range;
	return { code: diagnosticCode(diagnostic), severity: vscode.DiagnosticSeverity[diagnostic.severity], range: [start.line, start.character, end.line, end.character] };
}

/** Waits until the document's diagnostics are exactly `expected` (in range order), failing with the last seen. */
async function expectDiagnostics(document: vscode.TextDocument, expected: ReturnType<typeof shown>[], what: string): Promise<void> {
	await waitFor(
		() => {
			const all = postmortemDiagnostics(document.uri)
				.sort((a, b) => a.range.start.compareTo(b.range.start) || a.severity - b.severity)
				.map(shown);
			assert.deepEqual(all, expected);
			return true;
		},
		undefined,
		what,
	);
}

suite('diagnostics (pulled by VS Code)', () => {
	test('incident-postmortem.txt: a timezone-missing warning on the TIMELINE heading', async () => {
		const document = await openFixture('incident-postmortem.txt');
		await activeExtension();
		const { headingLine } = locateTimeline('incident-postmortem.txt', linesOf(document));
		const warning = await waitFor(
			() => postmortemDiagnostics(document.uri).find((diagnostic) => diagnosticCode(diagnostic) === 'timezone-missing'),
			undefined,
			'the timezone-missing diagnostic',
		);
		assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
		assert.equal(warning.range.start.line, headingLine);
		assert.match(warning.message, /no time zone/);
	});

	test('incident-postmortem.txt: that warning is the only diagnostic, and it spans the word TIMELINE', async () => {
		const document = await openFixture('incident-postmortem.txt');
		await activeExtension();
		const { headingLine } = locateTimeline('incident-postmortem.txt', linesOf(document));
		await expectDiagnostics(document, [{ code: 'timezone-missing', severity: 'Warning', range: [headingLine, 0, headingLine, 'TIMELINE'.length] }], 'the diagnostics of incident-postmortem.txt');
	});

	test('outage-postmortem.md: 1:05 PM typed as 1:05 AM gives one out-of-order warning on the time (the slip, not also an outside-window hint); undoing clears it', async () => {
		const document = await openFixture('outage-postmortem.md');
		await activeExtension();
		const editor = await vscode.window.showTextDocument(document);
		const line = lineStartingWith(linesOf(document), 'October 23rd, 2023, 1:05 PM UTC', 'outage-postmortem.md');
		const start = document.lineAt(line).text.indexOf('1:05 PM');
		try {
			assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(line, start + 5, line, start + 7), 'AM')));
			const onTheTime = [line, start, line, start + '1:05 AM'.length];
			await expectDiagnostics(
				document,
				// The entry is also outside the stated window, but as 1:05 PM it would be inside: the
				// slip is the one cause, reported once.
				[{ code: 'timeline-order', severity: 'Warning', range: onTheTime }],
				'the diagnostics of outage-postmortem.md with an AM/PM slip',
			);
		} finally {
			await revert(document);
		}
		await expectDiagnostics(document, [], 'outage-postmortem.md as written to have no diagnostics');
	});
});
