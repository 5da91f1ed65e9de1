import { formatDuration } from '../core/analysis/durationText';
import { isIsoDay } from '../core/library/summary';
import { computeStats, statsGroupings, type Distribution, type LibraryStats, type PeriodStats, type StatsGrouping } from '../core/library/stats';
import { exitCodes } from './exitCodes';
import type { CliIo } from './io';
import { alignColumns, csvField, oneOf, parseLibraryArguments, type LibraryCommandArguments } from './libraryArguments';
import { describeFileCounts, loadLibraryReporting, type LibraryFileCounts } from './libraryFiles';
import { renderStatsHtml } from './statsHtml';
import { describeDistribution, describeSeverities, severityOrder } from './statsWording';

export const statsFormats = ['text', 'json', 'csv', 'html'] as const;
export type StatsFormat = (typeof statsFormats)[number];

export interface StatsArguments extends LibraryCommandArguments {
  readonly format: StatsFormat;
  readonly by: StatsGrouping;
  readonly since?: string;
  readonly until?: string;
}

const isoDay = (value: string) => (isIsoDay(value) ? undefined : 'must be a date written YYYY-MM-DD');

/** Parses `stats`'s arguments; a string is the usage error to print. */
export function parseStatsArguments(args: readonly string[]): StatsArguments | string {
  const parsed = parseLibraryArguments(args, { '--format': oneOf(statsFormats), '--by': oneOf(statsGroupings), '--since': isoDay, '--until': isoDay }, []);
  if (typeof parsed === 'string') return parsed;
  const { values } = parsed;
  const since = values.get('--since');
  const until = values.get('--until');
  if (since !== undefined && until !== undefined && since > until) return `--since ${since} is after --until ${until}`;
  return {
    ...parsed.common,
    format: (values.get('--format') ?? 'text') as StatsFormat,
    by: (values.get('--by') ?? 'month') as StatsGrouping,
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  };
}

/** `postmortem stats`: reads the postmortems the paths name and prints their statistics. */
export async function runStats(args: StatsArguments, io: CliIo): Promise<number> {
  const library = await loadLibraryReporting(args, io);
  if (typeof library === 'number') return library;
  const stats = computeStats(library.summaries, {
    by: args.by,
    today: args.today,
    longest: 5,
    ...(args.since !== undefined ? { since: args.since } : {}),
    ...(args.until !== undefined ? { until: args.until } : {}),
  });
  const dates = library.summaries.flatMap((s) => (s.date !== undefined && (!args.since || s.date >= args.since) && (!args.until || s.date <= args.until) ? [s.date] : [])).sort();
  const range = dates.length > 0 ? { first: dates[0]!, last: dates[dates.length - 1]! } : undefined;
  switch (args.format) {
    case 'json':
      io.stdout(`${JSON.stringify({ ...stats, files: library.counts }, null, 2)}\n`);
      break;
    case 'csv':
      io.stdout(formatStatsCsv(stats));
      io.stderr(`postmortem: ${describeFileCounts(library.counts)}\n`);
      break;
    case 'html':
      io.stdout(renderStatsHtml(stats, library.summaries, { counts: library.counts, fileCountsText: describeFileCounts(library.counts), ...(range ? { range } : {}) }));
      break;
    default:
      io.stdout(formatStatsText(stats, library.counts, range));
  }
  if (library.unmatched.length > 0) return exitCodes.usageOrIo;
  return args.failOnOverdue && stats.total.actions.overdue > 0 ? exitCodes.problemsFound : exitCodes.ok;
}

const groupingNames: Readonly<Record<StatsGrouping, string>> = { month: 'month', quarter: 'quarter', severity: 'severity', service: 'service' };

export function formatStatsText(stats: LibraryStats, counts: LibraryFileCounts, range?: { first: string; last: string }): string {
  const order = severityOrder(stats);
  const lines: string[] = [];
  const total = stats.total;
  const span = range ? (range.first === range.last ? `, ${range.first}` : `, ${range.first} to ${range.last}`) : '';
  lines.push(`Incidents by ${groupingNames[stats.by]}: ${total.incidents} ${total.incidents === 1 ? 'postmortem' : 'postmortems'}${span}; action items as of ${stats.today}`);
  if (stats.since !== undefined || stats.until !== undefined) {
    const left = stats.excluded.outsideRange + stats.excluded.undated;
    lines.push(`Range: ${stats.since ?? 'the first'} to ${stats.until ?? 'the last'}; ${left} left out (${stats.excluded.outsideRange} outside, ${stats.excluded.undated} undated)`);
  }
  lines.push('');
  const header = ['Period', 'Incidents', 'Severities', 'Duration', 'TTD', 'TTR', 'Open / overdue actions'];
  const row = (label: string, period: PeriodStats) => [
    label,
    String(period.incidents),
    describeSeverities(period.severities, order),
    describeDistribution(period.duration),
    describeDistribution(period.ttd),
    describeDistribution(period.ttr),
    `${period.actions.open} / ${period.actions.overdue}`,
  ];
  const rows = [header, ...stats.periods.map((period) => row(period.key, period))];
  if (stats.periods.length > 1 || stats.by === 'service') rows.push(row(stats.by === 'service' ? 'All (each once)' : 'All', total));
  lines.push(...alignColumns(rows, [1]));
  lines.push('');
  const unknown = (name: string, d: Distribution) => `${name} ${d.unknown} of ${d.known + d.unknown}`;
  lines.push(
    `Unknown, left out of medians and never counted as zero: ${[unknown('duration', total.duration), unknown('TTD', total.ttd), unknown('TTM', total.ttm), unknown('TTR', total.ttr)].join(', ')}`,
  );
  lines.push('Duration, TTD (time to detect), TTR (time to resolve): median / p90; (n?) postmortems without the value');
  const longest = total.longest;
  if (longest.length > 0) {
    lines.push('', 'Longest incidents');
    lines.push(
      ...alignColumns(
        longest.map((incident, i) => [`${i + 1}.`, formatDuration(incident.durationMinutes), incident.date ?? 'undated', incident.severity ?? '-', `${incident.title} (${incident.uri})`]),
        [0, 1],
      ).map((line) => `  ${line}`),
    );
  }
  lines.push('', `Action items: ${total.actions.total} (${total.actions.open} open, ${total.actions.overdue} of them overdue; ${total.actions.done} done)`);
  lines.push('', describeFileCounts(counts));
  return `${lines.join('\n')}\n`;
}

const csvColumns = [
  'period',
  'incidents',
  ...['duration', 'ttd', 'ttm', 'ttr'].flatMap((m) => [`${m}_median_minutes`, `${m}_p90_minutes`, `${m}_known`, `${m}_unknown`]),
  'severities',
  'actions',
  'actions_open',
  'actions_overdue',
  'actions_done',
];

/** One row per period and a last `total` row; unknown medians are empty cells, never 0. */
export function formatStatsCsv(stats: LibraryStats): string {
  const round = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100) / 100);
  const row = (period: PeriodStats) =>
    [
      period.key,
      period.incidents,
      ...[period.duration, period.ttd, period.ttm, period.ttr].flatMap((d) => [round(d.median), round(d.p90), d.known, d.unknown]),
      Object.entries(period.severities)
        .map(([severity, count]) => `${severity}:${count}`)
        .join(';'),
      period.actions.total,
      period.actions.open,
      period.actions.overdue,
      period.actions.done,
    ]
      .map(csvField)
      .join(',');
  return `${[csvColumns.join(','), ...stats.periods.map(row), row(stats.total)].join('\r\n')}\r\n`;
}
