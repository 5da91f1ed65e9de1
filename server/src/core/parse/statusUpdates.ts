import type { CalendarDate, Timeline, TimelineEntry, Zone } from '../model';
import { isBlank, type Line } from './lines';
import { findClockTimes, findDates, readZoneAt, type TimeToken } from './timeTokens';

/**
 * Status-page update logs (Atlassian Statuspage, Instatus, status.io and their exports): each
 * update opens with its state, and its time comes last, on the same line
 * (`Resolved - This incident has been resolved. Mar 4, 21:05 UTC`) or on the line below
 * (`**Monitoring** - A fix is out.` then `Mar 4, 20:40 UTC`).
 */

/**
 * The update states status pages write, as they open an update. The metrics read the state
 * (see `analysis/metrics.ts`): investigating marks detection, monitoring mitigation, resolved
 * and completed resolution. Other languages add their words here.
 */
export const STATUS_STATES: Readonly<Record<string, 'detected' | 'identified' | 'mitigated' | 'resolved' | 'update'>> = Object.freeze({
  investigating: 'detected',
  identified: 'identified',
  monitoring: 'mitigated',
  resolved: 'resolved',
  completed: 'resolved',
  update: 'update',
  updated: 'update',
  'in progress': 'update',
  verifying: 'update',
  scheduled: 'update',
  postmortem: 'update',
});

/** A state word opening a line, in bold or not, then a dash or colon. */
const STATE_LEAD = /^\s*(?:[-*•]\s+)?(?:\*\*|__)?\s{0,2}(investigating|identified|monitoring|resolved|completed|update|updated|in progress|verifying|scheduled|postmortem)\s{0,2}(?:\*\*|__)?\s{0,2}(?:[-–—:]|\*\*)\s/i;

/** The state a line opens with, lower-cased; undefined when it opens with none. */
export function statusStateOf(text: string): string | undefined {
  // Every state word is a few letters after at most a bullet and `**`: most lines fail on length or first letter.
  const match = STATE_LEAD.exec(text.length > 200 ? text.slice(0, 200) : text);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** How far from the end of the line a trailing stamp may start. */
const STAMP_TAIL = 48;

/** What {@link readStatusUpdateLine} reads: the parts of an entry. */
export interface StatusUpdateRead {
  readonly time: TimeToken;
  readonly date: CalendarDate | undefined;
  readonly zone: Zone | undefined;
  readonly description: string;
}

/** What stands between an update's text and its stamp (`text (Mar 4, …`, `text - 21:05`). */
const BEFORE_STAMP = ' \t([,-';

/** `text` without the separators before its stamp, trimmed by hand: an end-anchored pattern rescans a long line from every start. */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && BEFORE_STAMP.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * Reads `Resolved - <text> Mar 4, 21:05 UTC`: a state-led line whose last words are a date and
 * a time (with a zone). The description is the state and its text, without the stamp.
 */
export function readStatusUpdateLine(line: Line): StatusUpdateRead | undefined {
  if (statusStateOf(line.text) === undefined) return undefined;
  const tailStart = Math.max(0, line.text.length - STAMP_TAIL);
  const tail = line.text.slice(tailStart);
  const time = findClockTimes(tail, line.start + tailStart).at(-1);
  if (!time) return undefined;
  const afterTime = time.span.end - line.start;
  const zone = readZoneAt(line.text.slice(afterTime), time.span.end, 'entry');
  const stampEnd = zone ? zone.span.end - line.start : afterTime;
  if (!/^[\s.)\]*_]*$/.test(line.text.slice(stampEnd))) return undefined;
  const date = findDates(tail, line.start + tailStart).filter((d) => d.span.end <= time.span.start && time.span.start - d.span.end <= 4).at(-1);
  const stampStart = (date ?? time).span.start - line.start;
  const description = withoutTrailingPunctuation(line.text.slice(0, stampStart).replace(/^[\s*_•-]+/, '')).replace(/\*\*|__/g, '').trim();
  return { time, date, zone, description };
}

/**
 * An update written as its state line and then a line with only the stamp: the entry read from
 * the stamp line takes the update's text as its description and covers the update's lines.
 * Changes the just-built entries in place.
 */
export function attachStatusUpdateText(timeline: Timeline, lines: readonly Line[], lineAtOffset: (offset: number) => number): void {
  let previousEnd = -1;
  for (const entry of timeline.entries) {
    const before = previousEnd;
    previousEnd = entry.span.end;
    // Only entries with no description of their own (a stamp alone on its line) take an update's.
    if (entry.text.length > 0 && (isWordCode(entry.text.charCodeAt(0)) || !/^[\s*_.,()-]*$/.test(entry.text))) continue;
    let index = lineAtOffset(entry.lineSpan.start) - 1;
    while (index >= 0 && isBlank(lines[index])) index--;
    // The update's text may run over a few lines; its first line carries the state.
    let first = index;
    for (let k = 0; k < 4 && first >= 0 && !isBlank(lines[first]) && statusStateOf(lines[first]!.text) === undefined; k++) first--;
    const stateLine = first >= 0 ? lines[first] : undefined;
    if (!stateLine || stateLine.ignored || stateLine.start < before || statusStateOf(stateLine.text) === undefined) continue;
    const writable = entry as { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] };
    const text = lines.slice(first, index + 1).map((l) => l.text.trim()).join(' ');
    writable.text = text.replace(/\*\*|__/g, '').trim();
    writable.span = { start: Math.min(stateLine.start, entry.span.start), end: entry.span.end };
  }
}

/** A letter or digit (ASCII or beyond): a description that starts with one is a description. */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}
