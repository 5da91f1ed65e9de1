import { severityRank, type Distribution, type LibraryStats } from '../core/library/stats';

/** A duration for a table cell: `45m`, `1h05m`, `2d03h`, `30s`, `<1s`; `?` when unknown. */
export function compactDuration(minutes: number | undefined): string {
  if (minutes === undefined || !Number.isFinite(minutes)) return '?';
  if (minutes > 0 && minutes < 1) {
    // Seconds are compared rounded: a second measured between two stamps is 0.01666… minutes
    // in floating point, a hair under 1/60.
    const seconds = Math.round(minutes * 60);
    return seconds < 1 ? '<1s' : seconds < 60 ? `${seconds}s` : '1m';
  }
  const total = Math.round(minutes);
  if (total < 60) return `${total}m`;
  if (total < 1440) return `${Math.floor(total / 60)}h${String(total % 60).padStart(2, '0')}m`;
  const hours = Math.round(total / 60);
  return `${Math.floor(hours / 24)}d${String(hours % 24).padStart(2, '0')}h`;
}

/**
 * `12m / 18m`: median / p90 of the known values; `(2?)` after it when that many postmortems
 * lack the value; `?` when none has it.
 */
export function describeDistribution(distribution: Distribution): string {
  if (distribution.known === 0) return distribution.unknown > 0 ? `? (${distribution.unknown}?)` : '-';
  const spread = `${compactDuration(distribution.median)} / ${compactDuration(distribution.p90)}`;
  return distribution.unknown > 0 ? `${spread} (${distribution.unknown}?)` : spread;
}

/** `SEV1 1 · SEV2 2`, weightiest first (the order `computeStats` keeps for a severity grouping). */
export function describeSeverities(severities: Readonly<Record<string, number>>, order: readonly string[]): string {
  return Object.entries(severities)
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([severity, count]) => `${severity} ${count}`)
    .join(' · ');
}

/** Every severity of the statistics, weightiest first, `unknown` last. */
export function severityOrder(stats: LibraryStats): string[] {
  return Object.keys(stats.total.severities).sort((a, b) => severityRank(a) - severityRank(b) || (a < b ? -1 : 1));
}
