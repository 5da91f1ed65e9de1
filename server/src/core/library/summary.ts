import type { PostmortemDocument, Section } from '../model';
import { defaultOptions, type PostmortemOptions } from '../options';
import { checkDocument } from '../analysis/check';
import { looksLikePostmortem as documentLooksLikePostmortem } from '../analysis/detect';
import { computeMetrics } from '../analysis/metrics';
import { daysBetween } from '../analysis/reviewClock';
import { isoOf } from '../parse/actionFields';
import { readActionItems } from '../parse/actionItems';
import { parsePostmortem } from '../parse/parser';
import { findDates } from '../parse/timeTokens';
import { LineIndex } from '../text/lineIndex';

/** One action item of a postmortem, as the library lists it. */
export interface ActionItemSummary {
  /** What is to be done, without list markers or field annotations. */
  readonly text: string;
  /** Zero-based line of the item in its document. */
  readonly line: number;
  readonly owner?: string;
  /** The due date as `YYYY-MM-DD`, when it can be read as a whole date. */
  readonly due?: string;
  readonly ticket?: string;
  /**
   * `done` when the document marks it done; `overdue` when it is not marked done and its due
   * date is before today; else `open` (an item whose state is not written counts as open, as
   * for the `action-item-overdue` check).
   */
  readonly state: 'open' | 'done' | 'overdue';
}

/** Counts of a document's findings by severity. */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}

/**
 * What the incident library keeps of one postmortem: enough for lists, statistics and related
 * incidents, and none of the document's text beyond its title and search terms. Every duration is
 * in minutes; `undefined` means unknown (never 0 for unknown).
 */
export interface PostmortemSummary {
  /** As the caller gave it (a file URI or a path). */
  readonly uri: string;
  /** The title heading or title line, else the file name. */
  readonly title: string;
  /** Zero-based line of the title (0 when it comes from the file name). */
  readonly titleLine: number;
  /** Incident day `YYYY-MM-DD`: the stated start, else the first dated timeline entry, else a `Date:` line, else a date in the file name. */
  readonly date?: string;
  /** Normalised severity when stated: `SEV1`, `P2`, or the word written (`Critical`). */
  readonly severity?: string;
  /** Services or components named on a `Services:`/`Affected services:`/`Components:` line, lower-cased. */
  readonly services: readonly string[];
  /** The stated duration, else total impact (ended − started); unknown when neither can be read. */
  readonly durationMinutes?: number;
  /** Time to detect (detected − started), as the hover defines it. */
  readonly ttdMinutes?: number;
  /** Time to mitigate (mitigated − started). */
  readonly ttmMinutes?: number;
  /** Time to resolve (resolved − started). */
  readonly ttrMinutes?: number;
  readonly actionItems: readonly ActionItemSummary[];
  readonly findings: FindingCounts;
  /** Every section heading, in document order, with its zero-based line. */
  readonly sections: readonly { readonly title: string; readonly kind: string; readonly line: number }[];
  /** Lower-cased words of the title, summary and root cause (stop words left out), for related-incident search. */
  readonly terms: readonly string[];
}

/** How to summarise: the day overdue is judged against, and the analysis options. */
export interface SummaryOptions extends Partial<PostmortemOptions> {
  /** `YYYY-MM-DD`: items due before this day and not done are overdue. */
  readonly today: string;
  /** Run the checks to count findings (default true); the counts are all 0 when false. */
  readonly countFindings?: boolean;
  /** Collect the search terms of related incidents (default true); none when false. */
  readonly searchTerms?: boolean;
}

const noFindings: FindingCounts = Object.freeze({ errors: 0, warnings: 0, information: 0, hints: 0 });

/**
 * Summarises one postmortem's text. Pure and total: a document without a title, dates or
 * timeline gives a summary with those fields unknown. Uses the same analysis as the editor:
 * the metrics of the hover, the action items of the review, the findings of the checks.
 */
export function summarizePostmortem(uri: string, text: string, options: SummaryOptions): PostmortemSummary {
  return summarizeDocument(uri, parsePostmortem(text), options);
}

