import * as assert from 'node:assert/strict';
import { splitLines, splitLinesInSteps } from '../../../../server/src/core/parse/lines';

/** The lines as a plain regular-expression split gives them, with offsets rebuilt: the reference. */
function reference(text: string): Array<{ start: number; end: number; text: string }> {
  const withoutMark = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const pieces = text.slice(withoutMark).split(/\r\n|\r|\n/);
  const lines = [];
  let start = withoutMark;
  for (const piece of pieces) {
    lines.push({ start, end: start + piece.length, text: piece });
    start += piece.length + (text.startsWith('\r\n', start + piece.length) ? 2 : 1);
  }
  return lines;
}

suite('splitting lines', () => {
  const texts = [
    '',
    'one line',
    'a\nb\n',
    'a\r\nb\r\nc',
    'a\rb\rc\r',
    'a\n\rb',
    '\r\n\r\n',
    '\n\n\n',
    '\ufeff# Title\r\nbody',
    '\ufeff',
    'mixed\r\nbreaks\nand\rlone\r\n\rends\n',
    '😀 emoji\u2028not a break\n',
  ];

  test('every kind of line break, a byte order mark and empty lines: offsets and texts as a plain split gives them', () => {
    for (const text of texts) {
      const lines = splitLines(text);
      assert.deepEqual(
        lines.map((line) => ({ start: line.start, end: line.end, text: line.text })),
        reference(text),
        JSON.stringify(text),
      );
      lines.forEach((line, index) => assert.equal(line.index, index));
    }
  });

  test('a long document is split in more than one step, with the same lines', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? `line ${i}\r\n` : `line ${i}\n`)).join('');
    const steps = splitLinesInSteps(text);
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      step = steps.next();
    }
    assert.ok(count >= 2, `${count} steps`);
    assert.deepEqual(step.value.map((line) => ({ start: line.start, end: line.end, text: line.text })), reference(text));
  });
});
