import * as assert from 'node:assert/strict';
import { HoverRequest, type Diagnostic, type DocumentSymbol, type Hover } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './harness';

function textOf(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const document = TextDocument.create('file:///x', 'postmortem', 1, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

async function diagnosticsOf(harness: LspHarness, uri: string): Promise<Diagnostic[]> {
  const report = await harness.pullDiagnostics(uri);
  return report.kind === 'full' ? report.items : [];
}

suite('encodings and sizes', function () {
  this.timeout(60_000);
  let harness: LspHarness;
  let maxDocumentSize: number | undefined;
  setup(async () => {
    maxDocumentSize = undefined;
    harness = await LspHarness.start({ configuration: () => (maxDocumentSize === undefined ? null : { maxDocumentSize }) });
  });
  teardown(() => harness.dispose());

  test('emoji before a timestamp: diagnostic, hover and outline ranges cover exactly the time (UTF-16 columns)', async () => {
    const text = '## Timeline\n\n😀😀 10:00 PM deploy\n👩‍💻 9:00 PM rollback 🇺🇸\n';
    const uri = 'file:///tmp/emoji.postmortem';
    await harness.open(uri, 'postmortem', text);
    const diagnostics = await diagnosticsOf(harness, uri);
    const order = diagnostics.find((d) => d.code === 'timeline-order');
    assert.ok(order, `a timeline-order diagnostic: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(textOf(text, order.range), '9:00 PM');
    assert.equal(order.range.start.character, 6, '👩‍💻 is 5 UTF-16 code units, then a space');
    const hover = (await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 7 } })) as Hover | null;
    assert.ok(hover?.range, 'a hover on the first time');
    assert.equal(textOf(text, hover.range), '10:00 PM');
    const entries = flatten((await harness.documentSymbols(uri)) as DocumentSymbol[]).filter((s) => s.range.start.line >= 2);
    assert.deepEqual(entries.map((s) => textOf(text, s.selectionRange)), ['10:00 PM', '9:00 PM']);
  });

  test('a byte order mark does not shift positions', async () => {
    const text = '\ufeff## Timeline\n\n- 10:00 UTC deploy\n- 09:00 UTC rollback\n';
    const uri = 'file:///tmp/bom.postmortem';
    await harness.open(uri, 'postmortem', text);
    const order = (await diagnosticsOf(harness, uri)).find((d) => d.code === 'timeline-order');
    assert.ok(order);
    assert.equal(textOf(text, order.range), '09:00');
    const [timeline] = (await harness.documentSymbols(uri)) as DocumentSymbol[];
    assert.ok(timeline && textOf(text, timeline.selectionRange).includes('Timeline'));
  });

  test('binary garbage: every request answers, ranges stay inside the document', async () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const text = Array.from({ length: 200_000 }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('');
    const uri = 'file:///tmp/garbage.postmortem';
    await harness.open(uri, 'postmortem', text);
    const document = TextDocument.create(uri, 'postmortem', 1, text);
    for (const diagnostic of await diagnosticsOf(harness, uri)) {
      assert.ok(diagnostic.range.end.line < document.lineCount);
    }
    await harness.documentSymbols(uri);
    await harness.foldingRanges(uri);
  });

  test('past maxDocumentSize: outline and folding only, and one information diagnostic says so', async () => {
    maxDocumentSize = 2_000;
    await harness.changeConfiguration();
    const entries = Array.from({ length: 200 }, (_, i) => `- ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC step ${i}`);
    const text = `## Summary\n\nText.\n\n## Timeline\n\n- 10:30 PST mixed zone\n- 13:00 PM invalid\n${entries.join('\n')}\n`;
    assert.ok(text.length > maxDocumentSize);
    const uri = 'file:///tmp/large.postmortem';
    await harness.open(uri, 'postmortem', text);
    const diagnostics = await diagnosticsOf(harness, uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0]!.code, 'document-too-large');
    assert.equal(diagnostics[0]!.severity, 3);
    assert.match(String(diagnostics[0]!.message), /maxDocumentSize/);
    assert.ok(flatten((await harness.documentSymbols(uri)) as DocumentSymbol[]).length > 100, 'the outline is still computed');
    assert.equal(await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 3 } }), null);

    maxDocumentSize = 10_000_000;
    await harness.changeConfiguration();
    const analysed = await diagnosticsOf(harness, uri);
    assert.ok(analysed.length > 0, 'raising the limit brings the analysis back');
    assert.ok(!analysed.some((d) => d.code === 'document-too-large'));
  });
});
