import type { HeadingStyle, SectionKind, Span } from '../model';
import { firstNonSpace, indentWidth, isBlank, type Line } from './lines';
import { kindsOfTitle } from './sectionKinds';
import { isDigitCode, readClockTimeAt } from './timeTokens';
import { startsWithForeignDate } from './languageTokens';

/** A line (or two, for setext) that reads as a section heading. */
export interface HeadingCandidate {
  readonly line: number;
  /** Number of lines the heading occupies (2 for setext). */
  readonly lineCount: number;
  readonly style: HeadingStyle;
  /** ATX/HTML/setext level; undefined for styles whose level depends on context. */
  readonly rawLevel?: number;
  readonly title: string;
  readonly titleSpan: Span;
  readonly headingSpan: Span;
  readonly kinds: SectionKind[];
  /** The heading line ends in a colon (`SECURITY EXPOSURE:`), a lighter variant of its style. */
  readonly endsWithColon: boolean;
  /** The title begins with a time or date (`### 10:42 PM`, `### 2022-06-02`): an entry, not a section. */
  readonly timeLed: boolean;
}

const MAX_HEADING_LENGTH = 400;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|(?=[A-Za-z*_<]))(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*(?:<br\s*\/?>)?\s*$/i;
const HTML_BOLD = /^\s*<(b|strong)>(.*?)<\/\1>\s*(?:<br\s*\/?>\s*)*$/i;
const BOLD_LINE = /^\s{0,3}(?:\*\*|__)([^*_].*?)(?:\*\*|__)\s*(:?)\s*$/;
const LABEL_LINE = /^\s{0,3}([\p{L}][\p{L}\p{N} /&'’()\-,?;]{0,70}?)\s*:\s*$/u;
const LIST_ITEM = /^\s*(?:[-*+•·]\s|\d{1,3}[.)]\s)/;
const SHELL_COMMAND =
  /^\s*(?:sudo|apt(?:-get)?|service|systemctl|echo|sed|cat|cd|ls|chmod|chown|mkdir|rm|cp|mv|curl|wget|grep|if|fi|then|else|done|for|while|exit|export|nginx|puppet|ln|kill|pkill|docker|kubectl|npm|pip|git|ufw|iptables|mysql|source|set|printf|touch|tee)\b|&&|\|\s*(?:grep|awk|sed|sort|head|tail|wc|xargs|tee|less|cut|uniq|jq|bash|sh)\b|\\\s*$|^\s*\$\s/;

/**
 * Strips markup and decoration from heading text. Returns the clean title, where its raw text
 * starts inside `raw` (`offset`) and how long that raw text is (`rawLength`, markup inside kept).
 */
function cleanHeadingText(raw: string): { title: string; offset: number; rawLength: number } {
  let text = raw;
  let offset = 0;
  const stripLead = (pattern: RegExp) => {
    const m = pattern.exec(text);
    if (m && m[0].length > 0) {
      offset += m[0].length;
      text = text.slice(m[0].length);
      return true;
    }
    return false;
  };
  // Leading markup, HTML tags and emoji (with joiners and variation selectors).
  while (stripLead(/^(?:\s+|\*\*|__|[*_`]|<[^>]{0,200}>|[\p{Extended_Pictographic}\u200d\ufe0f\u20e3]+)/u)) {
    /* keep stripping */
  }
  // Trailing decoration: emoji and kaomoji ("(╯°□°)╯︵ ┻━┻", "¯\_(ツ)_/¯") are words with no
  // ASCII letter or digit and no two letters in a row (Japanese titles have them: "概要").
  // Only suffixes are cut, so the title's raw extent stays a prefix of `text`.
  let end = text.length;
  for (;;) {
    let wordEnd = end;
    while (wordEnd > 0 && /\s/.test(text[wordEnd - 1]!)) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > 0 && !/\s/.test(text[wordStart - 1]!)) wordStart--;
    if (wordStart === 0 || /[A-Za-z0-9]|[\p{L}\p{N}]{2}/u.test(text.slice(wordStart, wordEnd))) break;
    end = wordStart;
  }
  text = text
    .slice(0, end)
    .replace(/(?:<[^>]{0,200}>|\s|[*_`]|[\p{Extended_Pictographic}\u200d\ufe0f])*$/u, '')
    .replace(/[\s:]+$/, '')
    .replace(/(?:\*\*|__)\s*:?$/, '')
    .replace(/[\s:]+$/, '');
  // Remove inline markup inside the title ("**ISSUE SUMMARY:**" leaves "ISSUE SUMMARY").
  const title = text.replace(/\*\*|__|<[^>]{0,200}>/g, '').replace(/\s+/g, ' ').trim().replace(/:$/, '');
  return { title, offset, rawLength: text.length };
}

/** Up to three spaces, then `#`: where an ATX heading can start. */
function opensWithHash(text: string): boolean {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  return text.charCodeAt(i) === 35;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 9) return false;
  const small = /^(?:a|an|and|as|at|but|by|for|from|in|into|of|on|or|the|to|vs\.?|with|our|we|it|is|was|did|how|what|why)$/i;
  if (!/^[\p{Lu}\d]/u.test(words[0]!)) return false;
  return words.every((w) => small.test(w) || /^[\p{Lu}\d("'“]/u.test(w));
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  // Letters without case (Japanese) make no line all caps: "コン [SHINTRANET-MAIN] の背部" is prose.
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && !/\p{Lo}/u.test(letters);
}

const WEEKDAY_AT = /(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/iy;
const DATE_AT = new RegExp(
  `\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s)?(?:${'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec'})|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s{1,3}\\d{1,2}(?!\\d|:)`,
  'iy',
);

/** True when the text opens with a time or a date (after markup and a weekday): `10:42 PM`, `2022-06-02`. */
function startsWithTimeOrDate(text: string): boolean {
  let i = 0;
  while (i < text.length && ' \t~*_>|-'.includes(text[i]!)) i++;
  WEEKDAY_AT.lastIndex = i;
  if (WEEKDAY_AT.test(text)) i = WEEKDAY_AT.lastIndex;
  if (i > 0 && text[i - 1] === '~') i--;
  if (readClockTimeAt(text, i) !== undefined) return true;
  DATE_AT.lastIndex = i;
  return DATE_AT.test(text) || startsWithForeignDate(text, i);
}

function inShellBlock(lines: readonly Line[], index: number): boolean {
  const line = lines[index]!.text;
  if (/^\s*#!/.test(line)) return true;
  for (const neighbour of [index - 1, index + 1]) {
    const other = lines[neighbour];
    if (!other || isBlank(other) || other.ignored || /^\s*\|/.test(other.text)) continue;
    if (SHELL_COMMAND.test(other.text) || /^\s*#!/.test(other.text)) return true;
  }
  return false;
}

/**
 * Reads the heading candidate on `lines[index]`, if any. `previousIsHeadingOrBlank` tells whether
 * the line starts a block (bare headings must).
 */
export function readHeading(lines: readonly Line[], index: number, isFirstContentLine: boolean): HeadingCandidate | undefined {
  const line = lines[index]!;
  // No real heading runs past a few hundred characters; the bound also keeps every pattern
  // below linear on adversarial megabyte lines.
  if (line.ignored || line.text.length > MAX_HEADING_LENGTH || isBlank(line)) return undefined;
  const text = line.text;
  const make = (style: HeadingStyle, rawLevel: number | undefined, rawTitle: string, rawTitleStart: number, lineCount = 1): HeadingCandidate | undefined => {
    const { title, offset, rawLength } = cleanHeadingText(rawTitle);
    if (title.length === 0) return undefined;
    const titleStart = line.start + rawTitleStart + offset;
    const lastLine = lines[index + lineCount - 1]!;
    return {
      line: index,
      lineCount,
      style,
      ...(rawLevel !== undefined ? { rawLevel } : {}),
      title,
      titleSpan: { start: titleStart, end: Math.min(line.end, titleStart + rawLength) },
      headingSpan: { start: line.start, end: lastLine.end },
      kinds: kindsOfTitle(title),
      endsWithColon: /:\s*(?:\*\*|__)?\s*$/.test(line.text.slice(0, 400)),
      timeLed: startsWithTimeOrDate(title),
    };
  };

  // Each style needs its own first character; lines that cannot be one skip its pattern.
  const atx = opensWithHash(text) ? ATX.exec(text) : null;
  if (atx) {
    const hashes = atx[1]!;
    const spaced = /^ {0,3}#{1,6}[ \t]/.test(text) || /^ {0,3}#{1,6}$/.test(text.trimEnd());
    if (inShellBlock(lines, index)) return undefined;
    const body = atx[2] ?? '';
    const bodyStart = text.indexOf(body, text.indexOf(hashes) + hashes.length);
    const candidate = make('atx', hashes.length, body, bodyStart < 0 ? 0 : bodyStart);
    if (!candidate) return undefined;
    // `#Title` without a space is not CommonMark, but authors mean a heading when the text reads like one.
    if (!spaced && !(candidate.kinds[0] !== 'other' || isAllCaps(candidate.title) || isTitleCase(candidate.title) || isFirstContentLine)) return undefined;
    return candidate;
  }
  if (text[firstNonSpace(text)] === '|') return undefined;

  const mayBeHtml = text.includes('<');
  const html = mayBeHtml ? HTML_HEADING.exec(text) : null;
  if (html) return make('html', Number(html[1]), html[2]!, text.indexOf(html[2]!));
  const htmlBold = mayBeHtml ? HTML_BOLD.exec(text) : null;
  if (htmlBold) return make('html', undefined, htmlBold[2]!, text.indexOf(htmlBold[2]!));

  const next = lines[index + 1];
  if (next && !next.ignored && SETEXT_UNDERLINE.test(next.text) && !LIST_ITEM.test(text) && (isBlank(lines[index - 1]) || SETEXT_UNDERLINE.test(lines[index - 1]!.text))) {
    const underline = SETEXT_UNDERLINE.exec(next.text)![1]!;
    const trimmed = text.trim();
    const headingLike = trimmed.length <= 80 && !/[.,;]$/.test(trimmed);
    if (underline.length >= 3 && headingLike && !startsWithTimeOrDate(trimmed)) {
      return make('setext', underline[0] === '=' ? 1 : 2, text, 0, 2);
    }
  }
  // A numbered line ("1. SILOED DETECTION") may still be a heading; other list items are not.
  if (LIST_ITEM.test(text) && !(isDigitCode(text.charCodeAt(firstNonSpace(text))) && /^\s*\d{1,3}[.)]\s+[\p{Lu}\p{Lo}]/u.test(text))) return undefined;
  if (indentWidth(text) >= 4 && !isAllCaps(text)) return undefined;
  if (startsWithTimeOrDate(text)) return undefined;

  const bold = BOLD_LINE.exec(text);
  if (bold) {
    const inner = bold[1]!;
    if (inner.split(/\s+/).length <= 12 && !/[.!]$/.test(inner.trim())) return make('bold', undefined, inner, text.indexOf(inner));
    return undefined;
  }
  const trimmed = text.trim();
  if (trimmed.length > 90) return undefined;

  const label = LABEL_LINE.exec(text);
  if (label) {
    const candidate = make(isAllCaps(label[1]!) ? 'caps' : 'label', undefined, label[1]!, text.indexOf(label[1]!));
    if (!candidate) return undefined;
    if (candidate.kinds[0] !== 'other' || isAllCaps(candidate.title) || isTitleCase(candidate.title) || isFirstContentLine) return candidate;
    return undefined;
  }
  if (isAllCaps(trimmed) && trimmed.split(/\s+/).length <= 10 && !/[.!,;]$/.test(trimmed) && !/https?:|\w\.\w/.test(trimmed)) {
    // An all-caps "LABEL: value" line is a field, not a heading, unless it opens the document.
    const fieldLike = /:\s*\S/.test(trimmed) && !isFirstContentLine;
    if (!fieldLike) return make('caps', undefined, trimmed.replace(/:.*$/, isFirstContentLine ? '$&' : ''), text.indexOf(trimmed));
  }
  // TL;DR-style labels that carry their text on the same line still open a section.
  const inlineLabel = /^\s{0,3}(TL;?DR|Issue Summary|Incident Summary|Summary|Timeline|Corrective and Preventa?tive Measures|Root Cause and Resolution|Lessons Learned)\s*:\s*\S/i.exec(text);
  if (inlineLabel && isBlank(lines[index - 1])) {
    const candidate = make('label', undefined, inlineLabel[1]!, text.indexOf(inlineLabel[1]!));
    if (candidate) return { ...candidate, headingSpan: { start: line.start, end: candidate.titleSpan.end + 1 } };
  }
  // Bare lines: a short title-case or question line standing alone. Authors who skip the blank
  // line before a heading ("...last sentence.\nTimeline\n10:00 AM: ...") still get known names.
  if (!isBlank(lines[index - 1]) && index > 0 && isTitleCase(trimmed) && trimmed.split(/\s+/).length <= 6 && !/[.,;!:]$/.test(trimmed)) {
    const candidate = make('bare', undefined, trimmed, text.indexOf(trimmed));
    if (candidate && candidate.kinds[0] !== 'other') return candidate;
  }
  const standsAlone = isBlank(lines[index - 1]) || index === 0;
  if (standsAlone && trimmed.split(/\s+/).length <= 10 && !/[.,;!]$/.test(trimmed) && !/:\s*\S/.test(trimmed)) {
    const candidate = make('bare', undefined, trimmed, text.indexOf(trimmed));
    if (!candidate) return undefined;
    const known = candidate.kinds[0] !== 'other';
    if (known && (isTitleCase(trimmed) || /\?$/.test(trimmed) || trimmed.split(/\s+/).length <= 6)) return candidate;
    if (isTitleCase(trimmed) && !/\?$/.test(trimmed) && trimmed.split(/\s+/).length <= 7) return { ...candidate, kinds: ['other'] };
  }
  return undefined;
}
