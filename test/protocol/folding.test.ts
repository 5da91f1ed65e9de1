import * as assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver/node';
import { LspHarness, vscodeLikeCapabilities } from './harness';
import { lineStartingWith, markdownDocument, plainTextDocument, readmeText, referenceDocuments } from './referenceDocuments';

const has = (ranges: FoldingRange[], startLine: number, endLine: number): boolean =>
  ranges.some((r) => r.startLine === startLine && r.endLine === endLine);

suite('textDocument/foldingRange', () => {
  let harness: LspHarness;
  setup(async () => {
    harness = await LspHarness.start();
  });
  teardown(() => harness.dispose());

  for (const reference of referenceDocuments) {
    test(`${reference.name}: the timeline folds from its heading to its last entry`, async () => {
      const uri = 'file:///work/fold.postmortem';
      await harness.open(uri, 'postmortem', reference.text);
      const ranges = await harness.foldingRanges(uri);
      const heading = lineStartingWith(reference.text, reference.timelineHeading);
      const lastEntry = lineStartingWith(reference.text, reference.entries.at(-1)!.linePrefix);
      // Both references' last entries are one line long.
      assert.ok(has(ranges, heading, lastEntry), JSON.stringify(ranges));
      assert.ok(ranges.every((r) => r.endLine > r.startLine), 'no single-line folds');
      const starts = ranges.map((r) => r.startLine);
      assert.deepEqual(starts, [...new Set(starts)].sort((a, b) => a - b), 'one range per start line, in order');
    });
  }

  test('Markdown reference: an entry wrapped onto a second line folds; a one-line entry does not', async () => {
    const reference = markdownDocument;
    const uri = 'file:///work/fold.md';
    await harness.open(uri, 'markdown', reference.text);
    const ranges = await harness.foldingRanges(uri);
    const wrapped = lineStartingWith(reference.text, reference.entries[0]!.linePrefix);
    assert.ok(has(ranges, wrapped, wrapped + 1), JSON.stringify(ranges));
    const oneLine = lineStartingWith(reference.text, reference.entries[3]!.linePrefix);
    assert.ok(!ranges.some((r) => r.startLine === oneLine), JSON.stringify(ranges));
  });

  test('a README gets no folding ranges', async () => {
    const uri = 'file:///work/README.md';
    await harness.open(uri, 'markdown', readmeText);
    assert.deepEqual(await harness.foldingRanges(uri), []);
  });

  test('respects the client rangeLimit', async () => {
    await harness.dispose();
    harness = await LspHarness.start({
      capabilities: {
        ...vscodeLikeCapabilities,
        textDocument: { ...vscodeLikeCapabilities.textDocument, foldingRange: { rangeLimit: 2 } },
      },
    });
    const uri = 'file:///work/limit.postmortem';
    await harness.open(uri, 'postmortem', plainTextDocument.text);
    assert.equal((await harness.foldingRanges(uri)).length, 2);
  });
});

