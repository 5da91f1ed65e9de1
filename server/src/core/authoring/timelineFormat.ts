import type { CalendarDate, ClockTime, PostmortemDocument, Section, TimelineEntry, Zone } from '../model';

/**
 * How a timeline writes its entries, read from an entry the author wrote, so new entries
 * (completion, "Insert Timeline Entry") look like their neighbours: the same bullet and
 * markup, 12- or 24-hour clock, am/pm spelling, padding, seconds, zone suffix and separator.
 */
export interface EntryStyle {
  /** Text before the time, date excluded (`- `, `- **`, `| `, `### `). */
  readonly lead: string;
  /** The entry's own date as written in the lead, to be rewritten for the new entry's day. */
  readonly datePart?: { readonly before: string; readonly text: string; readonly after: string };
  readonly clock: ClockStyle;
  /** From the end of the time to the end of the zone, as written (` UTC`, ` (PST`); empty when entries carry no zone. */
  readonly zoneText: string;
  /** Between the time (or zone) and the description (` - `, `: `, `** - `, ` | `). */
  readonly separator: string;
  /** Markup closed after the description (`**` when the bold wraps the description too). */
  readonly closing: string;
  /** A Markdown table row: the description is a cell and `extraCells` empty cells follow it. */
  readonly table: boolean;
  readonly extraCells: number;
  /** The description goes on the following line (`### 16:30` headings with a paragraph under them). */
  readonly descriptionBelow: boolean;
}

/** How times are written. */
export interface ClockStyle {
  readonly twelveHour: boolean;
  /** `AM`, `am`, `a.m.`: the case and dots as written, with the space before it (if any). */
  readonly meridiemSpace: string;
  readonly meridiemLowerCase: boolean;
  readonly meridiemDots: boolean;
  /** `09:05` rather than `9:05`. */
  readonly padHour: boolean;
  readonly seconds: boolean;
}

/** A wall-clock time to write (24-hour values). */
export interface WallClock {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

const DEFAULT_CLOCK: ClockStyle = { twelveHour: false, meridiemSpace: ' ', meridiemLowerCase: false, meridiemDots: false, padHour: true, seconds: false };

/** Reads the clock style of a time token as written (`10:05 PM`, `09:00`, `7:06am`, `01:22:30`). */
export function clockStyleOf(time: ClockTime, text: string): ClockStyle {
  const written = text.slice(time.span.start, time.span.end);
  const meridiem = /(\s?)([AaPp])(\.?)([Mm])\.?$/.exec(written);
  const hourDigits = /^\d+/.exec(written)?.[0] ?? '';
  return {
    twelveHour: meridiem !== null || time.meridiem !== undefined,
    meridiemSpace: meridiem?.[1] ?? ' ',
    meridiemLowerCase: meridiem ? meridiem[2] === meridiem[2]!.toLowerCase() : false,
    meridiemDots: meridiem ? meridiem[3] === '.' : false,
    // `09:05` and `9:05` show the author's choice; `10:05` does not (24-hour clocks usually pad, 12-hour ones do not).
    padHour: hourDigits.length === 2 && (hourDigits.startsWith('0') || !meridiem),
    seconds: time.second !== undefined,
  };
}

/** Writes a time in a clock style. */
export function formatClock(clock: WallClock, style: ClockStyle): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  let hour = clock.hour;
  let meridiem = '';
  if (style.twelveHour) {
    const pm = hour >= 12;
    hour = hour % 12 === 0 ? 12 : hour % 12;
    const letters = style.meridiemDots ? (pm ? 'p.m.' : 'a.m.') : pm ? 'pm' : 'am';
    meridiem = style.meridiemSpace + (style.meridiemLowerCase ? letters : letters.toUpperCase());
  }
  const hourText = style.padHour ? pad(hour) : String(hour);
  const seconds = style.seconds ? `:${pad(clock.second ?? 0)}` : '';
  return `${hourText}:${pad(clock.minute)}${seconds}${meridiem}`;
}

/** Adds minutes to a wall clock; returns the new clock and how many days it rolled over. */
export function addMinutes(clock: WallClock, minutes: number): { clock: WallClock; days: number } {
  const total = clock.hour * 60 + clock.minute + minutes;
  const days = Math.floor(total / 1440);
  const inDay = total - days * 1440;
  return { clock: { hour: Math.floor(inDay / 60), minute: inDay % 60, ...(clock.second !== undefined ? { second: clock.second } : {}) }, days };
}

