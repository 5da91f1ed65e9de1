import * as assert from 'node:assert/strict';
import { expected, lineStartingWith, locateTimeline } from '../../fixtures/expectations';
import { activeExtension, foldingRanges, linesOf, openFixture, waitFor } from './helpers';

suite('folding (vscode.executeFoldingRangeProvider)', () => {
	for (const fileName of ['incident-postmortem.txt', 'checkout-latency.postmortem.md']) {
		test(`${fileName}: every section folds, the timeline section over all its entries`, async () => {
			const document = await openFixture(fileName);
			await activeExtension();
			const lines = linesOf(document);
			const sections = expected(fileName).sections!.map((section) => ({ ...section, line: lineStartingWith(lines, section.linePrefix, fileName) }));
			const timeline = locateTimeline(fileName, lines);
			const lastEntryLine = timeline.entries.at(-1)!.line;
			const nextSectionLine = Math.min(...sections.map((section) => section.line).filter((line) => line > timeline.headingLine), document.lineCount);

			await waitFor(async () => {
				const ranges = await foldingRanges(document.uri);
				const listing = `\nranges: ${ranges.map((range) => `${range.start}-${range.end}`).join(', ')}`;
				for (const section of sections) {
					assert.ok(
						ranges.some((range) => range.start === section.line && range.end > section.line),
						`a fold starts at section "${section.name}" (line ${section.line})${listing}`,
					);
				}
				const timelineFold = ranges.find((range) => range.start === timeline.headingLine);
				assert.ok(timelineFold, `the timeline section folds${listing}`);
				assert.ok(
					timelineFold.end >= lastEntryLine && timelineFold.end < nextSectionLine,
					`the timeline fold ends between the last entry (line ${lastEntryLine}) and the next section (line ${nextSectionLine})${listing}`,
				);
				return true;
			}, undefined, `folding ranges of ${fileName}`);
		});
	}
});
