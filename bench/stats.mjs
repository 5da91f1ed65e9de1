// Small statistics helpers shared by the benchmark scripts.

/** The value at quantile `q` (0..1) of `samples`, by nearest rank; NaN when empty. */
export function quantile(samples, q) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples) => quantile(samples, 0.5);

/**
 * Times `run` repeatedly after warming up (`warmup` untimed calls, and more until `warmupMs`
 * has passed, so that small inputs run long enough for the optimising compiler): at least
 * `minRuns` samples, then more until `maxRuns` or `budgetMs` is reached. Returns the samples in
 * milliseconds and their median.
 */
export function measure(run, { warmup = 3, warmupMs = 0, minRuns = 5, maxRuns = 50, budgetMs = 2000 } = {}) {
  const warmupStarted = performance.now();
  for (let i = 0; i < warmup || (warmup > 0 && performance.now() - warmupStarted < warmupMs && i < 10_000); i++) run();
  const samples = [];
  const started = performance.now();
  while (samples.length < minRuns || (samples.length < maxRuns && performance.now() - started < budgetMs)) {
    const before = performance.now();
    run();
    samples.push(performance.now() - before);
  }
  return { median: median(samples), runs: samples.length, samples };
}

/** A seeded PRNG (mulberry32): the same seed gives the same edit positions on every run. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
