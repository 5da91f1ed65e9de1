import type { PostmortemDocument } from '../../model';
import type { Finding } from '../findings';
import type { PostmortemOptions } from '../../options';
import { formatDuration } from '../durationText';
import { computeMetrics, type IncidentMetrics, type Milestone } from '../metrics';
import { minutesBetween, windowEndPoint, windowStartPoint } from '../timeAxis';
import { DiagnosticCodes, quote, type Rule } from './rule';
import { checkTimelineOrder } from './timelineOrder';

/** Facts the quick fix needs; JSON-serialisable. */
export interface DurationMismatchData {
  /** What the document states, in minutes. */
  readonly stated: number;
  /** The duration the document's own times give, in minutes. */
  readonly expected: number;
  /** Where `expected` comes from. */
  readonly basis: 'window' | 'timeline';
}

/**
 * How far a stated duration may be off before it is reported: the configured tolerance for
 * exact wording; for approximate wording (`~2 hours`, `about three hours`) max(15 min, 20 %);
 * a whole number of hours is precise to a quarter of an hour at best.
 */
export function durationTolerance(stated: number, approximate: boolean, options: PostmortemOptions): number {
  if (approximate) return Math.max(15, stated * 0.2, options.durationToleranceMinutes);
  if (stated >= 60 && stated % 60 === 0) return Math.max(15, options.durationToleranceMinutes);
  return options.durationToleranceMinutes;
}

/**
 * `duration-mismatch`: a stated duration (`lasted 45 minutes`) that disagrees with the stated
 * start and end, or, when no start and end are stated, with every reading of the timeline
 * (first entry to resolution, to mitigation, or to the last entry).
 */
export const checkDurationMismatch: Rule = (document, options) => {
  // A timeline out of order gives no duration worth comparing; timeline-order says why.
  const timelineUsable = checkTimelineOrder(document, options).length === 0;
  const metrics = computeMetrics(document);
  return [
    ...checkStatedDuration(document, options, metrics, timelineUsable),
    ...(timelineUsable ? checkStatedEnd(document, options, metrics) : []),
  ];
};

function checkStatedDuration(document: PostmortemDocument, options: PostmortemOptions, metrics: IncidentMetrics, timelineUsable: boolean): Finding[] {
  const window = document.window;
  if (window.statedDurationMinutes === undefined || !window.statedDurationSpan) return [];
  if (!readsAsIncidentLength(document.text, window.statedDurationSpan.start)) return [];
  const stated = window.statedDurationMinutes;
  const tolerance = durationTolerance(stated, window.statedDurationApproximate === true, options);
  const statedText = quote(document, window.statedDurationSpan);

  const expectedFromWindow = windowMinutes(document);
  if (expectedFromWindow !== undefined) {
    if (Math.abs(expectedFromWindow - stated) <= tolerance) return [];
    const data: DurationMismatchData = { stated, expected: expectedFromWindow, basis: 'window' };
    return [
      {
        code: DiagnosticCodes.durationMismatch,
        severity: 'warning',
        span: window.statedDurationSpan,
        message:
          `The stated duration, ${statedText}, disagrees with the stated start and end, ` +
          `${quote(document, window.start!.span)} to ${quote(document, window.end!.span)} (${formatDuration(expectedFromWindow)})`,
        related: [
          { span: window.start!.span, message: 'the stated start' },
          { span: window.end!.span, message: 'the stated end' },
        ],
        data,
      },
    ];
  }

  if (!timelineUsable) return [];
  const readings = timelineReadings(metrics);
  if (readings.length === 0) return [];
  if (readings.some((reading) => Math.abs(reading.minutes - stated) <= tolerance)) return [];
  const best = readings[0]!;
  const data: DurationMismatchData = { stated, expected: best.minutes, basis: 'timeline' };
  return [
    {
      code: DiagnosticCodes.durationMismatch,
      severity: 'warning',
      span: window.statedDurationSpan,
      message:
        `The stated duration, ${statedText}, disagrees with the timeline, which runs ${formatDuration(best.minutes)} ` +
        `from ${quote(document, best.from.span!)} to ${quote(document, best.to.span!)} (${best.description})`,
      related: [
        { span: best.from.span!, message: `the ${best.from.kind === 'started' ? 'start' : best.from.kind}` },
        { span: best.to.span!, message: best.description.replace(/^.* to /, 'the ') },
      ],
      data,
    },
  ];
}

