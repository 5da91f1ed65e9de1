import { daysBetween } from '../analysis/reviewClock';
import type { ActionItemSummary, PostmortemSummary } from './summary';

/** How incidents are grouped. */
export type StatsGrouping = 'month' | 'quarter' | 'severity' | 'service';

export const statsGroupings: readonly StatsGrouping[] = Object.freeze(['month', 'quarter', 'severity', 'service']);

export interface StatsOptions {
  /** Only incidents on or after this day (`YYYY-MM-DD`); undated incidents are then left out. */
  readonly since?: string;
  /** Only incidents on or before this day (`YYYY-MM-DD`); undated incidents are then left out. */
  readonly until?: string;
  readonly by: StatsGrouping;
  /** `YYYY-MM-DD`: open items due before this day are overdue. */
  readonly today: string;
  /** How many of the longest incidents each period lists (default 3). */
  readonly longest?: number;
}

/** The spread of one measure over a period's incidents, in minutes. Unknown values are counted, never taken as 0. */
export interface Distribution {
  /** Incidents with a value. */
  readonly known: number;
  /** Incidents without one. */
  readonly unknown: number;
  /** Undefined when no incident has a value. */
  readonly median?: number;
  readonly p90?: number;
  readonly min?: number;
  readonly max?: number;
}

export interface ActionCounts {
  readonly total: number;
  readonly open: number;
  readonly overdue: number;
  readonly done: number;
}

/** An incident as a period's "longest" list shows it. */
export interface IncidentRef {
  readonly uri: string;
  readonly title: string;
  readonly date?: string;
  readonly severity?: string;
  readonly durationMinutes: number;
}

export interface PeriodStats {
  /** `2024-08`, `2024-Q3`, `SEV1`, `checkout-api`; `undated` or `unknown` for incidents without one. */
  readonly key: string;
  readonly incidents: number;
  readonly duration: Distribution;
  readonly ttd: Distribution;
  readonly ttm: Distribution;
  readonly ttr: Distribution;
  /** Incidents per severity (`unknown` for those that state none). */
  readonly severities: Readonly<Record<string, number>>;
  /** The longest incidents with a known duration, longest first. */
  readonly longest: readonly IncidentRef[];
  readonly actions: ActionCounts;
}

export interface LibraryStats {
  readonly by: StatsGrouping;
  readonly since?: string;
  readonly until?: string;
  readonly today: string;
  /** Periods in order: by time for months and quarters (undated last), by severity rank, by service with the most incidents first (unknown last). */
  readonly periods: readonly PeriodStats[];
  /** Every incident counted once (a service grouping lists an incident under each of its services). */
  readonly total: PeriodStats;
  /** Incidents left out by `since`/`until`: outside the range, or undated while a range is given. */
  readonly excluded: { readonly outsideRange: number; readonly undated: number };
}

/**
 * Statistics of a set of postmortem summaries, per period (month, quarter) or per severity or
 * service: incident counts, median and p90 of duration, TTD, TTM and TTR (unknown values counted
 * apart), severity counts, the longest incidents, and open and overdue action items as of `today`.
 */
export function computeStats(summaries: Iterable<PostmortemSummary>, options: StatsOptions): LibraryStats {
  const ranged = options.since !== undefined || options.until !== undefined;
  const kept: PostmortemSummary[] = [];
  let outsideRange = 0;
  let undated = 0;
  for (const summary of summaries) {
    if (ranged) {
      if (summary.date === undefined) {
        undated++;
        continue;
      }
      if ((options.since !== undefined && summary.date < options.since) || (options.until !== undefined && summary.date > options.until)) {
        outsideRange++;
        continue;
      }
    }
    kept.push(summary);
  }

  const groups = new Map<string, PostmortemSummary[]>();
  for (const summary of kept) {
    for (const key of groupKeys(summary, options.by)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(summary);
    }
  }
  const periods = [...groups].map(([key, members]) => periodStats(key, members, options)).sort(periodOrder(options.by));
  return {
    by: options.by,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
    today: options.today,
    periods,
    total: periodStats('total', kept, options),
    excluded: { outsideRange, undated },
  };
}

