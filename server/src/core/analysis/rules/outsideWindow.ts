import type { TimelineEntry } from '../../model';
import type { Finding, Severity } from '../findings';
import { formatDuration } from '../durationText';
import { computeMetrics } from '../metrics';
import { HALF_DAY } from '../meridiem';
import { relatedPlaces } from '../relatedPlaces';
import { entryPoint, minutesBetween, windowEndPoint, windowStartPoint, type TimePoint } from '../timeAxis';
import { describeShift, evidentShift, zonesDisagree, type OutsideGap } from '../zoneShift';
import { DiagnosticCodes, quote, type Rule } from './rule';

/**
 * `outside-window`: a timeline entry before the stated start or after the stated end.
 *
 * Lead-up events (the deploy that caused it) and follow-ups (the postmortem meeting) belong in
 * a timeline, so most such entries are a hint. The detection entry before the stated start,
 * or the resolution after the stated end, means the stated window itself is wrong: warning.
 *
 * One cause, one finding: when every entry is outside and the summary and the entries are in
 * different zones, a shift the offsets make evident is read as the author's conversion (only
 * the entries still outside after it are reported); without one, a single finding names the
 * zones as the likely cause and lists the entries as related information.
 */
export const checkOutsideWindow: Rule = (document, options) => {
  const start = windowStartPoint(document.window);
  const end = windowEndPoint(document.window);
  if (!start && !end) return [];
  const metrics = computeMetrics(document);
  const beforeStart = (point: TimePoint) => (start ? minutesBetween(point, start) : 0);
  const afterEnd = (point: TimePoint) => (end ? minutesBetween(end, point) : 0);
  const gap: OutsideGap = (point, shift) => {
    const shifted = shift === 0 ? point : { ...point, minutes: point.minutes + shift };
    return { before: beforeStart(shifted), after: afterEnd(shifted) };
  };
  const timed: { entry: TimelineEntry & { time: NonNullable<TimelineEntry['time']> }; point: TimePoint }[] = [];
  let allOutside = true;
  for (const entry of document.timeline.entries) {
    const point = entryPoint(entry);
    if (!point || point.dayOnly || !entry.time) continue;
    timed.push({ entry: entry as TimelineEntry & { time: NonNullable<TimelineEntry['time']> }, point });
    if (allOutside && beforeStart(point) <= 0 && afterEnd(point) <= 0) allOutside = false;
  }
  let shift = 0;
  const disagreeing = allOutside && timed.length >= 2 ? zonesDisagree(document.window, document.timeline.entries) : undefined;
  if (disagreeing) {
    const evident = evidentShift(timed.map((t) => t.point), gap, options.durationToleranceMinutes);
    if (evident === undefined) return [oneFindingForAll(document, timed, disagreeing)];
    shift = evident;
  }
  const findings: Finding[] = [];
  let latestSoFar = -Infinity;
  for (const { entry, point } of timed) {
    const shifted = shift === 0 ? point : { ...point, minutes: point.minutes + shift };
    const before = beforeStart(shifted);
    const after = afterEnd(shifted);
    const behindAnEarlierEntry = point.minutes < latestSoFar;
    latestSoFar = Math.max(latestSoFar, point.minutes);
    if (before <= 0 && after <= 0) continue;
    // `12:15 AM` after `12:00 PM` that would sit in the window as `12:15 PM`: the AM/PM slip
    // timeline-order reports is the one cause, not the window.
    if (behindAnEarlierEntry && !document.timeline.reverseChronological && meridiemSlipFits(entry, point, shift, gap, options.durationToleranceMinutes)) continue;
    const isStart = before > 0;
    const bound = isStart ? document.window.start! : document.window.end!;
    const distance = isStart ? before : after;
    const milestone =
      metrics.detected?.entry === entry ? 'detection' : metrics.resolved?.entry === entry ? 'resolution' : undefined;
    const contradicts =
      distance > options.durationToleranceMinutes &&
      ((isStart && milestone === 'detection') || (!isStart && milestone === 'resolution'));
    const severity: Severity = contradicts ? 'warning' : 'hint';
    const what = contradicts ? `This ${milestone} entry` : 'This entry';
    const entryText = quote(document, entry.time.span);
    const boundText = quote(document, bound.span);
    let message = `${what}, ${entryText}, is ${formatDuration(distance)} ${isStart ? 'before the stated start' : 'after the stated end'}, ${boundText}`;
    if (shift !== 0) message += ` (the entries read ${describeShift(shift)} from the summary's zone, the conversion their offsets suggest)`;
    if (contradicts) message += isStart ? '; the incident must have started by then' : '; the incident cannot have ended before it was resolved';
    findings.push({
      code: DiagnosticCodes.outsideWindow,
      severity,
      span: entry.time.span,
      message,
      related: [{ span: bound.span, message: isStart ? 'the stated start' : 'the stated end' }],
    });
  }
  return findings;
};

/** Whether the entry's time with its AM/PM switched would lie inside the window. */
function meridiemSlipFits(entry: TimelineEntry, point: TimePoint, shift: number, gap: OutsideGap, tolerance: number): boolean {
  const meridiem = entry.time?.meridiem;
  if (!meridiem) return false;
  const switched = { ...point, minutes: point.minutes + (meridiem === 'am' ? HALF_DAY : -HALF_DAY) };
  const { before, after } = gap(switched, shift);
  return before <= tolerance && after <= tolerance;
}

/** Every entry outside, in zones that disagree, and no evident conversion: one finding for the cause. */
function oneFindingForAll(
  document: Parameters<Rule>[0],
  timed: readonly { entry: TimelineEntry & { time: NonNullable<TimelineEntry['time']> } }[],
  entryZone: NonNullable<ReturnType<typeof zonesDisagree>>,
): Finding {
  const window = document.window;
  const first = timed[0]!.entry;
  const bound = window.start ?? window.end!;
  const summaryZone = window.zone ? quote(document, window.zone.span) : 'no zone';
  const entriesZone = entryZone === 'none' ? 'no zone' : quote(document, entryZone.span);
  return {
    code: DiagnosticCodes.outsideWindow,
    severity: 'warning',
    span: first.time.span,
    message:
      `All ${timed.length} timed entries fall outside the stated window (from ${quote(document, bound.span)}); ` +
      `the summary gives ${summaryZone} and the entries ${entriesZone}, and no whole-hour conversion lines them up: ` +
      'state the zone of each, or convert one side',
    related: [
      { span: bound.span, message: window.start ? 'the stated start' : 'the stated end' },
      ...relatedPlaces(timed.slice(1).map((t) => t.entry.time), 'another entry outside the window'),
    ],
  };
}