/** {@link summarizePostmortem} for a document already parsed (the server keeps one parse per version). */
export function summarizeDocument(uri: string, document: PostmortemDocument, options: SummaryOptions): PostmortemSummary {
  const analysis: PostmortemOptions = { ...defaultOptions, ...options, 'review.today': options.today };
  const lines = new LineIndex(document.text);
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const head = headLines(document.text);
  const titleSection = findTitleSection(document);
  const metrics = computeMetrics(document);
  const actions = readActionItems(document);

  const known = (minutes: number | undefined) => (minutes !== undefined && Number.isFinite(minutes) && minutes >= 0 ? minutes : undefined);
  // Total impact is 0 when the only timed entry is both start and end: that is not a measure.
  const impact = metrics.ended && metrics.started && metrics.ended.point !== metrics.started.point ? known(metrics.totalImpact) : undefined;
  const stated = document.window.statedDurationMinutes;
  const duration = stated !== undefined && stated > 0 ? stated : impact !== undefined && impact > 0 ? impact : undefined;

  const date = actions.incidentDay ?? labelledDate(head) ?? fileNameDate(uri);
  const severity = readSeverity(head, titleSection?.title);
  const services = readServices(head);

  return {
    uri,
    ...readTitle(document, titleSection, uri, lineOf),
    ...(date !== undefined ? { date } : {}),
    ...(severity !== undefined ? { severity } : {}),
    services,
    ...(duration !== undefined ? { durationMinutes: duration } : {}),
    ...optional('ttdMinutes', known(metrics.timeToDetect)),
    ...optional('ttmMinutes', known(metrics.timeToMitigate)),
    ...optional('ttrMinutes', known(metrics.timeToResolve)),
    actionItems: actions.items.map((item) => {
      const due = item.due?.iso;
      const state = item.done === true ? 'done' : due !== undefined && daysBetween(due, options.today) > 0 ? 'overdue' : 'open';
      return {
        text: item.text,
        line: lineOf(item.lineSpan.start),
        ...(item.owner ? { owner: item.owner.text } : {}),
        ...(due !== undefined ? { due } : {}),
        ...(item.ticket ? { ticket: item.ticket.id } : {}),
        state,
      };
    }),
    findings: options.countFindings === false ? noFindings : countFindings(document, analysis),
    sections: document.allSections.map((section) => ({ title: section.title, kind: section.kind, line: lineOf(section.headingSpan.start) })),
    terms: options.searchTerms === false ? [] : searchTerms(document, titleSection),
  };
}

/**
 * Whether a Markdown or plain-text file's content looks like a postmortem (the editor's rule:
 * two recognised section kinds, one of them timeline or summary).
 */
export function looksLikePostmortem(text: string): boolean {
  return documentLooksLikePostmortem(parsePostmortem(text));
}

/** The title heading, or a first level-1 heading that names no known section. */
function findTitleSection(document: PostmortemDocument): Section | undefined {
  const first = document.allSections[0];
  return document.allSections.find((section) => section.kind === 'title') ?? (first && first.level === 1 && first.kind === 'other' ? first : undefined);
}

