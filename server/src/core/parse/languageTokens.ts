import type { CalendarDate, ClockTime, SectionKind } from '../model';
import { activeLanguages, TITLE_START_LENGTH } from '../languages';
import type { DurationToken } from './timeTokens';

/**
 * The time-like tokens and section titles of the languages in use (`languages/`): `14h30`,
 * `14.30 Uhr`, `午後3時`, `15時20分`, `5 de março de 2024`, `7.10.2025`, `2024年3月5日`,
 * `令和7年10月31日`. The English scanners (`timeTokens.ts`) call these after their own passes.
 *
 * Each pattern runs only on text that holds the character it needs (`h`, `Uhr`, `時`, `月`, a
 * digit before a letter), so English lines pay a few `includes` calls. Every pattern is linear:
 * bounded repetitions, no nested quantifiers.
 */

/** The kinds a normalised title names in one of the languages in use, or undefined. */
export function foreignKindsOfTitle(normalised: string): SectionKind[] | undefined {
  const languages = activeLanguages();
  if (!languages.titleStarts.has(normalised.slice(0, TITLE_START_LENGTH))) return undefined;
  for (const { kinds, titles } of languages.titles) {
    for (const title of titles) if (startsWithTitle(normalised, title)) return [...kinds];
  }
  return undefined;
}

const LETTER = /\p{L}/u;
const ENDS_IN_LETTER = /[a-zà-ÿß]$/i;

/** `normalised` opens with `title` as a whole word: `causa` is not the start of `causalidade`; Japanese has no word ends. */
function startsWithTitle(normalised: string, title: string): boolean {
  if (!normalised.startsWith(title)) return false;
  const next = normalised.charAt(title.length);
  return next === '' || !ENDS_IN_LETTER.test(title) || !LETTER.test(next);
}