/**
 * A stated end well after the timeline's resolution entry: the window claims more outage than
 * the timeline shows. Information only, since an end may include a watch period the timeline
 * leaves out. (A resolution after the stated end is `outside-window`.)
 */
function checkStatedEnd(document: PostmortemDocument, options: PostmortemOptions, metrics: IncidentMetrics): Finding[] {
  const end = windowEndPoint(document.window);
  const resolved = metrics.resolved;
  if (!end || !document.window.end || !resolved?.span || resolved.source !== 'entry') return [];
  const gap = minutesBetween(resolved.point, end);
  const stated = windowMinutes(document);
  if (stated === undefined || gap <= durationTolerance(stated, false, options)) return [];
  const expected = stated - gap;
  return [
    {
      code: DiagnosticCodes.durationMismatch,
      severity: 'information',
      span: document.window.end.span,
      message:
        `The stated end, ${quote(document, document.window.end.span)}, is ${formatDuration(gap)} after the timeline's resolution, ` +
        `${quote(document, resolved.span)}: the window gives ${formatDuration(stated)}, the timeline ${formatDuration(expected)}`,
      related: [{ span: resolved.span, message: 'the resolution entry' }],
    },
  ];
}

/**
 * Whether the words just before a duration make it the incident's length rather than some
 * other span ("over the span of the next 36 hours we deployed", "every 3 hours", "within 2 weeks").
 */
function readsAsIncidentLength(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 40), offset).toLowerCase();
  return !/\b(?:next|following|every|each|per|within|after|before|last|past|later|ago|in the|sla|timeout|interval|rotation|due|eta|target)\b[^.;:]*$/.test(before);
}

/** Minutes from the stated start to the stated end; an undated end before the start runs past midnight. */
export function windowMinutes(document: PostmortemDocument): number | undefined {
  const start = windowStartPoint(document.window);
  const end = windowEndPoint(document.window);
  if (!start || !end) return undefined;
  let minutes = minutesBetween(start, end);
  if (minutes < 0 && document.window.endDate === undefined) minutes += 1440;
  return minutes >= 0 ? minutes : undefined;
}

interface Reading {
  readonly minutes: number;
  readonly from: Milestone;
  readonly to: Milestone;
  readonly description: string;
}

/** The ways a timeline can be read as the incident's duration, the most likely first. */
export function timelineReadings(metrics: IncidentMetrics): Reading[] {
  const readings: Reading[] = [];
  const add = (from: Milestone | undefined, to: Milestone | undefined, description: string) => {
    if (!from?.span || !to?.span || from.point === to.point) return;
    const minutes = minutesBetween(from.point, to.point);
    if (minutes > 0) readings.push({ minutes, from, to, description });
  };
  const startName = metrics.started?.source === 'window-start' ? 'stated start' : 'first entry';
  add(metrics.started, metrics.resolved, `${startName} to resolution`);
  add(metrics.started, metrics.ended?.source === 'window-end' ? metrics.ended : undefined, `${startName} to stated end`);
  add(metrics.started, metrics.mitigated, `${startName} to mitigation`);
  add(metrics.started, metrics.latest, `${startName} to last entry`);
  if (metrics.started?.source === 'window-start') add(metrics.earliest, metrics.latest, 'first entry to last entry');
  add(metrics.detected, metrics.resolved, 'detection to resolution');
  return readings;
}
