/**
 * Work written as a generator of bounded steps (the parse, the rules) runs either in slices,
 * by a caller that must stay responsive, or at once, through this.
 */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
