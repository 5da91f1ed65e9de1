import type { CalendarDate, ClockTime, Section, Span, Timeline, TimelineEntry, Zone } from '../model';
import type { HeadingCandidate } from './headings';
import type { LineReadMemo } from './lineReadMemo';
import { runToEnd } from '../steps';
import { readTwelveHourNeighbours } from './twelveHourNeighbours';
import { firstNonSpace, indentWidth, isBlank, linesIn, linesPerStep, type Line } from './lines';
import { readStatusUpdateLine } from './statusUpdates';
import { dayNumber, findClockTimes, findDates, findZones, isDigitCode, minuteOfDay, readClockTimeAt, readZoneAt, type TimeToken } from './timeTokens';

/**
 * Reads the timeline: every bullet, line, table row or time-heading in the timeline section(s)
 * that carries a time or a date, with the zone and date in force, rolled past midnight where
 * bare times wrap, and placed on one minute axis for ordering and arithmetic.
 */
export function* readTimelineInSteps(
  lines: Line[],
  sections: readonly Section[],
  timeHeadings: readonly HeadingCandidate[],
  baseDate: CalendarDate | undefined,
  memo?: LineReadMemo,
): Generator<void, Timeline, void> {
  const timelineSections = sections.filter((s) => s.kinds.includes('timeline') && !sections.some((p) => p !== s && p.kinds.includes('timeline') && p.span.start < s.span.start && s.span.end <= p.span.end));
  const sectionHeadingLines = new Set<number>();
  for (const section of sections) {
    for (const line of linesIn(lines, { start: section.headingSpan.start, end: section.headingSpan.end + 1 })) sectionHeadingLines.add(line.index);
  }
  const timeHeadingByLine = new Map(timeHeadings.map((h) => [h.line, h]));

  let regions: Span[] = timelineSections.map((s) => ({ start: s.headingSpan.end, end: s.span.end }));
  let strict = false;
  if (regions.length === 0) {
    // No timeline heading: a run of time-led lines anywhere outside the summary still is one.
    const summaryOrTitle = sections.filter((s) => s.kinds.includes('summary'));
    regions = [{ start: 0, end: lines.at(-1)!.end }];
    strict = true;
    const exclude = summaryOrTitle.map((s) => s.span);
    // The region starts at the first time-led line; three of them make a timeline.
    let firstCandidate: Line | undefined;
    let candidateCount = 0;
    for (let i = 0, nextStep = linesPerStep; i < lines.length && candidateCount < 3; i++) {
      if (i >= nextStep) {
        nextStep = i + linesPerStep;
        yield;
      }
      const line = lines[i]!;
      if (line.ignored || exclude.some((e) => line.start >= e.start && line.start < e.end)) continue;
      const timeLed = timeHeadingByLine.has(line.index) ? 1 : segmentsOf(line).filter((segment) => readEntryLine(segment, true)?.kind === 'entry').length;
      if (timeLed > 0) firstCandidate ??= line;
      candidateCount += timeLed;
    }
    if (candidateCount < 3) return { entries: [], reverseChronological: false };
    regions = [{ start: firstCandidate!.start, end: lines.at(-1)!.end }];
  }

  const declaredZones: Zone[] = [];
  for (const section of timelineSections) {
    const zone = findZones(section.title, section.titleSpan.start, 'heading')[0];
    if (zone) declaredZones.push(zone);
  }

  const drafts: DraftEntry[] = [];
  let dateContext: CalendarDate | undefined = baseDate;
  let dateContextId = 0;
  let current: DraftEntry | undefined;
  let blankSinceCurrent = false;
  let tableTimeColumn = -1;
  // An entry that states its own date makes that date the one in force for the entries below.
  const startEntry = (read: EntryRead, line: Line, layout: TimelineEntry['layout'], description: string) => {
    current = pushDraft(drafts, read, line, layout, description, dateContext, dateContextId);
    if (read.date) {
      dateContext = current.date;
      dateContextId++;
      current.contextId = dateContextId;
    }
    blankSinceCurrent = false;
  };

  let linesUntilStep = linesPerStep;
  // Index loops in the stepped functions: a `for…of` whose body can yield allocates a result
  // object per element, 20 MB of garbage at 100,000 entries.
  const regionLines = timelineLines(lines, regions);
  for (let lineNumber = 0; lineNumber < regionLines.length; lineNumber++) {
    const line = regionLines[lineNumber]!;
    if (--linesUntilStep === 0) {
      linesUntilStep = linesPerStep;
      yield;
    }
    if (line.ignored) continue;
    if (isBlank(line)) {
      blankSinceCurrent = true;
      continue;
    }
    const timeHeading = timeHeadingByLine.get(line.index);
    if (sectionHeadingLines.has(line.index) && !timeHeading) {
      current = undefined;
      continue;
    }
    // Table rows: header cells carry the zone (`| Time (UTC) | Event |`).
    if (line.text[firstNonSpace(line.text)] === '|') {
      const cells = splitCells(line);
      const nextLine = lines[line.index + 1];
      if (nextLine && /^\s*\|?\s*:?-{2,}/.test(nextLine.text)) {
        tableTimeColumn = cells.findIndex((c) => /\b(?:time|when|timestamp|date)\b/i.test(c.text));
        for (const cell of cells) {
          const zone = findZones(cell.text, cell.start, 'table-header')[0];
          if (zone && /\b(?:time|when|timestamp)\b/i.test(cell.text)) declaredZones.push(zone);
        }
        continue;
      }
      if (/^\s*\|?\s*:?-{2,}/.test(line.text)) continue;
      const timeCell = cells[tableTimeColumn >= 0 ? tableTimeColumn : 0];
      if (!timeCell) continue;
      const read = readEntryLine({ ...line, start: timeCell.start, end: timeCell.end, text: timeCell.text }, true);
      if (read?.kind === 'date') {
        dateContext = withYear(read.date!, dateContext);
        dateContextId++;
        continue;
      }
      if (read?.kind === 'entry') {
        const description = cells.filter((c) => c !== timeCell && c.text.trim().length > 0).map((c) => c.text.trim()).join(' | ');
        startEntry(read, line, 'table-row', description);
      }
      continue;
    }
    const read = memo ? recalledEntryLine(memo, line, strict && !timeHeading) : readEntryLine(line, strict && !timeHeading);
    // Entries are never "All times in X" lines: only the rest are checked for one.
    if (read?.kind !== 'entry' || read.time === undefined) {
      const allTimesZone = readAllTimesLine(line);
      if (allTimesZone) {
        declaredZones.push(allTimesZone);
        // `2015-10-21 (*all times UTC*)` also sets the date.
        const date = hasDigit(line.text) ? findDates(line.text, line.start)[0] : undefined;
        if (date) {
          dateContext = withYear(date, dateContext);
          dateContextId++;
        }
        continue;
      }
    }
    if (read?.kind === 'date') {
      dateContext = withYear(read.date!, dateContext);
      dateContextId++;
      current = undefined;
      continue;
    }
    if (read?.kind === 'entry' || (timeHeading && read)) {
      startEntry(read, line, timeHeading ? 'heading' : read.bullet ? 'bullet' : read.led ? 'line' : 'prose', read.description);
      continue;
    }
    if (!current) continue;
    // Continuation lines travel with their entry; after a blank line only deeper-indented lines
    // (sub-bullets) do, unless the entry is a heading whose body runs to the next entry.
    const indent = indentWidth(line.text);
    if (!blankSinceCurrent || current.layout === 'heading' || indent > current.indent) {
      current.end = line.end;
      // `### 08:52 PM` or `T+0:04 (…)` alone on its line: the description is the next line.
      if (current.text.length === 0) current.text = line.text.replace(/^[\s*_>-]+/, '').trim();
      blankSinceCurrent = false;
    } else {
      current = undefined;
    }
  }

  // A timeline written as prose has no time-led lines: read the first time in each line instead.
  if (drafts.length === 0 && !strict) {
    return readProseTimeline(lines, regions, sectionHeadingLines, baseDate, declaredZones);
  }
  // "All times in UTC" may stand outside the timeline (an `<aside>` in the summary).
  if (declaredZones.length === 0) {
    for (const line of lines) {
      if (line.ignored || !line.text.includes('ime')) continue;
      const zone = readAllTimesLine(line);
      if (zone) {
        declaredZones.push(zone);
        break;
      }
    }
  }
  // Bullets with a time mid-sentence are entries in timelines written that way, or between
  // time-led entries; after the last one they are remarks ("made stricter at 07:40 PDT").
  const firstLed = drafts.findIndex((d) => d.led);
  const lastLed = findLastLed(drafts);
  const kept = firstLed < 0 ? drafts : drafts.filter((d, i) => d.led || (i > firstLed && i < lastLed));
  readTwelveHourNeighbours(kept);
  yield;
  return yield* finishTimelineInSteps(kept, timelineSections[0], declaredZones);
}

