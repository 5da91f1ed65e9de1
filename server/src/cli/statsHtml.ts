import { formatDuration } from '../core/analysis/durationText';
import { daysBetween } from '../core/analysis/reviewClock';
import { IncidentIndex } from '../core/library/index';
import { computeStats, severityRank, type LibraryStats, type PeriodStats, type StatsGrouping } from '../core/library/stats';
import type { PostmortemSummary } from '../core/library/summary';
import type { LibraryFileCounts } from './libraryFiles';
import { describeDistribution, severityOrder } from './statsWording';

export interface HtmlContext {
  readonly counts: LibraryFileCounts;
  readonly fileCountsText: string;
  /** The first and last incident day counted. */
  readonly range?: { readonly first: string; readonly last: string };
}

/**
 * The statistics as one self-contained HTML page: inline CSS and SVG, no script and nothing
 * fetched. Three charts a reader takes in at a glance (the TTR and TTD trend, incidents per
 * period by severity, the overdue actions), then the table of the chosen grouping and the
 * longest incidents.
 */
export function renderStatsHtml(stats: LibraryStats, summaries: readonly PostmortemSummary[], context: HtmlContext): string {
  const inRange = summaries.filter((s) => (stats.since === undefined && stats.until === undefined) || (s.date !== undefined && (!stats.since || s.date >= stats.since) && (!stats.until || s.date <= stats.until)));
  const trendBy = trendGrouping(inRange);
  const trend = computeStats(inRange, { by: trendBy, today: stats.today });
  const timeline = fillPeriods(trend.periods.filter((p) => p.key !== 'undated'), trendBy);
  const order = severityOrder(stats);
  const total = stats.total;
  const index = new IncidentIndex();
  for (const summary of inRange) index.set(summary);
  const overdue = index
    .actionItems()
    .filter((item) => item.state !== 'done' && item.due !== undefined && daysBetween(item.due, stats.today) > 0)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  const span = context.range ? (context.range.first === context.range.last ? context.range.first : `${context.range.first} to ${context.range.last}`) : 'no dated incidents';

  const cards = [
    card('Incidents', String(total.incidents), span),
    card('Median time to resolve', total.ttr.median === undefined ? 'unknown' : formatDuration(total.ttr.median), `p90 ${total.ttr.p90 === undefined ? 'unknown' : formatDuration(total.ttr.p90)} · ${total.ttr.unknown} unknown`),
    card('Median time to detect', total.ttd.median === undefined ? 'unknown' : formatDuration(total.ttd.median), `p90 ${total.ttd.p90 === undefined ? 'unknown' : formatDuration(total.ttd.p90)} · ${total.ttd.unknown} unknown`),
    card('Open action items', String(total.actions.open), `of ${total.actions.total}`),
    card('Overdue action items', String(total.actions.overdue), `as of ${stats.today}`, total.actions.overdue > 0 ? 'alert' : ''),
  ].join('\n');

  const body = `
<header>
  <h1>Incident library</h1>
  <p class="sub">${escape(span)} · action items as of ${escape(stats.today)}${stats.since || stats.until ? ` · range ${escape(stats.since ?? 'the first')} to ${escape(stats.until ?? 'the last')}` : ''}</p>
</header>
<section class="cards">
${cards}
</section>
<section class="charts">
  <figure>
    <figcaption>Time to resolve and time to detect, median per ${trendBy}</figcaption>
    ${trendChart(timeline)}
  </figure>
  <figure>
    <figcaption>Incidents per ${trendBy}, by severity</figcaption>
    ${severityChart(timeline, order)}
  </figure>
</section>
<section>
  <h2>Overdue action items <span class="count">${overdue.length}</span></h2>
  ${
    overdue.length === 0
      ? '<p class="none">None: every action item with a past due date is marked done.</p>'
      : `<table class="overdue">
    <thead><tr><th>Due</th><th>Late</th><th>Owner</th><th>Ticket</th><th>Action</th><th>Incident</th></tr></thead>
    <tbody>
${overdue
  .slice(0, overdueRowsShown)
  .map(
    (item) =>
      `      <tr><td class="nowrap">${escape(item.due!)}</td><td class="late nowrap">${daysBetween(item.due!, stats.today)} d</td><td>${escape(item.owner ?? '—')}</td><td class="nowrap">${escape(item.ticket ?? '—')}</td><td>${escape(item.text)}</td><td><span class="date">${escape(item.incidentDate ?? '')}</span> ${escape(item.incidentTitle)}<br><span class="file">${escape(item.uri)}:${item.line + 1}</span></td></tr>`,
  )
  .join('\n')}
    </tbody>
  </table>${overdue.length > overdueRowsShown ? `\n  <p class="note">The ${overdueRowsShown} longest overdue of ${overdue.length}; <code>postmortem actions --overdue</code> lists them all.</p>` : ''}`
  }
</section>
<section>
  <h2>By ${stats.by}</h2>
  ${periodTable(stats, order)}
  <p class="note">Durations are median / p90 of the postmortems that give them; a postmortem without the data is counted as unknown, never as zero. TTD, TTM and TTR are detected, mitigated and resolved minus started, as the editor's hover defines them. Unknown overall: duration ${total.duration.unknown}, TTD ${total.ttd.unknown}, TTM ${total.ttm.unknown}, TTR ${total.ttr.unknown} of ${total.incidents}.</p>
</section>
<section>
  <h2>Longest incidents</h2>
  ${
    total.longest.length === 0
      ? '<p class="none">No postmortem gives a duration.</p>'
      : `<ol class="longest">${total.longest.map((i) => `<li><b>${escape(formatDuration(i.durationMinutes))}</b> <span class="date">${escape(i.date ?? 'undated')}</span> ${severityBadge(i.severity ?? 'unknown', order)} ${escape(i.title)} <span class="file">${escape(i.uri)}</span></li>`).join('')}</ol>`
  }
</section>
<footer>${escape(context.fileCountsText)}</footer>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Incident library · ${escape(span)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The overdue table lists the longest overdue items first, up to this many. */
const overdueRowsShown = 100;

const css = `
:root { --fg: #1d2330; --muted: #5d6675; --line: #e3e6ec; --bg: #f6f7f9; --card: #fff; --accent: #2f6fdb; --ttd: #e08a1e; --alert: #c62828; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 28px 32px 40px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { margin: 0; font-size: 26px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.sub { margin: 4px 0 0; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin-top: 20px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 24px; font-weight: 650; margin-top: 2px; }
.card .detail { color: var(--muted); font-size: 12px; }
.card.alert .value { color: var(--alert); }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-top: 12px; }
figure { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px 8px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg { display: block; width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg .grid { stroke: var(--line); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); margin-top: 4px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: #fafbfc; }
td.num, th.num { text-align: right; }
.nowrap { white-space: nowrap; }
.late { color: var(--alert); font-weight: 600; }
.file { color: var(--muted); font-size: 12px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.date { color: var(--muted); font-variant-numeric: tabular-nums; }
.count { display: inline-block; min-width: 22px; padding: 0 7px; border-radius: 11px; background: var(--alert); color: #fff; font-size: 12px; text-align: center; vertical-align: 2px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 11px; font-weight: 600; color: #fff; }
.note, .none, footer { color: var(--muted); font-size: 12px; }
.longest li { margin: 4px 0; }
footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 900px) { .cards { grid-template-columns: repeat(2, 1fr); } .charts { grid-template-columns: 1fr; } }
`;

function card(label: string, value: string, detail: string, kind = ''): string {
  return `  <div class="card ${kind}"><div class="label">${escape(label)}</div><div class="value">${escape(value)}</div><div class="detail">${escape(detail)}</div></div>`;
}

function periodTable(stats: LibraryStats, order: readonly string[]): string {
  const rows = [...stats.periods, ...(stats.periods.length > 1 || stats.by === 'service' ? [{ ...stats.total, key: stats.by === 'service' ? 'All (each once)' : 'All' }] : [])];
  const row = (period: PeriodStats) =>
    `<tr><td class="nowrap"><b>${escape(period.key)}</b></td><td class="num">${period.incidents}</td><td>${Object.entries(period.severities)
      .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([severity, count]) => `${severityBadge(severity, order)}&nbsp;${count}`)
      .join(' ')}</td><td>${escape(describeDistribution(period.duration))}</td><td>${escape(describeDistribution(period.ttd))}</td><td>${escape(describeDistribution(period.ttr))}</td><td class="num">${period.actions.open}</td><td class="num${period.actions.overdue > 0 ? ' late' : ''}">${period.actions.overdue}</td></tr>`;
  return `<table>
    <thead><tr><th>${escape(stats.by)}</th><th class="num">Incidents</th><th>Severities</th><th>Duration median / p90</th><th>TTD median / p90</th><th>TTR median / p90</th><th class="num">Open</th><th class="num">Overdue</th></tr></thead>
    <tbody>${rows.map(row).join('\n')}</tbody>
  </table>`;
}

/** Month when the incidents span three years or less, else quarter. */
function trendGrouping(summaries: readonly PostmortemSummary[]): StatsGrouping {
  const dates = summaries.flatMap((s) => (s.date ? [s.date] : [])).sort();
  if (dates.length === 0) return 'month';
  const months = monthIndex(dates[dates.length - 1]!) - monthIndex(dates[0]!) + 1;
  return months <= 36 ? 'month' : 'quarter';
}

function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** Periods from the first to the last, the empty ones included, so the axis is time. */
function fillPeriods(periods: readonly PeriodStats[], by: StatsGrouping): (PeriodStats | { key: string; empty: true })[] {
  if (periods.length === 0) return [];
  const keyOf = (index: number) => (by === 'month' ? `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}` : `${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  const indexOf = (key: string) => (by === 'month' ? Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 : Number(key.slice(0, 4)) * 4 + Number(key.slice(6)) - 1);
  const byKey = new Map(periods.map((p) => [p.key, p]));
  const filled: (PeriodStats | { key: string; empty: true })[] = [];
  for (let i = indexOf(periods[0]!.key); i <= indexOf(periods[periods.length - 1]!.key); i++) {
    const key = keyOf(i);
    filled.push(byKey.get(key) ?? { key, empty: true });
  }
  return filled;
}

const chart = { width: 520, height: 250, left: 52, right: 12, top: 14, bottom: 44 };

function xLabels(keys: readonly string[], x: (i: number) => number): string {
  const every = Math.max(1, Math.ceil(keys.length / 10));
  return keys
    // Every `every`th label: at most ten, none crowding another.
    .map((key, i) => (i % every === 0 ? `<text x="${x(i).toFixed(1)}" y="${chart.height - chart.bottom + 16}" text-anchor="middle">${escape(key)}</text>` : ''))
    .join('');
}

function emptyChart(message: string): string {
  return `<svg viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="${escape(message)}"><text x="${chart.width / 2}" y="${chart.height / 2}" text-anchor="middle">${escape(message)}</text></svg>`;
}

/** Median TTR and TTD per period on a logarithmic minute scale (incidents run from minutes to days). */
function trendChart(periods: readonly (PeriodStats | { key: string; empty: true })[]): string {
  const values = periods.flatMap((p) => ('empty' in p ? [] : [p.ttr.median, p.ttd.median])).filter((v): v is number => v !== undefined);
  if (values.length === 0) return emptyChart('No postmortem gives a time to detect or resolve');
  const ticks = [1, 5, 15, 60, 240, 1440, 10080, 43200];
  const low = Math.max(1, Math.min(...values, 5));
  const high = Math.max(...values, 60);
  const shown = ticks.filter((t) => t >= low / 1.01 && t <= high * 4);
  const min = Math.log(Math.min(low, shown[0] ?? low));
  const max = Math.log(Math.max(high, shown[shown.length - 1] ?? high));
  const plotWidth = chart.width - chart.left - chart.right;
  const plotHeight = chart.height - chart.top - chart.bottom;
  // The same slots as the severity bars, so the two charts read side by side.
  const slot = plotWidth / periods.length;
  const x = (i: number) => chart.left + slot * (i + 0.5);
  const y = (minutes: number) => chart.top + plotHeight - ((Math.log(Math.max(minutes, 1)) - min) / (max - min || 1)) * plotHeight;
  const grid = shown
    .map((t) => `<line class="grid" x1="${chart.left}" x2="${chart.width - chart.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text x="${chart.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${tickLabel(t)}</text>`)
    .join('');
  const line = (pick: (p: PeriodStats) => number | undefined, color: string, name: string) => {
    const segments: string[][] = [[]];
    const dots: string[] = [];
    periods.forEach((p, i) => {
      const value = 'empty' in p ? undefined : pick(p);
      if (value === undefined) {
        if (segments[segments.length - 1]!.length > 0) segments.push([]);
        return;
      }
      segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(value).toFixed(1)}`);
      dots.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3.5" fill="${color}"><title>${escape(`${p.key}: ${name} median ${formatDuration(value)}`)}</title></circle>`);
    });
    const paths = segments.filter((s) => s.length > 1).map((s) => `<polyline points="${s.join(' ')}" fill="none" stroke="${color}" stroke-width="2.2" stroke-linejoin="round"/>`);
    return paths.join('') + dots.join('');
  };
  return `<svg viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="Median time to resolve and to detect per period">
  ${grid}
  <line x1="${chart.left}" x2="${chart.width - chart.right}" y1="${chart.top + plotHeight}" y2="${chart.top + plotHeight}" stroke="#9aa3b2"/>
  ${xLabels(
    periods.map((p) => p.key),
    x,
  )}
  ${line((p) => p.ttr.median, 'var(--accent)', 'TTR')}
  ${line((p) => p.ttd.median, 'var(--ttd)', 'TTD')}
  <text x="${chart.left}" y="${chart.height - 6}">log scale · gaps: no postmortem of the period gives the value</text>
</svg>
<div class="legend"><span><span class="swatch" style="background:var(--accent)"></span>Time to resolve (median)</span><span><span class="swatch" style="background:var(--ttd)"></span>Time to detect (median)</span></div>`;
}

