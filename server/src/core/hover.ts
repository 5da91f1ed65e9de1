import type { PostmortemDocument, Section, Span, TimelineEntry } from './model';
import type { PostmortemOptions } from './options';
import { describeEntryTime, formatClockTime, formatDisplayDate } from './format';
import { formatDuration, formatGap, formatIncidentOffset } from './analysis/durationText';
import { computeMetrics, METRIC_DEFINITIONS, type IncidentMetrics, type Milestone } from './analysis/metrics';
import { durationTolerance, timelineReadings, windowMinutes } from './analysis/rules/durationMismatch';
import { timeOfDay } from './analysis/meridiem';
import { quote as quoteSpan } from './analysis/rules/rule';
import { entryPoint, minutesBetween } from './analysis/timeAxis';
import { groupTimelineEntries, type TimelineGroup } from './analysis/timelineGroups';
import { actionItemHover } from './review/actionHover';

/** Hover content for a place in the document: Markdown, and the span it describes. */
export interface HoverInfo {
  readonly span: Span;
  readonly markdown: string;
}

/**
 * What to show when hovering `offset`: on a timeline time, when it happened and how long after
 * the start, the previous entry and before the resolution; on a stated duration or the stated
 * start/end, the duration each source gives and whether they agree; on a timeline heading, the
 * incident metrics with their definitions. Undefined elsewhere.
 */
export function getHover(document: PostmortemDocument, offset: number, options: PostmortemOptions): HoverInfo | undefined {
  const groups = groupTimelineEntries(document);
  for (const group of groups) {
    const index = group.entries.findIndex((entry) => within(entry.time?.span, offset) || within(entry.endTime?.span, offset) || (!entry.time && within(entry.ownDate?.span, offset)));
    if (index >= 0) {
      const entry = group.entries[index]!;
      const onEnd = entry.endTime !== undefined && within(entry.endTime.span, offset) && !within(entry.time?.span, offset);
      return entryHover(document, group, index, options, onEnd);
    }
  }
  const window = document.window;
  for (const span of [window.statedDurationSpan, window.start?.span, window.end?.span, ...(window.otherDurationSpans ?? [])]) {
    if (span && within(span, offset)) return durationHover(document, span, options);
  }
  const heading = document.allSections.find((section) => section.kinds.includes('timeline') && within(section.headingSpan, offset));
  if (heading) return headingHover(document, heading, groups);
  return actionItemHover(document, offset, options);
}

function within(span: Span | undefined, offset: number): boolean {
  return span !== undefined && offset >= span.start && offset <= span.end;
}

function quote(document: PostmortemDocument, span: Span | undefined): string {
  return span ? quoteSpan(document, span) : '';
}

