import * as assert from 'node:assert/strict';
import { activeExtension, hoverTexts, openFixture, positionOf, waitFor } from './helpers';

suite('hover', () => {
	const cases = [
		{ fileName: 'incident-postmortem.txt', at: '9:05 PM:', shows: /1 h 50 min since the start \(7:15 PM, the stated start\)/, what: 'the time since the incident started' },
		{ fileName: 'outage-postmortem.md', at: '2:05 PM UTC -', shows: /2 h 45 min since the start \(11:20 AM, the stated start\)/, what: 'the time since the incident started' },
		{
			fileName: 'outage-postmortem.md',
			at: '### Timeline',
			shows: /Time to detect: \*\*6 min\*\* \(detected 11:26 AM\)[^]*Time to resolve: \*\*2 h 45 min\*\* \(resolved 2:05 PM\)/,
			what: 'the incident metrics (time to detect and to resolve)',
		},
		{
			fileName: 'checkout-latency.postmortem.md',
			at: '10:25 UTC.',
			shows: /From the stated start and end, 09:10 to 10:25: 1 h 15 min[^]*The stated window and the timeline agree/,
			what: 'the stated window checked against the timeline',
		},
	];
	for (const { fileName, at, shows, what } of cases) {
		test(`${fileName}: hovering "${at}" shows ${what}`, async () => {
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
