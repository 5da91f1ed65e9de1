import type { CalendarDate, IncidentWindow, Section, Timeline } from '../model';
import { lineAt, type Line } from './lines';
import { shiftDate } from './timeline';
import { durationsIn, outageDuration, readFieldWindow, readFrontMatterWindow, readStartBeforeDuration, type WindowPoint } from './windowStatements';
import { dayNumber, findClockTimes, findMilitaryRanges, findDates, findZones, minuteOfDay, readZoneAt, type DurationToken, type TimeToken } from './timeTokens';
import { afternoonEnd } from './twelveHourNeighbours';
import { introducesForeignDuration, isForeignDurationLabel, joinsForeignRange, opensForeignRange } from './languageTokens';

/**
 * Reads the incident window the summary states: a start and end (`from 10:00 PM to 11:45 PM`,
 * `began at 2:30 PM UTC and lasted until 6:00 PM UTC`, `Start Time:` / `End Time:` labels and export fields, in every language in use) and a
 * stated duration (`Duration: 45 minutes`, `lasted 2 hours`, `for ~three hours`).
 */
export function readWindow(text: string, lines: Line[], sections: readonly Section[], summaryLines: readonly Line[], timeline: Timeline, frontMatter: readonly Line[]): IncidentWindow {
  const timelineSpans = sections.filter((s) => s.kinds.includes('timeline')).map((s) => s.span);
  const inTimeline = new Uint8Array(lines.length);
  for (const span of timelineSpans) markLinesIn(lines, span, inTimeline);
  for (const entry of timeline.entries) markLinesIn(lines, entry.span, inTimeline);
  const outsideTimeline = (line: Line) => !line.ignored && inTimeline[line.index] === 0;
  // Where the window is stated: the summary, else whatever precedes the timeline.
  let region = summaryLines.filter(outsideTimeline);
  if (region.length === 0) {
    const firstTimeline = timelineSpans[0]?.start ?? timeline.entries[0]?.span.start ?? text.length;
    region = lines.filter((l) => l.start < firstTimeline && outsideTimeline(l));
  }

  const outside = lines.filter(outsideTimeline);
  const fields = readFieldWindow(outside, pointAt);
  const range = fields.start ? undefined : findRange(text, region);
  const chosen = fields.duration ? { duration: fields.duration, others: [] } : outageDuration(text, lines, findStatedDuration(text, region.length > 0 ? region : outside));
  const duration = chosen?.duration;
  const startInText = fields.start ?? range?.start ?? readStartBeforeDuration(text, region, duration, pointAt);
  const endInText = fields.end ?? range?.end;
  // Only when the text states neither end: what the text says wins over the page's metadata.
  const stamped = startInText || endInText ? undefined : readFrontMatterWindow(frontMatter, pointAt);
  const startBits = startInText ?? stamped?.start;
  const statedEnd = endInText ?? stamped?.end;
  const endBits = statedEnd && startBits ? { ...statedEnd, time: afternoonEnd(startBits.time, statedEnd.time) } : statedEnd;

  const regionDate = region.map((l) => findDates(l.text, l.start).find((d) => d.year !== undefined)).find((d) => d !== undefined);
  const startDate = startBits?.date;
  const endDate = endBits?.date;
  const zone = startBits?.zone ?? endBits?.zone ?? region.map((l) => findZones(l.text, l.start, 'summary')[0]).find((z) => z !== undefined);

  const baseDate = startDate ?? regionDate ?? timeline.entries.find((e) => e.date)?.date;
  const baseDay = baseDate ? dayNumber(baseDate) : 0;
  const startMinutes = startBits?.time.valid ? (startDate ? dayNumber(startDate) : baseDay) * 1440 + minuteOfDay(startBits.time) : undefined;
  let endMinutes = endBits?.time.valid ? (endDate ? dayNumber(withYear(endDate, baseDate)) : baseDay) * 1440 + minuteOfDay(endBits.time) : undefined;
  // An end before the start on the same day crosses midnight: `between 23:10 and 00:45 UTC on 5 June`.
  const oneDateForBoth = endDate !== undefined && (startDate ?? regionDate)?.span.start === endDate.span.start;
  const crossesMidnight = startMinutes !== undefined && endMinutes !== undefined && endMinutes < startMinutes && (!endDate || oneDateForBoth);
  if (crossesMidnight) endMinutes! += 1440;

  return {
    ...(startBits ? { start: startBits.time } : {}),
    ...(endBits ? { end: endBits.time } : {}),
    // The summary's date ("On August 15th, 2024, ... began at 2:30 PM") dates the start too.
    ...(startDate ? { startDate } : startBits && regionDate ? { startDate: regionDate } : {}),
    ...(endDate ? { endDate: crossesMidnight ? shiftDate(withYear(endDate, startDate), 1) : withYear(endDate, startDate) } : {}),
    ...(zone ? { zone } : {}),
    ...(duration ? { statedDurationMinutes: duration.minutes, statedDurationSpan: duration.span, statedDurationApproximate: duration.approximate } : {}),
    ...(chosen && chosen.others.length > 0 ? { otherDurationSpans: chosen.others } : {}),
    ...(startMinutes !== undefined ? { startMinutes } : {}),
    ...(endMinutes !== undefined ? { endMinutes } : {}),
  };
}

