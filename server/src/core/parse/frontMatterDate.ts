import type { CalendarDate, Span } from '../model';
import { linesIn, type Line } from './lines';

// `date: 2019-03-30 20:03:00`, `started_at: "2024-03-04T09:12:00Z"`: a key, then an ISO date and
// time. A date alone (`date: 2023-09-08`) is most often the day the report was published.
export const STAMPED_KEY = /^\s*["']?([A-Za-z][\w-]{0,30})["']?\s*:\s*["']?(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/;
/** Keys that date the end or an edit, not the incident: `resolved_on`, `resolvedWhen`, `updated`. */
const NOT_THE_START = /resol|end|finish|clos|updat|modif|review|publish|due|expir/i;
/** Keys that say when the incident started: preferred over a plain `date`. */
export const THE_START = /^(?:start|started|start(?:ed)?_?(?:at|on|time|date)|began|incident_?(?:date|start)|occurred(?:_?at)?)$/i;

/**
 * The lines of the front matter the document opens with (the `---` block, its fences included),
 * or none. Read once by the parser for the date, the zone and the window the front matter gives.
 */
export function frontMatterLines(text: string, lines: readonly Line[], ignoredSpans: readonly Span[]): readonly Line[] {
  const frontMatter = ignoredSpans[0];
  if (!frontMatter || !/^\s*---/.test(text.slice(frontMatter.start, frontMatter.start + 8))) return [];
  return linesIn(lines, frontMatter);
}

/**
 * The date the front matter gives the incident (`date: 2019-03-30 20:03:00`,
 * `started_at: 2024-03-04T09:12:00Z`): the date of a timeline that writes only times, when
 * nothing else in the document dates it. A start key wins over `date`; keys of the end, of
 * edits or reviews are not read.
 */
export function readFrontMatterDate(frontMatter: readonly Line[]): CalendarDate | undefined {
  let found: CalendarDate | undefined;
  for (const line of frontMatter) {
    const match = STAMPED_KEY.exec(line.text);
    if (!match || NOT_THE_START.test(match[1]!)) continue;
    const at = line.text.indexOf(match[2]!, match[1]!.length);
    const date: CalendarDate = { year: Number(match[2]), month: Number(match[3]), day: Number(match[4]), span: { start: line.start + at, end: line.start + at + 10 } };
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) continue;
    if (THE_START.test(match[1]!)) return date;
    found ??= date;
  }
  return found;
}
