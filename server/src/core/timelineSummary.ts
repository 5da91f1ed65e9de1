import type { PostmortemDocument, Span } from './model';
import type { PostmortemOptions } from './options';
import { formatDuration, formatElapsedClock, formatIncidentOffset } from './analysis/durationText';
import { computeMetrics } from './analysis/metrics';
import { entryPoint, minutesBetween } from './analysis/timeAxis';
import { groupTimelineEntries } from './analysis/timelineGroups';

/** An inlay hint: a label shown right after `offset`. */
export interface ElapsedHint {
  /** Just after the timeline time it annotates. */
  readonly offset: number;
  /** `+0:32`: hours and minutes since the incident started. */
  readonly label: string;
  readonly tooltip: string;
}

/**
 * After each timeline time, the time elapsed since the incident started (the stated start,
 * else the first entry of its timeline). Empty when `options.inlayHints` is off.
 */
export function elapsedHints(document: PostmortemDocument, options: PostmortemOptions): ElapsedHint[] {
  if (!options.inlayHints) return [];
  const hints: ElapsedHint[] = [];
  for (const group of groupTimelineEntries(document)) {
    const started = computeMetrics(document, group.entries).started;
    if (!started) continue;
    for (const entry of group.entries) {
      const point = entryPoint(entry);
      if (!point || point.dayOnly || !entry.time) continue;
      const elapsed = minutesBetween(started.point, point);
      const from = started.source === 'window-start' ? 'the stated start' : 'the first entry';
      hints.push({
        offset: entry.time.span.end,
        label: formatElapsedClock(elapsed),
        tooltip: `${formatIncidentOffset(elapsed)}: ${formatDuration(Math.abs(elapsed))} ${elapsed >= 0 ? 'after' : 'before'} ${from}`,
      });
    }
  }
  return hints;
}

/** A code lens: a one-line summary shown above a timeline heading. */
export interface TimelineLens {
  readonly span: Span;
  readonly title: string;
}

/** One lens per timeline section: its duration and the incident metrics that could be read. */
export function timelineLenses(document: PostmortemDocument): TimelineLens[] {
  const lenses: TimelineLens[] = [];
  for (const group of groupTimelineEntries(document)) {
    const section = group.section;
    if (!section || !section.kinds.includes('timeline') || lenses.some((lens) => lens.span.start === section.headingSpan.start)) continue;
    const metrics = computeMetrics(document, group.entries);
    if (metrics.timedEntries === 0) continue;
    const parts: string[] = [];
    if (metrics.totalImpact !== undefined) parts.push(`Impact ${formatDuration(metrics.totalImpact)}`);
    if (metrics.timeToDetect !== undefined) parts.push(`detected ${formatIncidentOffset(metrics.timeToDetect)}`);
    if (metrics.timeToMitigate !== undefined) parts.push(`mitigated ${formatIncidentOffset(metrics.timeToMitigate)}`);
    if (metrics.timeToResolve !== undefined) parts.push(`resolved ${formatIncidentOffset(metrics.timeToResolve)}`);
    parts.push(`${metrics.timedEntries} ${metrics.timedEntries === 1 ? 'entry' : 'entries'}`);
    lenses.push({ span: section.headingSpan, title: parts.join(' · ') });
  }
  return lenses;
}
