import * as assert from 'node:assert/strict';
import { CodeLensRequest, HoverRequest, InlayHintRequest, MarkupContent, type Hover, type Position } from 'vscode-languageserver/node';
import { LspHarness } from './harness';
import { markdownDocument, plainTextDocument } from './referenceDocuments';


/** The position of the `occurrence`-th `needle` in `text`, one character in. */
function positionOf(text: string, needle: string, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  const before = text.slice(0, at + 1).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before.at(-1)!.length };
}

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  assert.ok(MarkupContent.is(hover.contents), 'Markdown content');
  assert.equal(hover.contents.kind, 'markdown');
  return hover.contents.value;
}

suite('hover, inlay hints and code lens over the protocol', () => {
  let harness: LspHarness;
  setup(async () => {
    harness = await LspHarness.start();
  });
  teardown(() => harness.dispose());

  test('announces the providers', () => {
    const capabilities = harness.initializeResult!.capabilities;
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.inlayHintProvider);
    assert.ok(capabilities.codeLensProvider);
  });

  test('plain-text reference: hover on 9:05 PM shows 1 h 50 min since the start, with a range on the time', async () => {
    const uri = 'file:///work/incident.postmortem';
    await harness.open(uri, 'postmortem', plainTextDocument.text);
    const position = positionOf(plainTextDocument.text, '9:05 PM:');
    const hover = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.match(markdownOf(hover), /1 h 50 min since the start \(7:15 PM, the stated start\)/);
    assert.deepEqual(hover!.range, { start: { line: position.line, character: 0 }, end: { line: position.line, character: '9:05 PM'.length } });
  });

  test('hover on the end of a range (13:20 - 13:50) has the range of the end time', async () => {
    const uri = 'file:///work/range.postmortem';
    const text = '## Timeline\n\n- 13:00 UTC: Alert fired\n- 13:20 - 13:50 UTC: Database failover\n';
    await harness.open(uri, 'postmortem', text);
    const onEnd = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 12 } });
    assert.match(markdownOf(onEnd), /the end of a range that starts at 13:20/);
    assert.deepEqual(onEnd!.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 15 } });
    const onStart = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 3 } });
    assert.deepEqual(onStart!.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } });
  });

  test('Markdown reference: hover on the 2:05 PM entry gives 2 h 45 min since the 11:20 AM start', async () => {
    const uri = 'file:///work/outage.postmortem';
    await harness.open(uri, 'postmortem', markdownDocument.text);
    const hover = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(markdownDocument.text, '2:05 PM UTC -') });
    assert.match(markdownOf(hover), /2 h 45 min since the start \(11:20 AM, the stated start\)/);
  });

  test('no hover away from times, durations and the timeline heading', async () => {
    const uri = 'file:///work/nohover.postmortem';
    await harness.open(uri, 'postmortem', markdownDocument.text);
    const hover = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(markdownDocument.text, 'shard allocation') });
    assert.equal(hover, null);
  });

  test('inlay hints after each time in the requested range, and a lens on the timeline heading', async () => {
    const uri = 'file:///work/hints.postmortem';
    await harness.open(uri, 'postmortem', plainTextDocument.text);
    const timelineLine = positionOf(plainTextDocument.text, 'TIMELINE').line;
    const hints = await harness.client.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: timelineLine, character: 0 }, end: { line: timelineLine + 20, character: 0 } },
    });
    assert.deepEqual(
      (hints ?? []).map((hint) => hint.label),
      ['+0:00', '+0:07', '+0:25', '+0:50', '+1:20', '+1:35', '+1:50'],
    );
    const lenses = await harness.client.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses?.length, 1);
    assert.equal(lenses![0]!.range.start.line, timelineLine);
    assert.match(lenses![0]!.command!.title, /^Impact 1 h 50 min · detected T\+0m · resolved T\+1h50m · 7 entries$/);
  });

  test('inlay hints turned off by the setting', async () => {
    await harness.dispose();
    harness = await LspHarness.start({ configuration: (item) => (item.section === 'postmortem' ? { inlayHints: false } : null) });
    const uri = 'file:///work/nohints.postmortem';
    await harness.open(uri, 'postmortem', plainTextDocument.text);
    const hints = await harness.client.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    assert.deepEqual(hints, []);
  });
});
