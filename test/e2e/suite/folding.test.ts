import * as assert from 'node:assert/strict';
import { activeExtension, expected, foldingRanges, lineStartingWith, openFixture, waitFor } from './helpers';

describe('folding (vscode.executeFoldingRangeProvider)', () => {
	for (const fileName of ['incident-postmortem.txt', 'checkout-latency.postmortem.md']) {
		it(`${fileName}: every section folds, the timeline section over all its entries`, async () => {
			const expectation = expected(fileName);
			const document = await openFixture(fileName);
			await activeExtension();
			const sectionLines = expectation.sections!.map((section) => ({ ...section, line: lineStartingWith(document, section.linePrefix) }));
			const lastEntryLine = lineStartingWith(document, expectation.timeline!.at(-1)!.linePrefix);
			const timelineLine = sectionLines.find((section) => section.name === expectation.timelineSection)!.line;
			const nextSectionLine = Math.min(...sectionLines.map((section) => section.line).filter((line) => line > timelineLine), document.lineCount);

			await waitFor(async () => {
				const ranges = await foldingRanges(document.uri);
				const listing = `\nranges: ${ranges.map((range) => `${range.start}-${range.end}`).join(', ')}`;
				for (const section of sectionLines) {
					assert.ok(ranges.some((range) => range.start === section.line && range.end > section.line), `a fold starts at section "${section.name}" (line ${section.line})${listing}`);
				}
				const timelineFold = ranges.find((range) => range.start === timelineLine);
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
