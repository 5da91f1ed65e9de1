import * as assert from 'node:assert/strict';
import { activeExtension, expected, openFixture } from './helpers';

describe('activation', () => {
	it('activates on a .postmortem.md file, which gets the postmortem language', async () => {
		const document = await openFixture('checkout-latency.postmortem.md');
		assert.equal(document.languageId, expected('checkout-latency.postmortem.md').languageId);
		const extension = await activeExtension();
		assert.equal(extension.packageJSON.name, 'postmortem');
	});

	it('leaves plain-text and Markdown postmortems in their own languages', async () => {
		for (const fileName of ['incident-postmortem.txt', 'outage-postmortem.md']) {
			const document = await openFixture(fileName);
			assert.equal(document.languageId, expected(fileName).languageId, fileName);
		}
		await activeExtension();
	});
});
