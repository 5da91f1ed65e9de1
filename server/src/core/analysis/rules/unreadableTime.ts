import type { PostmortemDocument, Span } from '../../model';
import { nextLineStart } from '../../edits/textEdits';
import type { Finding, Severity } from '../findings';
import { DiagnosticCodes, type Rule } from './rule';

/**
 * Markup an entry line may start with: quote, bullet, number, checkbox, bold/italic, heading
 * marks. Sticky, read in place at a line's start: nothing in it matches a line break, so it
 * never runs into the next line.
 */
const LEAD = /[ \t]*(?:>[ \t]*)?(?:#{1,6}[ \t]+)?(?:(?:[-*+•·–][ \t]*|\d{1,3}[.)][ \t]+)(?:\[[ xX]\][ \t]*)?)?[*_`]{0,3}/y;

/** Placeholders a template leaves where the time goes. */
const PLACEHOLDER = /^(?:\[\s*(?:time|timestamp|hh:mm|date(?:\s*(?:&|and|\/)\s*time)?|x{1,2}:x{2})\s*\]|<\s*(?:time|timestamp|hh:mm)\s*>|\{\{\s*time\s*\}\}|hh:mm(?::ss)?|xx:xx|\?\?:\?\?)(?![\w])/i;

/**
 * Times written in a way no reader can be sure of, each with what is wrong. Military times
 * (`0233 UTC`) count only with a zone or `hrs` after them, so years and counts stay out.
 */
const MALFORMED: readonly (readonly [RegExp, string])[] = [
  [/^\d{1,2}:\d(?![\d:])(?:\s?[ap]\.?m\.?)?/i, 'the minutes need two digits'],
  [/^\d{1,2}:\d{3,}/, 'the minutes have more than two digits'],
  [/^\d{1,2}\s?;\s?\d{2}(?!\d)(?:\s?[ap]\.?m\.?)?/i, 'a semicolon separates hours and minutes'],
  [/^\d{1,2}h\d{2}(?!\d)/i, 'hours and minutes are separated by "h"'],
  [/^[0-2]\d[0-5]\d(?=\s?(?:hrs?|hours|Z|UTC|GMT)\b)/, 'a four-digit military time is not read as a clock time'],
];

/**
 * `unreadable-time`: a line in the timeline that is laid out as an entry (a bullet or a line
 * starting with what should be its time) but whose time cannot be read, so the entry takes
 * no part in ordering, durations or metrics. Template placeholders (`[Time]`, `HH:MM`) are
 * information; malformed times (`10:5`, `10;30`, `0233 hrs`) are warnings.
 */
export const checkUnreadableTime: Rule = (document) => {
  const findings: Finding[] = [];
  const text = document.text;
  const entryStarts = sortedEntryStarts(document);
  for (const region of timelineRegions(document)) {
    const lineEndAt = lineEndFinder(text);
    // Lines are visited in order: the next entry start at or after the line is a moving index.
    let nextEntry = firstAtOrAfter(entryStarts, region.start);
    for (let offset = region.start, end = 0; offset < region.end; offset = afterLineBreak(text, end)) {
      end = lineEndAt(offset);
      while (nextEntry < entryStarts.length && entryStarts[nextEntry]! < offset) nextEntry++;
      if (entryStarts[nextEntry] === offset || document.ignoredSpans.some((s) => offset >= s.start && offset < s.end)) continue;
      LEAD.lastIndex = offset;
      const lead = LEAD.exec(text)![0].length;
      if (!mayStartProblem(text, offset + lead, end)) continue;
      const problem = readProblem(text.slice(offset + lead, end));
      if (problem) {
        const span = { start: offset + lead, end: offset + lead + problem.length };
        findings.push({
          code: DiagnosticCodes.unreadableTime,
          severity: problem.severity,
          span,
          message: problem.message(text.slice(span.start, span.end)),
        });
      }
    }
  }
  return findings;
};

/** Where each timeline entry's line starts, in increasing order. */
function sortedEntryStarts(document: PostmortemDocument): Float64Array {
  const entries = document.timeline.entries;
  const starts = new Float64Array(entries.length);
  let sorted = true;
  for (let i = 0; i < entries.length; i++) {
    starts[i] = entries[i]!.lineSpan.start;
    if (i > 0 && starts[i]! < starts[i - 1]!) sorted = false;
  }
  return sorted ? starts : starts.sort();
}

/** The index of the first value at or after `offset` in increasing `values` (their length if none). */
function firstAtOrAfter(values: Float64Array, offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `lineEndOf` for offsets asked in increasing order, found with the engine's string search
 * for the next `\n` and the next `\r` instead of a look at every character of every line.
 */
function lineEndFinder(text: string): (offset: number) => number {
  // The first `\n` (`\r`) at or after the last offset asked; the text length when none is left.
  let nextLineFeed = -1;
  let nextCarriageReturn = -1;
  return (offset) => {
    if (nextLineFeed < offset) {
      nextLineFeed = text.indexOf('\n', offset);
      if (nextLineFeed < 0) nextLineFeed = text.length;
    }
    if (nextCarriageReturn < offset) {
      nextCarriageReturn = text.indexOf('\r', offset);
      if (nextCarriageReturn < 0) nextCarriageReturn = text.length;
    }
    return Math.min(nextLineFeed, nextCarriageReturn);
  };
}

/** Offset after the line break at `lineEnd` (the text length when the text ends there). */
function afterLineBreak(text: string, lineEnd: number): number {
  if (lineEnd >= text.length) return text.length;
  return text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
}

/**
 * Whether the text after an entry line's markup can start a placeholder or a malformed time:
 * every pattern of {@link readProblem} starts with a digit, `[`, `<`, `{`, `?`, `h` or `x`.
 * Most lines of a timeline start otherwise and skip the patterns.
 */
function mayStartProblem(text: string, start: number, lineEnd: number): boolean {
  if (start >= lineEnd) return false;
  const c = text.charCodeAt(start);
  if (c >= 0x30 && c <= 0x39) return true;
  return c === 0x5b || c === 0x3c || c === 0x7b || c === 0x3f || (c | 0x20) === 0x68 || (c | 0x20) === 0x78;
}

interface Problem {
  readonly length: number;
  readonly severity: Severity;
  readonly message: (written: string) => string;
}

function readProblem(rest: string): Problem | undefined {
  const placeholder = PLACEHOLDER.exec(rest);
  if (placeholder) {
    return {
      length: placeholder[0].length,
      severity: 'information',
      message: (written) => `${written} is a placeholder; this entry has no time yet`,
    };
  }
  for (const [pattern, why] of MALFORMED) {
    const match = pattern.exec(rest);
    if (match) {
      return {
        length: match[0].trimEnd().length,
        severity: 'warning',
        message: (written) => `${written} cannot be read as a time (${why}), so this entry is left out of the timeline checks`,
      };
    }
  }
  return undefined;
}

/** The body of each timeline section (below its heading), outermost sections only. */
function timelineRegions(document: PostmortemDocument): Span[] {
  const timelines = document.allSections.filter((section) => section.kinds.includes('timeline'));
  return timelines
    .filter((section) => !timelines.some((outer) => outer !== section && outer.span.start <= section.span.start && section.span.end <= outer.span.end))
    .map((section) => ({ start: nextLineStart(document.text, section.headingSpan.end), end: section.span.end }))
    .filter((span) => span.start < span.end);
}
