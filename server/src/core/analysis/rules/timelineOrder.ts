import type { PostmortemDocument, Span, TimelineEntry } from '../../model';
import type { SpanEdit } from '../../edits/textEdits';
import type { Finding } from '../findings';
import { EVIDENT_STEP, HALF_DAY, forwardOnDial, switchMeridiemText, timeOfDay } from '../meridiem';
import { entryPoint, minutesBetween, wallClockMinutesBetween, type TimePoint } from '../timeAxis';
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
  /**
   * Where the rule reads the entry: its point on the parser's axis, moved back by the
   * midnight rollovers the rule does not believe (see {@link orderableEntries}).
   */
  readonly point: TimePoint;
  /** The written token (time, or date for date-only entries). */
  readonly span: Span;
  /** The parser rolled this entry past midnight, but the rule reads it on the day of the entry above. */
  readonly rolloverUndone: boolean;
}

/**
 * The entries of a group that are ordered in time, each with the point the rule reads it at:
 * those with a usable time or date, and, where most entries lead with their time, only those
 * (a time mentioned mid-sentence is not a stamp).
 *
 * The point is the parser's (`entry.minutes`, midnight rollovers included) with one
 * correction. A rollover with no date on the entry is believed only when it leaves the clock
 * less than half a day after the entry above (`11:50 PM` → `12:26 AM`). When it leaves half a
 * day or more (`6:00 PM` → `6:02 AM`, read as the next morning), no date says the day changed
 * and the rule reads the entry, and those after it, on the day of the entry above, until a new
 * date or day count starts. The ordering rule and the sort fix both use these points, so a
 * sorted timeline is one the rule finds in order.
 */
export function orderableEntries(document: PostmortemDocument, entries: readonly TimelineEntry[]): Timed[] {
  const stamps = entries.filter((entry) => isStamped(document, entry));
  const candidates = stamps.length * 2 >= entries.length ? stamps : entries;
  const forward = !document.timeline.reverseChronological;
  const timed: Timed[] = [];
  let daysUndone = 0;
  // The entry above and its point as parsed (rollovers included).
  let previousEntry: TimelineEntry | undefined;
  let previousPoint: TimePoint | undefined;
  for (const entry of candidates) {
    const parsed = entryPoint(entry);
    const span = entry.time?.span ?? entry.ownDate?.span ?? entry.date?.span;
    if (!parsed || !span) continue;
    let rolloverUndone = false;
    if (previousEntry && previousPoint) {
      const rolledDays = entry.dayOffset - previousEntry.dayOffset;
      if (rolledDays < 0 || entry.ownDate) daysUndone = 0;
      else if (forward && rolledDays > 0 && gapOf(previousEntry, previousPoint, entry, parsed) >= HALF_DAY) {
        daysUndone += rolledDays;
        rolloverUndone = true;
      }
    }
    const point = daysUndone === 0 ? parsed : { ...parsed, minutes: parsed.minutes - daysUndone * MINUTES_PER_DAY };
    timed.push({ entry, point, span, rolloverUndone });
    previousEntry = entry;
    previousPoint = parsed;
  }
  return timed;
}

const MINUTES_PER_DAY = 1440;

/**
 * Minutes from `a` to `b` for ordering: zones convert only between two stamped zones, since a
 * zone an entry inherits may be a guess; otherwise the wall clocks are compared.
 */
export function orderingGap(a: Pick<Timed, 'entry' | 'point'>, b: Pick<Timed, 'entry' | 'point'>): number {
  return gapBetween(a, b);
}

function gapBetween(a: Pick<Timed, 'entry' | 'point'>, b: Pick<Timed, 'entry' | 'point'>): number {
  return gapOf(a.entry, a.point, b.entry, b.point);
}

function gapOf(aEntry: TimelineEntry, aPoint: TimePoint, bEntry: TimelineEntry, bPoint: TimePoint): number {
  const bothStamped = aEntry.ownZone !== undefined && bEntry.ownZone !== undefined;
  return bothStamped ? minutesBetween(aPoint, bPoint) : wallClockMinutesBetween(aPoint, bPoint);
}

/** Approximate times (`~10:42`) may sit this many minutes out of order without comment. */
const APPROXIMATE_SLACK = 15;

/**
 * `timeline-order`: an entry earlier than the one before it, both read as
 * {@link orderableEntries} reads them: bare times that the parser rolled past midnight count
 * as a midnight crossing only when the clock moved forward less than half a day; a "rollover"
 * of 12 hours or more with no date to back it is read on the same day (`6:00 PM` then
 * `6:02 AM` is the clock going back). Newest-first timelines are checked in their own direction.
 */
export const checkTimelineOrder: Rule = (document) => {
  let findings = findingsByModel.get(document);
  if (!findings) {
    findings = findOutOfOrder(document);
    findingsByModel.set(document, findings);
  }
  return [...findings];
};

/**
 * Findings per model: `duration-mismatch` asks whether the timeline is in order, after this
 * rule has answered for the same model (which never changes).
 */
const findingsByModel = new WeakMap<PostmortemDocument, readonly Finding[]>();

function findOutOfOrder(document: PostmortemDocument): Finding[] {
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
      else if (current.rolloverUndone) message += ' (no date says the timeline crossed midnight)';
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
}

function outOfOrder(previous: Timed, current: Timed, direction: number): boolean {
  if (startsNewDay(previous.entry, current.entry)) return false;
  const step = direction * orderingGap(previous, current);
  if (step >= 0) return false;
  const approximate = previous.entry.time?.approximate === true || current.entry.time?.approximate === true;
  return !(approximate && step > -APPROXIMATE_SLACK);
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
  const start = entry.lineSpan.start;
  const end = Math.max(start, token.start);
  // Usually only markup (`- **`) comes first. Removing lead words never joins two letters (a
  // lead word starts at a word boundary), so text without two letters in a row stays so.
  if (!hasLetterPair(document.text, start, end)) return true;
  const before = document.text.slice(start, end).replace(LEAD_WORDS, '');
  return !/[A-Za-z]{2,}/.test(before);
}

/** Whether `text` has two ASCII letters in a row between `start` and `end`. */
function hasLetterPair(text: string, start: number, end: number): boolean {
  let previousIsLetter = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) | 0x20;
    const isLetter = code >= 0x61 && code <= 0x7a;
    if (isLetter && previousIsLetter) return true;
    previousIsLetter = isLetter;
  }
  return false;
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
