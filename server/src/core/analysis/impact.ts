import type { PostmortemDocument, Section, Span } from '../model';
import { findDurations } from '../parse/timeTokens';

/** The impact statement and the measures it gives. */
export interface ImpactStatement {
  /** The statement: an impact section's text, or the summary's impact lines. */
  readonly span: Span;
  /** Where a finding goes: the impact heading's title, or the statement's first line. */
  readonly anchor: Span;
  /** Whether it names who or what was affected (users, customers, requests, orders, sites…). */
  readonly namesAffected: boolean;
  /** The quantities as written: `37%`, `1,200 orders`, `$4,000`, `2 hours`, `half of`. */
  readonly figures: readonly string[];
  readonly quantified: boolean;
}

const AFFECTED = /\b(?:users?|customers?|clients?|visitors?|subscribers?|members?|students?|people|tenants?|accounts?|organi[sz]ations?|merchants?|partners?|requests?|orders?|transactions?|payments?|traffic|sessions?|api calls?|calls?|emails?|messages?|jobs?|builds?|downloads?|employees?|staff|teams?|patients?|players?|buyers?|shoppers?|developers?|user base|audience)\b/i;
const UNITS = '(?:users?|customers?|clients?|visitors?|subscribers?|members?|students?|people|tenants?|accounts?|organi[sz]ations?|merchants?|requests?|orders?|transactions?|payments?|sessions?|calls?|errors?|emails?|messages?|jobs?|builds?|pods?|servers?|nodes?|sites?|websites?|downloads?|tickets?|events?|records?|rows?|queries|pages?|hits?|crates?|repositories|repos|projects?|instances?|machines?|hosts?|domains?|files?|players?|devices?|employees?|teams?|services?|complaints?|reports?|signups?|logins?)';
const FIGURE_PATTERNS: readonly RegExp[] = [
  /(?<![\w.])\d{1,3}(?:[.,]\d{1,3})?\s?(?:%|percent\b|per cent\b)/gi,
  /[$€£¥]\s?\d[\d,]{0,15}(?:\.\d{1,4})?(?:\s?(?:k|m|bn|million|billion|thousand)\b)?|(?<![\w.,])\d[\d,]{0,15}(?:\.\d{1,4})?\s?(?:usd|eur|gbp|dollars|euros)\b/gi,
  new RegExp(`(?<![\\w./:,-])(?:~|about |around |approximately |over |more than |nearly |almost |some )?\\d(?:[\\d,.]{0,15}\\d)?\\s?(?:k|m|million|thousand|hundred)?\\+?\\s(?:[\\w-]{1,20}\\s){0,2}${UNITS}\\b`, 'gi'),
  new RegExp(`\\b(?:(?:tens|hundreds|thousands|millions) of|(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several hundred|a few hundred|a thousand|a hundred)\\s(?:[\\w-]{1,20}\\s){0,1}${UNITS})\\b`, 'gi'),
  /\b(?:half|a third|a quarter|a fifth|one in \w+|\d+ (?:in|out of) \d+|(?:all|every|100%|no) (?:of (?:our|the) )?(?:users?|customers?|clients?|visitors?|requests?|traffic|orders?))\b/gi,
  /\b(?:error rate|failure rate|success rate|latency|p\d{2}|availability|uptime|downtime)\b[^.;\n]{0,40}?\d[\d,.]*\s?(?:%|ms|s\b|seconds?|minutes?)/gi,
];

/** A summary line that states the impact: it says "impact", or that something affected users. */
const IMPACT_LINE = new RegExp(`\\bimpact(?:ed|s)?\\b|\\baffect(?:ed|ing|s)?\\s(?:[\\w%,~-]{1,20}\\s){0,4}${UNITS}\\b`, 'i');

/** A count written right before its unit (`500 users`), unlike a status code before its reason (`500 internal server error`). */
const STATUS_THEN_UNIT = new RegExp(`^\\d+\\s${UNITS}\\b`);

