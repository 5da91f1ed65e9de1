import type { PostmortemDocument, Span, TimelineEntry } from '../../model';
import type { SpanEdit } from '../../edits/textEdits';
import type { Finding } from '../findings';
import { EVIDENT_STEP, HALF_DAY, forwardOnDial, switchMeridiemText, timeOfDay } from '../meridiem';
import { entryPoint, minutesBetween, type TimePoint } from '../timeAxis';
import { groupTimelineEntries } from '../timelineGroups';
import { DiagnosticCodes, quote, type Rule } from './rule';

/** Facts the quick fixes need; JSON-serialisable. */
export interface TimelineOrderData {
  /** The time of the entry above (the one this entry should not precede). */
  readonly previous: Span;
  /** Switching AM/PM on these tokens restores the order (an AM/PM slip), when that is evident. */
  readonly meridiemFix?: { readonly edits: readonly SpanEdit[]; readonly corrected: string };
}

/** A timeline entry that takes part in ordering. */
export interface Timed {
  readonly entry: TimelineEntry;
  readonly point: TimePoint;
  /** The written token (time, or date for date-only entries). */
  readonly span: Span;
}

/**
 * The entries of a group that are ordered in time: those with a usable time or date, and,
 * where most entries lead with their time, only those (a time mentioned mid-sentence is not
 * a stamp).
 */
export function orderableEntries(document: PostmortemDocument, entries: readonly TimelineEntry[]): Timed[] {
  const stamps = entries.filter((entry) => isStamped(document, entry));
  const candidates = stamps.length * 2 >= entries.length ? stamps : entries;
  const timed: Timed[] = [];
  for (const entry of candidates) {
    const point = entryPoint(entry);
    const span = entry.time?.span ?? entry.ownDate?.span ?? entry.date?.span;
    if (point && span) timed.push({ entry, point, span });
  }
  return timed;
}

/**
 * Minutes from `a` to `b` for ordering: zones convert only between two stamped zones, since a
 * zone an entry inherits may be a guess; otherwise the wall clocks are compared.
 */
export function orderingGap(a: Timed, b: Timed): number {
  const bothStamped = a.entry.ownZone !== undefined && b.entry.ownZone !== undefined;
  return bothStamped ? minutesBetween(a.point, b.point) : minutesBetween(wallClock(a.point), wallClock(b.point));
}

/** Approximate times (`~10:42`) may sit this many minutes out of order without comment. */
const APPROXIMATE_SLACK = 15;

/**
 * `timeline-order`: an entry earlier than the one before it. Bare times that the parser rolled
 * past midnight count as a midnight crossing only when the clock moved forward less than half
 * a day; a "rollover" of 12 hours or more with no date to back it is the clock going back
 * (`12:00 PM` then `12:15 AM`). Newest-first timelines are checked in their own direction.
 */
export const checkTimelineOrder: Rule = (document) => {
  const findings: Finding[] = [];
  const direction = document.timeline.reverseChronological ? -1 : 1;
  for (const group of groupTimelineEntries(document, 'innermost')) {
    const timed = orderableEntries(document, group.entries);
    for (let i = 1; i < timed.length; i++) {
      const previous = timed[i - 1]!;
      const current = timed[i]!;
      if (!outOfOrder(previous, current, direction)) continue;
      const meridiemFix = findMeridiemFix(document, timed, i, direction);
      const currentText = quote(document, current.span);
      const previousText = quote(document, previous.span);
      const relation = direction > 0 ? 'earlier' : 'later';
      let message = `${currentText} is ${relation} than the entry above it, ${previousText}`;
      if (direction < 0) message += ', in a timeline that lists the newest entry first';
      else if (current.point.minutes >= previous.point.minutes) message += ' (no date says the timeline crossed midnight)';
      if (meridiemFix) message += `; ${meridiemFix.corrected} was probably meant`;
      const data: TimelineOrderData = { previous: previous.span, ...(meridiemFix ? { meridiemFix } : {}) };
      findings.push({
        code: DiagnosticCodes.timelineOrder,
        severity: 'warning',
        span: current.span,
        message,
        related: [{ span: previous.span, message: `the entry above it, ${previousText}` }],
        data,
      });
    }
  }
  return findings;
};