function findLastLed(drafts: readonly DraftEntry[]): number {
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i]!.led) return i;
  return -1;
}

interface DraftEntry {
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
  indent: number;
  time: ClockTime | undefined;
  endTime: ClockTime | undefined;
  ownDate: CalendarDate | undefined;
  date: CalendarDate | undefined;
  ownZone: Zone | undefined;
  text: string;
  layout: TimelineEntry['layout'];
  contextId: number;
  /** The time or date leads its line (not a time mid-sentence in a bullet). */
  led: boolean;
}

function pushDraft(
  drafts: DraftEntry[],
  read: EntryRead,
  line: Line,
  layout: TimelineEntry['layout'],
  text: string,
  dateContext: CalendarDate | undefined,
  contextId: number,
): DraftEntry {
  const ownDate = read.date ? withYear(read.date, dateContext) : undefined;
  const draft: DraftEntry = {
    start: line.start,
    end: line.end,
    lineStart: line.start,
    lineEnd: line.end,
    indent: indentWidth(line.text),
    time: read.time,
    endTime: read.endTime,
    ownDate,
    date: ownDate ?? dateContext,
    ownZone: read.zone,
    text,
    layout,
    contextId,
    led: read.led || layout === 'heading',
  };
  drafts.push(draft);
  return draft;
}



