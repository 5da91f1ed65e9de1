import type { CalendarDate, Section, SectionKind, Timeline, TimelineEntry, Zone } from '../model';
import { isBlank, linesIn, type Line } from './lines';
import { readEntryLine, shiftDate } from './timeline';
import { dayNumber, findDates, findZones } from './timeTokens';

/**
 * Timelines in unusual places: a section titled otherwise whose lines are mostly time-led, and
 * second timeline sections ("Timeline, day 2 (CEST)", "Follow-up timeline") that bring their
 * own zone, day or date in the heading.
 */

/** Titles under which authors keep a log of what they did, in time order. */
const LOG_TITLE = /\b(?:diagnosis|investigation|investigating|analysis|troubleshooting|debugging|log|logs|notes|updates|status updates|response|war ?room|chat)\b/i;

/** At least this many time-led lines, and more than half the section's own lines. */
const MIN_TIME_LED_LINES = 2;

/**
 * Reads a section as a timeline when most of its own lines (children excluded) lead with a
 * time: an `Investigation` log written as `08:30 UTC checked …` lines is the incident's
 * timeline, whatever its heading says. Sections of another recognised kind keep it as a second
 * kind, and only log-like titles of those are considered. Changes the sections in place,
 * before the timeline is read; returns whether any changed.
 */
export function promoteTimeLedSections(lines: readonly Line[], allSections: readonly Section[], headingLines: ReadonlySet<number>): boolean {
  let promoted = false;
  // Sections come in document order: a section starting before this end lies inside a timeline
  // (a `### Day 1` part of it), and stays a part.
  let timelineEnd = -1;
  for (const section of allSections) {
    if (section.kinds.includes('timeline')) timelineEnd = Math.max(timelineEnd, section.span.end);
    if (section.span.start < timelineEnd || !promotable(section)) continue;
    // A section's own lines are those before its first sub-section: each line is read once.
    const ownEnd = section.children[0]?.span.start ?? section.span.end;
    let own = 0;
    let timeLed = 0;
    for (const line of linesIn(lines, { start: section.headingSpan.end, end: ownEnd })) {
      if (line.ignored || isBlank(line) || headingLines.has(line.index)) continue;
      own++;
      if (readEntryLine(line, true)?.kind === 'entry') timeLed++;
    }
    if (timeLed < MIN_TIME_LED_LINES || timeLed * 2 <= own) continue;
    const kinds: SectionKind[] = ['timeline', ...section.kinds.filter((k) => k !== 'other')];
    // The sections were just built by the parser and are not shared yet: fill them in place.
    (section as { kind: SectionKind }).kind = 'timeline';
    (section as { kinds: readonly SectionKind[] }).kinds = kinds;
    timelineEnd = Math.max(timelineEnd, section.span.end);
    promoted = true;
  }
  return promoted;
}

function promotable(section: Section): boolean {
  if (section.kind === 'title' || section.kind === 'summary' || section.kind === 'corrective-actions') return false;
  return section.kind === 'other' || LOG_TITLE.test(section.title);
}

/** `Timeline, day 2`, `Day 3`, `Second day`: which day of the incident a heading covers. */
const DAY_NUMBER = /\bday\s*(\d{1,2})\b/i;
const DAY_ORDINAL = /\b(first|second|third|fourth|fifth)\s+day\b/i;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

function dayOfHeading(title: string): number | undefined {
  const numbered = DAY_NUMBER.exec(title);
  if (numbered) return Number(numbered[1]);
  const ordinal = DAY_ORDINAL.exec(title);
  return ordinal ? ORDINALS.indexOf(ordinal[1]!.toLowerCase()) + 1 : undefined;
}

/**
 * Gives the entries of each timeline section after the first what its heading states: its
 * zone (`Timeline, day 2 (CEST)`), its date (`Follow-up timeline, 4 September 2024`) or its day
 * of the incident (`day 2`, counted from the first entry's date). Entries that state their own
 * zone or date keep them. Changes the entries in place (they were just built and are not
 * shared yet), moving each entry's minutes with its date.
 */
export function applySectionHeadings(timeline: Timeline, allSections: readonly Section[]): void {
  const sections = allSections.filter((s) => s.kinds.includes('timeline'));
  if (sections.length < 2 || timeline.entries.length === 0) return;
  const firstDated = timeline.entries.find((e) => e.date !== undefined && e.dayOffset === 0)?.date;
  const all = timeline.entries;
  // Entries and sections are both in document order: one cursor walks the entries once.
  let cursor = 0;
  for (const section of sections.slice(1)) {
    const zone = findZones(section.title, section.titleSpan.start, 'heading')[0];
    const headingDate = findDates(section.title, section.titleSpan.start)[0];
    const day = headingDate ? undefined : dayOfHeading(section.title);
    while (cursor < all.length && all[cursor]!.span.start < section.headingSpan.end) cursor++;
    if (!zone && !headingDate && day === undefined) continue;
    const entries: TimelineEntry[] = [];
    for (let i = cursor; i < all.length && all[i]!.span.start < section.span.end; i++) entries.push(all[i]!);
    if (entries.length === 0) continue;
    let target: CalendarDate | undefined;
    if (headingDate) target = headingDate.year === undefined && firstDated?.year !== undefined ? { ...headingDate, year: firstDated.year } : headingDate;
    else if (day !== undefined && day >= 1 && firstDated) target = shiftDate(firstDated, day - 1);
    const firstUndated = entries.find((e) => !e.ownDate);
    const shiftDays = target && firstUndated ? dayNumber(target) - (firstUndated.date ? dayNumber(firstUndated.date) - firstUndated.dayOffset : 0) : 0;
    for (const entry of entries) moveEntry(entry, zone, entry.ownDate ? 0 : shiftDays, target);
  }
}

function moveEntry(entry: TimelineEntry, zone: Zone | undefined, shiftDays: number, target: CalendarDate | undefined): void {
  const writable = entry as { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] };
  if (zone && !entry.ownZone) writable.zone = zone;
  if (shiftDays === 0 || !target) return;
  if (entry.date) {
    writable.date = shiftDate(entry.date, shiftDays);
    if (entry.minutes !== undefined) writable.minutes = entry.minutes + shiftDays * 1440;
  } else {
    const date = shiftDate(target, entry.dayOffset);
    writable.date = date;
    if (entry.minutes !== undefined) writable.minutes = entry.minutes + dayNumber(target) * 1440;
  }
}

/** The line numbers section headings occupy. */
export function headingLineSet(headings: readonly { readonly line: number; readonly lineCount: number }[]): Set<number> {
  const set = new Set<number>();
  for (const heading of headings) for (let k = 0; k < heading.lineCount; k++) set.add(heading.line + k);
  return set;
}
