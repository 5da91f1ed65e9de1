import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expected, lineStartingWith, locateTimeline } from '../../fixtures/expectations';
import { activeExtension, describeSymbols, documentSymbols, flattenSymbols, linesOf, openFixture, symbolsStartingOn, waitFor } from './helpers';

suite('documents that are not postmortems', () => {
	test('README.md gets only its Markdown headings in the outline and no diagnostics', async () => {
		// First prove the server is up and answering, so the README's silence means something.
		const postmortem = await openFixture('outage-postmortem.md');
		await activeExtension();
		const [firstEntry] = locateTimeline('outage-postmortem.md', linesOf(postmortem)).entries;
		await waitFor(
			async () => symbolsStartingOn(flattenSymbols(await documentSymbols(postmortem.uri)), firstEntry!.line).length > 0,
			undefined,
			'the server to outline outage-postmortem.md',
		);

		const readme = await openFixture('README.md');
		const headingLines = expected('README.md').headings!.map((heading) => lineStartingWith(linesOf(readme), heading, 'README.md'));
		const symbols = await waitFor(async () => {
			const all = flattenSymbols(await documentSymbols(readme.uri));
			// The Markdown extension's own heading symbols arrive once its server has the file.
			assert.equal(all.length, headingLines.length, `README symbols:\n${describeSymbols(all)}`);
			return all;
		}, undefined, 'the Markdown outline of README.md');
		assert.deepEqual(
			symbols.map((symbol) => symbol.range.start.line).sort((a, b) => a - b),
			headingLines,
			`README symbols are its headings only:\n${describeSymbols(symbols)}`,
		);
		assert.deepEqual(
			vscode.languages.getDiagnostics(readme.uri).map((diagnostic) => diagnostic.message),
			[],
			'README has no diagnostics',
		);
	});
});