function withYear(date: CalendarDate, context: CalendarDate | undefined): CalendarDate {
  if (date.year !== undefined || context?.year === undefined) return date;
  // Spelled out rather than spread: this runs for every dated entry, and spreads are slow.
  return date.ambiguous === undefined
    ? { month: date.month, day: date.day, span: date.span, year: context.year }
    : { month: date.month, day: date.day, span: date.span, ambiguous: date.ambiguous, year: context.year };
}


interface Cell {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function splitCells(line: Line): Cell[] {
  const cells: Cell[] = [];
  let cellStart = line.text.indexOf('|') + 1;
  for (let i = cellStart; i <= line.text.length; i++) {
    if (i === line.text.length || (line.text[i] === '|' && line.text[i - 1] !== '\\')) {
      if (i === line.text.length && line.text.slice(cellStart).trim() === '') break;
      const raw = line.text.slice(cellStart, i);
      const lead = raw.length - raw.trimStart().length;
      cells.push({ start: line.start + cellStart + lead, end: line.start + cellStart + raw.trimEnd().length, text: raw.trim() });
      cellStart = i + 1;
    }
  }
  return cells;
}

/** {@link readEntryLine}, answered from `memo` when a line with the same text was read before. */
function recalledEntryLine(memo: LineReadMemo, line: Line, strictLead: boolean): EntryRead | undefined {
  const remembered = memo.recall(line.text, strictLead);
  if (remembered) {
    const stored = remembered.read as StoredRead | undefined;
    return stored === undefined ? undefined : restoredRead(stored, line, line.start - remembered.start);
  }
  const read = readEntryLine(line, strictLead);
  memo.remember(line.text, strictLead, { start: line.start, read: read === undefined ? undefined : storedRead(read, line) });
  return read;
}

/**
 * A read as the memo keeps it: its strings must not be slices of the document, or every line
 * left untouched would keep the whole text of the version it was read in alive. The description
 * is kept as its place in the line, re-cut from the line of the version at hand.
 */
interface StoredRead extends Omit<EntryRead, 'description'> {
  readonly descriptionStart: number;
  readonly descriptionLength: number;
}

function storedRead(read: EntryRead, line: Line): StoredRead {
  return {
    kind: read.kind,
    time: read.time,
    endTime: read.endTime,
    date: read.date,
    // Names of 13 characters or more are slices of the text they were read from (`America/Los_Angeles`).
    zone: read.zone && read.zone.name.length >= 13 ? { ...read.zone, name: read.zone.name.split('').join('') } : read.zone,
    descriptionStart: line.text.indexOf(read.description),
    descriptionLength: read.description.length,
    led: read.led,
    bullet: read.bullet,
  };
}

/** The read of the same text at another offset: every span moved by `delta`, the description cut from `line`. */
function restoredRead(stored: StoredRead, line: Line, delta: number): EntryRead {
  return {
    kind: stored.kind,
    time: movedToken(stored.time, delta),
    endTime: movedToken(stored.endTime, delta),
    date: movedToken(stored.date, delta),
    zone: movedToken(stored.zone, delta),
    description: line.text.slice(stored.descriptionStart, stored.descriptionStart + stored.descriptionLength),
    led: stored.led,
    bullet: stored.bullet,
  };
}

/** The token itself when nothing moved, else a copy with its span moved and its other fields (and their order) as they were. */
function movedToken<T extends { readonly span: Span }>(token: T | undefined, delta: number): T | undefined {
  if (token === undefined || delta === 0) return token;
  const moved: Record<string, unknown> = {};
  for (const key of Object.keys(token)) {
    moved[key] = key === 'span' ? { start: token.span.start + delta, end: token.span.end + delta } : (token as unknown as Record<string, unknown>)[key];
  }
  return moved as unknown as T;
}

export interface EntryRead {
  readonly kind: 'entry' | 'date';
  readonly time: TimeToken | undefined;
  readonly endTime: TimeToken | undefined;
  readonly date: CalendarDate | undefined;
  readonly zone: Zone | undefined;
  readonly description: string;
  /** The time or date leads the line (after bullets and markup). */
  readonly led: boolean;
  readonly bullet: boolean;
}

/** "All times in UTC", "_All times UTC unless noted._", "Times are shown in CEST", "All timestamps in UTC". */
const ALL_TIMES = /\b(?:all\s+)?(?:times?|timestamps?|hours)\b(?:\s+(?:are|is))?(?:\s+(?:shown|listed|given|expressed|written))?(?:\s+(?:in|as))?\s+(?:the\s+)?/i;

/**
 * Reads a line that declares the zone of every time ("All times in UTC", "_All times UTC unless
 * noted._", "📆 All timestamps in UTC"). A name we do not know still declares a zone, with no
 * offset: the author stated one, and saying it is missing would be wrong.
 */
function readAllTimesLine(line: Line): Zone | undefined {
  if (line.text.length > 160 || !/time|hour/i.test(line.text)) return undefined;
  const allTimes = ALL_TIMES.exec(line.text);
  if (!allTimes || (hasDigit(line.text) && findClockTimes(line.text).length > 0)) return undefined;
  const after = allTimes.index + allTimes[0].length;
  const known = findZones(line.text.slice(after, after + 40), line.start + after, 'all-times-line').find((z) => z.span.start - line.start - after <= 2);
  if (known) return known;
  const direct = readZoneAt(line.text.slice(after, after + 60), line.start + after, 'all-times-line');
  if (direct) return direct;
  const word = /^[*_]*([A-Z][\w/+-]{1,40}(?: [A-Z][a-z]+){0,2})/.exec(line.text.slice(after));
  if (!word || /^(?:The|This|These|Our|We|Are|Is|Unless|Local|Approximate)\b/.test(word[1]!)) return undefined;
  const start = line.start + after + word[0].length - word[1]!.length;
  return { name: word[1]!, source: 'all-times-line', span: { start, end: start + word[1]!.length } };
}

/** How far into a line a leading time, its range end, zone and date can reach. */
const HEAD_LENGTH = 96;

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function skipSpacesAndTabs(text: string, from: number): number {
  let i = from;
  while (isSpaceOrTab(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Where a line's list marker ends: indentation, a `>` quote, a bullet (`-`, `•`, `·`, `–`; `*`
 * and `+` only before white space, since `**Update 18:52**` is bold, not a list item), a number
 * (`3.` or `3)` before white space, or `10.` glued to a time as in `10.00:38`) and a task box.
 * `bullet` says whether a bullet or number was found. A character loop: it runs on every line.
 */
function readLinePrefix(text: string): { readonly end: number; readonly bullet: boolean } {
  let i = skipSpacesAndTabs(text, 0);
  if (text.charCodeAt(i) === 62 /* > */) i = skipSpacesAndTabs(text, i + 1);
  const first = text.charCodeAt(i);
  let markerEnd = -1;
  if (first === 45 /* - */ || first === 0x2022 /* • */ || first === 0xb7 /* · */ || first === 0x2013 /* – */) {
    markerEnd = skipSpacesAndTabs(text, i + 1);
  } else if ((first === 42 /* * */ || first === 43) /* + */ && isSpaceOrTab(text.charCodeAt(i + 1))) {
    markerEnd = skipSpacesAndTabs(text, i + 1);
  } else if (isDigitCode(first)) {
    let digits = 1;
    while (digits <= 3 && isDigitCode(text.charCodeAt(i + digits))) digits++;
    const after = text.charCodeAt(i + digits);
    if (digits <= 3 && (after === 46 /* . */ || after === 41) /* ) */ && isSpaceOrTab(text.charCodeAt(i + digits + 1))) {
      markerEnd = skipSpacesAndTabs(text, i + digits + 1);
    } else if (digits <= 3 && after === 46 && gluedTimeFollows(text, i + digits + 1)) {
      markerEnd = i + digits + 1;
    }
  }
  if (markerEnd < 0) return { end: i, bullet: false };
  // A task box after the marker: `- [x] 14:00 …`.
  if (text.charCodeAt(markerEnd) === 91 /* [ */ && ' xX'.includes(text[markerEnd + 1] ?? '') && text.charCodeAt(markerEnd + 2) === 93 /* ] */) {
    markerEnd = skipSpacesAndTabs(text, markerEnd + 3);
  }
  return { end: markerEnd, bullet: true };
}

/** `\d{1,2}[:.]\d{2}` at `at`: the time a list number may be glued to (`10.00:38`). */
function gluedTimeFollows(text: string, at: number): boolean {
  if (!isDigitCode(text.charCodeAt(at))) return false;
  const hourDigits = isDigitCode(text.charCodeAt(at + 1)) ? 2 : 1;
  const separator = text.charCodeAt(at + hourDigits);
  return (separator === 58 || separator === 46) && isDigitCode(text.charCodeAt(at + hourDigits + 1)) && isDigitCode(text.charCodeAt(at + hourDigits + 2));
}
/** One word that may stand before a leading time: a weekday, "Update", "At", `T+0:04`, `###`, an emoji. */
const LEAD_WORD_AT =
  /(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|update|updated|at|on|around|about|approx\.?|approximately|by|starting|day\s\d{1,2}|t[+-]\d{1,3}(?::\d{2})?|#{1,6}|[\p{Extended_Pictographic}\u200d\ufe0f]+)(?![a-z])/iuy;
const LEAD_SEPARATORS = ' \t*_([~>|`:,';

/** True when `text` holds only lead words and markup: what may precede a line's leading time or date. */
/** Between an entry's date and its time: `, `, ` at `, ` @ `, ` – `, `T` (`2024-03-05T14:02`). */
const DATE_TIME_GAP = /^[\s,]*(?:at\s+|@\s*|[-–]\s+|T)?[\s~]*$/i;
/** The longest such gap, columns of spaces included: a time further on is not the date's, and the pattern reads a bounded text. */
const MAX_DATE_TIME_GAP = 40;

function isLeadOnly(text: string): boolean {
  let i = 0;
  for (;;) {
    while (i < text.length && LEAD_SEPARATORS.includes(text[i]!)) i++;
    if (i >= text.length) return true;
    LEAD_WORD_AT.lastIndex = i;
    if (!LEAD_WORD_AT.test(text)) return false;
    i = LEAD_WORD_AT.lastIndex;
  }
}

/**
 * Reads one line as a timeline entry: the time (and range end), the date on the line, the zone
 * written after the time, and the description. `strictLead` accepts only time-led lines.
 */
export function readEntryLine(line: Line, strictLead: boolean): EntryRead | undefined {
  // Every time and date has a digit: most prose lines are rejected here without a regex.
  if (!hasDigit(line.text)) return undefined;
  const prefix = readLinePrefix(line.text);
  const bullet = prefix.bullet;
  const restStart = line.start + prefix.end;
  const rest = line.text.slice(prefix.end);
  let time: TimeToken | undefined;
  let date: CalendarDate | undefined;
  let timeLed = false;
  let dateLed = false;
  // Fast path, the common layout: a time right after the bullet and markup ("- **14:00 UTC** -").
  let lead = 0;
  while (lead < rest.length && LEAD_MARKUP.includes(rest[lead]!)) lead++;
  // "😀😀 10:00 PM deploy": emoji before the time are decoration.
  while (lead < rest.length && rest.charCodeAt(lead) > 0x2000 && EMOJI_AT.test(rest.slice(lead, lead + 2))) {
    lead += rest.codePointAt(lead)! > 0xffff ? 2 : 1;
    while (lead < rest.length && LEAD_MARKUP.includes(rest[lead]!)) lead++;
  }
  const leadChar = rest.charCodeAt(lead);
  const quick = (leadChar >= 48 && leadChar <= 57) || leadChar === 126 /* ~ */ ? readClockTimeAt(rest, lead, restStart) : undefined;
  if (quick && !insideUrl(rest, lead)) {
    time = quick;
    timeLed = true;
    date = dateRightAfter(rest, restStart, quick);
  } else {
    // A leading time or date sits near the start: scan the head first, the whole line only for
    // bullets whose time is mid-sentence.
    const head = rest.length > HEAD_LENGTH ? rest.slice(0, HEAD_LENGTH) : rest;
    let times = findClockTimes(head, restStart).filter((t) => !insideUrl(rest, t.span.start - restStart));
    let dates = findDates(head, restStart);
    if (head !== rest && times.length === 0 && !strictLead && bullet) {
      times = findClockTimes(rest, restStart).filter((t) => !insideUrl(rest, t.span.start - restStart));
      dates = findDates(rest, restStart);
    }
    const firstTime = times[0];
    const firstDate = dates[0];
    // Only bullets, markup and a few words ("Update", "Thurs", "At") may stand before a leading token.
    const firstOffset = Math.min(firstTime?.span.start ?? Infinity, firstDate?.span.start ?? Infinity);
    const leads = firstOffset !== Infinity && (firstOffset === restStart || isLeadOnly(rest.slice(0, firstOffset - restStart)));
    timeLed = leads && firstTime !== undefined && firstTime.span.start === firstOffset;
    dateLed = leads && firstDate !== undefined && firstDate.span.start === firstOffset;
    if (dateLed) {
      date = firstDate;
      // A time right after the date ("August 15th, 2024, 2:32 PM") belongs to it.
      if (firstTime && firstTime.span.start >= firstDate!.span.end && firstTime.span.start - firstDate!.span.end <= MAX_DATE_TIME_GAP && DATE_TIME_GAP.test(rest.slice(firstDate!.span.end - restStart, firstTime.span.start - restStart))) {
        time = firstTime;
      }
    } else if (timeLed) {
      time = firstTime;
      date = dateRightAfter(rest, restStart, firstTime!);
    } else if (!strictLead && bullet && firstTime) {
      time = firstTime;
    } else {
      return readStatusUpdateEntry(line, bullet);
    }
  }
  let cursor = Math.max(time?.span.end ?? 0, date?.span.end ?? 0) - restStart;
  let endTime: TimeToken | undefined;
  let zone: Zone | undefined;
  if (time) {
    cursor = time.span.end - restStart;
    zone = readZoneAt(rest.slice(cursor), restStart + cursor, 'entry');
    if (zone) cursor = zone.span.end - restStart + (rest[zone.span.end - restStart] === ')' ? 1 : 0);
    const rangeMatch = RANGE_SEPARATOR.exec(rest.slice(cursor, cursor + 12));
    const endAt = rangeMatch ? cursor + rangeMatch[0].length : -1;
    const endLead = rest.charCodeAt(endAt);
    const candidateEnd = rangeMatch && (isDigitCode(endLead) || endLead === 126) /* ~ */ ? readClockTimeAt(rest, endAt, restStart) : undefined;
    if (candidateEnd) {
      endTime = candidateEnd;
      cursor = candidateEnd.span.end - restStart;
      const endZone = readZoneAt(rest.slice(cursor), restStart + cursor, 'entry');
      if (endZone) {
        zone ??= endZone;
        cursor = endZone.span.end - restStart + (rest[endZone.span.end - restStart] === ')' ? 1 : 0);
      }
    }
    if (date && date.span.end - restStart > cursor) cursor = date.span.end - restStart;
  }
  const description = trimDecoration(rest.slice(cursor));
  if (!time && date) {
    // A line that is only a date (`- Sunday, May 13th, 2023:`) sets the date for what follows.
    const trailing = rest.slice(date.span.end - restStart).replace(/[\s*_:,.)(\-–—]|\d{4}/g, '');
    if (trailing.length === 0) return { kind: 'date', time: undefined, endTime: undefined, date, zone: undefined, description: '', led: true, bullet };
  }
  if (date && time === undefined && !dateLed) return undefined;
  // One object shape for every read keeps this hot path monomorphic.
  return { kind: 'entry', time, endTime, date, zone, description, led: timeLed || dateLed, bullet };
}

/** `Resolved - This incident has been resolved. Mar 4, 21:05 UTC`: an update whose stamp comes last. */
function readStatusUpdateEntry(line: Line, bullet: boolean): EntryRead | undefined {
  const update = readStatusUpdateLine(line);
  if (!update) return undefined;
  return { kind: 'entry', time: update.time, endTime: undefined, date: update.date, zone: update.zone, description: update.description, led: true, bullet };
}

/** What joins the two ends of a time range: `14:00 - 14:30`, `2 PM to 3 PM`. At most 11 characters long. */
const RANGE_SEPARATOR = /^\s{0,2}(?:-|–|—|to|until|->)\s{0,2}/;

const EMOJI_AT = /^[\p{Extended_Pictographic}\u200d\ufe0f]/u;

/** Markup that may stand between a bullet and a leading time: `**14:00**`, `_5:30 PM_`, `(7:30 UTC)`. */
const LEAD_MARKUP = ' \t*_([`';

/** A date written right after a leading time ("15:22 ICT, Sept 26 2021"). */
function dateRightAfter(rest: string, restStart: number, time: TimeToken): CalendarDate | undefined {
  const from = time.span.end - restStart;
  if (separatorEndsGap(rest, from)) return undefined;
  const window = rest.slice(from, from + 40);
  if (!hasDigit(window)) return undefined;
  const after = findDates(window, time.span.end).find((d) => d.span.start - time.span.end <= 12);
  if (after && /^[\s,]*(?:[A-Z]{2,5}|\([A-Z]{2,5}\))?[\s,]*(?:on\s+)?$/.test(rest.slice(from, after.span.start - restStart))) return after;
  return undefined;
}

/**
 * Between a time and its date only white space, commas, a zone (`UTC`, `(ICT)`) and `on` may
 * stand. True when the first other character, within the 12 where the date must start, is
 * punctuation no date starts with (`-`, `—`, `:`, `*`): most entries are decided here, without
 * a date scan.
 */
function separatorEndsGap(rest: string, from: number): boolean {
  for (let i = from; i < rest.length && i <= from + 12; i++) {
    const c = rest.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 44 || c === 40 || c === 41 || (c >= 65 && c <= 90) || c === 111 || c === 110) continue;
    if (c === 0x2013 || c === 0x2014) return true;
    return c < 128 && !isDigitCode(c) && !(c >= 97 && c <= 122) && c !== 46;
  }
  return false;
}

const LINE_BREAK_TAG = /<br\s{0,3}\/?>/gi;
const BREAK_TAG_HINT = /<br/i;

/**
 * The lines of the regions, in order, with `<br />`-joined status updates split apart. An array,
 * not a generator: at 100,000 entries a generator's result object per line was 20 MB of garbage.
 */
function timelineLines(lines: readonly Line[], regions: readonly Span[]): Line[] {
  const result: Line[] = [];
  for (const region of regions) {
    for (const line of linesIn(lines, region)) {
      if (line.text.includes('<') && BREAK_TAG_HINT.test(line.text)) {
        for (const segment of segmentsOf(line)) result.push(segment);
      } else {
        result.push(line);
      }
    }
  }
  return result;
}

/**
 * Status pages join their updates into one paragraph with `<br />`: each piece between the
 * tags reads as a line of its own (same line index, exact offsets).
 */
function segmentsOf(line: Line): Line[] {
  if (!BREAK_TAG_HINT.test(line.text)) return [line];
  const segments: Line[] = [];
  let from = 0;
  for (const match of line.text.matchAll(LINE_BREAK_TAG)) {
    segments.push({ ...line, start: line.start + from, end: line.start + match.index, text: line.text.slice(from, match.index) });
    from = match.index + match[0].length;
  }
  segments.push({ ...line, start: line.start + from, end: line.end, text: line.text.slice(from) });
  return segments;
}

/** Strips separators before a description and markup after it, without a backtracking regex. */
function trimDecoration(text: string): string {
  let start = 0;
  while (start < text.length && ' \t*_)]|:,.-–—>'.includes(text[start]!)) start++;
  let end = text.length;
  for (;;) {
    while (end > start && ' \t*_'.includes(text[end - 1]!)) end--;
    if (text.charCodeAt(end - 1) !== 62 /* > */) break;
    const tail = text.slice(Math.max(start, end - 6), end);
    const br = /<br\s?\/?>$/i.exec(tail);
    if (!br) break;
    end -= br[0].length;
  }
  return text.slice(start, end).trim();
}

function insideUrl(text: string, index: number): boolean {
  // The word the index sits in, back to the last white space: a URL if it holds a scheme or www.
  let wordStart = index;
  while (wordStart > 0 && !isWhiteSpaceCode(text.charCodeAt(wordStart - 1))) wordStart--;
  if (index - wordStart < 3) return false;
  const word = text.slice(wordStart, index);
  return word.includes('://') || word.includes('www.');
}

/** What `\s` matches, without a pattern per character. */
function isWhiteSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function readProseTimeline(lines: Line[], regions: Span[], headingLines: Set<number>, baseDate: CalendarDate | undefined, declaredZones: Zone[]): Timeline {
  const drafts: DraftEntry[] = [];
  let dateContext = baseDate;
  let contextId = 0;
  for (const line of regions.flatMap((r) => linesIn(lines, r))) {
    if (line.ignored || headingLines.has(line.index)) continue;
    const times = findClockTimes(line.text, line.start).filter((t) => !insideUrl(line.text, t.span.start - line.start));
    const dates = findDates(line.text, line.start);
    const time = times[0];
    if (!time) {
      if (dates[0]) {
        dateContext = withYear(dates[0], dateContext);
        contextId++;
      }
      continue;
    }
    const date = dates.find((d) => d.span.end <= time.span.start && time.span.start - d.span.end <= 12) ?? dates.find((d) => d.span.start >= time.span.end && d.span.start - time.span.end <= 8);
    const zone = readZoneAt(line.text.slice(time.span.end - line.start), time.span.end, 'entry');
    const ownDate = date ? withYear(date, dateContext) : undefined;
    if (ownDate) {
      dateContext = ownDate;
      contextId++;
    }
    drafts.push({
      start: line.start,
      end: line.end,
      lineStart: line.start,
      lineEnd: line.end,
      indent: indentWidth(line.text),
      time,
      endTime: undefined,
      ownDate,
      date: ownDate ?? dateContext,
      ownZone: zone,
      text: line.text.trim(),
      layout: 'prose',
      contextId,
      led: false,
    });
  }
  return finishTimeline(drafts, undefined, declaredZones);
}


const MIDNIGHT_EVENING = 18 * 60;
const MIDNIGHT_MORNING = 12 * 60;

/**
 * Places entries on one minute axis. Bare times that fall back across midnight (an evening time
 * followed by a morning one, or a drop of more than 12 hours) roll to the next day; a smaller
 * drop (a 12 AM/PM slip) is left for the ordering rule to report.
 */
function finishTimeline(drafts: DraftEntry[], section: Section | undefined, declaredZones: Zone[]): Timeline {
  return runToEnd(finishTimelineInSteps(drafts, section, declaredZones));
}

/** {@link finishTimeline} in steps of {@link linesPerStep} entries, for the stepwise parse. */
function* finishTimelineInSteps(drafts: DraftEntry[], section: Section | undefined, declaredZones: Zone[]): Generator<void, Timeline, void> {
  const timelineZone = declaredZones[0];
  // Many entries share one date object (the date in force): convert each date once.
  const dayCache = new Map<CalendarDate, number>();
  const dayOf = (date: CalendarDate) => {
    let day = dayCache.get(date);
    if (day === undefined) dayCache.set(date, (day = dayNumber(date)));
    return day;
  };
  const rawKey = (d: DraftEntry) => {
    const day = d.date ? dayOf(d.date) : 0;
    const minute = d.time && d.time.valid ? minuteOfDay(d.time) : d.time ? undefined : 0;
    return minute === undefined ? undefined : day * 1440 + minute;
  };
  let increasing = 0;
  let decreasing = 0;
  let previous: number | undefined;
  let untilStep = linesPerStep;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    if (--untilStep === 0) {
      untilStep = linesPerStep;
      yield;
    }
    const key = rawKey(draft);
    if (key === undefined) continue;
    if (previous !== undefined && key > previous) increasing++;
    if (previous !== undefined && key < previous) decreasing++;
    previous = key;
  }
  const reverseChronological = drafts.length >= 3 && decreasing >= 2 && decreasing > 2 * increasing;

  const entries: TimelineEntry[] = [];
  const shiftedDates = new ShiftedDates();
  let carriedZone: Zone | undefined;
  let dayOffset = 0;
  let previousDraft: DraftEntry | undefined;
  let previousTimed: DraftEntry | undefined;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    if (--untilStep === 0) {
      untilStep = linesPerStep;
      yield;
    }
    if (previousDraft && draft.contextId !== previousDraft.contextId) dayOffset = 0;
    if (!reverseChronological && previousTimed && draft.time?.valid && !draft.ownDate && draft.contextId === previousTimed.contextId) {
      const before = minuteOfDay(previousTimed.time!);
      const now = minuteOfDay(draft.time);
      if (now < before && ((before >= MIDNIGHT_EVENING && now < MIDNIGHT_MORNING) || before - now > 12 * 60)) dayOffset++;
    }
    const day = draft.date ? dayOf(draft.date) + dayOffset : dayOffset;
    const minutes = draft.time ? (draft.time.valid ? day * 1440 + minuteOfDay(draft.time) : undefined) : draft.date ? day * 1440 : undefined;
    const date = draft.date && dayOffset > 0 ? shiftedDates.get(draft.date, dayOffset) : draft.date;
    // A zone written on one entry holds for the undecorated entries after it ("16:59 PST", "17:07").
    if (draft.ownZone) carriedZone = draft.ownZone;
    const zone = draft.ownZone ?? timelineZone ?? carriedZone;
    // Built by assignment: optional fields stay absent rather than undefined, without spreads.
    // Every entry has every field (undefined where absent): one shape for the rules that read them.
    entries.push({
      span: { start: draft.start, end: draft.end },
      lineSpan: { start: draft.lineStart, end: draft.lineEnd },
      time: draft.time,
      endTime: draft.endTime,
      ownDate: draft.ownDate,
      date,
      ownZone: draft.ownZone,
      zone,
      dayOffset,
      minutes,
      text: draft.text,
      layout: draft.layout,
    });
    previousDraft = draft;
    // Rollover compares with the last readable time, across an unreadable one (`25:00`).
    if (draft.time?.valid) previousTimed = draft;
  }
  return { ...(section ? { section } : {}), entries, ...(timelineZone ? { zone: timelineZone } : {}), reverseChronological };
}

/**
 * Dates moved past midnight, remembered: every entry after a rollover moves the same date in
 * force by the same days, and one `Date` per entry is wasted work on a long timeline.
 */
class ShiftedDates {
  #source: CalendarDate | undefined;
  #days = 0;
  #shifted: CalendarDate | undefined;

  get(date: CalendarDate, days: number): CalendarDate {
    if (date !== this.#source || days !== this.#days || !this.#shifted) {
      this.#source = date;
      this.#days = days;
      this.#shifted = shiftDate(date, days);
    }
    return this.#shifted;
  }
}

export function shiftDate(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year ?? 2000, date.month - 1, date.day + days));
  const month = shifted.getUTCMonth() + 1;
  const day = shifted.getUTCDate();
  return date.year !== undefined ? { year: shifted.getUTCFullYear(), month, day, span: date.span } : { month, day, span: date.span };
}