/** Front matter `title:`, else the title heading, else a short first line above every heading, else the file name. */
function readTitle(document: PostmortemDocument, titleSection: Section | undefined, uri: string, lineOf: (offset: number) => number): { title: string; titleLine: number } {
  const text = document.text;
  // YAML (`---`) or TOML (`+++`) front matter.
  const frontMatter = /^(---|\+\+\+)\r?\n([\s\S]{0,4000}?)\r?\n\1/.exec(text);
  const fromFrontMatter = frontMatter && /^title[ \t]*[:=][ \t]*(.+)$/m.exec(frontMatter[2]!);
  if (fromFrontMatter) {
    const title = fromFrontMatter[1]!.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
    if (title !== '') return { title, titleLine: lineOf(frontMatter![0].indexOf(frontMatter![2]!) + fromFrontMatter.index) };
  }
  if (titleSection && titleSection.title !== '') return { title: titleSection.title, titleLine: lineOf(titleSection.titleSpan.start) };
  const firstHeading = document.allSections[0]?.headingSpan.start ?? text.length;
  const line = /^[ \t]*(\S[^\r\n]*)/m.exec(text.slice(0, Math.min(firstHeading, 2000)));
  if (line && !document.ignoredSpans.some((span) => span.start <= line.index && line.index < span.end)) {
    const title = line[1]!.replace(/[*_#<>]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (/\p{L}/u.test(title) && title.length <= 120) return { title, titleLine: lineOf(line.index) };
  }
  return { title: fileTitle(uri), titleLine: 0 };
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

function countFindings(document: PostmortemDocument, options: PostmortemOptions): FindingCounts {
  const counts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const finding of checkDocument(document, options)) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else if (finding.severity === 'information') counts.information++;
    else counts.hints++;
  }
  return counts;
}

/** The first lines of a document: where front matter, `Severity:` and `Services:` lines stand. */
function headLines(text: string): string[] {
  return text.slice(0, 6000).split(/\r\n|\r|\n/, 80);
}

/** `Label: value`, `**Label:** value`, `| Label | value |`, `label: value` in front matter. */
function labelledValue(lines: readonly string[], label: RegExp): string | undefined {
  for (const line of lines) {
    const match = label.exec(line);
    if (!match) continue;
    const value = withoutTrailingMarkup(line.slice(match.index + match[0].length).replace(/^[\s*_:|]+/, '')).trim();
    if (value !== '') return value;
  }
  return undefined;
}

/** Drops closing emphasis, table pipes and white space from the end; a loop, as `/[\s*_|]+$/` retries from every start and is quadratic on a long run of them. */
function withoutTrailingMarkup(value: string): string {
  let end = value.length;
  while (end > 0 && /[\s*_|]/.test(value.charAt(end - 1))) end--;
  return value.slice(0, end);
}

const SEVERITY_LABEL = /^[\s#>*_|-]*(?:incident\s+)?(?:severity|sev(?:erity)?\s*level|sev|priority)\s*(?:[*_]{0,2})\s*[:|]/i;
const SEVERITY_VALUE = /\b(?:sev(?:erity)?[\s-]?([0-5])|s([0-5])|p([0-5]))\b/i;
const SEVERITY_WORDS = /\b(critical|major|minor|high|medium|low|moderate|severe|down|disrupted|degraded(?:[- ]performance)?|outage)\b/i;

/** `SEV1` for `Sev 1`, `sev-1`, `S1`; `P2` for `P2 (High)`; else the severity word, capitalised. */
export function normaliseSeverity(value: string): string | undefined {
  const number = SEVERITY_VALUE.exec(value);
  if (number) return number[3] !== undefined ? `P${number[3]}` : `SEV${number[1] ?? number[2]}`;
  const word = SEVERITY_WORDS.exec(value);
  if (word) return word[1]!.charAt(0).toUpperCase() + word[1]!.slice(1).toLowerCase();
  return undefined;
}

function readSeverity(head: readonly string[], title: string | undefined): string | undefined {
  const labelled = labelledValue(head, SEVERITY_LABEL);
  if (labelled !== undefined) {
    const severity = normaliseSeverity(labelled);
    if (severity) return severity;
  }
  // A title that names it: "SEV1: checkout outage".
  const inTitle = title ? /\bsev[\s-]?([0-5])\b/i.exec(title) : null;
  return inTitle ? `SEV${inTitle[1]}` : undefined;
}

const SERVICES_LABEL = /^[\s#>*_|-]*(?:(?:affected|impacted)\s+)?(?:services?|components?|systems?)(?:\s+(?:affected|impacted|involved))?\s*(?:[*_]{0,2})\s*[:|]/i;

function readServices(head: readonly string[]): string[] {
  const value = labelledValue(head, SERVICES_LABEL);
  if (value === undefined) return [];
  const services = value
    .replace(/^\[|\]$/g, '')
    // White space around the separators is trimmed from each name: `\s*` on both sides of the split retried from every space of a long run.
    .split(/,|;|\band\b|\/|\|/i)
    .map((name) => name.replace(/[`*_"']/g, '').trim().toLowerCase())
    .filter((name) => name !== '' && name.length <= 60 && !/^(?:none|n\/a|tbd|unknown)$/.test(name));
  return [...new Set(services)].slice(0, 20);
}

const DATE_LABEL = /^[\s#>*_|-]*(?:incident\s+)?(?:date|occurred(?:\s+on)?|when)\s*(?:[*_]{0,2})\s*[:|]/i;

function labelledDate(head: readonly string[]): string | undefined {
  const value = labelledValue(head, DATE_LABEL);
  if (value === undefined) return undefined;
  const date = findDates(value).find((found) => found.year !== undefined && !found.ambiguous);
  return date ? isoOf(date.year!, date.month, date.day) : undefined;
}

/** The last path segment of a URI or path, decoded when it can be. */
function baseName(uri: string): string {
  const name = uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `2024-08-15` of `postmortems/2024-08-15-checkout.md`. */
function fileNameDate(uri: string): string | undefined {
  const match = /(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)/.exec(baseName(uri));
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDay(iso) ? iso : undefined;
}

function fileTitle(uri: string): string {
  return baseName(uri).replace(/\.[^.]*$/, '') || uri;
}

/** Words too common to tell incidents apart. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each ' +
    'few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out ' +
    'over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while ' +
    'who whom why will with would you your yours incident incidents issue issues postmortem summary root cause causes caused outage time minutes minute hours hour utc am pm ' +
    'started began also one two three every day days new long went many much made make still another around via using used due owner status done open ' +
    'failed failing failure failures error errors problem problems service services system systems users user'
  ).split(' '),
);

/** Terms kept per document: enough for similarity, bounded so 10,000 summaries stay small. */
const MAX_TERMS = 300;

function searchTerms(document: PostmortemDocument, titleSection: Section | undefined): string[] {
  const text = document.text;
  const parts: string[] = [];
  if (titleSection) parts.push(titleSection.title);
  for (const section of document.allSections) {
    if (section.kinds.includes('summary') || section.kinds.includes('root-cause')) parts.push(text.slice(section.headingSpan.start, Math.min(section.span.end, section.headingSpan.start + 4000)));
  }
  const terms: string[] = [];
  for (const part of parts) {
    for (const word of part.toLowerCase().match(/[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*/g) ?? []) {
      if (word.length < 3 || STOP_WORDS.has(word)) continue;
      terms.push(word);
      if (terms.length >= MAX_TERMS) return terms;
    }
  }
  return terms;
}

/** Whether `day` is a `YYYY-MM-DD` date that exists. */
export function isIsoDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}