/** The period or group keys of one incident (several for a service grouping). */
export function groupKeys(summary: PostmortemSummary, by: StatsGrouping): string[] {
  switch (by) {
    case 'month':
      return [summary.date !== undefined ? summary.date.slice(0, 7) : 'undated'];
    case 'quarter':
      return [summary.date !== undefined ? `${summary.date.slice(0, 4)}-Q${Math.floor((Number(summary.date.slice(5, 7)) - 1) / 3) + 1}` : 'undated'];
    case 'severity':
      return [summary.severity ?? 'unknown'];
    case 'service':
      return summary.services.length > 0 ? [...summary.services] : ['unknown'];
  }
}

/** An action item's state as of `today` (a summary made on another day may say otherwise). */
export function actionStateOn(item: ActionItemSummary, today: string): ActionItemSummary['state'] {
  if (item.state === 'done') return 'done';
  return item.due !== undefined && daysBetween(item.due, today) > 0 ? 'overdue' : 'open';
}

function periodStats(key: string, members: readonly PostmortemSummary[], options: StatsOptions): PeriodStats {
  const severities: Record<string, number> = {};
  const actions = { total: 0, open: 0, overdue: 0, done: 0 };
  for (const summary of members) {
    const severity = summary.severity ?? 'unknown';
    severities[severity] = (severities[severity] ?? 0) + 1;
    for (const item of summary.actionItems) {
      actions.total++;
      const state = actionStateOn(item, options.today);
      if (state === 'done') actions.done++;
      else {
        // Overdue items are open too: "open" counts every item not done.
        actions.open++;
        if (state === 'overdue') actions.overdue++;
      }
    }
  }
  const longest = members
    .filter((summary) => summary.durationMinutes !== undefined)
    .sort((a, b) => b.durationMinutes! - a.durationMinutes! || (a.uri < b.uri ? -1 : 1))
    .slice(0, options.longest ?? 3)
    .map((summary) => ({
      uri: summary.uri,
      title: summary.title,
      ...(summary.date !== undefined ? { date: summary.date } : {}),
      ...(summary.severity !== undefined ? { severity: summary.severity } : {}),
      durationMinutes: summary.durationMinutes!,
    }));
  return {
    key,
    incidents: members.length,
    duration: distribution(members.map((s) => s.durationMinutes)),
    ttd: distribution(members.map((s) => s.ttdMinutes)),
    ttm: distribution(members.map((s) => s.ttmMinutes)),
    ttr: distribution(members.map((s) => s.ttrMinutes)),
    severities,
    longest,
    actions,
  };
}

/** Median and p90 of the known values; undefined values are counted as unknown. */
export function distribution(values: readonly (number | undefined)[]): Distribution {
  const known = values.filter((value): value is number => value !== undefined && Number.isFinite(value)).sort((a, b) => a - b);
  const unknown = values.length - known.length;
  if (known.length === 0) return { known: 0, unknown };
  return { known: known.length, unknown, median: percentile(known, 50), p90: percentile(known, 90), min: known[0]!, max: known[known.length - 1]! };
}

/**
 * The `p`th percentile (0..100) of ascending `sorted` values, interpolating linearly between
 * the two nearest ranks (the spreadsheet PERCENTILE.INC and numpy default): the median of
 * 10 and 20 is 15. Undefined for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Severity ranks: SEV0/P0 first, then the words from the weightiest; unknown last. */
const severityWords = ['critical', 'severe', 'major', 'high', 'down', 'outage', 'disrupted', 'moderate', 'medium', 'degraded', 'degraded-performance', 'minor', 'low'];

export function severityRank(severity: string): number {
  const numbered = /^(SEV|P)(\d)$/.exec(severity);
  if (numbered) return Number(numbered[2]) + (numbered[1] === 'P' ? 0.5 : 0);
  const word = severityWords.indexOf(severity.toLowerCase());
  if (word >= 0) return 10 + word;
  return severity === 'unknown' ? 1000 : 100;
}

function periodOrder(by: StatsGrouping): (a: PeriodStats, b: PeriodStats) => number {
  const byKey = (a: PeriodStats, b: PeriodStats) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (by === 'month' || by === 'quarter') return (a, b) => Number(a.key === 'undated') - Number(b.key === 'undated') || byKey(a, b);
  if (by === 'severity') return (a, b) => severityRank(a.key) - severityRank(b.key) || byKey(a, b);
  return (a, b) => Number(a.key === 'unknown') - Number(b.key === 'unknown') || b.incidents - a.incidents || byKey(a, b);
}
