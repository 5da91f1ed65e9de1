import type { Finding, Severity } from '../findings';
import { formatDuration } from '../durationText';
import { computeMetrics } from '../metrics';
import { entryPoint, minutesBetween, windowEndPoint, windowStartPoint } from '../timeAxis';
import { DiagnosticCodes, quote, type Rule } from './rule';

/**
 * `outside-window`: a timeline entry before the stated start or after the stated end.
 *
 * Lead-up events (the deploy that caused it) and follow-ups (the postmortem meeting) belong in
 * a timeline, so most such entries are a hint. The detection entry before the stated start,
 * or the resolution after the stated end, means the stated window itself is wrong: warning.
 */
export const checkOutsideWindow: Rule = (document, options) => {
  const start = windowStartPoint(document.window);
  const end = windowEndPoint(document.window);
  if (!start && !end) return [];
  const metrics = computeMetrics(document);
  const findings: Finding[] = [];
  for (const entry of document.timeline.entries) {
    const point = entryPoint(entry);
    if (!point || point.dayOnly || !entry.time) continue;
    const before = start ? minutesBetween(point, start) : 0;
    const after = end ? minutesBetween(end, point) : 0;
    if (before <= 0 && after <= 0) continue;
    const isStart = before > 0;
    const bound = isStart ? document.window.start! : document.window.end!;
    const gap = isStart ? before : after;
    const milestone =
      metrics.detected?.entry === entry ? 'detection' : metrics.resolved?.entry === entry ? 'resolution' : undefined;
    const contradicts =
      gap > options.durationToleranceMinutes &&
      ((isStart && milestone === 'detection') || (!isStart && milestone === 'resolution'));
    const severity: Severity = contradicts ? 'warning' : 'hint';
    const what = contradicts ? `This ${milestone} entry` : 'This entry';
    const entryText = quote(document, entry.time.span);
    const boundText = quote(document, bound.span);
    let message = `${what}, ${entryText}, is ${formatDuration(gap)} ${isStart ? 'before the stated start' : 'after the stated end'}, ${boundText}`;
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
