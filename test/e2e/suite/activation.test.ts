import * as assert from 'node:assert/strict';
import { expected } from '../../fixtures/expectations';
import { activeExtension, openFixture } from './helpers';

suite('activation', () => {
	test('activates on a .postmortem.md file, which gets the postmortem language', async () => {
		const document = await openFixture('checkout-latency.postmortem.md');
		assert.equal(document.languageId, expected('checkout-latency.postmortem.md').languageId);
		const extension = await activeExtension();
		assert.equal(extension.packageJSON.name, 'postmortem');
	});

	test('leaves plain-text and Markdown postmortems in their own languages', async () => {
		for (const fileName of ['incident-postmortem.txt', 'outage-postmortem.md']) {
			const document = await openFixture(fileName);
			assert.equal(document.languageId, expected(fileName).languageId, fileName);
		}
		await activeExtension();
	});
});