function clockTime(hour: number, minute: number, second: number | undefined, approximate: boolean, start: number, end: number): ClockTime {
  const valid = hour <= 24 && minute <= 59 && (hour < 24 || minute === 0) && (second === undefined || second <= 59);
  return second === undefined ? { hour, minute, valid, approximate, span: { start, end } } : { hour, minute, second, valid, approximate, span: { start, end } };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

// `14h30`, `14 h 30`, `10h47`, `16h`. Minutes glued to a letter (`2h30m`) are a duration.
const HOUR_LETTER_BODY = String.raw`(\d{1,2})\s?h(?:\s?(\d{2}))?(?![\p{L}\d])`;
const HOUR_LETTER = new RegExp(`(?<![\\p{L}\\d:.,/+\\-])${HOUR_LETTER_BODY}`, 'gu');
const HOUR_LETTER_AT = new RegExp(HOUR_LETTER_BODY, 'uy');
// `14.30 Uhr`, `16:00 Uhr`, `16 Uhr`.
const UHR_BODY = String.raw`(\d{1,2})(?:[.:](\d{2}))?\s?Uhr(?![\p{L}])`;
const UHR = new RegExp(`(?<![\\p{L}\\d:.])${UHR_BODY}`, 'gu');
const UHR_AT = new RegExp(UHR_BODY, 'uy');
// `午後3時`, `15時20分`, `8 時 18 分頃`, `3時半`; `2時間` is a duration.
const JAPANESE_BODY = /(午前|午後)?\s{0,2}(\d{1,2})\s{0,2}時(?!間)\s{0,2}(?:(\d{1,2})\s{0,2}分(?!間)|(半))?(?:\s{0,2}(\d{1,2})\s{0,2}秒)?(\s{0,2}頃)?/.source;
const JAPANESE_TIME = new RegExp(`(?<![\\d.:])${JAPANESE_BODY}`, 'g');
const JAPANESE_TIME_AT = new RegExp(JAPANESE_BODY, 'y');
/** What may stand before a bare `16h` at the start of a line: bullets, markup, white space. */
const LINE_LEAD = /^[\s\-*•>|_[(]*$/;
/** What follows a bare `16h` that leads its line: a separator before the description. */
const AFTER_LEAD_HOUR = /^\s{0,2}[-–—:|)\]]/;
/** A duration verb right before `2h30` (`durou 2h30`, `pendant 2h`): a length, not a time. */
const DURATION_BEFORE = /(?:^|[^\p{L}])(?:durou|duró|duro|dura|durée|duree|pendant|durante|dauer|dauerte|por|für|for|lasted|plus de|mais de|más de|cerca de|environ|etwa|ca\.?|~)\s{0,3}$/iu;

/** True when `text` has an `h` right after a digit, or after a digit and one space. */
function mayHoldHourLetter(text: string): boolean {
  for (let at = text.indexOf('h'); at > 0; at = text.indexOf('h', at + 1)) {
    if (isDigit(text.charCodeAt(at - 1)) || (text.charCodeAt(at - 1) === 32 && isDigit(text.charCodeAt(at - 2)))) return true;
  }
  return false;
}

/** A bare hour (`16h`, no minutes) is a time after a range word (`de`, `à`, `às`) or leading its line before a separator. */
function bareHourIsTime(text: string, index: number, end: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  const languages = activeLanguages();
  if (languages.rangeOpener?.test(before) || languages.rangeJoiner?.test(before.slice(-6))) return true;
  // A line's lead is a few characters of markup: a bounded look keeps a megabyte line linear.
  return index <= 16 && LINE_LEAD.test(text.slice(0, index)) && AFTER_LEAD_HOUR.test(text.slice(end, end + 4));
}

function hourLetterTime(match: RegExpExecArray, text: string, index: number, base: number): ClockTime | undefined {
  const hour = Number(match[1]);
  if (hour > 24) return undefined;
  const end = index + match[0].length;
  if (match[2] === undefined && !bareHourIsTime(text, index, end)) return undefined;
  if (DURATION_BEFORE.test(text.slice(Math.max(0, index - 16), index))) return undefined;
  return clockTime(hour, match[2] === undefined ? 0 : Number(match[2]), undefined, false, base + index, base + end);
}

function uhrTime(match: RegExpExecArray, index: number, base: number): ClockTime | undefined {
  const hour = Number(match[1]);
  if (hour > 24) return undefined;
  return clockTime(hour, match[2] === undefined ? 0 : Number(match[2]), undefined, false, base + index, base + index + match[0].length);
}

function japaneseTime(match: RegExpExecArray, index: number, base: number): ClockTime {
  const [whole, half, hourText, minuteText, halfHour, secondText, about] = match;
  let hour = Number(hourText);
  // 午後 (afternoon) adds twelve hours to 1-11; 午前12時 is midnight.
  if (half === '午後' && hour >= 1 && hour <= 11) hour += 12;
  else if (half === '午前' && hour === 12) hour = 0;
  const minute = halfHour ? 30 : minuteText === undefined ? 0 : Number(minuteText);
  const start = base + index;
  const end = base + index + whole!.length;
  const time = clockTime(hour, minute, secondText === undefined ? undefined : Number(secondText), Boolean(about), start, end);
  return half && (Number(hourText) > 12) ? { ...time, valid: false } : time;
}

/** The index in `found` of a time starting at `start`, or -1. */
function startingAt(found: readonly ClockTime[], start: number): number {
  for (let i = found.length - 1; i >= 0; i--) if (found[i]!.span.start === start) return i;
  return -1;
}

/**
 * Adds the clock times of the languages in use that the English scan did not read, to `found`
 * (unsorted). A time the English scan read (`16:00`) that `Uhr` follows takes in the word, so
 * the description after it starts past it.
 */
export function addForeignClockTimes(text: string, base: number, found: ClockTime[]): void {
  const languages = activeLanguages();
  let taken: TakenSpans | undefined;
  const addIfFree = (time: ClockTime | undefined) => {
    if (!time) return;
    taken ??= new TakenSpans(found);
    if (!taken.free(time.span.start, time.span.end)) return;
    taken.take(time.span.start, time.span.end);
    found.push(time);
  };
  let match: RegExpExecArray | null;
  if (languages.hourLetter && mayHoldHourLetter(text)) {
    HOUR_LETTER.lastIndex = 0;
    while ((match = HOUR_LETTER.exec(text)) !== null) {
      addIfFree(hourLetterTime(match, text, match.index, base));
    }
  }
  if (languages.german && text.includes('Uhr')) {
    UHR.lastIndex = 0;
    while ((match = UHR.exec(text)) !== null) {
      const time = uhrTime(match, match.index, base);
      if (!time) continue;
      const existing = startingAt(found, time.span.start);
      if (existing >= 0) found[existing] = { ...found[existing]!, span: time.span };
      else addIfFree(time);
    }
  }
  if (languages.japanese && text.includes('時')) {
    JAPANESE_TIME.lastIndex = 0;
    while ((match = JAPANESE_TIME.exec(text)) !== null) {
      addIfFree(japaneseTime(match, match.index, base));
    }
  }
}

/** A clock time of the languages in use starting exactly at `index`, or undefined. */
export function readForeignClockTimeAt(text: string, index: number, base: number): ClockTime | undefined {
  const languages = activeLanguages();
  const next = text.charCodeAt(index + 1);
  const afterHour = isDigit(next) ? text.charCodeAt(index + 2) : next;
  let match: RegExpExecArray | null;
  if (languages.german && (afterHour === 46 || afterHour === 32 || afterHour === 85) && text.includes('Uhr', index)) {
    UHR_AT.lastIndex = index;
    if ((match = UHR_AT.exec(text)) !== null) return uhrTime(match, index, base);
  }
  if (languages.hourLetter && (afterHour === 104 || afterHour === 32)) {
    HOUR_LETTER_AT.lastIndex = index;
    if ((match = HOUR_LETTER_AT.exec(text)) !== null) return hourLetterTime(match, text, index, base);
  }
  if (languages.japanese && text.includes('時', index)) {
    JAPANESE_TIME_AT.lastIndex = index;
    if ((match = JAPANESE_TIME_AT.exec(text)) !== null) return japaneseTime(match, index, base);
  }
  return undefined;
}

/** `time` with ` Uhr` after it taken into its span, or `time` itself. */
export function withUhr(text: string, time: ClockTime, base: number): ClockTime {
  if (!activeLanguages().german) return time;
  const after = time.span.end - base;
  const space = text.charCodeAt(after) === 32 ? 1 : 0;
  if (text.charCodeAt(after + space) !== 85 || !text.startsWith('Uhr', after + space) || isLetterCode(text.charCodeAt(after + space + 3))) return time;
  return { ...time, span: { start: time.span.start, end: time.span.end + space + 3 } };
}

// `7.10.2025`, `02.10.25`: day first, as German writes it.
const DOTTED_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d|\.\d)/g;
// `2024年3月5日`, `令和 7 年 10 月 31 日`, `3月5日`.
const JAPANESE_DATE = /(?:(令和|平成|昭和)\s{0,2}(元|\d{1,2})|(\d{4}))\s{0,2}年\s{0,2}(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})\s{0,2}日|(?<![\d年])(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})\s{0,2}日/g;
/** The year before the first year of each era: 令和1年 is 2019. */
const ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };

/**
 * True when a number stands before the start of a month name (`5 de março`, `5. März`,
 * `1er mars`): `5 servers` and `500 errors` are rejected without the date pattern. A small
 * pattern finds the numbers before a month's first letter; the words are compared by their
 * first three letters.
 */
function mayHoldDayMonth(text: string, lead: RegExp, prefixes: ReadonlySet<string>): boolean {
  lead.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = lead.exec(text)) !== null) {
    const at = match.index + match[0].length;
    if (prefixes.has(text.slice(at, at + 3).toLowerCase())) return true;
  }
  return false;
}

/**
 * The spans read so far by other passes, sorted once on first use and binary-searched, so a
 * pass over a whole document stays linear.
 */
export class TakenSpans {
  readonly #found: ReadonlyArray<{ readonly span: { readonly start: number; readonly end: number } }>;
  #sorted: Array<{ readonly start: number; readonly end: number }> | undefined;
  readonly #added: Array<{ readonly start: number; readonly end: number }> = [];

  constructor(found: ReadonlyArray<{ readonly span: { readonly start: number; readonly end: number } }>) {
    this.#found = found;
  }

  /** True when `[start, end)` overlaps no span found before and none taken since. */
  free(start: number, end: number): boolean {
    this.#sorted ??= this.#found.map((t) => t.span).sort((a, b) => a.start - b.start);
    const sorted = this.#sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]!.end <= start) low = mid + 1;
      else high = mid;
    }
    if (low < sorted.length && sorted[low]!.start < end) return false;
    // Spans this pass added: few, and the last ones are the ones that can overlap.
    for (let i = this.#added.length - 1; i >= 0 && i >= this.#added.length - 4; i--) {
      const span = this.#added[i]!;
      if (span.start < end && start < span.end) return false;
    }
    return true;
  }

  /** Marks `[start, end)` taken. */
  take(start: number, end: number): void {
    this.#added.push({ start, end });
  }
}

