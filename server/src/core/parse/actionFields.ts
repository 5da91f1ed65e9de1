import type { CalendarDate, Span } from '../model';
import { findDates } from './timeTokens';

/**
 * Readers for the fields of one action item written inline (`owner: bob`, `@dma`, `due
 * 2024-08-30`, `OPS-123`, `[x]`, `Status: done`) and for table cells. Every pattern is bounded
 * and anchored on a cheap literal, so a long line costs one pass per field.
 */

/** Whether an item is done: `true`, `false` (open), or `undefined` when the document does not say. */
export type ActionState = boolean | undefined;

/** The kinds of action the templates name (SRE, PagerDuty, Flutter vocabularies mapped). */
export type ActionType = 'prevent' | 'detect' | 'mitigate' | 'process' | 'other';

/** A value read from the text, with where it stands. */
export interface FieldValue {
  /** As written (trimmed, markup removed). */
  readonly text: string;
  readonly span: Span;
}

export interface DueDate extends FieldValue {
  /** `YYYY-MM-DD` when the date is complete and exists; undefined for `Q2 2025`, `2 weeks`, `2024-02-30`. */
  readonly iso?: string;
}

export interface Ticket extends FieldValue {
  /** The id a URL template receives: `OPS-123`, `123` for `#123` or `bug 123`, `12345` for `b/12345`. */
  readonly id: string;
  /** The address, when the ticket is written as a URL. */
  readonly url?: string;
}

const STATUS_DONE = /^(?:done|complete|completed|fixed|closed|resolved|merged|shipped|finished|deployed|released|implemented|not doing|won'?t (?:do|fix)|wontfix|will not do|declined|cancelled|canceled|obsolete|yes|y|true|\[x\]|x|✓|✔|✅|☑)\b/i;
const STATUS_OPEN = /^(?:open|todo|to do|to-do|planned|planning|in progress|in-progress|wip|doing|ongoing|started|not started|pending|assigned|not assigned|unassigned|noted|scheduled|backlog|new|draft|proposed|discussion|investigating|design|research|poc|rfc|review|in review|blocked on|no|n|false|\[ \]|❌|⏳|🔄)\b/i;
const STATUS_UNKNOWN = /^(?:blocked|failed|unknown|n\/a|na|tbd|\?)/i;

/**
 * The state a status word gives. Open: open, todo, planned, in progress, doing, scheduled and
 * the like; closed: done, completed, fixed, closed, resolved, and "not doing"/"won't fix" (a
 * decision not to act closes an item). Blocked and failed say nothing about whether the work
 * will happen: unknown. Words containing an open phrase (`Vendor eval in progress`) are open.
 */
export function stateOfStatus(status: string): ActionState {
  const text = stripMarkup(status).trim();
  if (text === '') return undefined;
  if (STATUS_UNKNOWN.test(text)) return undefined;
  if (STATUS_DONE.test(text)) return true;
  if (STATUS_OPEN.test(text)) return false;
  if (/\b(?:in progress|scheduled|planned|pending|draft|phase|discussion|todo|assigned)\b/i.test(text)) return false;
  if (/\b(?:done|completed|fixed|closed|resolved|merged)\b/i.test(text)) return true;
  return undefined;
}

/** The action type a word names, or undefined (SRE, PagerDuty and Flutter vocabularies). */
export function typeOfWord(word: string): ActionType | undefined {
  const text = stripMarkup(word).trim().toLowerCase();
  if (/^(?:prevent|prevention|preventive|preventative|fix|repair|root cause|remediat)/.test(text)) return 'prevent';
  if (/^(?:detect|detection|monitoring|alerting|observability)/.test(text)) return 'detect';
  if (/^(?:mitigat|preparedness|resilience|recovery|response)/.test(text)) return 'mitigate';
  if (/^(?:process|procedure|documentation|training|communication|policy)/.test(text)) return 'process';
  if (/^other\b/.test(text)) return 'other';
  return undefined;
}

const MARKUP = /[*_`~<]/;

/** Removes Markdown emphasis, code ticks and HTML tags, keeping the text. */
export function stripMarkup(text: string): string {
  if (!MARKUP.test(text)) return text;
  return text.replace(/<(?!https?:)[^<>]{0,100}>/g, ' ').replace(/[*_`~]+/g, '');
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the date exists (`2024-02-30` does not; 29 February only in a leap year). */
export function dateExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]!) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return true;
}

