import type { PostmortemDocument, Span, TimelineEntry } from '../model';
import { STATUS_STATES, statusStateOf } from '../parse/statusUpdates';
import { entryPoint, isDatedMinutes, minutesBetween, windowEndPoint, windowStartPoint, type TimePoint } from './timeAxis';

/** The moments incident metrics are measured between (FireHydrant / Rootly milestones). */
export type MilestoneKind = 'started' | 'detected' | 'mitigated' | 'resolved' | 'ended';

/** Where a milestone was read from. */
export type MilestoneSource =
  | 'window-start' // the summary's stated start
  | 'window-end' // the summary's stated end
  | 'first-entry' // the earliest timeline entry, no start stated
  | 'last-entry' // the latest timeline entry, no end or resolution found
  | 'entry'; // a timeline entry whose wording names the milestone

export interface Milestone {
  readonly kind: MilestoneKind;
  readonly point: TimePoint;
  readonly source: MilestoneSource;
  /** The entry it was read from, for entry-based sources. */
  readonly entry?: TimelineEntry;
  /** The time as written (the entry's or the window's time token). */
  readonly span?: Span;
}

/** Milestones and the durations between them, in minutes. */
export interface IncidentMetrics {
  readonly started?: Milestone;
  readonly detected?: Milestone;
  readonly mitigated?: Milestone;
  readonly resolved?: Milestone;
  readonly ended?: Milestone;
  /** detected − started. */
  readonly timeToDetect?: number;
  /** mitigated − started. */
  readonly timeToMitigate?: number;
  /** resolved − started. */
  readonly timeToResolve?: number;
  /** ended − started: how long users were affected. */
  readonly totalImpact?: number;
  /** From the earliest to the latest timed entry. */
  readonly timelineSpan?: number;
  /** The earliest timed entry (source `first-entry`). */
  readonly earliest?: Milestone;
  /** The latest timed entry (source `last-entry`). */
  readonly latest?: Milestone;
  /** Number of entries with a usable time or date. */
  readonly timedEntries: number;
}

/** The definitions the metrics follow, worded for hovers and documentation. */
export const METRIC_DEFINITIONS = Object.freeze({
  started: 'the stated start of the incident, else the earliest timeline entry',
  detected: 'the first entry that says the problem was detected, alerted, noticed, paged or reported',
  mitigated: 'the first entry that says the impact was mitigated (rollback, failover, workaround, partial restore)',
  resolved: 'the first entry that says service came back fully (resolved, restored, back to normal), else the first that says so at all, else the first that says a fix went in',
  ended: 'the stated end of the incident, else the resolution, else the latest timeline entry',
  timeToDetect: 'time to detect = detected − started',
  timeToMitigate: 'time to mitigate = mitigated − started',
  timeToResolve: 'time to resolve = resolved − started',
  totalImpact: 'total impact = ended − started',
});

const DETECTED =
  /\b(detect(?:ed|s|ion)?|alert(?:ed|s|ing)?|alarm(?:s|ed)?|notic(?:ed|es)|paged|pagers?|pagerduty|reported|reports?|complain(?:ed|ts?)|spotted|observed|discovered|became aware|aware of|flagged|first (?:sign|symptom|report)s?)\b/i;
const MITIGATED =
  /\b(mitigat\w*|workaround|rolled[ -]?back|roll(?:ing)?[ -]?back|rollback|reverted|failed over|fail[ -]?over|stabili[sz]\w*|contained|temporary fix|hotfix|traffic (?:was )?(?:shifted|drained|rerouted|redirected))\b/i;
/** Wording that says service came back. */
const RESOLVED =
  /\b(resolved|restored|recovered|back to normal|back online|back up|fully (?:operational|functional|available)|operational again|normal operations?|issue (?:was |is )?closed|incident (?:was |is )?(?:closed|resolved|over)|all clear|return(?:s|ed)? to normal|resumed|regained access)\b/i;
/** Wording that says a fix went in, which may or may not have brought service back. */
const FIXED = /\b(fixed|fix (?:was )?(?:deployed|applied|rolled out))\b/i;
const PARTIAL = /\b(partial(?:ly)?|some (?:users|services|traffic)|degraded|intermittent(?:ly)?)\b/i;
const FULLY = /\b(full(?:y)?|complete(?:ly)?|all (?:services|traffic|systems|users)|everything)\b/i;
/** Wording that announces an attempt rather than reporting an outcome. */
const NOT_YET =
  /\b(start(?:s|ed|ing)?|initiat\w*|begin(?:s|ning)?|began|attempt\w*|planned|decided|considering|tr(?:ied|ying) to|preparing|not (?:yet )?(?:resolved|restored|fixed)|unresolved)\b/i;