/** True when a digit, a `.` and a digit stand together twice (`7.10.2025`): most sentences end in a `.` after a letter. */
function mayHoldDottedDate(text: string): boolean {
  for (let at = text.indexOf('.'); at > 0; at = text.indexOf('.', at + 1)) {
    if (!isDigit(text.charCodeAt(at - 1)) || !isDigit(text.charCodeAt(at + 1))) continue;
    const second = text.indexOf('.', at + 1);
    if (second > 0 && second <= at + 3 && isDigit(text.charCodeAt(second - 1)) && isDigit(text.charCodeAt(second + 1))) return true;
  }
  return false;
}

/** Adds the dates of the languages in use that the English passes did not read, to `found` (unsorted). */
export function addForeignDates(text: string, base: number, found: CalendarDate[]): void {
  const languages = activeLanguages();
  let taken: TakenSpans | undefined;
  const addIfFree = (date: CalendarDate) => {
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return;
    taken ??= new TakenSpans(found);
    if (!taken.free(date.span.start, date.span.end)) return;
    taken.take(date.span.start, date.span.end);
    found.push(date);
  };
  let match: RegExpExecArray | null;
  if (languages.dayMonth && mayHoldDayMonth(text, languages.dayMonthLead!, languages.monthPrefixes)) {
    languages.dayMonth.lastIndex = 0;
    while ((match = languages.dayMonth.exec(text)) !== null) {
      const name = match[2]!.toLowerCase().replace(/\s+/g, ' ');
      const month = languages.months.get(name) ?? (match[3] !== undefined ? languages.shortMonths.get(name) : undefined);
      if (month === undefined) continue;
      const span = { start: base + match.index, end: base + match.index + match[0].length };
      addIfFree(match[3] !== undefined ? { year: Number(match[3]), month, day: Number(match[1]), span } : { month, day: Number(match[1]), span });
    }
  }
  if (languages.german && mayHoldDottedDate(text)) {
    DOTTED_DATE.lastIndex = 0;
    while ((match = DOTTED_DATE.exec(text)) !== null) {
      const [whole, day, month, year] = match;
      if (year!.length === 2 && (day!.length < 2 || month!.length < 2)) continue;
      addIfFree({ year: year!.length === 2 ? 2000 + Number(year) : Number(year), month: Number(month), day: Number(day), span: { start: base + match.index, end: base + match.index + whole.length } });
    }
  }
  if (languages.japanese && text.includes('月')) {
    JAPANESE_DATE.lastIndex = 0;
    while ((match = JAPANESE_DATE.exec(text)) !== null) {
      const [whole, era, eraYear, year, month, day, bareMonth, bareDay] = match;
      const span = { start: base + match.index, end: base + match.index + whole.length };
      if (bareMonth !== undefined) {
        addIfFree({ month: Number(bareMonth), day: Number(bareDay), span });
        continue;
      }
      const fullYear = era ? ERA_BASE[era]! + (eraYear === '元' ? 1 : Number(eraYear)) : Number(year);
      addIfFree({ year: fullYear, month: Number(month), day: Number(day), span });
    }
  }
}