/** Marks the lines whose start lies in `span` (those `linesIn` would return, without an array per span). */
function markLinesIn(lines: readonly Line[], span: { start: number; end: number }, marks: Uint8Array): void {
  if (span.end <= span.start) return;
  const first = lineAt(lines, span.start);
  for (let i = lines[first]!.start < span.start ? first + 1 : first; i < lines.length && lines[i]!.start < span.end; i++) marks[i] = 1;
}




function withYear(date: CalendarDate, context: CalendarDate | undefined): CalendarDate {
  return date.year === undefined && context?.year !== undefined ? { ...date, year: context.year } : date;
}

function pointAt(line: Line, time: TimeToken): WindowPoint {
  const zone = readZoneAt(line.text.slice(time.span.end - line.start), time.span.end, 'summary');
  const dates = findDates(line.text, line.start);
  // The date written next to the time: "January 15, 2022, 2:00 PM" or "2:00 PM on January 15".
  const before = dates.filter((d) => d.span.end <= time.span.start && time.span.start - d.span.end <= 8).at(-1);
  const after = dates.find((d) => d.span.start >= time.span.end && d.span.start - (zone?.span.end ?? time.span.end) <= 6);
  // "… on 2 March to 01:15 UTC on 3 March": a date before the connector is the start's.
  const date = before && !(after && /\b(?:to|until|till)\b|[-–—]/i.test(line.text.slice(before.span.end - line.start, time.span.start - line.start))) ? before : (after ?? before);
  return { time, ...(date ? { date } : {}), ...(zone ? { zone } : {}) };
}

const RANGE_CONNECTOR = /^[\s,()]*(?:on\s+|of\s+)?[\s,()]*(?:to|until|till|through|thru|and|-|–|—|->|→)[\s,()]*(?:at\s+|on\s+)?[\s~]*$/i;
const RANGE_INTRO = /(?:\bfrom|\bbetween|\bduration|\blasted|\blasting|\boutage|\bwindow|\bperiod|\bwhen|\boccurred|\bdown|\bimpact|\btime|\bran|^)[^.!?]*$|\(\s*$/i;
const START_WORDS = /\b(?:began|begun|started|starting|start|commenced|beginning|occurred|kicked off|since|at around|first (?:detected|noticed|reported))\b[^.!?]{0,30}$/i;
const END_WORDS = /\b(?:until|till|ended|ending|end|resolved|restored|recovered|fixed|mitigated|back (?:up|online|to normal)|lasted until|through|by)\b[^.!?]{0,30}$/i;

function findRange(text: string, region: readonly Line[]): { start: WindowPoint; end: WindowPoint } | undefined {
  const tokens: Array<{ line: Line; time: TimeToken }> = [];
  for (const line of region) for (const time of findClockTimes(line.text, line.start)) tokens.push({ line, time });
  // `from X to Y`, `X - Y`, `between X and Y`, allowing zones and dates between the two.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (b.time.span.start - a.time.span.end > 80) continue;
    let between = text.slice(a.time.span.end, b.time.span.start);
    for (const zone of findZones(between, 0, 'summary').reverse()) between = between.slice(0, zone.span.start) + between.slice(zone.span.end);
    for (const date of findDates(between, 0).reverse()) between = between.slice(0, date.span.start) + between.slice(date.span.end);
    if (!RANGE_CONNECTOR.test(between) && !joinsForeignRange(between)) continue;
    const before = text.slice(Math.max(a.line.start, a.time.span.start - 60), a.time.span.start);
    if (!RANGE_INTRO.test(before) && !opensForeignRange(before)) continue;
    return { start: pointAt(a.line, a.time), end: pointAt(b.line, b.time) };
  }
  for (const line of region) {
    const military = findMilitaryRanges(line.text, line.start)[0];
    if (military) return { start: pointAt(line, military[0]), end: pointAt(line, military[1]) };
  }
  // `began at X ... lasted until Y`.
  const startToken = tokens.find((t) => START_WORDS.test(text.slice(Math.max(t.line.start, t.time.span.start - 40), t.time.span.start)));
  if (!startToken) return undefined;
  const endToken = tokens.find((t) => t.time.span.start > startToken.time.span.start && END_WORDS.test(text.slice(Math.max(t.line.start, t.time.span.start - 40), t.time.span.start)));
  if (!endToken) return undefined;
  return { start: pointAt(startToken.line, startToken.time), end: pointAt(endToken.line, endToken.time) };
}

