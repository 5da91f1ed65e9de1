import type { CalendarDate, ClockTime, Span, Zone, ZoneSource } from '../model';
import { addForeignClockTimes, addForeignDates, readForeignClockTimeAt, withUhr } from './languageTokens';
import { addDashedMonthDates, addMilitaryTimes } from './militaryTime';

/**
 * Scanners for the time-like tokens postmortems are written with: clock times, dates, zones and
 * durations. Each scanner reads one line (or a short text) and returns tokens with absolute
 * spans (`base` is the offset of `text` in the document).
 *
 * Every pattern here is linear: no nested quantifiers, bounded repetitions only, so a 1 MB
 * line of digits and colons costs one pass (checked by the ReDoS test).
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, octuber: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober|uber)?|nov(?:ember)?|dec(?:ember)?';

/** Known zone abbreviations with their offset from UTC in minutes. */
const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180,
  WAT: 60, CAT: 120, EAT: 180, SAST: 120, MSK: 180, IST: 330, PKT: 300, ICT: 420, WIB: 420,
  HKT: 480, SGT: 480, PHT: 480, AWST: 480, JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780, HST: -600, AKST: -540, AKDT: -480, PST: -480, PDT: -420, PT: -480,
  MST: -420, MDT: -360, MT: -420, CST: -360, CDT: -300, CT: -360, EST: -300, EDT: -240, ET: -300,
  AST: -240, ADT: -180, NST: -210, BRT: -180, ART: -180, MEZ: 60, MESZ: 120, OEZ: 120, WEZ: 0,
};

/** Spelled-out zones and the offsets they stand for (standard time). */
const ZONE_NAMES: ReadonlyArray<[RegExp, string, number | undefined]> = [
  [/^pacific(?: standard| daylight)?(?: time)?$/i, 'Pacific Time', -480],
  [/^eastern(?: standard| daylight)?(?: time)?$/i, 'Eastern Time', -300],
  [/^central european(?: summer)?(?: time)?$/i, 'Central European Time', 60],
  [/^central(?: standard| daylight)?(?: time)?$/i, 'Central Time', -360],
  [/^mountain(?: standard| daylight)?(?: time)?$/i, 'Mountain Time', -420],
  [/^greenwich mean time$/i, 'GMT', 0],
  [/^coordinated universal time$/i, 'UTC', 0],
  [/^(?:british summer time)$/i, 'BST', 60],
  [/^west africa(?:n)? time$/i, 'WAT', 60],
  [/^east africa(?:n)? time$/i, 'EAT', 180],
  [/^central africa(?:n)? time$/i, 'CAT', 120],
  [/^indian standard time$/i, 'IST', 330],
];

/** Well-known cities authors name zones after ("Kigali time"). */
const CITY_OFFSETS: Record<string, number> = {
  kigali: 120, nairobi: 180, lagos: 60, accra: 0, cairo: 120, johannesburg: 120, casablanca: 60,
  london: 0, dublin: 0, lisbon: 0, paris: 60, berlin: 60, madrid: 60, amsterdam: 60, rome: 60,
  warsaw: 60, stockholm: 60, helsinki: 120, athens: 120, istanbul: 180, moscow: 180, dubai: 240,
  karachi: 300, mumbai: 330, delhi: 330, kolkata: 330, bangalore: 330, dhaka: 360, bangkok: 420,
  jakarta: 420, singapore: 480, manila: 480, beijing: 480, shanghai: 480, tokyo: 540, seoul: 540,
  sydney: 600, melbourne: 600, auckland: 720, honolulu: -600, anchorage: -540, vancouver: -480,
  seattle: -480, 'san francisco': -480, 'los angeles': -480, denver: -420, chicago: -360,
  toronto: -300, 'new york': -300, 'sao paulo': -180, 'são paulo': -180, 'buenos aires': -180,
  'mexico city': -360, addis: 180, kampala: 180, kinshasa: 60, abuja: 60,
};

/** A clock time read from text; `span.end` is just past its meridiem, where what follows starts. */
export type TimeToken = ClockTime;

// H:MM[:SS][.fff] with an optional meridiem; or H am/pm; the `(?<![…])` guards keep
// version numbers, IP:port pairs, offsets (+02:00) and relative T+0:04 out.
const CLOCK_BODY =
  /(~\s?)?(\d{1,2})([:.])(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?!\d|:\d|\.\d)(?:\s?(a\.?\s?m\.?|p\.?\s?m\.?|A\.?\s?M\.?|P\.?\s?M\.?)(?![A-Za-z])|\s(M)(?![A-Za-z]))?/.source;