/** The style of an existing entry (it must have a time). */
export function entryStyleOf(document: PostmortemDocument, entry: TimelineEntry): EntryStyle | undefined {
  const time = entry.time;
  if (!time) return undefined;
  const text = document.text;
  const line = text.slice(entry.lineSpan.start, entry.lineSpan.end);
  const at = (offset: number) => offset - entry.lineSpan.start;

  let lead = line.slice(0, at(time.span.start));
  let datePart: EntryStyle['datePart'];
  const ownDate = entry.ownDate;
  if (ownDate && ownDate.span.start >= entry.lineSpan.start && ownDate.span.end <= time.span.start) {
    const dateStart = at(ownDate.span.start);
    const dateEnd = at(ownDate.span.end);
    datePart = { before: line.slice(0, dateStart), text: line.slice(dateStart, dateEnd), after: line.slice(dateEnd, at(time.span.start)) };
  }
  // A new entry is exact even when this one was approximate (`~10:42`).
  lead = withoutApproximation(lead);
  if (datePart) datePart = { ...datePart, after: withoutApproximation(datePart.after) };

  let afterTime = at((entry.endTime ?? time).span.end);
  let zoneText = '';
  const zone = entry.ownZone;
  if (zone && zone.span.start >= time.span.end && zone.span.end <= entry.lineSpan.end) {
    zoneText = line.slice(at(time.span.end), at(zone.span.end));
    // A range (`13:20 - 13:50 UTC`) keeps only what follows its end time.
    if (entry.endTime && entry.endTime.span.end <= zone.span.start) zoneText = line.slice(at(entry.endTime.span.end), at(zone.span.end));
    afterTime = at(zone.span.end);
  }
  const rest = line.slice(afterTime);

  if (entry.layout === 'table-row') {
    const separator = /^[^|]*\|\s*/.exec(rest)?.[0] ?? ' | ';
    const cellsAfter = rest.slice(separator.length).split('|').length - 1;
    // The last `|` closes the row; the others separate cells after the description.
    return {
      lead,
      ...(datePart ? { datePart } : {}),
      clock: timelineClockStyle(document, entry),
      zoneText,
      separator: separator.replace(/\s*$/, ' '),
      closing: '',
      table: true,
      extraCells: Math.max(0, cellsAfter - 1),
      descriptionBelow: false,
    };
  }
  const separator = /^[\s*_)\]]*(?:[-–—:|]+\s*|\s+)?/.exec(rest)?.[0] ?? ' ';
  const descriptionBelow = rest.slice(separator.length).trim() === '' || (entry.layout === 'heading' && !/[-–—:|]/.test(separator));
  return {
    lead,
    ...(datePart ? { datePart } : {}),
    clock: timelineClockStyle(document, entry),
    zoneText,
    separator: descriptionBelow ? separator.replace(/[\s\-–—:|]+$/, '') : separator.length > 0 ? separator : ' ',
    closing: descriptionBelow ? '' : closingMarkup(lead, separator),
    table: false,
    extraCells: 0,
    descriptionBelow,
  };
}

/** `text` without a trailing `~` or "about" (looked for in its last characters only, so long lines cost nothing). */
function withoutApproximation(text: string): string {
  const tail = text.slice(-24);
  const marker = /(?:~\s?|\b(?:about|around|approx(?:\.|imately)?|circa|ca\.)\s{1,4})$/i.exec(tail);
  return marker ? text.slice(0, text.length - marker[0].length) : text;
}

/** The exemplar's clock style, with zero-padding settled by any entry whose hour shows it. */
function timelineClockStyle(document: PostmortemDocument, exemplar: TimelineEntry): ClockStyle {
  const style = clockStyleOf(exemplar.time!, document.text);
  for (const entry of document.timeline.entries) {
    if (!entry.time) continue;
    const digits = /^\d+/.exec(document.text.slice(entry.time.span.start, entry.time.span.end))?.[0] ?? '';
    if (digits.length === 1) return { ...style, padHour: false };
    if (digits.startsWith('0')) return { ...style, padHour: true };
  }
  return style;
}

/** `**` or `__` (or `_`/`*`) opened before the time and not closed before the description. */
function closingMarkup(lead: string, separator: string): string {
  const count = (text: string, mark: string) => text.split(mark).length - 1;
  for (const mark of ['**', '__']) {
    if ((count(lead, mark) + count(separator, mark)) % 2 === 1) return mark;
  }
  // `- ` or `* ` at the start is a bullet, not emphasis.
  const singles = (text: string) => text.replace(/\*\*|__/g, '');
  const leadSingles = singles(lead).replace(/^\s*[*]\s/, '');
  for (const mark of ['*', '_']) {
    if ((count(leadSingles, mark) + count(singles(separator), mark)) % 2 === 1) return mark;
  }
  return '';
}

/** The style to use when the timeline has no timed entry yet: Markdown bullets or plain lines. */
export function defaultEntryStyle(document: PostmortemDocument, clock?: ClockStyle): EntryStyle {
  const markdown = document.flavor === 'markdown';
  return { lead: markdown ? '- ' : '', clock: clock ?? DEFAULT_CLOCK, zoneText: '', separator: ' - ', closing: '', table: false, extraCells: 0, descriptionBelow: false };
}

/** A clock style for the document when no entry shows one: the summary's start time, else 24-hour. */
export function documentClockStyle(document: PostmortemDocument): ClockStyle {
  const time = document.window.start ?? document.window.end;
  return time ? clockStyleOf(time, document.text) : DEFAULT_CLOCK;
}

/**
 * The text of a new entry line (no line break), in snippet syntax when `description` is a
 * snippet placeholder. `date` replaces the style's own date when the entry carries one.
 */
