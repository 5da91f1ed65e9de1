import * as assert from 'node:assert/strict';
import { expected, lineStartingWith, locateTimeline } from '../../fixtures/expectations';
import {
	activeExtension,
	describeSymbols,
	documentSymbols,
	flattenSymbols,
	linesOf,
	openFixture,
	plainName,
	symbolShowsTime,
	symbolsStartingOn,
	waitFor,
} from './helpers';

suite('outline (vscode.executeDocumentSymbolProvider)', () => {
	// Documents only this extension outlines: its sections, with the entries under the timeline.
	for (const fileName of ['incident-postmortem.txt', 'checkout-latency.postmortem.md']) {
		test(`${fileName}: sections, with the timeline entries under the timeline section`, async () => {
			const document = await openFixture(fileName);
			await activeExtension();
			const lines = linesOf(document);
			const sections = expected(fileName).sections!.map((section) => ({ ...section, line: lineStartingWith(lines, section.linePrefix, fileName) }));
			const timeline = locateTimeline(fileName, lines);

			await waitFor(async () => {
				const all = flattenSymbols(await documentSymbols(document.uri));
				const listing = `\nsymbols:\n${describeSymbols(all)}`;
				for (const section of sections) {
					const starting = symbolsStartingOn(all, section.line);
					assert.equal(starting.length, 1, `one symbol for section "${section.name}" on line ${section.line}${listing}`);
					assert.ok(plainName(starting[0]!).startsWith(section.name.toLowerCase()), `section symbol named "${section.name}", got "${starting[0]!.name}"${listing}`);
				}
				const [timelineSection] = symbolsStartingOn(all, timeline.headingLine);
				assert.ok(timelineSection, `a symbol for the timeline heading on line ${timeline.headingLine}${listing}`);
				const children = timelineSection.children ?? [];
				assert.deepEqual(
					children.map((child) => child.range.start.line),
					timeline.entries.map((entry) => entry.line),
					`the timeline section's children are its entries, in order${listing}`,
				);
				children.forEach((child, index) => {
					const entry = timeline.entries[index]!;
					assert.ok(symbolShowsTime(child, entry.time), `entry on line ${entry.line} shows ${entry.time}, got "${child.name}" (${child.detail})`);
					assert.equal(symbolsStartingOn(all, entry.line).length, 1, `entry on line ${entry.line} appears once${listing}`);
				});
				return true;
			}, undefined, `the outline of ${fileName}`);
		});
	}

	test('outage-postmortem.md: timeline entries join the Markdown headings without duplicating them', async () => {
		const fileName = 'outage-postmortem.md';
		const document = await openFixture(fileName);
		await activeExtension();
		const lines = linesOf(document);
		const headings = expected(fileName).headings!.map((heading) => ({ heading, line: lineStartingWith(lines, heading, fileName) }));
		const { entries } = locateTimeline(fileName, lines);

		await waitFor(async () => {
			const all = flattenSymbols(await documentSymbols(document.uri));
			const listing = `\nsymbols:\n${describeSymbols(all)}`;
			for (const entry of entries) {
				const starting = symbolsStartingOn(all, entry.line);
				assert.equal(starting.length, 1, `one symbol for the ${entry.time} entry on line ${entry.line}${listing}`);
				assert.ok(symbolShowsTime(starting[0]!, entry.time), `entry on line ${entry.line} shows ${entry.time}, got "${starting[0]!.name}"${listing}`);
			}
			for (const { heading, line } of headings) {
				assert.equal(symbolsStartingOn(all, line).length, 1, `heading "${heading}" appears exactly once${listing}`);
			}
			return true;
		}, undefined, `the outline of ${fileName}`);
	});
});
