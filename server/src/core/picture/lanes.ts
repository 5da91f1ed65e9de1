/**
 * Rows of non-overlapping horizontal intervals: the labels of one row never touch.
 *
 * Intervals must be offered in ascending order of `start`; then each row only needs the end of
 * its last interval, and placing n intervals in k rows costs O(n·k).
 */
export class Lanes {
  readonly #ends: number[] = [];
  readonly #maxLanes: number;
  readonly #spacing: number;

  /** `spacing`: the least distance in px between two intervals of one row. */
  constructor(maxLanes: number, spacing: number) {
    this.#maxLanes = maxLanes;
    this.#spacing = spacing;
  }

  /** Rows in use. */
  get count(): number {
    return this.#ends.length;
  }

  /**
   * Places `[start, end]` in the first row where it does not touch the row's last interval,
   * opening a row when none fits; the row's index, or -1 when every row is taken.
   */
  place(start: number, end: number): number {
    for (let lane = 0; lane < this.#ends.length; lane++) {
      if (this.#ends[lane]! + this.#spacing <= start) {
        this.#ends[lane] = end;
        return lane;
      }
    }
    if (this.#ends.length < this.#maxLanes) {
      this.#ends.push(end);
      return this.#ends.length - 1;
    }
    return -1;
  }
}
