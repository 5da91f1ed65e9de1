import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

/** Compares every offset and every position (including past line and document ends) with TextDocument. */
function assertAgreesWithTextDocument(text: string): void {
  const reference = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
  const index = new LineIndex(text);
  assert.equal(index.lineCount, reference.lineCount, `lineCount of ${JSON.stringify(text)}`);
  for (let offset = -2; offset <= text.length + 2; offset++) {
    assert.deepEqual(index.positionAt(offset), reference.positionAt(offset), `positionAt(${offset}) in ${JSON.stringify(text)}`);
  }
  for (let line = -1; line <= reference.lineCount + 1; line++) {
    for (let character = -1; character <= text.length + 3; character++) {
      const position = { line, character };
      assert.equal(index.offsetAt(position), reference.offsetAt(position), `offsetAt(${line}:${character}) in ${JSON.stringify(text)}`);
    }
  }
}

suite('LineIndex', () => {
  const cases: Record<string, string> = {
    'empty document': '',
    'no trailing newline': 'first line\nsecond line',
    'trailing LF': 'a\nb\n',
    CRLF: '10:00 PM: detected\r\n10:05 PM: paged\r\n',
    'lone CR': 'old\rmac\rtext',
    'mixed breaks': 'a\r\n\nb\r\rc\n\r\n',
    'emoji (surrogate pairs)': '## 🚨 Timeline\r\n- 22:05 😀 paged\nend 🔥',
    'only breaks': '\r\n\r\n\n\r',
    'CR at the end': 'x\r',
    'CRLF split across lines': '\r\r\n\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(`agrees with TextDocument: ${name}`, () => assertAgreesWithTextDocument(text));
  }

  test('agrees with TextDocument on random texts', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '\r', '\n', '\r\n', '😀', 'é', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        assertAgreesWithTextDocument(pieces.join(''));
      }),
      { numRuns: 300 },
    );
  });

  test('measures columns in UTF-16 code units', () => {
    const index = new LineIndex('a😀b\r\nc');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
    assert.deepEqual(index.positionAt(6), { line: 1, character: 0 });
  });

  test('clamps a character past the end of a line to before its line break', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.lineContentEnd(0), 2);
    assert.equal(index.lineContentEnd(1), 6);
  });
});