function tickLabel(minutes: number): string {
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 1440) return `${minutes / 60}h`;
  if (minutes < 10080) return `${minutes / 1440}d`;
  if (minutes < 43200) return `${minutes / 10080}w`;
  return '30d';
}

/** Stacked bars: incidents per period, one colour per severity. */
function severityChart(periods: readonly (PeriodStats | { key: string; empty: true })[], order: readonly string[]): string {
  if (periods.length === 0) return emptyChart('No dated incidents');
  const most = Math.max(1, ...periods.map((p) => ('empty' in p ? 0 : p.incidents)));
  const step = most <= 5 ? 1 : most <= 10 ? 2 : most <= 25 ? 5 : Math.ceil(most / 5 / 10) * 10;
  const top = Math.ceil(most / step) * step;
  const plotWidth = chart.width - chart.left - chart.right;
  const plotHeight = chart.height - chart.top - chart.bottom;
  const slot = plotWidth / periods.length;
  const barWidth = Math.max(2, Math.min(36, slot * 0.7));
  const x = (i: number) => chart.left + slot * (i + 0.5);
  const y = (count: number) => chart.top + plotHeight - (count / top) * plotHeight;
  const grid: string[] = [];
  for (let value = 0; value <= top; value += step) {
    grid.push(`<line class="grid" x1="${chart.left}" x2="${chart.width - chart.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}"/><text x="${chart.left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${value}</text>`);
  }
  const used = new Set<string>();
  const bars = periods
    .map((p, i) => {
      if ('empty' in p) return '';
      let base = 0;
      return Object.entries(p.severities)
        .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
        .map(([severity, count]) => {
          used.add(severity);
          const rect = `<rect x="${(x(i) - barWidth / 2).toFixed(1)}" y="${y(base + count).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(base) - y(base + count)).toFixed(1)}" fill="${severityColour(severity, order)}"><title>${escape(`${p.key}: ${count} ${severity}`)}</title></rect>`;
          base += count;
          return rect;
        })
        .join('');
    })
    .join('');
  const legend = order
    .filter((s) => used.has(s))
    .map((s) => `<span><span class="swatch" style="background:${severityColour(s, order)}"></span>${escape(s)}</span>`)
    .join('');
  return `<svg viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="Incidents per period by severity">
  ${grid.join('')}
  ${bars}
  ${xLabels(
    periods.map((p) => p.key),
    x,
  )}
</svg>
<div class="legend">${legend}</div>`;
}

