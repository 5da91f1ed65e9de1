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

/** A kind of failure seen while soaking, with the shortest input that showed it. */
interface SoakFailure {
  times: number;
  example: string;
  message: string;
}

const soakFailures = new Map<string, Map<string, SoakFailure>>();

/** The first line of a failure with numbers blanked: failures that differ only in offsets are one kind. */
function failureKind(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/\d+/g, '#').replace(/"[^"]*"/g, '"…"').slice(0, 200);
}

/**
 * Wraps a property's predicate. Normally a failure fails the run (and fast-check shrinks it).
 * When soaking, a failure is recorded by kind and the run goes on, so one known defect does not
 * hide the others; {@link assertNoSoakFailures} fails at the end with one example per kind.
 */
export function soakable<A extends unknown[]>(property: string, predicate: (...args: A) => void): (...args: A) => void {
  if (!soaking) return predicate;
  return (...args: A) => {
    try {
      predicate(...args);
    } catch (error) {
      recordSoakFailure(property, error, args);
    }
  };
}

export function soakableAsync<A extends unknown[]>(property: string, predicate: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  if (!soaking) return predicate;
  return async (...args: A) => {
    try {
      await predicate(...args);
    } catch (error) {
      recordSoakFailure(property, error, args);
    }
  };
}

function recordSoakFailure(property: string, error: unknown, args: unknown[]): void {
  count(property, 'failures');
  let kinds = soakFailures.get(property);
  if (!kinds) soakFailures.set(property, (kinds = new Map()));
  const kind = failureKind(error);
  const example = JSON.stringify(args);
  const known = kinds.get(kind);
  if (!known) kinds.set(kind, { times: 1, example, message: error instanceof Error ? error.message : String(error) });
  else {
    known.times++;
    if (example.length < known.example.length) {
      known.example = example;
      known.message = error instanceof Error ? error.message : String(error);
    }
  }
}

/** After a soak: fails listing every kind of failure seen, each with its shortest example. */
export function assertNoSoakFailures(property: string): void {
  const kinds = soakFailures.get(property);
  if (!kinds || kinds.size === 0) return;
  const report = [...kinds.values()]
    .map((failure) => `- ${failure.times}×: ${failure.message.split('\n')[0]}\n  shortest input: ${failure.example.slice(0, 2000)}`)
    .join('\n');
  throw new Error(`${property}: ${kinds.size} kind(s) of failure while soaking:\n${report}`);
}
