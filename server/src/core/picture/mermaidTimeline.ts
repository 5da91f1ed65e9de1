import type { PostmortemDocument } from '../model';
import { computeMetrics } from '../analysis/metrics';
import { entryPoint, minutesBetween, windowEndPoint, windowStartPoint, type TimePoint } from '../analysis/timeAxis';
import { formatDuration } from '../analysis/durationText';
import { referencePoint } from './axisTicks';
import { clipText } from './svgText';

/** A Mermaid block, or why there is none. */
export interface MermaidTimeline {
  /** A fenced ```` ```mermaid ```` block holding a `gantt` chart; empty when there is nothing to draw. */
  readonly markdown: string;
  /** Present when there is nothing to draw, or when entries were left out. */
  readonly message?: string;
}

/**
 * GitHub renders diagrams of at most 50,000 characters; 300 entries of at most 60 characters
 * stay well under it.
 */
const MAX_TASKS = 300;
const MAX_NAME_LENGTH = 60;
const MINUTES_PER_DAY = 1440;
/** Undated times are drawn on this day; the axis shows only clock times then. */
const UNDATED_DAY = Date.UTC(2000, 0, 1) / 60_000 / MINUTES_PER_DAY;

/**
 * The timeline as a Mermaid `gantt` chart to paste into Markdown: each placed entry a
 * milestone at its time, the stated incident window a critical bar, and detection, mitigation
 * and resolution as milestones of their own section. Times are wall clock in the zone of the
 * first timed entry, as in the SVG drawing. Text is made safe for Mermaid: characters its
 * gantt syntax reads (`:`, `;`, `#`, line breaks) and angle brackets are replaced.
 */
export function mermaidTimeline(document: PostmortemDocument, title?: string): MermaidTimeline {
  const entries = document.timeline.entries;
  const timed = entries.map((entry) => ({ entry, point: entryPoint(entry) })).filter((item): item is { entry: (typeof entries)[number]; point: TimePoint } => item.point !== undefined);
  if (timed.length === 0) {
    return { markdown: '', message: entries.length === 0 ? 'No timeline entries to draw.' : 'Nothing to draw: no timeline entry has a time that can be read.' };
  }
  const reference = referencePoint(timed.map((item) => item.point))!;
  // Minutes since the epoch of the wall clock: an undated axis is moved to a fixed day.
  const shift = reference.dated ? 0 : UNDATED_DAY * MINUTES_PER_DAY;
  const wallOf = (point: TimePoint) => reference.minutes + minutesBetween(reference, point) + shift;

  const placed = timed.map((item) => ({ ...item, wall: wallOf(item.point) })).sort((a, b) => a.wall - b.wall);
  const shown = placed.slice(0, MAX_TASKS);
  const span = placed[placed.length - 1]!.wall - placed[0]!.wall;
  const lines = ['```mermaid', 'gantt'];
  lines.push(`    title ${safeText(title ?? 'Timeline', 'Timeline')}`);
  lines.push('    dateFormat YYYY-MM-DD HH:mm');
  lines.push(`    axisFormat ${span >= 2 * MINUTES_PER_DAY ? (reference.dated ? '%b %d' : '%d %H:%M') : '%H:%M'}`);

  const incident: string[] = [];
  const start = windowStartPoint(document.window);
  const end = windowEndPoint(document.window);
  if (start && end) {
    const from = wallOf(start);
    const to = wallOf(end);
    if (to > from) incident.push(`    ${safeText(`Incident window, ${formatDuration(to - from)}`, 'Incident')} :crit, ${dateTime(from)}, ${Math.round(to - from)}m`);
  }
  const metrics = computeMetrics(document);
  for (const [kind, name] of [
    ['detected', 'Detected'],
    ['mitigated', 'Mitigated'],
    ['resolved', 'Resolved'],
  ] as const) {
    const milestone = metrics[kind];
    if (milestone) incident.push(`    ${name} :milestone, ${dateTime(wallOf(milestone.point))}, 0m`);
  }
  if (incident.length > 0) lines.push('    section Incident', ...incident);

  lines.push('    section Timeline');
  for (const item of shown) {
    lines.push(`    ${safeText(clipText(item.entry.text.replace(/\s+/g, ' ').trim(), MAX_NAME_LENGTH), '(entry)')} :milestone, ${dateTime(item.wall)}, 0m`);
  }
  lines.push('```', '');
  const left = placed.length - shown.length;
  const unplaced = entries.length - placed.length;
  const notes = [
    left > 0 ? `${left} entries after the first ${MAX_TASKS} left out` : '',
    unplaced > 0 ? `${unplaced} ${unplaced === 1 ? 'entry' : 'entries'} without a readable time left out` : '',
  ].filter(Boolean);
  return notes.length > 0 ? { markdown: lines.join('\n'), message: `${notes.join('; ')}.` } : { markdown: lines.join('\n') };
}

/** `YYYY-MM-DD HH:mm` of minutes since the epoch (wall clock). */
function dateTime(minutes: number): string {
  return new Date(Math.round(minutes) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Words Mermaid's gantt grammar reads as statements at the start of a line; a task name that
 * starts with one gets a leading mark so it stays a name.
 */
const KEYWORDS = /^(?:title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|inclusiveenddates|topaxis|weekday|weekend|acctitle|accdescr|click|displaymode|gantt)\b/i;

/** Text Mermaid reads as a name: no statement separators, comments, entities or markup. */
function safeText(text: string, fallback: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/:/g, '\uA789')
    .replace(/;/g, ',')
    .replace(/#/g, '\uFF03')
    .replace(/%/g, '\uFF05')
    .replace(/</g, '\u2039')
    .replace(/>/g, '\u203A')
    .replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'))
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return fallback;
  return KEYWORDS.test(cleaned) ? `\u00B7 ${cleaned}` : cleaned;
}
