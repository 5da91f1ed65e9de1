import type { CalendarDate, PostmortemDocument } from '../../model';
import { findDates } from '../../parse/timeTokens';
import type { Finding } from '../findings';
import { relatedPlaces } from '../relatedPlaces';
import { DiagnosticCodes, quote, type Rule } from './rule';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `ambiguous-date`: a numeric date, anywhere outside code, whose day and month can be swapped
 * (`04-12-2022`: 12 April or 4 December). Not reported when another date in the document,
 * written unambiguously, matches one of the two readings.
 */
export const checkAmbiguousDate: Rule = (document) => {
  if (!MAY_HOLD_AMBIGUOUS_DATE.test(document.text)) return [];
  const dates = datesOutsideCode(document);
  const ambiguous = dates.filter((date) => date.ambiguous);
  if (ambiguous.length === 0) return [];
  const settled = dates.filter((date) => !date.ambiguous);
  // One finding per distinct date: the same `04/03/2024` on every entry of a log is one
  // question for the author, asked at its first place, with the other places related.
  const byReading = new Map<string, CalendarDate[]>();
  const seen = new Set<number>();
  for (const date of ambiguous) {
    if (seen.has(date.span.start)) continue;
    seen.add(date.span.start);
    const key = `${date.year ?? ''}-${date.month}-${date.day}`;
    const group = byReading.get(key);
    if (group) group.push(date);
    else byReading.set(key, [date]);
  }
  const findings: Finding[] = [];
  for (const [first, ...repeats] of byReading.values()) {
    const date = first!;
    const swapped = { year: date.year, month: date.day, day: date.month };
    if (settled.some((other) => sameDay(other, date) || sameDay(other, swapped))) continue;
    const also = repeats.length === 0 ? '' : ` (written ${repeats.length + 1} times; each place is listed)`;
    findings.push({
      code: DiagnosticCodes.ambiguousDate,
      severity: 'information',
      span: date.span,
      message: `${quote(document, date.span)} can be read as ${describe(date)} or ${describe(swapped)}${also}; write the month as a word or use YYYY-MM-DD`,
      ...(repeats.length > 0 ? { related: relatedPlaces(repeats, 'the same date again') } : {}),
    });
  }
  return findings;
};

/**
 * What every date the parser reads as ambiguous starts with: one or two digits not preceded
 * by a digit, a `/` or `-`, one or two digits, the same separator, a digit. Most documents
 * have none (ISO dates start with four digits), and one scan for it spares them the scans
 * for every kind of date that the rule needs only once an ambiguous one may be there.
 */
const MAY_HOLD_AMBIGUOUS_DATE = /(?<!\d)\d{1,2}([/-])\d{1,2}\1\d/;

/** Every date written in the document outside code and front matter. */
function datesOutsideCode(document: PostmortemDocument): CalendarDate[] {
  return findDates(document.text).filter((date) => !document.ignoredSpans.some((span) => date.span.start >= span.start && date.span.start < span.end));
}

function sameDay(a: { year?: number; month: number; day: number }, b: { year?: number; month: number; day: number }): boolean {
  return a.month === b.month && a.day === b.day && (a.year === undefined || b.year === undefined || a.year === b.year);
}

function describe(date: { year?: number; month: number; day: number }): string {
  return `${date.day} ${MONTHS[date.month - 1]}${date.year === undefined ? '' : ` ${date.year}`}`;
}
