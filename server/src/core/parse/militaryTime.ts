import type { CalendarDate, ClockTime } from '../model';
import { TakenSpans } from './languageTokens';

/**
 * Military times (`1430`, `0930hrs`, `1430Z`) and the dates written with them (`04-Mar-24`).
 * Four digits alone are too often a year or a count to read as a time, so they are read only
 * with a suffix (`hrs`, `h`, `Z`) or right after such a date; ranges (`from 0233 to 0239`) are
 * read by `findMilitaryRanges`.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DASHED_MONTH_DATE = /(?<![\w-])(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}-(\d{4}|\d{2})(?![\w-])/gi;
const SUFFIXED = /(?<![\w:.,/+\-])([01]\d|2[0-3])([0-5]\d)(?:\s?(?:hrs|hours|hr|h)(?![A-Za-z])|(?=Z(?![A-Za-z])))/g;
const AFTER_DATE = /(?<![\w-])\d{1,2}-[A-Za-z]{3,9}-(?:\d{4}|\d{2}),?\s{1,3}([01]\d|2[0-3])([0-5]\d)(?![\d:.A-Za-z])/g;

/** True when a `-` stands between a digit and a letter (`04-Mar`): where a dashed date may be. */
function mayHoldDashedMonth(text: string): boolean {
  for (let at = text.indexOf('-'); at > 0; at = text.indexOf('-', at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + 1) | 32;
    if (before >= 48 && before <= 57 && after >= 97 && after <= 122) return true;
  }
  return false;
}

/** Four digits, then `h` or `Z` (maybe after a space): what a suffixed military time needs. */
function mayHoldSuffixedMilitary(text: string): boolean {
  return fourDigitsBefore(text, 'h') || fourDigitsBefore(text, 'Z');
}

/**
 * True when a run of exactly four digits stands right before a `suffix` (or one space before it).
 * The native search finds the few suffixes; only the characters before them are looked at.
 */
function fourDigitsBefore(text: string, suffix: string): boolean {
  for (let at = text.indexOf(suffix, 4); at >= 0; at = text.indexOf(suffix, at + 1)) {
    const end = text.charCodeAt(at - 1) === 32 ? at - 1 : at;
    if (end < 4 || (end >= 5 && isDigitCode(text.charCodeAt(end - 5)))) continue;
    if (isDigitCode(text.charCodeAt(end - 1)) && isDigitCode(text.charCodeAt(end - 2)) && isDigitCode(text.charCodeAt(end - 3)) && isDigitCode(text.charCodeAt(end - 4))) return true;
  }
  return false;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function militaryTime(hour: number, minute: number, start: number, end: number): ClockTime {
  return { hour, minute, valid: true, approximate: false, span: { start, end } };
}

/** Adds the military times of `text` that no other scan read, to `found` (unsorted). */
export function addMilitaryTimes(text: string, base: number, found: ClockTime[]): void {
  let match: RegExpExecArray | null;
  let taken: TakenSpans | undefined;
  const add = (start: number, end: number, hour: number, minute: number) => {
    taken ??= new TakenSpans(found);
    if (!taken.free(start, end)) return;
    taken.take(start, end);
    found.push(militaryTime(hour, minute, start, end));
  };
  if (mayHoldSuffixedMilitary(text)) {
    SUFFIXED.lastIndex = 0;
    while ((match = SUFFIXED.exec(text)) !== null) {
      const start = base + match.index;
      const end = start + match[0].length;
      add(start, end, Number(match[1]), Number(match[2]));
    }
  }
  if (mayHoldDashedMonth(text)) {
    AFTER_DATE.lastIndex = 0;
    while ((match = AFTER_DATE.exec(text)) !== null) {
      const start = base + match.index + match[0].length - 4;
      add(start, start + 4, Number(match[1]), Number(match[2]));
    }
  }
}

/** Adds the `04-Mar-24` dates of `text` that no other pass read, to `found` (unsorted). */
export function addDashedMonthDates(text: string, base: number, found: CalendarDate[]): void {
  if (!mayHoldDashedMonth(text)) return;
  let taken: TakenSpans | undefined;
  DASHED_MONTH_DATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DASHED_MONTH_DATE.exec(text)) !== null) {
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
    const day = Number(match[1]);
    const start = base + match.index;
    const end = start + match[0].length;
    taken ??= new TakenSpans(found);
    if (day < 1 || day > 31 || !taken.free(start, end)) continue;
    taken.take(start, end);
    found.push({ year, month, day, span: { start, end } });
  }
}