const severityPalette = ['#b71c1c', '#e53935', '#fb8c00', '#fdd835', '#7cb342', '#26a69a', '#5c6bc0', '#8e24aa'];
/** Priorities (`P1`) beside severities (`SEV1`) in one library: the same warmth, another hue. */
const priorityPalette = ['#6d1040', '#ad1457', '#e65100', '#c0a000', '#33691e', '#00695c', '#283593', '#4a148c'];

/** Weightiest severities in reds, lighter ones towards green and blue; unknown grey. */
function severityColour(severity: string, order: readonly string[]): string {
  if (severity === 'unknown') return '#b0b7c3';
  const known = order.filter((s) => s !== 'unknown').sort((a, b) => severityRank(a) - severityRank(b));
  const position = known.indexOf(severity);
  // Numbered severities keep their colour whatever else is present: SEV1 is always red.
  const numbered = /^(?:SEV|P)(\d)$/.exec(severity);
  const slot = numbered ? Math.min(Number(numbered[1]), severityPalette.length - 1) : Math.min(Math.max(position, 0) + 1, severityPalette.length - 1);
  return (severity.startsWith('P') && numbered ? priorityPalette : severityPalette)[slot]!;
}

function severityBadge(severity: string, order: readonly string[]): string {
  const colour = severityColour(severity, order);
  const dark = colour === '#fdd835' || colour === '#b0b7c3' || colour === '#c0a000' ? ' style="color:#1d2330;background:' + colour + '"' : ` style="background:${colour}"`;
  return `<span class="badge"${dark}>${escape(severity)}</span>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
