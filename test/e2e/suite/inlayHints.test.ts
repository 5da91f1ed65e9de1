import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { locateTimeline } from '../../fixtures/expectations';
import { activeExtension, hintLabel, inlayHints, linesOf, openFixture, waitFor } from './helpers';

suite('inlay hints', () => {
	test('incident-postmortem.txt: the time since the first entry after each entry\'s time', async () => {
		const document = await openFixture('incident-postmortem.txt');
		await activeExtension();
		const { headingLine, entries } = locateTimeline('incident-postmortem.txt', linesOf(document));
		const range = new vscode.Range(headingLine, 0, entries.at(-1)!.line + 1, 0);
		const hints = await waitFor(async () => {
			const shown = await inlayHints(document.uri, range);
			assert.equal(shown.length, entries.length, `hints: ${JSON.stringify(shown.map(hintLabel))}`);
			return shown;
		}, undefined, 'inlay hints on the timeline');
		assert.deepEqual(hints.map(hintLabel), ['+0:00', '+0:07', '+0:25', '+0:50', '+1:20', '+1:35', '+1:50']);
		assert.deepEqual(
			hints.map((hint) => hint.position.line),
			entries.map((entry) => entry.line),
		);
	});
});
