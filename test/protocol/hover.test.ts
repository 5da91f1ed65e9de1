import * as assert from 'node:assert/strict';
import { CodeLensRequest, HoverRequest, InlayHintRequest, MarkupContent, type Hover, type Position } from 'vscode-languageserver/node';
import { LspHarness } from './harness';
import { seeds } from './seeds';

const seed000 = seeds[0]!;
const seed003 = seeds[1]!;

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

  test('seed 000: hover on 11:45 PM shows 1 h 45 min since the start, with a range on the time', async () => {
    const uri = 'file:///work/seed000.postmortem';
    await harness.open(uri, 'postmortem', seed000.text);
    const position = positionOf(seed000.text, '11:45 PM:');
    const hover = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.match(markdownOf(hover), /1 h 45 min since the start \(10:00 PM, the stated start\)/);
    assert.deepEqual(hover!.range, { start: { line: position.line, character: 0 }, end: { line: position.line, character: 8 } });
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

  test('seed 003: hover on the 6:00 PM entry gives 3 h 30 min since the 2:30 PM start', async () => {
    const uri = 'file:///work/seed003.postmortem';
    await harness.open(uri, 'postmortem', seed003.text);
    const hover = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(seed003.text, '6:00 PM UTC -') });
    assert.match(markdownOf(hover), /3 h 30 min since the start \(2:30 PM, the stated start\)/);
  });

  test('no hover away from times, durations and the timeline heading', async () => {
    const uri = 'file:///work/nohover.postmortem';
    await harness.open(uri, 'postmortem', seed003.text);
    const hover = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(seed003.text, 'load balancer') });
    assert.equal(hover, null);
  });

  test('inlay hints after each time in the requested range, and a lens on the timeline heading', async () => {
    const uri = 'file:///work/hints.postmortem';
    await harness.open(uri, 'postmortem', seed000.text);
    const timelineLine = positionOf(seed000.text, 'TIMELINE').line;
    const hints = await harness.client.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: timelineLine, character: 0 }, end: { line: timelineLine + 20, character: 0 } },
    });
    assert.deepEqual(
      (hints ?? []).map((hint) => hint.label),
      ['+0:00', '+0:05', '+0:20', '+0:45', '+1:20', '+1:30', '+1:45'],
    );
    const lenses = await harness.client.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    // The timeline's lens, then the corrective-actions section's.
    assert.equal(lenses?.length, 2);
    assert.equal(lenses![0]!.range.start.line, timelineLine);
    assert.match(lenses![0]!.command!.title, /^Impact 1 h 45 min · detected T\+0m · resolved T\+1h45m · 7 entries$/);
    assert.match(lenses![1]!.command!.title, /^\d+ actions · \d+ open · 0 overdue · \d+ without owner$/);
  });

  test('inlay hints turned off by the setting', async () => {
    await harness.dispose();
    harness = await LspHarness.start({ configuration: (item) => (item.section === 'postmortem' ? { inlayHints: false } : null) });
    const uri = 'file:///work/nohints.postmortem';
    await harness.open(uri, 'postmortem', seed000.text);
    const hints = await harness.client.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    assert.deepEqual(hints, []);
  });
});