const CLAUSE_BREAK = /[;,.!]\s+|\s+(?:and|but|while|then|so)\s+|\s+[-–—]\s+/;

/** What an entry's wording says: whether it reports detection, and the furthest outcome it reports. */
export interface EntryClass {
  readonly detected: boolean;
  /** `resolved` (service came back) outranks `fixed` (a fix went in), which outranks `mitigated`. */
  readonly outcome?: 'mitigated' | 'fixed' | 'resolved';
}

/** An entry titled as the resolution step (`Issue Resolution`, `Resolution:`). */
const RESOLUTION_TITLE = /^\W*(?:issue |incident )?resolution\b/i;

/** Wording of either kind of resolution: one scan of an entry instead of two. */
const RESOLVED_OR_FIXED = new RegExp(`${RESOLVED.source}|${FIXED.source}`, 'i');

/**
 * What a timeline entry's wording says happened. Read clause by clause, so "Full
 * functionality restored, and a review initiated" is a resolution while "Start of the
 * rollback" is not yet a mitigation.
 */
export function classifyEntry(text: string): EntryClass {
  const rank = { mitigated: 1, fixed: 2, resolved: 3 } as const;
  let outcome: EntryClass['outcome'];
  let detected = false;
  const consider = (kind: NonNullable<EntryClass['outcome']>) => {
    if (!outcome || rank[kind] > rank[outcome]) outcome = kind;
  };
  if (RESOLUTION_TITLE.test(text)) consider('fixed');
  // A status-page update says what it reports in its state: `Investigating - …`, `Resolved - …`.
  const state = STATUS_STATES[statusStateOf(text) ?? ''];
  if (state === 'detected') detected = true;
  else if (state === 'mitigated' || state === 'resolved') consider(state);
  for (const clause of text.split(CLAUSE_BREAK)) {
    const attempt = NOT_YET.test(clause);
    if (DETECTED.test(clause)) detected = true;
    if (attempt) continue;
    if (RESOLVED.test(clause)) consider(PARTIAL.test(clause) ? 'mitigated' : 'resolved');
    else if (FIXED.test(clause)) consider('fixed');
    else if (MITIGATED.test(clause)) consider('mitigated');
  }
  return outcome ? { detected, outcome } : { detected };
}

/**
 * Milestones and durations for a set of timeline entries (by default the whole timeline).
 * Durations follow the FireHydrant / Rootly convention: each milestone minus started.
 */
export function computeMetrics(document: PostmortemDocument, entries: readonly TimelineEntry[] = document.timeline.entries): IncidentMetrics {
  const cached = metricsByEntries.get(entries);
  if (cached && cached.document === document) return cached.metrics;
  const metrics = measure(document, entries);
  metricsByEntries.set(entries, { document, metrics });
  return metrics;
}

/**
 * Metrics per list of entries. The lists come from a model (its timeline, or a group of it,
 * which `groupTimelineEntries` keeps per model) and never change, so each hover, inlay hint
 * and rule of one document version reads the same metrics instead of classifying every entry.
 */
const metricsByEntries = new WeakMap<readonly TimelineEntry[], { readonly document: PostmortemDocument; readonly metrics: IncidentMetrics }>();