/**
 * A date read from a due-date text, resolved like timeline dates: a date written without a year
 * takes the document's year (`documentYear`), and moves to the next year when that would put it
 * before `notBefore` (the incident's day, `YYYY-MM-DD`): actions come after the incident.
 */
export function resolveDueDate(date: CalendarDate, documentYear: number | undefined, notBefore: string | undefined): string | undefined {
  let year = date.year ?? documentYear;
  if (year === undefined) return undefined;
  if (!dateExists(year, date.month, date.day)) return undefined;
  let iso = isoOf(year, date.month, date.day);
  if (date.year === undefined && notBefore !== undefined && iso < notBefore) {
    year += 1;
    if (!dateExists(year, date.month, date.day)) return undefined;
    iso = isoOf(year, date.month, date.day);
  }
  return iso;
}

export function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The first date in `text` (offset `base`), resolved; the whole trimmed text is the due text. */
export function readDueText(text: string, base: number, documentYear: number | undefined, notBefore: string | undefined): DueDate | undefined {
  const trimmed = trimSpan(text, base);
  if (!trimmed) return undefined;
  // The common cell, `2024-08-30`, without the general date scan.
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed.text);
  if (plain) {
    const [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    return dateExists(year, month, day) ? { text: trimmed.text, span: trimmed.span, iso: trimmed.text } : { text: trimmed.text, span: trimmed.span };
  }
  const clean = stripMarkup(trimmed.text).trim();
  if (clean === '' || /^(?:n\/?a|none|-+|—|tbd|\?+)$/i.test(clean)) return undefined;
  const dates = findDates(text, base);
  const first = dates[0];
  const iso = first ? resolveDueDate(first, documentYear, notBefore) : undefined;
  return iso === undefined ? { text: clean, span: trimmed.span } : { text: clean, span: trimmed.span, iso };
}

/** `text` without surrounding white space, with its span; undefined when only white space. */
export function trimSpan(text: string, base: number): FieldValue | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  return { text: text.slice(start, end), span: { start: base + start, end: base + end } };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 10 || code === 13;
}

// ---------------------------------------------------------------------------------------------
// Tickets