export function renderEntry(style: EntryStyle, clock: WallClock, description: string, options: { date?: CalendarDate; lineBreak?: string } = {}): string {
  let lead = style.lead;
  if (style.datePart) {
    const dateText = options.date ? formatDateLike(style.datePart.text, options.date) : style.datePart.text;
    lead = style.datePart.before + dateText + style.datePart.after;
  }
  const head = `${lead}${formatClock(clock, style.clock)}${style.zoneText}`;
  if (style.descriptionBelow) {
    const lineBreak = options.lineBreak ?? '\n';
    return `${head}${style.separator}${lineBreak}${lineBreak}${description}`;
  }
  const cells = style.table ? ' |'.repeat(style.extraCells + 1) : '';
  return `${head}${style.separator}${description}${style.closing}${cells}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes `date` the way `example` is written (`2024-08-15`, `August 15th, 2024`, `Aug 15`, `15/08/2024`). */
export function formatDateLike(example: string, date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (/^\d{4}-\d{2}-\d{2}$/.test(example)) return `${date.year ?? ''}-${pad(date.month)}-${pad(date.day)}`;
  const monthName = MONTHS[date.month - 1]!;
  let result = example;
  // Month names: full, `Sept`, or three letters, keeping the author's case.
  result = result.replace(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?/i, (written) => {
    const dot = written.endsWith('.') ? '.' : '';
    const word = written.replace(/\.$/, '');
    const name = word.length > 4 || word.toLowerCase() === 'may' ? monthName : word.toLowerCase() === 'sept' ? monthName.slice(0, 4) : monthName.slice(0, 3);
    const cased = word === word.toUpperCase() ? name.toUpperCase() : word === word.toLowerCase() ? name.toLowerCase() : name;
    return cased + dot;
  });
  result = result.replace(/\b\d{4}\b/, (year) => (date.year !== undefined ? String(date.year) : year));
  // The day: the first one- or two-digit number, with its ordinal suffix if it had one.
  result = result.replace(/\b(\d{1,2})(st|nd|rd|th)?\b/, (_all, day: string, suffix?: string) => {
    const text = day.length === 2 && date.day < 10 ? pad(date.day) : String(date.day);
    return suffix ? text + ordinalSuffix(date.day, suffix === suffix.toUpperCase()) : text;
  });
  // Numeric dates (`15/08/2024`): the month is the other small number.
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(example)) {
    const [first, second] = example.split(/[/.-]/).map(Number);
    const separator = /[/.-]/.exec(example)![0];
    const year = example.split(/[/.-]/)[2]!;
    const yearText = date.year !== undefined ? (year.length === 2 ? String(date.year).slice(-2) : String(date.year)) : year;
    const dayFirst = first !== undefined && second !== undefined && first > 12;
    return dayFirst ? `${pad(date.day)}${separator}${pad(date.month)}${separator}${yearText}` : `${pad(date.month)}${separator}${pad(date.day)}${separator}${yearText}`;
  }
  return result;
}

function ordinalSuffix(day: number, upper: boolean): string {
  const tens = day % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : day % 10 === 1 ? 'st' : day % 10 === 2 ? 'nd' : day % 10 === 3 ? 'rd' : 'th';
  return upper ? suffix.toUpperCase() : suffix;
}

/** The calendar date `days` after `date` (the year stays unknown when it was). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const utc = new Date(Date.UTC(date.year ?? 2001, date.month - 1, date.day + days));
  return { ...date, ...(date.year !== undefined ? { year: utc.getUTCFullYear() } : {}), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/**
 * Where a section's region ends for editing purposes: at the next heading that is not inside
 * it, so the blank lines after its last line still belong to it.
 */
export function sectionRegionEnd(document: PostmortemDocument, section: Section): number {
  const next = document.allSections.find((s) => s.headingSpan.start > section.headingSpan.start && s.headingSpan.start >= section.span.end);
  return next ? next.headingSpan.start : document.text.length;
}

/** The timeline section holding `offset` below its heading line, if any (the innermost one). */
export function timelineSectionAt(document: PostmortemDocument, offset: number): Section | undefined {
  const candidates = document.allSections.filter((s) => s.kinds.includes('timeline') && offset > s.headingSpan.end && offset <= sectionRegionEnd(document, s));
  return candidates.at(-1);
}

/** The zone a timeline's times are in: declared for the timeline, else the entries', else the summary's. */
export function timelineZone(document: PostmortemDocument): Zone | undefined {
  return document.timeline.zone ?? document.timeline.entries.find((e) => e.zone)?.zone ?? document.window.zone;
}

/** `UTC+02:00` for an offset east of UTC in minutes. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The zone suffix (` PST`) for the first entry of an empty timeline: none when the timeline
 * declares its zone, else the summary's as written there.
 */
export function newTimelineZoneSuffix(document: PostmortemDocument): string {
  if (document.timeline.zone) return '';
  const zone = document.window.zone;
  return zone ? ` ${document.text.slice(zone.span.start, zone.span.end)}` : '';
}