const HOUR_ONLY_BODY = /(~\s?)?(\d{1,2})\s?(am|pm|AM|PM|a\.m\.|p\.m\.|A\.M\.|P\.M\.)(?![A-Za-z])/.source;
const CLOCK = new RegExp(/(?<!(?<!^\s{0,8}\d{1,3})\.|[\d:+\-−/]|(?<!\d)[A-Za-z]|[+\-−]\d)/.source + CLOCK_BODY, 'g');
const HOUR_ONLY = new RegExp(/(?<![\d:+\-−.A-Za-z/])/.source + HOUR_ONLY_BODY, 'g');
/** Sticky twins: read a time that starts exactly at `lastIndex` (the caller vouches for what precedes it). */
const CLOCK_AT = new RegExp(CLOCK_BODY, 'y');
const HOUR_ONLY_AT = new RegExp(HOUR_ONLY_BODY, 'y');
const APPROXIMATE_WORD_PATTERN = /(?:about|around|approx\.?|approximately|roughly|circa|ca\.)\s{1,3}$/i;

/** "about 10:42", "around 6 PM": only a space-preceded token can follow such a word, so most are decided on one character. */
function approximateWordBefore(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  return (before === 32 || before === 9) && APPROXIMATE_WORD_PATTERN.test(text.slice(Math.max(0, index - 16), index));
}

/** An ASCII digit, `0` to `9`: what every time and date starts from. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isMeridiemLetter(code: number): boolean {
  return code === 97 || code === 65 || code === 112 || code === 80;
}

/** True when `text` may hold `10:42` or `10.42`: a digit, `:` or `.`, a digit. Lines without one skip the clock scan. */
function mayHoldClockTime(text: string): boolean {
  for (let i = 0; i < text.length - 2; i++) {
    const next = text.charCodeAt(i + 1);
    if ((next === 58 || next === 46) && isDigitCode(text.charCodeAt(i)) && isDigitCode(text.charCodeAt(i + 2))) return true;
  }
  return false;
}