const TICKET_STOP_KEYS = new Set(['UTF', 'SHA', 'ISO', 'CVE', 'COVID', 'RFC', 'HTTP', 'TLS', 'SSL', 'MD', 'AES', 'RSA', 'TCP', 'UDP', 'IPV', 'GMT', 'UTC', 'X', 'EC', 'PM', 'AM', 'T', 'Q', 'P', 'SEV', 'TLSV', 'ECDSA', 'ED', 'WIN', 'MS', 'KB', 'GPT', 'PEP', 'WCAG']);
const TRACKER_URL = /https?:\/\/[^\s<>()[\]"'`|]{1,300}/g;
const TRACKER_PATH = /\/(?:issues?|pulls?|merge_requests|browse|tickets?|bugs?|show_bug\.cgi|work_?items?|cards?|tasks?)(?:\/|\?|=|$)|[?&]id=\d/i;
const TICKET_KEY = /(?<![\w/.#-])([A-Z][A-Z0-9_]{0,9})-([1-9]\d{0,6})(?![\w-])/g;
const TICKET_B = /(?<![\w/])b\/(\d{3,10})(?!\w)/g;
const TICKET_BUG = /\b[Bb]ug\s{1,3}#?(\d{3,10})(?!\w)/g;

/**
 * The first ticket in `text`: a tracker URL (issue, pull request, `browse/KEY-1`), a key such as
 * `OPS-123`, `#123` or `owner/repo#123`, `b/12345`, `bug 12345`. Keys that are names of
 * standards or encodings (`UTF-8`, `SHA-256`, `CVE-2021-…`) are not tickets.
 */
export function findTicket(text: string, base: number): Ticket | undefined {
  const found: Ticket[] = [];
  let match: RegExpExecArray | null;
  if (text.includes('://')) {
    TRACKER_URL.lastIndex = 0;
    while ((match = TRACKER_URL.exec(text)) !== null) {
      let url = match[0];
      while (/[.,;:!?]$/.test(url)) url = url.slice(0, -1);
      if (!TRACKER_PATH.test(url)) continue;
      const id = lastPathSegment(url) ?? url;
      found.push({ text: url, id, url, span: { start: base + match.index, end: base + match.index + url.length } });
      break;
    }
  }
  if (text.includes('-')) {
    TICKET_KEY.lastIndex = 0;
    while ((match = TICKET_KEY.exec(text)) !== null) {
      if (TICKET_STOP_KEYS.has(withoutTrailingDigits(match[1]!)) || inUrl(text, match.index)) continue;
      found.push({ text: match[0], id: match[0], span: { start: base + match.index, end: base + match.index + match[0].length } });
      break;
    }
  }
  const hash = findHashTicket(text, base);
  if (hash) found.push(hash);
  if (text.includes('b/')) {
    TICKET_B.lastIndex = 0;
    match = TICKET_B.exec(text);
    if (match) found.push({ text: match[0], id: match[1]!, span: { start: base + match.index, end: base + match.index + match[0].length } });
  }
  if (/[Bb]ug/.test(text)) {
    TICKET_BUG.lastIndex = 0;
    match = TICKET_BUG.exec(text);
    if (match) found.push({ text: match[0], id: match[1]!, span: { start: base + match.index, end: base + match.index + match[0].length } });
  }
  if (found.length === 0) return undefined;
  return found.reduce((a, b) => (b.span.start < a.span.start ? b : a));
}

function withoutTrailingDigits(key: string): string {
  let end = key.length;
  while (end > 0 && key.charCodeAt(end - 1) >= 48 && key.charCodeAt(end - 1) <= 57) end--;
  return key.slice(0, end);
}

/** The issue number or key a tracker URL ends with (`…/issues/89`, `…/browse/OPS-1`), without query or fragment. */
function lastPathSegment(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0]!.replace(/\/+$/, '');
  const segment = path.slice(path.lastIndexOf('/') + 1);
  return /^\d{1,12}$/.test(segment) || /^[A-Z][A-Z0-9_]{0,9}-\d{1,7}$/.test(segment) ? segment : undefined;
}

const REPO_PART = /[\w.-]/;

/**
 * `#123` or `owner/repo#123`: found from each `#` outward, so a long run of word characters
 * is read once rather than from every start. Not inside a URL, a heading mark (`##`), an HTML
 * entity (`&#38;`) or a word (`C#1`).
 */
function findHashTicket(text: string, base: number): Ticket | undefined {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let end = at + 1;
    while (end < text.length && end - at <= 7 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    if (end === at + 1 || end - at > 8 || (end < text.length && /\w/.test(text.charAt(end)))) continue;
    let start = at;
    const before = text.charAt(at - 1);
    if (before === '&' || before === '#' || before === '/') continue;
    if (at > 0 && REPO_PART.test(before)) {
      // owner/repo#123: a repository segment, a slash, an owner segment, each at most 100 long.
      let i = at;
      while (i > 0 && at - i < 100 && REPO_PART.test(text.charAt(i - 1))) i--;
      if (text.charAt(i - 1) !== '/' || i === at) continue;
      let j = i - 1;
      while (j > 0 && i - 1 - j < 100 && REPO_PART.test(text.charAt(j - 1))) j--;
      if (j === i - 1 || (j > 0 && /[\w/@]/.test(text.charAt(j - 1)))) continue;
      start = j;
    }
    if (inUrl(text, start)) continue;
    return { text: text.slice(start, end), id: text.slice(at + 1, end), span: { start: base + start, end: base + end } };
  }
  return undefined;
}

/** Every ticket in `text`, left to right, without overlaps (for document links). */
export function findAllTickets(text: string, base: number): Ticket[] {
  const tickets: Ticket[] = [];
  let from = 0;
  while (from < text.length) {
    const ticket = findTicket(text.slice(from), base + from);
    if (!ticket) break;
    tickets.push(ticket);
    from = ticket.span.end - base;
  }
  return tickets;
}

function inUrl(text: string, index: number): boolean {
  const wordStart = Math.max(text.lastIndexOf(' ', index), text.lastIndexOf('(', index), text.lastIndexOf('<', index), text.lastIndexOf('[', index));
  const scheme = text.indexOf('://', wordStart + 1);
  return scheme >= 0 && scheme < index;
}

// ---------------------------------------------------------------------------------------------
// Owners

/** `owner: X`, `assignee: X`, `assigned to X`, `DRI: X`, `who: X`, `responsible: X`, `lead: X`. */
const OWNER_LABEL = /(?<![\w])(?:(?:owner|owners|assignee|who|responsible|dri|lead|action owner)\s{0,3}[:=]|assigned to(?![\w])\s{0,3}:?)\s{0,3}(?=[^\s:])/gi;
const HANDLE = /(?<![\w@`])@([A-Za-z0-9][\w.-]{0,38}(?:\/[A-Za-z0-9][\w.-]{0,38})?)/g;
const OWNER_VALUE_END = /[,;)|\]]|\s[-–—]\s|\s(?:due|by|target|deadline|eta|ticket|bug|status|type|priority)\b|\.\s|\.$/i;

/** The owner named in `text`: a labelled name (`owner: Alice`, `assigned to ops`) or an `@handle`. */
export function findOwner(text: string, base: number): FieldValue | undefined {
  let match: RegExpExecArray | null;
  if (/owner|assign|who|responsible|dri|lead/i.test(text)) {
    OWNER_LABEL.lastIndex = 0;
    while ((match = OWNER_LABEL.exec(text)) !== null) {
      const start = match.index + match[0].length;
      const rest = text.slice(start, start + 120);
      const end = OWNER_VALUE_END.exec(rest);
      const value = trimSpan(rest.slice(0, end ? end.index : rest.length), base + start);
      if (!value) continue;
      const clean = stripMarkup(value.text).trim();
      if (clean === '' || /^(?:n\/?a|none|tbd|\?+|-+|unassigned|not assigned)$/i.test(clean)) return undefined;
      return { text: clean, span: value.span };
    }
  }
  if (text.includes('@')) {
    HANDLE.lastIndex = 0;
    match = HANDLE.exec(text);
    if (match) return { text: match[0], span: { start: base + match.index, end: base + match.index + match[0].length } };
  }
  return undefined;
}

/** Every `@handle` in `text` (for completion). */
export function findHandles(text: string): string[] {
  const handles: string[] = [];
  if (!text.includes('@')) return handles;
  HANDLE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = HANDLE.exec(text)) !== null) handles.push(match[0]);
  return handles;
}

// ---------------------------------------------------------------------------------------------
// Due dates, status and type written inline

const DUE_LABEL = /(?<![\w])(?:due(?: date)?|deadline|eta|target(?: date)?|by|expected(?: by)?|until|no later than)\s{0,3}(?::|=)?\s{0,3}(?=\S)/gi;
const DUE_VALUE_END = /[;)|\]]|,\s(?!\d{4})|\s[-–—]\s|\s(?:owner|assignee|ticket|bug|status|type|priority)\b|\.\s|\.$/i;

/**
 * The due date written inline: `due 2024-08-30`, `due: 2 weeks`, `by March 15`, `Target: Q2
 * 2025`, `deadline: Aug 20, 2024`. `by` counts only when a date follows it ("by the team" is not
 * a due date); labelled values are kept even when they are not a date (`due: 2 weeks`).
 */
export function findDue(text: string, base: number, documentYear: number | undefined, notBefore: string | undefined): DueDate | undefined {
  if (!/due|deadline|eta|target|by|expected|until|later/i.test(text)) return undefined;
  DUE_LABEL.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DUE_LABEL.exec(text)) !== null) {
    const label = match[0].trim().toLowerCase().replace(/[:=]$/, '').trim();
    const labelled = /[:=]/.test(match[0]) || label.startsWith('due') || label === 'deadline';
    const start = match.index + match[0].length;
    const rest = text.slice(start, start + 80);
    const end = DUE_VALUE_END.exec(rest);
    const valueText = rest.slice(0, end ? end.index : rest.length);
    const due = readDueText(valueText, base + start, documentYear, notBefore);
    if (!due) continue;
    const isDate = findDates(valueText).length > 0 || /^(?:q[1-4]\b|h[12]\b|\d{4}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}|end of|next|this|\d+\s*(?:days?|weeks?|months?|sprints?))/i.test(due.text);
    if (!labelled && !isDate) continue;
    if (!isDate && !/\d|next|end of|asap|soon|eow|eom|eoq/i.test(due.text)) continue;
    return due;
  }
  return undefined;
}

const STATUS_LABEL = /(?<![\w])(?:status|state|progress)\s{0,3}:\s{0,3}(?=\S)/gi;
const STATUS_MARKER = /^\s{0,3}(?:\*\*|__)?(DONE|TODO|DOING|WIP|FIXED|CLOSED|OPEN|IN PROGRESS|NOT DOING|WONTFIX|BLOCKED)(?:\*\*|__)?\s{0,3}:?(?=\s|$)/;
const STATUS_SUFFIX = /\((DONE|TODO|DOING|WIP|FIXED|CLOSED|OPEN|IN PROGRESS|COMPLETED?|NOT DOING)\)\s*\.?\s*$/i;

/** A status written inline: a leading `**DONE**`/`TODO:` marker, `(DONE)` at the end, or `Status: …`. */
export function findStatus(text: string, base: number): (FieldValue & { readonly state: ActionState }) | undefined {
  let match = STATUS_MARKER.exec(text);
  if (match) {
    const at = match.index + match[0].indexOf(match[1]!);
    return { text: match[1]!, span: { start: base + at, end: base + at + match[1]!.length }, state: stateOfStatus(match[1]!) };
  }
  match = STATUS_SUFFIX.exec(text);
  if (match) {
    const at = match.index + 1;
    return { text: match[1]!, span: { start: base + at, end: base + at + match[1]!.length }, state: stateOfStatus(match[1]!) };
  }
  if (/status|state|progress/i.test(text)) {
    STATUS_LABEL.lastIndex = 0;
    match = STATUS_LABEL.exec(text);
    if (match) {
      const start = match.index + match[0].length;
      const rest = text.slice(start, start + 60);
      const end = /[;,)|]|\.\s|\.$/.exec(rest);
      const value = trimSpan(rest.slice(0, end ? end.index : rest.length), base + start);
      if (value) return { text: stripMarkup(value.text).trim(), span: value.span, state: stateOfStatus(value.text) };
    }
  }
  return undefined;
}

const TYPE_LABEL = /(?<![\w])(?:type|kind|category)\s{0,3}:\s{0,3}([A-Za-z][\w ]{0,30})/i;

/** A type written inline: `Type: prevent`. */
export function findType(text: string): ActionType | undefined {
  if (!/type|kind|category/i.test(text)) return undefined;
  const match = TYPE_LABEL.exec(text);
  return match ? typeOfWord(match[1]!) : undefined;
}

/** `**HIGH**`, `P1`, `[P0]`, `Priority: high` at the start of an item. */
const PRIORITY_LEAD = /^\s{0,3}(?:\*\*|__|\[|\()?(P[0-4]|HIGH|MEDIUM|LOW|CRITICAL|URGENT)(?:\*\*|__|\]|\))?\s{0,3}[:\-–]?\s/;

export function findPriority(text: string): string | undefined {
  const lead = PRIORITY_LEAD.exec(text);
  if (lead) return lead[1]!.toUpperCase();
  const labelled = /(?<![\w])priority\s{0,3}:\s{0,3}([\w-]{1,12})/i.exec(text);
  return labelled ? labelled[1] : undefined;
}