/** True when a date of the languages in use starts at `index` (`7.10.2025 - 16:00 Uhr`, `2024年3月5日`): a heading that opens with one is an entry. */
export function startsWithForeignDate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (!isDigit(code) && code !== 0x4ee4 /* 令 */ && code !== 0x5e73 /* 平 */ && code !== 0x662d /* 昭 */) return false;
  const found: CalendarDate[] = [];
  addForeignDates(text.slice(index, index + 40), 0, found);
  return found.some((date) => date.span.start === 0);
}

/** A line labelled with the incident's duration (`Duração: 2 horas`). */
export function isForeignDurationLabel(text: string): boolean {
  return activeLanguages().durationLabel?.test(text) ?? false;
}

/** The words between two times join a range (`à`, `às`, `bis`, `から`). */
export function joinsForeignRange(between: string): boolean {
  return activeLanguages().rangeJoiner?.test(between) ?? false;
}

/** The words before a time open a range (`de`, `das`, `zwischen`, `entre`). */
export function opensForeignRange(before: string): boolean {
  return activeLanguages().rangeOpener?.test(before) ?? false;
}

/** The words before a duration say it is how long the incident lasted (`durou`, `Dauer:`). */
export function introducesForeignDuration(before: string): boolean {
  return activeLanguages().durationIntro?.test(before) ?? false;
}

/** Durations written with the units of the languages in use: `2 horas e 30 minutos`, `2h30`, `45 Minuten`, `2時間30分`. */
export function findForeignDurations(text: string, base: number): DurationToken[] {
  const languages = activeLanguages();
  const pattern = languages.duration;
  const found: DurationToken[] = [];
  if (!pattern || !mayHoldForeignDuration(text, languages.foreignOnlyUnits)) return found;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (match[0].length === 0) {
      // A Unicode pattern moved into the middle of a surrogate pair steps back to its start: step over the whole character.
      pattern.lastIndex += text.codePointAt(pattern.lastIndex)! > 0xffff ? 2 : 1;
      continue;
    }
    const [whole, days, hours, gluedMinutes, minutes] = match;
    if (days === undefined && hours === undefined && minutes === undefined) continue;
    const total = (days ? Number(days) * 1440 : 0) + (hours ? Number(hours.replace(',', '.')) * 60 : 0) + (gluedMinutes ? Number(gluedMinutes) : 0) + (minutes ? Number(minutes) : 0);
    if (!(total > 0)) continue;
    const trimmed = whole.replace(/[\s,]+(?:e|y|et|und)?\s*$/u, '');
    found.push({ minutes: Math.round(total), approximate: false, span: { start: base + match.index, end: base + match.index + trimmed.length } });
  }
  return found;
}

/** A number, maybe a space, then a word: the place of a unit. */
const NUMBER_THEN_WORD = /\d\s?(\p{L}+)/gu;

/**
 * True when a number is followed by a unit only the languages in use have (`2 horas`, `30分`), or
 * by an `h` with minutes glued to it (`2h30`): the durations the English scan does not read. The
 * duration pattern is large, and compiled again after a garbage collection: most texts skip it.
 */
function mayHoldForeignDuration(text: string, units: ReadonlySet<string>): boolean {
  NUMBER_THEN_WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = NUMBER_THEN_WORD.exec(text)) !== null) {
    const word = match[1]!;
    if (units.has(word.toLowerCase())) return true;
    const after = match.index + match[0].length;
    if ((word === 'h' || word === 'H') && isDigit(text.charCodeAt(after)) && isDigit(text.charCodeAt(after + 1))) return true;
  }
  return false;
}