/** Characters that keep a number from being an hour (`v2 pm2`, `10:32 PM`): the look-behind of {@link HOUR_ONLY}. */
function blocksHourOnly(code: number): boolean {
  return isDigitCode(code) || code === 58 || code === 43 || code === 45 || code === 0x2212 || code === 46 || code === 47 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * True when `text` may hold `6 PM`: one or two digits not glued to a word, a number or a time,
 * maybe one space, then an a or p. Most lines, and times like `10:32 PM`, skip the hour scan.
 */
function mayHoldHourOnlyTime(text: string): boolean {
  for (let i = 0; i < text.length - 1; i++) {
    if (!isDigitCode(text.charCodeAt(i)) || (i > 0 && blocksHourOnly(text.charCodeAt(i - 1)))) continue;
    let next = i + (isDigitCode(text.charCodeAt(i + 1)) ? 2 : 1);
    const between = text.charCodeAt(next);
    // Any white space may stand before the meridiem; past ASCII, let the pattern decide.
    if (between === 32 || (between >= 9 && between <= 13) || between > 127) next++;
    if (isMeridiemLetter(text.charCodeAt(next)) || isMeridiemLetter(text.charCodeAt(i + 1)) || isMeridiemLetter(text.charCodeAt(i + 2))) return true;
  }
  return false;
}

/**
 * Finds clock times in `text`. `base` is the document offset of `text[0]`.
 * Times with a `.` separator (`10.30`) are accepted only with a meridiem or after a list
 * number (`10.00:38`), since `3.14` and `1.5` are numbers.
 */
export function findClockTimes(text: string, base = 0): TimeToken[] {
  const found: TimeToken[] = [];
  CLOCK.lastIndex = 0;
  let match: RegExpExecArray | null;
  const mayClock = mayHoldClockTime(text);
  while (mayClock && (match = CLOCK.exec(text)) !== null) {
    const [whole, tilde, h, sep, m, s, meridiemText, brokenMeridiem] = match;
    if (sep === '.' && !meridiemText) continue;
    const start = match.index + (tilde ? tilde.length : 0);
    const approximate = Boolean(tilde) || approximateWordBefore(text, match.index);
    found.push(makeTime(Number(h), Number(m), s === undefined ? undefined : Number(s), meridiemText, Boolean(brokenMeridiem), approximate, base + start, base + match.index + whole.length));
  }
  HOUR_ONLY.lastIndex = 0;
  // `6 PM` needs an m and a number before it: skip the second scan on the many lines without one.
  const mayHourOnly = (text.includes('m') || text.includes('M')) && mayHoldHourOnlyTime(text);
  while (mayHourOnly && (match = HOUR_ONLY.exec(text)) !== null) {
    const [whole, tilde, h, meridiemText] = match;
    const start = match.index + (tilde ? tilde.length : 0);
    if (found.some((t) => t.span.start - base <= start && start < t.span.end - base)) continue;
    const approximate = Boolean(tilde) || approximateWordBefore(text, match.index);
    found.push(makeTime(Number(h), 0, undefined, meridiemText, false, approximate, base + start, base + match.index + whole.length));
  }
  addForeignClockTimes(text, base, found);
  addMilitaryTimes(text, base, found);
  found.sort((a, b) => a.span.start - b.span.start);
  return found;
}

function makeTime(
  rawHour: number,
  minute: number,
  second: number | undefined,
  meridiemText: string | undefined,
  brokenMeridiem: boolean,
  approximate: boolean,
  start: number,
  end: number,
): TimeToken {
  const meridiem = meridiemText ? (meridiemText.charCodeAt(0) === 97 || meridiemText.charCodeAt(0) === 65 ? 'am' : 'pm') : undefined;
  let hour = rawHour;
  let valid = minute <= 59 && (second === undefined || second <= 60) && !brokenMeridiem;
  if (meridiem) {
    if (rawHour < 1 || rawHour > 12) {
      // `0:30 am` is readable as 00:30; `13:00 PM` is not a time.
      valid = valid && rawHour === 0 && meridiem === 'am';
    } else if (meridiem === 'am') {
      hour = rawHour === 12 ? 0 : rawHour;
    } else {
      hour = rawHour === 12 ? 12 : rawHour + 12;
    }
  } else if (rawHour > 24 || (rawHour === 24 && minute > 0)) {
    valid = false;
  }
  const time: { -readonly [K in keyof ClockTime]: ClockTime[K] } = { hour, minute, valid, approximate, span: { start, end } };
  if (second !== undefined) time.second = second;
  if (meridiem) time.meridiem = meridiem;
  return time;
}

/**
 * Reads a clock time that starts exactly at `index` of `text` (no scan), or undefined.
 * `base` is the document offset of `text[0]`.
 */
export function readClockTimeAt(text: string, index: number, base = 0): TimeToken | undefined {
  CLOCK_AT.lastIndex = index;
  const match = CLOCK_AT.exec(text);
  if (match) {
    const [whole, tilde, h, sep, m, s, meridiemText, brokenMeridiem] = match;
    if (sep !== '.' || meridiemText) {
      const start = index + (tilde ? tilde.length : 0);
      return withUhr(text, makeTime(Number(h), Number(m), s === undefined ? undefined : Number(s), meridiemText, Boolean(brokenMeridiem), Boolean(tilde) || approximateWordBefore(text, index), base + start, base + index + whole.length), base);
    }
  }
  HOUR_ONLY_AT.lastIndex = index;
  const hourOnly = HOUR_ONLY_AT.exec(text);
  if (!hourOnly) return readForeignClockTimeAt(text, index, base);
  const [whole, tilde, h, meridiemText] = hourOnly;
  return makeTime(Number(h), 0, undefined, meridiemText, false, Boolean(tilde) || approximateWordBefore(text, index), base + index + (tilde ? tilde.length : 0), base + index + whole.length);
}

const MILITARY_RANGE = /\b(?:from|between)\s{1,3}([01]\d|2[0-3])([0-5]\d)(?:\s?(?:hrs|h|Z))?\s{1,3}(?:to|until|and|-|–)\s{1,3}([01]\d|2[0-3])([0-5]\d)(?:\s?(?:hrs|h|Z))?(?![\d:.])/gi;

/**
 * Finds military-time ranges ("from 0233 to 0239"). Four digits alone are too often a year or a
 * count to read as a time, so they are accepted only in this shape.
 */
export function findMilitaryRanges(text: string, base = 0): Array<[TimeToken, TimeToken]> {
  const ranges: Array<[TimeToken, TimeToken]> = [];
  MILITARY_RANGE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MILITARY_RANGE.exec(text)) !== null) {
    const whole = match[0];
    const firstAt = match.index + whole.search(/\d/);
    const secondAt = match.index + whole.lastIndexOf(match[3]! + match[4]!);
    ranges.push([
      makeTime(Number(match[1]), Number(match[2]), undefined, undefined, false, false, base + firstAt, base + firstAt + 4),
      makeTime(Number(match[3]), Number(match[4]), undefined, undefined, false, false, base + secondAt, base + secondAt + 4),
    ]);
  }
  return ranges;
}

