import * as assert from 'node:assert/strict';
import { activeExtension, applyCodeAction, codeActions, diagnosticCode, openFixture, postmortemDiagnostics, revert, waitFor } from './helpers';

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
			const actions = await codeActions(document.uri, warning.range, 'quickfix');
			const preferred = actions.find((action) => action.isPreferred);
			assert.ok(preferred, `a preferred quick fix among: ${actions.map((action) => action.title).join(', ')}`);
			assert.equal(preferred.title, 'Add "All times in UTC." to the timeline');

			await applyCodeAction(preferred);
			assert.equal(document.getText(), original.replace('TIMELINE: \n10:00 PM:', 'TIMELINE: \nAll times in UTC.\n10:00 PM:'));
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
});
