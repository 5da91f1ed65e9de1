import type * as fc from 'fast-check';

/**
 * Seeds, run counts and the soak mode shared by every property test.
 *
 * - `POSTMORTEM_PROPERTY_SEED`: replay a run (the seed is printed at the start of every run).
 * - `POSTMORTEM_SOAK_SECONDS`: instead of the CI-sized run counts, run each property for its
 *   share of this many seconds (`npm run soak`).
 */

function readSeed(): number {
  const raw = process.env.POSTMORTEM_PROPERTY_SEED;
  if (raw !== undefined && raw.trim() !== '') {
    const seed = Number(raw);
    if (!Number.isInteger(seed)) throw new Error(`POSTMORTEM_PROPERTY_SEED must be an integer, got "${raw}"`);
    return seed | 0;
  }
  return (Date.now() ^ (process.pid << 16)) | 0;
}

/** The seed every property of this process starts from. */
export const propertySeed = readSeed();

const soakSeconds = Number(process.env.POSTMORTEM_SOAK_SECONDS ?? 0);
/** True when running for a time budget rather than a fixed number of runs. */
export const soaking = Number.isFinite(soakSeconds) && soakSeconds > 0;

/**
 * The properties that share the soak budget, by name; a property not listed here gets no soak
 * time (so adding one without listing it is noticed in the printed figures).
 */
export const soakShares: Readonly<Record<string, number>> = Object.freeze({
  'core never throws and stays in range': 4,
  'incremental edits equal a fresh parse': 2,
  'edits through the protocol equal a fresh open': 2,
  'quick fixes apply cleanly and remove their finding': 3,
  'fix-all reaches a fixed point': 1,
});

const totalShares = Object.values(soakShares).reduce((sum, share) => sum + share, 0);

/** fast-check parameters for `name`: `ciRuns` runs, or its share of the soak budget. */
export function propertyParameters<T>(name: string, ciRuns: number): fc.Parameters<T> {
  const base: fc.Parameters<T> = { seed: propertySeed };
  if (!soaking) return { ...base, numRuns: ciRuns };
  const share = soakShares[name] ?? 0;
  return {
    ...base,
    numRuns: share > 0 ? Number.MAX_SAFE_INTEGER : ciRuns,
    interruptAfterTimeLimit: Math.max(1000, Math.round((soakSeconds * 1000 * share) / totalShares)),
    markInterruptAsFailure: false,
  };
}

/** What each property tried, printed when the run ends: the figures a soak run reports. */
export const figures = new Map<string, Map<string, number>>();

export function count(property: string, what: string, amount = 1): void {
  let counters = figures.get(property);
  if (!counters) figures.set(property, (counters = new Map()));
  counters.set(what, (counters.get(what) ?? 0) + amount);
}

/** One line per property: `name: 412 documents, 9,214 hovers, ...`. */
export function describeFigures(property: string): string {
  const counters = figures.get(property);
  if (!counters) return `${property}: nothing tried`;
  const parts = [...counters].map(([what, n]) => `${n.toLocaleString('en-US')} ${what}`);
  return `${property}: ${parts.join(', ')}`;
}

let announced = false;
/** Prints the seed once per process, so any failure can be replayed. */
export function announceSeed(): void {
  if (announced) return;
  announced = true;
  const mode = soaking ? `soak ${soakSeconds} s` : 'CI-sized';
  console.log(`  property tests: seed ${propertySeed} (${mode}); replay with POSTMORTEM_PROPERTY_SEED=${propertySeed}`);
}