/** Minute of the day (fractional with seconds) of a valid time. */
export function minuteOfDay(time: ClockTime): number {
  return time.hour * 60 + time.minute + (time.second ?? 0) / 60;
}

const ISO_DATE = /(?<![\d\w])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g;
const COMPACT_DATE = /(?<![\d\w])(\d{1,2})(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(\d{2}|\d{4})(?![\d\w])/gi;
const MONTH_FIRST = new RegExp(
  `(?<![\\w])(${MONTH_PATTERN})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:\\s{0,2}[-–]\\s{0,2}\\d{1,2}(?:st|nd|rd|th)?)?(?:,{0,2}\\s{0,3}(\\d{4})(?!\\d|:\\d))?`,
  'gi',
);
const DAY_FIRST = new RegExp(
  `(?<![\\w:])(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?(${MONTH_PATTERN})\\b\\.?(?:,?\\s{0,3}(\\d{4})(?!\\d|:\\d))?`,
  'gi',
);
const MONTH_HINT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/gi;
const NUMERIC_DATE = /(?<![\d\w/.:-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d\w/:])/g;

/** Finds calendar dates in `text`, in order, without overlaps. */
export function findDates(text: string, base = 0): CalendarDate[] {
  const found: CalendarDate[] = [];
  // Matches of one pattern never overlap each other, so each pass checks only the dates of the
  // passes before it: sorted once per pass and binary-searched, linear on whole-document input.
  let earlier: CalendarDate[] = [];
  const beginPass = () => {
    if (found.length !== earlier.length) earlier = [...found].sort((a, b) => a.span.start - b.span.start);
  };
  const taken = (start: number, end: number) => {
    let low = 0;
    let high = earlier.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (earlier[mid]!.span.end - base <= start) low = mid + 1;
      else high = mid;
    }
    return low < earlier.length && earlier[low]!.span.start - base < end;
  };
  const add = (date: CalendarDate) => {
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return;
    found.push(date);
  };
  let match: RegExpExecArray | null;
  // Cheap guards keep the five scans off lines that cannot hold their kind of date.
  const hasDash = text.includes('-');
  // Where month names stand says which month scans can match: `5 Jan` needs white space
  // before the month, `05jan2024` a digit; `Jan 5` only the month.
  let hasMonthName = false;
  let monthAfterSpace = false;
  let monthAfterDigit = false;
  MONTH_HINT.lastIndex = 0;
  while ((match = MONTH_HINT.exec(text)) !== null) {
    hasMonthName = true;
    const before = text.charCodeAt(match.index - 1);
    if (before === 32 || (before >= 9 && before <= 13) || before > 127) monthAfterSpace = true;
    else if (before >= 48 && before <= 57) monthAfterDigit = true;
  }
  const hasSlash = text.includes('/');
  ISO_DATE.lastIndex = 0;
  while (hasDash && (match = ISO_DATE.exec(text)) !== null) {
    add({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), span: { start: base + match.index, end: base + match.index + match[0].length } });
  }
  beginPass();
  MONTH_FIRST.lastIndex = 0;
  while (hasMonthName && (match = MONTH_FIRST.exec(text)) !== null) {
    // "may" is also a verb: require a capital M or a day with a suffix/comma for it.
    if (match[1]!.length === 3 && match[1]!.toLowerCase() === 'may' && match[1] !== 'May') continue;
    if (taken(match.index, match.index + match[0].length)) continue;
    let trimmedLength = match[0].length;
    while (trimmedLength > 0 && /[,\s]/.test(match[0][trimmedLength - 1]!)) trimmedLength--;
    add(calendarDate(match[3], MONTHS[match[1]!.toLowerCase()]!, Number(match[2]), base + match.index, base + match.index + trimmedLength));
  }
  beginPass();
  DAY_FIRST.lastIndex = 0;
  while (monthAfterSpace && (match = DAY_FIRST.exec(text)) !== null) {
    if (match[2]!.length === 3 && match[2]!.toLowerCase() === 'may' && !match[0].includes('May')) continue;
    if (taken(match.index, match.index + match[0].length)) continue;
    add(calendarDate(match[3], MONTHS[match[2]!.toLowerCase()]!, Number(match[1]), base + match.index, base + match.index + match[0].length));
  }
  beginPass();
  COMPACT_DATE.lastIndex = 0;
  while (monthAfterDigit && (match = COMPACT_DATE.exec(text)) !== null) {
    if (taken(match.index, match.index + match[0].length)) continue;
    add({
      year: expandYear(match[3]!),
      month: MONTHS[match[2]!.toLowerCase()]!,
      day: Number(match[1]),
      span: { start: base + match.index, end: base + match.index + match[0].length },
    });
  }
  beginPass();
  NUMERIC_DATE.lastIndex = 0;
  while ((hasSlash || hasDash) && (match = NUMERIC_DATE.exec(text)) !== null) {
    if (taken(match.index, match.index + match[0].length)) continue;
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = expandYear(match[4]!);
    const span = { start: base + match.index, end: base + match.index + match[0].length };
    if (first > 12 && second <= 12) add({ year, month: second, day: first, span });
    else if (second > 12 && first <= 12) add({ year, month: first, day: second, span });
    else if (first <= 12 && second <= 12) add(first !== second ? { year, month: first, day: second, span, ambiguous: true } : { year, month: first, day: second, span });
  }
  addForeignDates(text, base, found);
  addDashedMonthDates(text, base, found);
  found.sort((a, b) => a.span.start - b.span.start);
  return found;
}

