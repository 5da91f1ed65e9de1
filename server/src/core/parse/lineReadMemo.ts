/**
 * What the timeline reader made of each line in the latest parses of one document, by the
 * line's text. After a keystroke almost every line of a timeline reads as before, only shifted
 * by the edit: reusing those reads, their spans moved, skips the time, date and zone scanners
 * on all but the edited lines. A read depends only on the line's text, its offset and whether
 * only time-led lines count, so a remembered read is right for any parse of any text; the memo
 * only decides how much is kept: the lines of the last complete parse and of the one under way.
 *
 * Create one per open document, pass it to each parse of that document, drop it on close.
 */
export class LineReadMemo {
  #previous = new Map<string, RememberedRead>();
  #current = new Map<string, RememberedRead>();
  #previousStrict = new Map<string, RememberedRead>();
  #currentStrict = new Map<string, RememberedRead>();

  /** A parse starts: what it reads replaces what the parse before it read. */
  begin(): void {
    this.#current = new Map();
    this.#currentStrict = new Map();
  }

  /** A parse completed: its reads are what the next parse looks up (it begins with empty current maps). */
  complete(): void {
    this.#previous = this.#current;
    this.#previousStrict = this.#currentStrict;
  }

  /**
   * The read remembered for a line with this text, and the offset it was read at. A read kept
   * from the previous parse is kept for the next one too, since this parse met its line again.
   */
  recall(text: string, strict: boolean): RememberedRead | undefined {
    const current = strict ? this.#currentStrict : this.#current;
    const inThisParse = current.get(text);
    if (inThisParse) return inThisParse;
    const inPrevious = (strict ? this.#previousStrict : this.#previous).get(text);
    if (inPrevious) current.set(text, inPrevious);
    return inPrevious;
  }

  remember(text: string, strict: boolean, remembered: RememberedRead): void {
    (strict ? this.#currentStrict : this.#current).set(text, remembered);
  }
}

/** A line's read (opaque here: the timeline reader's own type) and the offset it was read at. */
export interface RememberedRead {
  readonly start: number;
  readonly read: unknown;
}