function measure(document: PostmortemDocument, entries: readonly TimelineEntry[]): IncidentMetrics {
  const timed = entries.filter(hasPoint);
  const order = chronologicalOrder(timed);
  // One point per entry, made when a milestone needs it: milestones read from one entry share
  // it, and `timelineReadings` tells them apart by identity.
  const points = new Map<TimelineEntry, TimePoint>();
  const pointOf = (entry: TimelineEntry): TimePoint => {
    let point = points.get(entry);
    if (!point) {
      point = entryPoint(entry)!;
      points.set(entry, point);
    }
    return point;
  };

  const first = order.length > 0 ? timed[order[0]!]! : undefined;
  const last = order.length > 0 ? timed[order[order.length - 1]!]! : undefined;
  const windowStart = windowStartPoint(document.window);
  const windowEnd = windowEndPoint(document.window);

  const earliest: Milestone | undefined = first && { kind: 'started', point: pointOf(first), source: 'first-entry', entry: first, span: timeSpan(first) };
  const latest: Milestone | undefined = last && { kind: 'ended', point: pointOf(last), source: 'last-entry', entry: last, span: timeSpan(last) };
  const started: Milestone | undefined = windowStart
    ? { kind: 'started', point: windowStart, source: 'window-start', span: document.window.start?.span }
    : earliest;

  let detected: Milestone | undefined;
  let mitigated: Milestone | undefined;
  let fullyResolved: Milestone | undefined;
  let firstResolved: Milestone | undefined;
  let firstFixed: Milestone | undefined;
  for (const index of order) {
    // Once detection and a full resolution are found, no later entry changes a milestone.
    if (detected && fullyResolved) break;
    const entry = timed[index]!;
    const text = entry.text;
    // Most entries name no milestone at all: a test of the whole text for the wording still
    // looked for rules them out before the clause-by-clause reading (any clause that matches
    // a pattern is part of the text, so the text matches it too).
    const mayMark =
      (!detected && DETECTED.test(text)) ||
      (!firstResolved && !firstFixed ? RESOLUTION_TITLE.test(text) || RESOLVED_OR_FIXED.test(text) : !fullyResolved && RESOLVED.test(text)) ||
      (!firstResolved && !mitigated && MITIGATED.test(text)) ||
      statusStateOf(text) !== undefined;
    if (!mayMark) continue;
    const { detected: saysDetected, outcome } = classifyEntry(text);
    const milestone = (k: MilestoneKind): Milestone => ({ kind: k, point: pointOf(entry), source: 'entry', entry, span: timeSpan(entry) });
    if (saysDetected) detected ??= milestone('detected');
    if (outcome === 'mitigated' && !firstResolved) mitigated ??= milestone('mitigated');
    if (outcome === 'fixed') firstFixed ??= milestone('resolved');
    if (outcome === 'resolved') {
      firstResolved ??= milestone('resolved');
      if (saysFullRecovery(text)) fullyResolved ??= milestone('resolved');
    }
  }
  const resolved = fullyResolved ?? firstResolved ?? firstFixed;

  const ended: Milestone | undefined = windowEnd
    ? { kind: 'ended', point: windowEnd, source: 'window-end', span: document.window.end?.span }
    : resolved
      ? { ...resolved, kind: 'ended' }
      : latest;

  const since = (m: Milestone | undefined) => (started && m ? minutesBetween(started.point, m.point) : undefined);
  return {
    started,
    detected,
    mitigated,
    resolved,
    ended,
    timeToDetect: since(detected),
    timeToMitigate: since(mitigated),
    timeToResolve: since(resolved),
    totalImpact: since(ended),
    timelineSpan: earliest && latest ? minutesBetween(earliest.point, latest.point) : undefined,
    earliest,
    latest,
    timedEntries: order.length,
  };
}

/** Whether a resolution entry's wording says the recovery was complete (all services, fully). */
export function saysFullRecovery(text: string): boolean {
  return FULLY.test(text);
}

/** Whether the entry has a point on the time axis (see {@link entryPoint}). */
function hasPoint(entry: TimelineEntry): boolean {
  return entry.minutes !== undefined && Number.isFinite(entry.minutes) && entry.time?.valid !== false;
}

/**
 * Indexes into `timed` in chronological order, stable for ties, whichever way the author
 * listed them: the order of `minutesBetween`, index breaking ties.
 *
 * When the entries are alike (all dated or all undated, all with a clock time, and zone
 * offsets known for all or for none), `minutesBetween` of two entries is the difference of
 * one number per entry (minutes less the offset), so the sort compares those numbers,
 * computed with the same arithmetic, instead of building and comparing points. Otherwise
 * (dated next to undated, date-only entries, a zone of unknown offset) the comparison
 * depends on the pair and goes through `minutesBetween`.
 */
function chronologicalOrder(timed: readonly TimelineEntry[]): number[] {
  const order = timed.map((_, index) => index);
  if (timed.length < 2) return order;
  const keys = uniformKeys(timed);
  if (keys) return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const points = timed.map((entry) => entryPoint(entry)!);
  return order.sort((a, b) => minutesBetween(points[b]!, points[a]!) || a - b);
}

function uniformKeys(timed: readonly TimelineEntry[]): Float64Array | undefined {
  const keys = new Float64Array(timed.length);
  const dated = isDatedMinutes(timed[0]!.minutes!);
  const withOffsets = timed[0]!.zone?.offsetMinutes !== undefined;
  for (let i = 0; i < timed.length; i++) {
    const entry = timed[i]!;
    const offset = entry.zone?.offsetMinutes;
    if (entry.time === undefined || isDatedMinutes(entry.minutes!) !== dated || (offset !== undefined) !== withOffsets) return undefined;
    keys[i] = offset === undefined ? entry.minutes! : entry.minutes! - offset;
  }
  return keys;
}

function timeSpan(entry: TimelineEntry): Span | undefined {
  return entry.time?.span ?? entry.ownDate?.span;
}