const DURATION_INTRO = /(?:\blasted|\blasting|\bduration|\bfor|\btook|\btotal(?:ling)?|\bdowntime|\boutage of|\bspanning|\bspan of|\bperiod of|\bunavailable|\bdown|\bdegraded|\binterrupted|\bapproximately|\babout|\baround|\broughly|\bover)\b[^.!?]{0,30}$|\(\s*$/i;
const DURATION_LABEL_LINE = /^\s*(?:[-*•]\s*)?(?:\*\*)?[\w ]{0,20}duration(?:\*\*)?\s*:/i;
const STRONG_DURATION_INTRO = /\b(?:lasted|lasting|duration|down for|outage of|unavailable for)\b[^.!?]{0,30}$/i;
/** "over the span of the next 36 hours", "every 4 hours", "within 2 hours": not how long it lasted. */
const NOT_AFTER = /\b(?:next|every|within|each|per|last|past|first|another|additional|further|in)\s*(?:~|about|around|approximately|roughly)?\s*$/i;
const NOT_THE_OUTAGE = /^[\s-]*(?:polling|interval|window|rotation|timeout|old|ago|later|before|after|delay|cadence|sla|retention|ttl|cooldown|grace|sprint|rolling|of (?:work|effort|investigation|planning|training)|each|per|every|to (?:detect|respond|acknowledge|mitigate|resolve))\b/i;
const METRIC_LINE = /\b(?:time to (?:detect|acknowledge|mitigate|resolve|recover)|mttr|mttd|mtta|due|eta|target|sla|slo)\b/i;

function findStatedDuration(text: string, region: readonly Line[]): DurationToken | undefined {
  for (const line of region) {
    if (METRIC_LINE.test(line.text) && !/\b(?:incident|outage)?\s*duration\b/i.test(line.text)) continue;
    // "Duration: From 2:30 PM to 3:45 PM (1 hour 15 minutes)": the label opens the line.
    const labelled = DURATION_LABEL_LINE.test(line.text.slice(0, 48)) || isForeignDurationLabel(line.text.slice(0, 48));
    for (const duration of durationsIn(line.text, line.start)) {
      // The words just before and after decide; a bounded window keeps long lines linear.
      const before = text.slice(Math.max(line.start, duration.span.start - 64), duration.span.start);
      const after = text.slice(duration.span.end, Math.min(line.end, duration.span.end + 48));

      // "lasted approximately nine hours before normal operation was restored" is the outage even
      // though "before" follows; weaker introductions need the words after to agree.
      if (!STRONG_DURATION_INTRO.test(before) && NOT_THE_OUTAGE.test(after)) continue;
      if (NOT_AFTER.test(before)) continue;
      if (labelled && duration.span.start - line.start <= 120) return duration;
      if (!DURATION_INTRO.test(before) && !introducesForeignDuration(before) && !duration.approximate) continue;
      return duration;
    }
  }
  return undefined;
}