function outOfOrder(previous: Timed, current: Timed, direction: number): boolean {
  if (startsNewDay(previous.entry, current.entry)) return false;
  const step = direction * orderingGap(previous, current);
  const approximate = previous.entry.time?.approximate === true || current.entry.time?.approximate === true;
  if (step < 0) return !(approximate && step > -APPROXIMATE_SLACK);
  return direction > 0 && step >= HALF_DAY && rolledOverWithoutDate(previous.entry, current.entry);
}

function wallClock(point: TimePoint): TimePoint {
  return { ...point, offsetMinutes: undefined };
}

/** Words that may come before a time that still leads its entry (`Thurs 07:06`, `Update 20:09`, `at 10:15`). */
const LEAD_WORDS = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b|\b(?:update[ds]?|at|on|around|about|approx|approximately|by|starting|day|time)\b|\bt[+-]\d{1,3}(?::\d{2})?/gi;

/**
 * Whether the entry's time (or date) leads it, as a timeline stamp does, rather than being
 * mentioned mid-sentence ("Step idempotency was made stricter at 07:40 PDT").
 */
export function isStamped(document: PostmortemDocument, entry: TimelineEntry): boolean {
  if (entry.layout === 'heading' || entry.layout === 'table-row') return true;
  const token = entry.ownDate && (!entry.time || entry.ownDate.span.start < entry.time.span.start) ? entry.ownDate.span : entry.time?.span;
  if (!token) return true;
  const before = document.text.slice(entry.lineSpan.start, Math.max(entry.lineSpan.start, token.start)).replace(LEAD_WORDS, '');
  return !/[A-Za-z]{2,}/.test(before);
}

/**
 * A date line or heading between two entries (`### May 26, 2020` on a status page) starts a
 * new day, and a page may list its days newest first while each day reads oldest first: the
 * step across such a line is not compared.
 */
function startsNewDay(previous: TimelineEntry, current: TimelineEntry): boolean {
  const a = previous.date;
  const b = current.date;
  if (!a || !b || current.ownDate || current.dayOffset !== 0) return false;
  return a.year !== b.year || a.month !== b.month || a.day !== b.day;
}

/** The parser moved `current` to a later day although no date written on it says so. */
function rolledOverWithoutDate(previous: TimelineEntry, current: TimelineEntry): boolean {
  return current.dayOffset > previous.dayOffset && current.ownDate === undefined;
}

/**
 * When the entry at `index` and the entries after it that share its meridiem would sit in
 * order, close to their neighbours, with AM and PM switched, that switch is the evident fix.
 */
function findMeridiemFix(document: PostmortemDocument, timed: readonly Timed[], index: number, direction: number): TimelineOrderData['meridiemFix'] {
  const first = timed[index]!;
  const meridiem = first.entry.time?.meridiem;
  if (!meridiem || first.entry.time?.valid === false) return undefined;
  const before = timed[index - 1]!.entry.time;
  if (!before || before.valid === false) return undefined;

  // The run: this entry and the ones after it that share its meridiem and agree with it.
  let end = index + 1;
  while (end < timed.length) {
    const candidate = timed[end]!;
    const time = candidate.entry.time;
    if (!time || time.meridiem !== meridiem || time.valid === false || candidate.entry.ownDate) break;
    if (outOfOrder(timed[end - 1]!, candidate, direction)) break;
    end++;
  }
  const step = (from: number, to: number) => (direction > 0 ? forwardOnDial(from, to) : forwardOnDial(to, from));
  const switched = (i: number) => (timeOfDay(timed[i]!.entry.time!) + HALF_DAY) % 1440;
  if (step(timeOfDay(before), switched(index)) >= EVIDENT_STEP) return undefined;
  const after = timed[end]?.entry.time;
  if (after && after.valid !== false && step(switched(end - 1), timeOfDay(after)) >= EVIDENT_STEP) return undefined;

  const edits: SpanEdit[] = [];
  for (let i = index; i < end; i++) {
    const span = timed[i]!.entry.time!.span;
    const newText = switchMeridiemText(document.text.slice(span.start, span.end));
    if (newText === undefined) return undefined;
    edits.push({ span, newText });
  }
  return { edits, corrected: edits[0]!.newText };
}
