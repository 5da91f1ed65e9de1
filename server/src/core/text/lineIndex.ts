import { firstIndexAbove } from './sortedSearch';

/**
 * Converts between UTF-16 offsets and zero-based `{ line, character }` positions.
 *
 * Line breaks are `\r\n`, `\n` and a lone `\r`, exactly as `vscode-languageserver-textdocument`
 * counts them, so the CLI and the server agree on every position. One index converts thousands of
 * offsets (the outline) cheaply: offsets asked in document order are found from the last one.
 */
export interface LinePosition {
  /** Zero-based line. */
  readonly line: number;
  /** Zero-based UTF-16 code-unit column. */
  readonly character: number;
}

export class LineIndex {
  /** Offset at which each line starts; always begins with 0. */
  readonly #lineStarts: number[];
  readonly #length: number;
  readonly #text: string;
  /** The line of the last offset converted: offsets asked in document order are found without a search. */
  #line = 0;

  constructor(text: string) {
    this.#lineStarts = lineStartsOf(text);
    this.#length = text.length;
    this.#text = text;
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** The offset where `line` starts (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.#lineStarts.length) return this.#length;
    return this.#lineStarts[line]!;
  }

  /** The position of `offset` (clamped to the document). */
  positionAt(offset: number): LinePosition {
    const o = Math.max(0, Math.min(offset, this.#length));
    const line = this.#lineOf(o);
    const start = this.#lineStarts[line]!;
    return { line, character: this.#beforeLineBreak(o, start) - start };
  }

  /** The line holding offset `o`: the last one's or one of the next few, else a binary search. */
  #lineOf(o: number): number {
    const starts = this.#lineStarts;
    const last = starts.length - 1;
    let line = this.#line;
    if (starts[line]! <= o) {
      for (let step = 0; step < 4; step++) {
        if (line === last || starts[line + 1]! > o) return (this.#line = line);
        line++;
      }
    }
    return (this.#line = firstIndexAbove(starts, o) - 1);
  }

  /**
   * The offset of a position. A character past the end of the line's text clamps to the end of
   * that text (before the line break), as `TextDocument.offsetAt` does; lines past the end clamp
   * to the document's length.
   */
  offsetAt(position: LinePosition): number {
    if (position.line >= this.#lineStarts.length) return this.#length;
    if (position.line < 0) return 0;
    const start = this.#lineStarts[position.line]!;
    if (position.character <= 0) return start;
    return this.#beforeLineBreak(Math.min(start + position.character, this.lineStart(position.line + 1)), start);
  }

  /** The offset just past the last character of `line`'s text, before its line break. */
  lineContentEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.#lineStarts.length) return this.#length;
    return this.#beforeLineBreak(this.lineStart(line + 1), this.#lineStarts[line]!);
  }

  /**
   * Moves an offset that sits inside or after a line break back to the end of the line's text.
   * An offset between the `\r` and `\n` of a CRLF is not a valid position of either line.
   */
  #beforeLineBreak(offset: number, lineStart: number): number {
    let o = offset;
    while (o > lineStart && (this.#text.charCodeAt(o - 1) === 10 || this.#text.charCodeAt(o - 1) === 13)) o--;
    return o;
  }
}

/** Line starts after `\r\n`, `\n` and a lone `\r`. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // indexOf scans far faster than a loop over every character, and most texts use `\n` only.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
  return starts;
}