const cache = new WeakMap<PostmortemDocument, ImpactStatement | null>();

/**
 * The document's impact statement: the text of its impact sections, else the summary's lines
 * that speak of impact or of who was affected. Figures are the measures a reviewer asks for:
 * a percentage, a count of something affected, money, an error rate or latency, a duration
 * (of the user-facing impact, as the statement gives it). Undefined when there is no statement.
 */
export function readImpact(document: PostmortemDocument): ImpactStatement | undefined {
  let statement = cache.get(document);
  if (statement === undefined) {
    try {
      statement = read(document) ?? null;
    } catch {
      statement = null;
    }
    cache.set(document, statement);
  }
  return statement ?? undefined;
}

function read(document: PostmortemDocument): ImpactStatement | undefined {
  const text = document.text;
  const impact = document.allSections.filter((section) => section.kinds.includes('impact'));
  if (impact.length > 0) {
    const first = impact[0]!;
    const parts = impact.map((section) => ({ start: section.headingSpan.end, end: contentEnd(section) }));
    const body = parts.map((part) => text.slice(part.start, part.end)).join('\n');
    // A heading that carries its statement (`Impact: 20% of users`) counts too.
    const heading = text.slice(first.titleSpan.start, first.headingSpan.end);
    return statementOf(heading + '\n' + body, { start: first.headingSpan.start, end: parts[parts.length - 1]!.end }, first.titleSpan);
  }
  const summary = document.allSections.find((section) => section.kinds.includes('summary'));
  if (!summary) return undefined;
  const lines: Span[] = [];
  let offset = summary.headingSpan.end;
  const end = Math.min(contentEnd(summary), offset + 20_000);
  while (offset < end) {
    let stop = text.indexOf('\n', offset);
    if (stop < 0 || stop > end) stop = end;
    const line = text.slice(offset, stop);
    if (IMPACT_LINE.test(line) && !document.ignoredSpans.some((span) => span.start <= offset && offset < span.end)) {
      lines.push({ start: offset + (line.length - line.trimStart().length), end: offset + line.trimEnd().length });
    }
    offset = stop + 1;
  }
  if (lines.length === 0) return undefined;
  const body = lines.map((line) => text.slice(line.start, line.end)).join('\n');
  return statementOf(body, { start: lines[0]!.start, end: lines[lines.length - 1]!.end }, lines[0]!);
}

/** The end of a section's own text, before its first sub-section. */
function contentEnd(section: Section): number {
  return section.children[0]?.headingSpan.start ?? section.span.end;
}

function statementOf(body: string, span: Span, anchor: Span): ImpactStatement {
  const figures = impactFigures(body);
  // An unfilled template (`[How many % of the users were affected?]`) names nobody yet.
  const filled = body.replace(/\[[^[\]\n]{0,300}\]/g, ' ');
  return { span, anchor, namesAffected: AFFECTED.test(filled), figures, quantified: figures.length > 0 };
}

/** The measures in `text`, as written, in order, without overlaps. */
export function impactFigures(text: string): string[] {
  const found: { start: number; end: number; text: string }[] = [];
  const add = (start: number, end: number) => {
    if (found.some((f) => f.start < end && start < f.end)) return;
    found.push({ start, end, text: text.slice(start, end).trim() });
  };
  for (const pattern of FIGURE_PATTERNS) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      // `502 Bad Gateway errors`, `500 internal server error`: a status code, not a count.
      if (/^[45]\d\d\s+[A-Z]/.test(match[0]) || (/^[45]\d\d\s+[a-z]/.test(match[0]) && !STATUS_THEN_UNIT.test(match[0]))) continue;
      add(match.index, match.index + match[0].length);
    }
  }
  for (const duration of findDurations(text)) {
    if (duration.minutes > 0) add(duration.span.start, duration.span.end);
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.text.replace(/\s+/g, ' '));
}