/** Escapes text quoted from the document so it shows literally in Markdown. */
function literal(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/**
 * The hover of a timeline entry, on the token hovered: its time (or date), or, with `onEnd`,
 * the end of the range it gives (`13:20 - 13:50`), which is what the editor highlights.
 */
function entryHover(document: PostmortemDocument, group: TimelineGroup, index: number, options: PostmortemOptions, onEnd = false): HoverInfo {
  const entry = group.entries[index]!;
  const start = (entry.time ?? entry.ownDate)!.span;
  const span = onEnd && entry.endTime ? entry.endTime.span : start;
  const lines: string[] = [];
  if (span === start) lines.push(`**${literal(quote(document, span))}** · ${normalised(entry, options)}`);
  else lines.push(`**${literal(quote(document, span))}** · the end of a range that starts at ${literal(quote(document, start))}: ${normalised(entry, options)}`);
  if (onEnd && entry.endTime && !entry.endTime.valid) {
    lines.push('', 'This time cannot be read, so the range takes no part in the timeline arithmetic.');
    return { span, markdown: lines.join('\n') };
  }
  if (entry.time && !entry.time.valid) {
    lines.push('', 'This time cannot be read, so it takes no part in the timeline arithmetic.');
    return { span, markdown: lines.join('\n') };
  }
  const metrics = computeMetrics(document, group.entries);
  const point = entryPoint(entry);
  const facts: string[] = [];
  if (point && metrics.started) {
    const elapsed = minutesBetween(metrics.started.point, point);
    const relation = elapsed >= 0 ? 'since the start' : 'before the start';
    facts.push(`\`${formatIncidentOffset(elapsed)}\`: ${formatDuration(Math.abs(elapsed))} ${relation} (${literal(quote(document, metrics.started.span))}, ${startSource(metrics.started)})`);
  }
  const previous = previousTimed(group.entries, index);
  if (point && previous) {
    const gap = minutesBetween(previous.point, point);
    facts.push(`${formatGap(gap)} since the previous entry (${literal(quote(document, previous.entry.time?.span ?? previous.entry.ownDate?.span))})`);
  }
  const resolved = metrics.resolved;
  if (point && resolved) {
    const until = minutesBetween(point, resolved.point);
    if (resolved.entry === entry) facts.push('This entry is the resolution.');
    else if (until > 0) facts.push(`${formatDuration(until)} until the resolution (${literal(quote(document, resolved.span))})`);
    else facts.push(`${formatDuration(-until)} after the resolution (${literal(quote(document, resolved.span))})`);
  }
  if (entry.endTime?.valid && entry.time?.valid) {
    let length = timeOfDay(entry.endTime) - timeOfDay(entry.time);
    if (length < 0) length += 1440;
    facts.push(`The range ${literal(quote(document, entry.time.span))} to ${literal(quote(document, entry.endTime.span))} lasts ${formatDuration(length)}`);
  }
  if (facts.length > 0) lines.push('', ...facts.map((fact) => `- ${fact}`));
  return { span, markdown: lines.join('\n') };
}

/** `23:45, 2024-01-15, UTC` or `23:45, no time zone stated`. */
function normalised(entry: TimelineEntry, options: PostmortemOptions): string {
  const described = describeEntryTime(entry) || (entry.time ? formatClockTime(entry.time) : entry.date ? formatDisplayDate(entry.date) : '');
  if (!entry.time) return described;
  if (entry.zone) {
    const inherited = entry.ownZone ? '' : entry.zone.source === 'summary' ? ' (zone from the summary)' : ' (zone from the timeline)';
    return `${described}${inherited}`;
  }
  return options.defaultTimeZone ? `${described}, ${options.defaultTimeZone} assumed (no zone stated)` : `${described}, no time zone stated`;
}

function startSource(started: Milestone): string {
  return started.source === 'window-start' ? 'the stated start' : 'the first entry';
}

function previousTimed(entries: readonly TimelineEntry[], index: number) {
  for (let i = index - 1; i >= 0; i--) {
    const entry = entries[i]!;
    const point = entryPoint(entry);
    if (point) return { entry, point };
  }
  return undefined;
}

function durationHover(document: PostmortemDocument, span: Span, options: PostmortemOptions): HoverInfo {
  const window = document.window;
  const lines: string[] = [];
  const stated = window.statedDurationMinutes;
  const fromWindow = windowMinutes(document);
  const tolerance = stated === undefined ? options.durationToleranceMinutes : durationTolerance(stated, window.statedDurationApproximate === true, options);
  const agreement = (minutes: number) => {
    if (stated === undefined) return '';
    const off = Math.abs(minutes - stated);
    return off <= tolerance ? ' — agrees with the stated duration' : ` — ${formatDuration(off)} off the stated duration`;
  };
  lines.push(stated !== undefined ? `**Stated duration: ${literal(quote(document, window.statedDurationSpan))}** (${formatDuration(stated)})` : '**Incident window**');
  const facts: string[] = [];
  if (fromWindow !== undefined) {
    facts.push(`From the stated start and end, ${literal(quote(document, window.start?.span))} to ${literal(quote(document, window.end?.span))}: ${formatDuration(fromWindow)}${agreement(fromWindow)}`);
  }
  const metrics = computeMetrics(document);
  const readings = timelineReadings(metrics);
  const reading = readings[0];
  if (reading) {
    facts.push(`From the timeline, ${literal(quote(document, reading.from.span))} to ${literal(quote(document, reading.to.span))} (${reading.description}): ${formatDuration(reading.minutes)}${agreement(reading.minutes)}`);
  }
  if (fromWindow !== undefined && reading && stated === undefined) {
    const off = Math.abs(fromWindow - reading.minutes);
    facts.push(off <= tolerance ? 'The stated window and the timeline agree.' : `The stated window and the timeline differ by ${formatDuration(off)}.`);
  }
  if (facts.length === 0) facts.push('No start and end, and no timeline times, to compare with.');
  const others = window.otherDurationSpans ?? [];
  if (stated !== undefined && others.length > 0) {
    const also = others.map((other) => literal(quote(document, other))).join(', ');
    facts.push(`Two durations are stated: ${literal(quote(document, window.statedDurationSpan))} is taken as the outage's, ${also} as what followed it; the comparisons above use ${literal(quote(document, window.statedDurationSpan))}.`);
  }
  lines.push('', ...facts.map((fact) => `- ${fact}`));
  return { span, markdown: lines.join('\n') };
}

function headingHover(document: PostmortemDocument, heading: Section, groups: readonly TimelineGroup[]): HoverInfo {
  const group = groups.find((g) => g.section === heading) ?? groups.find((g) => g.entries.some((e) => e.span.start >= heading.span.start && e.span.start < heading.span.end));
  const metrics = computeMetrics(document, group?.entries ?? []);
  return { span: heading.titleSpan, markdown: metricsMarkdown(document, metrics) };
}

/** The incident metrics as Markdown: each value with the milestones it was measured between and its definition. */
export function metricsMarkdown(document: PostmortemDocument, metrics: IncidentMetrics): string {
  const at = (m: Milestone | undefined) => (m?.span ? literal(quote(document, m.span)) : '—');
  const value = (minutes: number | undefined) => (minutes === undefined ? 'unknown' : `**${formatDuration(minutes)}**`);
  const lines = [
    '**Incident metrics**',
    '',
    `- Time to detect: ${value(metrics.timeToDetect)}${metrics.detected ? ` (detected ${at(metrics.detected)})` : ' (no entry says it was detected)'} — ${METRIC_DEFINITIONS.timeToDetect}`,
    `- Time to mitigate: ${value(metrics.timeToMitigate)}${metrics.mitigated ? ` (mitigated ${at(metrics.mitigated)})` : ' (no entry says it was mitigated)'} — ${METRIC_DEFINITIONS.timeToMitigate}`,
    `- Time to resolve: ${value(metrics.timeToResolve)}${metrics.resolved ? ` (resolved ${at(metrics.resolved)})` : ' (no entry says it was resolved)'} — ${METRIC_DEFINITIONS.timeToResolve}`,
    `- Total impact: ${value(metrics.totalImpact)}${metrics.ended ? ` (ended ${at(metrics.ended)})` : ''} — ${METRIC_DEFINITIONS.totalImpact}`,
    '',
    `Started ${at(metrics.started)}: ${METRIC_DEFINITIONS.started}. Detected: ${METRIC_DEFINITIONS.detected}. Mitigated: ${METRIC_DEFINITIONS.mitigated}. Resolved: ${METRIC_DEFINITIONS.resolved}. Ended: ${METRIC_DEFINITIONS.ended}.`,
  ];
  if (metrics.timelineSpan !== undefined) lines.push('', `The timeline spans ${formatDuration(metrics.timelineSpan)} over ${metrics.timedEntries} timed entries.`);
  return lines.join('\n');
}