/**
 * A date whose year is written or not. Built without a conditional spread: on this hot path an
 * object spread costs several times the whole pattern match.
 */
function calendarDate(yearText: string | undefined, month: number, day: number, start: number, end: number): CalendarDate {
  const span = { start, end };
  return yearText ? { year: Number(yearText), month, day, span } : { month, day, span };
}

function expandYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** Days since 1970-01-01 of a date (year defaults to `fallbackYear`). */
export function dayNumber(date: { year?: number; month: number; day: number }, fallbackYear = 2000): number {
  return Math.floor(Date.UTC(date.year ?? fallbackYear, date.month - 1, date.day) / 86_400_000);
}

export interface ZoneToken extends Zone {
  readonly offsetMinutes?: number;
}

const OFFSET_ZONE = /^(UTC|GMT)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * Reads a zone at the start of `text` (after a time, or inside a header's parentheses).
 * Returns undefined when the text does not start with a zone.
 */
export function readZoneAt(text: string, base: number, source: ZoneSource): ZoneToken | undefined {
  let lead = 0;
  while (lead < 3 && lead < text.length && ' \t(['.includes(text[lead]!)) lead++;
  // Every zone starts with a letter or a sign: most descriptions are rejected on one character.
  const first = text.charCodeAt(lead);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || (first >= 0xc0 && first <= 0xff);
  if (!letter && first !== 43 && first !== 45 && first !== 0x2212) return undefined;
  const rest = text.slice(lead, lead + 60);
  // Spelled-out zones and city names: "Pacific Time", "Kigali time", "West African Time".
  const named = letter && /time/i.test(rest) ? /^([A-Za-zÀ-ÿ]+(?: [A-Za-zÀ-ÿ]+){0,3}?) (?:time|Time|TIME)\b/.exec(rest) : null;
  if (named) {
    const zone = nameToZone(named[0], base + lead, source);
    if (zone) return zone;
  }
  // tz database names: "Africa/Kigali", "America/Los_Angeles".
  // Each pattern below needs its own first character: the others are not run.
  const tzName = first === 65 || first === 69 || first === 73 || first === 80 ? /^(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/([A-Za-z_]+)(?:\/[A-Za-z_]+)?/.exec(rest) : null;
  if (tzName) {
    const offset = CITY_OFFSETS[tzName[1]!.replace(/_/g, ' ').toLowerCase()];
    return zoneToken(tzName[0], offset, source, { start: base + lead, end: base + lead + tzName[0].length });
  }
  const utcOrGmt = first === 85 || first === 71 || first === 117 || first === 103;
  const offsetMatch = utcOrGmt && signWithin(rest, 3) ? /^(?:UTC|GMT|utc|gmt)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?(?![\d])/.exec(rest) : null;
  if (offsetMatch) return offsetToZone(offsetMatch[0], base + lead, source);
  const bareOffset = letter ? null : /^([+\-−])(\d{2}):?(\d{2})(?!\d)/.exec(rest);
  if (bareOffset && lead === 0) {
    const sign = bareOffset[1] === '+' ? 1 : -1;
    const minutes = sign * (Number(bareOffset[2]) * 60 + Number(bareOffset[3]));
    return { name: `UTC${formatOffset(minutes)}`, offsetMinutes: minutes, source, span: { start: base, end: base + bareOffset[0].length } };
  }
  const abbreviationLength = abbreviationAt(rest);
  if (abbreviationLength > 0) {
    const name = rest.slice(0, abbreviationLength).toUpperCase();
    const offset = ZONE_ABBREVIATIONS[name];
    if (offset !== undefined && (name !== 'Z' || lead === 0)) {
      return { name, offsetMinutes: offset, source, span: { start: base + lead, end: base + lead + abbreviationLength } };
    }
  }
  return undefined;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The length of a zone abbreviation at the start of `text` (`^(?:[A-Z]{1,5}|utc|gmt)(?![A-Za-z])`,
 * read by hand: it runs for most timeline entries), or 0.
 */
function abbreviationAt(text: string): number {
  let capitals = 0;
  while (capitals < 6 && text.charCodeAt(capitals) >= 65 && text.charCodeAt(capitals) <= 90) capitals++;
  if (capitals >= 1 && capitals <= 5) return isAsciiLetter(text.charCodeAt(capitals)) ? 0 : capitals;
  if (capitals === 0 && (text.startsWith('utc') || text.startsWith('gmt')) && !isAsciiLetter(text.charCodeAt(3))) return 3;
  return 0;
}

/** A sign (`+`, `-`, `−`) at `at`, or after one white-space character there: what an offset zone needs after `UTC`. */
function signWithin(text: string, at: number): boolean {
  const isSign = (code: number) => code === 43 || code === 45 || code === 0x2212;
  return isSign(text.charCodeAt(at)) || isSign(text.charCodeAt(at + 1));
}

/** A zone whose offset is known or not, built without a conditional spread (a hot path). */
function zoneToken(name: string, offsetMinutes: number | undefined, source: ZoneSource, span: Span): ZoneToken {
  return offsetMinutes !== undefined ? { name, offsetMinutes, source, span } : { name, source, span };
}

function offsetToZone(text: string, start: number, source: ZoneSource): ZoneToken | undefined {
  const m = OFFSET_ZONE.exec(text.replace(/\s/g, ''));
  if (!m) return undefined;
  const sign = m[2] === '+' ? 1 : -1;
  const hours = Number(m[3]);
  const minutes = Number(m[4] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  const offset = sign * (hours * 60 + minutes);
  return { name: `${m[1]!.toUpperCase()}${formatOffset(offset)}`, offsetMinutes: offset, source, span: { start, end: start + text.length } };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return m === 0 ? `${sign}${h}` : `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function nameToZone(text: string, start: number, source: ZoneSource): ZoneToken | undefined {
  const span = { start, end: start + text.length };
  for (const [pattern, name, offset] of ZONE_NAMES) {
    if (pattern.test(text)) return zoneToken(name, offset, source, span);
  }
  const city = text.replace(/\s+time$/i, '').toLowerCase();
  const offset = CITY_OFFSETS[city];
  if (offset !== undefined) {
    const label = text.replace(/\s+time$/i, '');
    return { name: `${label} Time`, offsetMinutes: offset, source, span };
  }
  return undefined;
}

const ZONE_ANYWHERE = new RegExp(
  [
    '(?:UTC|GMT)\\s?[+\\-−]\\s?\\d{1,2}(?::?\\d{2})?(?![\\d])',
    `\\b(?:${Object.keys(ZONE_ABBREVIATIONS).filter((z) => z.length >= 3).join('|')})\\b`,
    '\\b(?:[Pp]acific|[Ee]astern|[Cc]entral(?: [Ee]uropean)?|[Mm]ountain)(?: [Ss]tandard| [Dd]aylight)? [Tt]ime\\b',
    '\\b[Gg]reenwich [Mm]ean [Tt]ime\\b',
    '\\b(?:[Ww]est|[Ee]ast|[Cc]entral) [Aa]frica(?:n)? [Tt]ime\\b',
    '\\b[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)? [Tt]ime\\b',
  ].join('|'),
  'g',
);

/** Finds every zone mentioned anywhere in `text` (used for headings, summary and `All times in` lines). */
export function findZones(text: string, base: number, source: ZoneSource): ZoneToken[] {
  const found: ZoneToken[] = [];
  ZONE_ANYWHERE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ZONE_ANYWHERE.exec(text)) !== null) {
    const zone = readZoneAt(match[0], base + match.index, source);
    if (zone) found.push(zone);
  }
  return found;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60,
  'twenty-four': 24, 'thirty-six': 36, 'forty-eight': 48, 'seventy-two': 72, 'ninety': 90,
};

export interface DurationToken {
  readonly minutes: number;
  readonly approximate: boolean;
  readonly span: Span;
}

const NUMBER = `(?:\\d{1,4}(?:\\.\\d{1,2})?|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const HOUR_UNIT = '(?:hours?|hrs?|h)';
const MINUTE_UNIT = '(?:minutes?|mins?|m)';
const DAY_UNIT = '(?:days?)';
const DURATION = new RegExp(
  `(?<![\\w.:])(~\\s?|(?:about|around|approximately|approx\\.?|roughly|nearly|almost|over|under|just over|just under|some)\\s{1,2})?` +
    `(?:(${NUMBER})\\s?${DAY_UNIT}(?:,?\\s{1,2}(?:and\\s{1,2})?)?)?` +
    `(?:(${NUMBER})(?:\\s{1,2}and(?:\\s{1,2}a)?\\s{1,2}(half))?\\s?-?${HOUR_UNIT}(?:\\s{1,2}and\\s{1,2}a\\s{1,2}(half))?(?:,?\\s{1,2}(?:and\\s{1,2})?)?)?` +
    `(?:(${NUMBER})\\s?-?${MINUTE_UNIT})?(?![\\w])|(?<![\\w])(half an hour)`,
  'gi',
);

/**
 * Finds durations (`2 hours`, `1h 45m`, `105 minutes`, `~three hours`, `2 and half hours`,
 * `1 hour and 20 minutes`, `half an hour`) in `text`.
 */
export function findDurations(text: string, base = 0): DurationToken[] {
  const found: DurationToken[] = [];
  DURATION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DURATION.exec(text)) !== null) {
    if (match[0].length === 0) {
      DURATION.lastIndex++;
      continue;
    }
    const [whole, approxWord, days, hours, half1, half2, minutes, halfAnHour] = match;
    if (halfAnHour) {
      found.push({ minutes: 30, approximate: false, span: { start: base + match.index, end: base + match.index + whole.length } });
      continue;
    }
    if (days === undefined && hours === undefined && minutes === undefined) continue;
    // A bare "m"/"h" unit needs a digit right before it ("45m"), not a word ("a m").
    if (!/\d\s?(?:h|hrs?|hours?|m|mins?|minutes?|days?)\b/i.test(whole) && !/(?:hours?|minutes?|days?)\b/i.test(whole)) continue;
    const total =
      (days ? numberValue(days) * 1440 : 0) +
      (hours ? numberValue(hours) * 60 + (half1 || half2 ? 30 : 0) : 0) +
      (minutes ? numberValue(minutes) : 0);
    if (!Number.isFinite(total) || total <= 0 && !/^0/.test(whole.trim())) continue;
    const lead = approxWord ? 0 : /^\s*/.exec(whole)![0].length;
    const trimmed = whole.replace(/[,\s]+(?:and)?\s*$/i, '');
    const approximate =
      Boolean(approxWord) || /\b(?:about|around|approx|approximately|roughly|nearly|almost)\s{1,3}$/i.test(text.slice(Math.max(0, match.index - 16), match.index)) ||
      [days, hours, minutes].some((n) => n !== undefined && !/^\d/.test(n)) && !/^(?:a|an|one)$/i.test(hours ?? minutes ?? days ?? '');
    found.push({ minutes: Math.round(total), approximate, span: { start: base + match.index + lead, end: base + match.index + trimmed.length } });
  }
  return found;
}

function numberValue(text: string): number {
  const word = NUMBER_WORDS[text.toLowerCase()];
  return word ?? Number(text);
}
