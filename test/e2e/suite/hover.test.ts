import * as assert from 'node:assert/strict';
import { activeExtension, hoverTexts, openFixture, positionOf, waitFor } from './helpers';

suite('hover', () => {
	const cases = [
		{ fileName: 'incident-postmortem.txt', at: '11:45 PM:', shows: /1 h 45 min since the start \(10:00 PM, the stated start\)/ },
		{ fileName: 'outage-postmortem.md', at: '6:00 PM UTC -', shows: /3 h 30 min since the start \(2:30 PM, the stated start\)/ },
	];
	for (const { fileName, at, shows } of cases) {
		test(`${fileName}: hovering "${at}" shows the time since the incident started`, async () => {
			const document = await openFixture(fileName);
			await activeExtension();
			const position = positionOf(document, at);
			await waitFor(async () => {
				const texts = await hoverTexts(document.uri, position);
				assert.ok(texts.some((text) => shows.test(text)), `hover texts: ${JSON.stringify(texts)}`);
				return true;
			}, undefined, `the hover on ${at}`);
		});
	}
});
