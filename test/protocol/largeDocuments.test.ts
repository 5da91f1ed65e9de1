import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { HoverRequest, type Diagnostic, type DocumentDiagnosticReport, type Hover } from 'vscode-languageserver/node';
import { toDiagnostic } from '../../server/src/convert';
import { defaultOptions } from '../../server/src/core/options';
import { createPostmortemService } from '../../server/src/core/service';
import { LspHarness } from './harness';
import { largeTimeline } from './largeDocument';

const service = createPostmortemService();

/** Far past the size parsed in slices (100,000 characters): about 1.6 million characters. */
const largeText = largeTimeline(20_000);
const largeUri = 'file:///work/large.postmortem.md';
const smallText = '# Incident\n\n## Timeline\n\n- 10:00 UTC alert fired\n- 10:20 UTC rolled back\n';
const smallUri = 'file:///work/small.postmortem.md';
const smallTimePosition = { line: 5, character: 3 };

/** What the synchronous path gives: a parse in one go, the rules, the conversion. */
function expectedDiagnostics(text: string): Diagnostic[] {
  const document = TextDocument.create(largeUri, 'postmortem', 1, text);
  return service.check(service.parse(text), defaultOptions).map((finding) => toDiagnostic(document, finding));
}

function itemsOf(report: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(report.kind, 'full');
  return report.items;
}

/** The text after inserting `inserted` at the start of line `line`, and that change in LSP terms. */
function insertAtLine(text: string, line: number, inserted: string) {
  const document = TextDocument.create(largeUri, 'postmortem', 1, text);
  const offset = document.offsetAt({ line, character: 0 });
  return {
    text: text.slice(0, offset) + inserted + text.slice(offset),
    change: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: inserted },
  };
}

/** Tracks whether a request has been answered yet. */
function tracked<T>(promise: Promise<T>): { promise: Promise<T>; answered: () => boolean } {
  let answered = false;
  const settled = promise.finally(() => (answered = true));
  return { promise: settled, answered: () => answered };
}

suite('large documents: parsed in slices between other requests', () => {
  let harness: LspHarness;
  setup(async () => {
    harness = await LspHarness.start();
    await harness.open(smallUri, 'postmortem', smallText);
    await harness.open(largeUri, 'postmortem', largeText);
    // Settings of both documents are fetched now, so no request below waits for the client.
    assert.ok(await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position: smallTimePosition }));
    await harness.pullDiagnostics(largeUri);
  });
  teardown(() => harness.dispose());

  test('a hover in a small document is answered while the large one is still being parsed', async function () {
    this.timeout(60_000);
    const edited = insertAtLine(largeText, 2, 'x');
    await harness.change(largeUri, 2, [edited.change]);
    const diagnostics = tracked(harness.pullDiagnostics(largeUri));
    // Needs nothing but the model: answered as soon as the parse is complete.
    const outline = tracked(harness.documentSymbols(largeUri));
    const hover: Hover | null = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position: smallTimePosition });
    assert.ok(hover, 'the small document has a hover on its time');
    assert.equal(outline.answered(), false, 'the hover came back while the large document was still being parsed');
    assert.equal(diagnostics.answered(), false);
    assert.deepEqual(itemsOf(await diagnostics.promise), expectedDiagnostics(edited.text));
    assert.ok((await outline.promise).length > 0);
  });

  test('the analysis of a document parsed in slices equals the synchronous one, and finds the entry out of order', async function () {
    this.timeout(60_000);
    const items = itemsOf(await harness.pullDiagnostics(largeUri));
    assert.deepEqual(items, expectedDiagnostics(largeText));
    assert.ok(items.some((item) => item.code === 'timeline-order'), 'the out-of-order entry is reported');
  });

  test('a new version during the parse abandons it: the pending request answers about the new version', async function () {
    this.timeout(60_000);
    const second = insertAtLine(largeText, 2, 'x');
    await harness.change(largeUri, 2, [second.change]);
    const stale = tracked(harness.pullDiagnostics(largeUri));
    // Out of order after the 01:40 entry: a finding only the third version has.
    const third = insertAtLine(second.text, 8 + 101, '- 01:10 UTC a late note\n');
    await harness.change(largeUri, 3, [third.change]);
    const current = harness.pullDiagnostics(largeUri);
    const expected = expectedDiagnostics(third.text);
    assert.notDeepEqual(expected, expectedDiagnostics(second.text), 'the two versions differ in their findings');
    assert.deepEqual(itemsOf(await stale.promise), expected, 'the request made for version 2 answers about version 3');
    assert.deepEqual(itemsOf(await current), expected);
  });

  test('closing the document during the parse ends its pending requests with empty results', async function () {
    this.timeout(60_000);
    const edited = insertAtLine(largeText, 2, 'x');
    await harness.change(largeUri, 2, [edited.change]);
    const pending = harness.pullDiagnostics(largeUri);
    const symbols = harness.documentSymbols(largeUri);
    await harness.close(largeUri);
    assert.deepEqual(itemsOf(await pending), []);
    assert.deepEqual(await symbols, []);
    assert.ok(await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position: smallTimePosition }));
  });
});
