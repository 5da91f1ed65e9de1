/**
 * Converts between UTF-16 offsets and zero-based `{ line, character }` positions.
 *
 * Line breaks are `\r\n`, `\n` and a lone `\r`, exactly as `vscode-languageserver-textdocument`
 * counts them, so the CLI and the server agree on every position.
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

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.#lineStarts = starts;
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
    let low = 0;
    let high = this.#lineStarts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#lineStarts[mid]! > o) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const start = this.#lineStarts[line]!;
    return { line, character: this.#beforeLineBreak(o, start) - start };
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
