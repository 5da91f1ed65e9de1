import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { locateTimeline } from '../../fixtures/expectations';
import { activeExtension, diagnosticCode, linesOf, openFixture, postmortemDiagnostics, waitFor } from './helpers';

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
});
