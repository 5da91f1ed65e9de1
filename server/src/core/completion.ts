import type { PostmortemDocument, SectionKind, Span, Zone } from './model';
import { defaultOptions, type PostmortemOptions } from './options';
import { conventionalOrder, requiredSectionKinds, templateSectionFor } from './analysis/profiles';
import { SECTION_GUIDES, guideFor } from './authoring/sectionGuide';
import { escapeSnippetText } from './authoring/snippetSyntax';
import { formatHeadingLike } from './authoring/headingStyle';
import {
  addDays,
  addMinutes,
  defaultEntryStyle,
  documentClockStyle,
  entryStyleOf,
  formatClock,
  formatUtcOffset,
  newTimelineZoneSuffix,
  renderEntry,
  timelineSectionAt,
  timelineZone,
  type EntryStyle,
  type WallClock,
} from './authoring/timelineFormat';
import { dominantLineBreak, lineEndOf, lineStartOf } from './edits/textEdits';

/** What a completion proposes. */
export type PostmortemCompletionKind = 'section' | 'timeline-entry' | 'zone';

/** A completion item in domain terms; `server/src/features/completion.ts` converts it to LSP. */
export interface PostmortemCompletion {
  readonly kind: PostmortemCompletionKind;
  readonly label: string;
  readonly detail: string;
  /** Markdown: what the section should contain, what the zone is. */
  readonly documentation: string;
  /** The text to insert, in snippet syntax (`$0` marks where the cursor ends). */
  readonly insertText: string;
  /** The same text with every placeholder at its default, for clients without snippets. */
  readonly plainText: string;
  /** The text replaced: from where the typed prefix starts to the cursor (UTF-16 offsets). */
  readonly replace: Span;
  /** What the editor filters against: the typed prefix should be a prefix of it. */
  readonly filterText: string;
  /** Orders items: lower first. */
  readonly sortText: string;
  /** The item the editor should select first. */
  readonly preselect: boolean;
}

/** The current instant, as the author's editor sees it; lets entries be stamped "now" when a timeline is empty. */
export interface CompletionClock {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** The editor's local offset east of UTC in minutes (120 for UTC+02:00). */
  readonly utcOffsetMinutes: number;
}

export interface CompletionOptions {
  readonly options?: PostmortemOptions;
  readonly clock?: CompletionClock;
}

/** Minutes between the previous entry and a proposed one. */
export const ENTRY_STEP_MINUTES = 5;

/**
 * Completions at `offset` (UTF-16) in a parsed postmortem:
 * - at the start of a line: the sections the document still lacks (required ones first), written
 *   in the document's own heading style;
 * - on a new line inside the timeline: an entry timed 5 minutes after the previous one, in the
 *   timeline's format and zone;
 * - after a time (or `All times in`, `Time (`): time zones, those the document already uses first.
 * Never throws; returns an empty list where nothing applies (inside code, mid-sentence).
 */
export function completePostmortem(document: PostmortemDocument, offset: number, completionOptions: CompletionOptions = {}): PostmortemCompletion[] {
  try {
    return complete(document, offset, completionOptions);
  } catch {
    return [];
  }
}

function complete(document: PostmortemDocument, offset: number, { options = defaultOptions, clock }: CompletionOptions): PostmortemCompletion[] {
  const text = document.text;
  if (offset < 0 || offset > text.length) return [];
  if (document.ignoredSpans.some((span) => offset > span.start && offset <= span.end)) return [];
  const lineStart = lineStartOf(text, offset);
  const prefix = text.slice(lineStart, offset);
  const restOfLine = text.slice(offset, lineEndOf(text, offset));

  // Only the end of the line matters; a bounded tail keeps long lines cheap.
  const zonePrefix = ZONE_CONTEXT.exec(prefix.slice(-60));
  if (zonePrefix && /^\s*(?:$|[).,;:|*_-])/.test(restOfLine)) {
    const typed = zonePrefix[1] ?? '';
    return zoneCompletions(document, { start: offset - typed.length, end: offset }, clock);
  }

  if (restOfLine.trim() !== '') return [];
  const items: PostmortemCompletion[] = [];
  const timeline = timelineSectionAt(document, offset);
  if ((timeline || insideHeadlessTimeline(document, offset)) && ENTRY_PREFIX.test(prefix)) {
    const entry = timelineEntryCompletion(document, offset, lineStart, clock);
    if (entry) items.push(entry);
  }
  if (prefix.length <= 80 && HEADING_PREFIX.test(prefix)) items.push(...sectionCompletions(document, offset, lineStart, options, items.length > 0));
  return items;
}

// ---------------------------------------------------------------------------------------------
// Sections

/**
 * What may be typed before a section completion: nothing, `#`s, `**`, `<b>`, or the first
 * words of a title, capitalised (a lower-case start is prose continuing a paragraph).
 */
const HEADING_PREFIX = /^(?:#{1,6} ?|\*\*|<[a-z0-9]*>?)?(?:\p{Lu}[\p{L}']*(?: [\p{L}']*){0,5})?$/u;

function sectionCompletions(document: PostmortemDocument, offset: number, lineStart: number, options: PostmortemOptions, entryOffered: boolean): PostmortemCompletion[] {
  const present = new Set<SectionKind>(document.allSections.flatMap((s) => s.kinds));
  const required = new Set(requiredSectionKinds(options));
  const order = conventionalOrder(options);
  const orderOf = (kind: SectionKind) => (order.includes(kind) ? order.indexOf(kind) : order.length);
  const text = document.text;
  const lineBreak = dominantLineBreak(text);
  const previousLine = text.slice(lineStartOf(text, Math.max(0, lineStart - 1)), Math.max(0, lineStart - 1));
  // Headings other than ATX need a blank line above to read as headings.
  const leading = lineStart > 0 && previousLine.trim() !== '' ? lineBreak : '';
  // Sections after the last one above the cursor come first: the report's natural order.
  const before = document.allSections.filter((s) => s.headingSpan.start < offset && s.kind !== 'title' && s.kind !== 'other');
  const lastOrder = Math.max(-1, ...before.flatMap((s) => s.kinds.map(orderOf)));

  const proposals: { kinds: SectionKind[]; title: string; guidance: string; required: boolean; order: number }[] = [];
  const missing = (kind: SectionKind) => !present.has(kind);
  // The 0x19 assignment names one section for both; the other templates keep them apart.
  if (missing('root-cause') && missing('resolution') && (options.profile ?? 'holberton') === 'holberton') {
    proposals.push({
      kinds: ['root-cause', 'resolution'],
      title: 'Root Cause and Resolution',
      guidance: `${guideFor('root-cause')!.guidance}\n\n${guideFor('resolution')!.guidance}`,
      required: required.has('root-cause') || required.has('resolution'),
      order: orderOf('root-cause'),
    });
  }
  for (const guide of SECTION_GUIDES) {
    if (!missing(guide.kind)) continue;
    // The chosen template's heading first, then the other common names.
    const titles = [templateSectionFor(guide.kind, options).title, ...guide.titles].filter((title, i, all) => all.indexOf(title) === i);
    for (const title of titles) proposals.push({ kinds: [guide.kind], title, guidance: guide.guidance, required: required.has(guide.kind), order: orderOf(guide.kind) });
  }

  return proposals.map((proposal, index) => {
    const lines = formatHeadingLike(document, proposal.title, offset);
    const heading = lines.join(lineBreak);
    const insertText = `${escapeSnippetText(leading + heading)}${lineBreak}${lineBreak}$0`;
    const upcoming = proposal.order > lastOrder ? 0 : 1;
    const rank = `${proposal.required ? 0 : 1}${upcoming}${String(proposal.order).padStart(2, '0')}${String(index).padStart(3, '0')}`;
    return {
      kind: 'section' as const,
      label: lines[0]!.trim(),
      detail: `${proposal.required ? 'Missing required section' : 'Optional section'}: ${proposal.kinds.map((k) => k.replace(/-/g, ' ')).join(' and ')}`,
      documentation: proposal.guidance,
      insertText,
      plainText: `${leading}${heading}${lineBreak}${lineBreak}`,
      replace: { start: lineStart, end: offset },
      filterText: lines[0]!,
      // Inside a timeline the entry comes first; sections follow.
      sortText: `${entryOffered ? 1 : 0}${rank}`,
      preselect: false,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Timeline entries

/** What may be typed before an entry completion: a bullet, a table pipe, the first digits. */
const ENTRY_PREFIX = /^\s*(?:[-*+•]\s?|\d{1,3}[.)]\s?|\|\s?)?\d{0,2}$/;

/** Entries found without a timeline heading: the cursor sits among or right after them. */
function insideHeadlessTimeline(document: PostmortemDocument, offset: number): boolean {
  const entries = document.timeline.entries;
  if (document.timeline.section || entries.length === 0) return false;
  const last = entries.at(-1)!;
  const tail = document.text.slice(last.span.end, offset);
  return offset > entries[0]!.span.start && (offset <= last.span.end || /^[ \t]*(?:\r?\n|\r)[ \t]*$/.test(tail));
}

function timelineEntryCompletion(document: PostmortemDocument, offset: number, lineStart: number, clock: CompletionClock | undefined): PostmortemCompletion | undefined {
  const timed = document.timeline.entries.filter((e) => e.time);
  const previous = timed.filter((e) => e.lineSpan.start < lineStart).at(-1);
  const next = timed.find((e) => e.lineSpan.start > lineStart);
  const exemplar = previous ?? next;
  const style: EntryStyle = (exemplar && entryStyleOf(document, exemplar)) || defaultEntryStyle(document, documentClockStyle(document));

  let time: WallClock;
  let days = 0;
  let why: string;
  let localZone: string | undefined;
  if (previous?.time) {
    // After a range (`13:20 - 13:50`), the next entry follows its end.
    const base = previous.endTime ?? previous.time;
    const baseMinutes = previous.minutes === undefined ? undefined : previous.minutes + (previous.endTime ? clockDifference(previous.time, previous.endTime) : 0);
    let step = ENTRY_STEP_MINUTES;
    // Between two entries less than 5 minutes apart, stay between them.
    if (next?.minutes !== undefined && baseMinutes !== undefined && next.minutes - baseMinutes < ENTRY_STEP_MINUTES) {
      step = Math.max(0, Math.floor((next.minutes - baseMinutes) / 2));
    }
    const moved = addMinutes(base, step);
    time = moved.clock;
    days = moved.days;
    why = `${step} min after the entry above`;
  } else if (document.window.start) {
    time = document.window.start;
    why = 'the start of the incident stated in the summary';
  } else if (clock) {
    const zone = timelineZone(document);
    const known = zone?.offsetMinutes !== undefined;
    const local = new Date(clock.epochMs + (known ? zone!.offsetMinutes! : clock.utcOffsetMinutes) * 60_000);
    time = { hour: local.getUTCHours(), minute: local.getUTCMinutes() };
    why = known ? `now in ${zone!.name}` : 'now, on your clock';
    // With no zone to go by, say which clock the stamp is on.
    if (!zone) localZone = ` ${formatUtcOffset(clock.utcOffsetMinutes)}`;
  } else {
    return undefined;
  }

  const zoneSuffix = exemplar ? '' : (localZone ?? newTimelineZoneSuffix(document));
  const styled: EntryStyle = zoneSuffix ? { ...style, zoneText: zoneSuffix } : style;
  const date = previous?.ownDate && days > 0 ? addDays(previous.ownDate, days) : undefined;
  const lineBreak = dominantLineBreak(document.text);
  const indent = /^[ \t]*/.exec(document.text.slice(lineStart, offset))![0];
  const lead = styled.lead.startsWith(indent) ? styled : { ...styled, lead: indent + styled.lead.trimStart() };
  const snippet = renderEntry(lead, time, '${1:What happened}', { ...(date ? { date } : {}), lineBreak });
  const plain = renderEntry(lead, time, '', { ...(date ? { date } : {}), lineBreak });
  const firstLine = plain.split(/\r?\n|\r/)[0]!;
  return {
    kind: 'timeline-entry',
    label: firstLine.trim() || firstLine,
    detail: `Timeline entry at ${formatClock(time, style.clock)}${styled.zoneText.replace(/^[\s(]+/, ' ')} (${why})`,
    documentation: guideFor('timeline')!.guidance,
    insertText: `${snippet}$0`,
    plainText: plain,
    replace: { start: lineStart, end: offset },
    filterText: firstLine,
    sortText: '0',
    preselect: true,
  };
}

/** Minutes from one wall-clock time to a later one, wrapping past midnight. */
function clockDifference(from: WallClock, to: WallClock): number {
  return (((to.hour - from.hour) * 60 + (to.minute - from.minute)) % 1440 + 1440) % 1440;
}

// ---------------------------------------------------------------------------------------------
// Zones

/** A time (or an "All times in" / "Time (" lead) followed by spaces and a partly typed zone. */
const ZONE_CONTEXT =
  /(?:(?<![\d:])(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?:\s?(?:[AaPp]\.?[Mm]\.?))?\s*\(?\s?|\b(?:[Aa]ll\s+)?(?:times?|timestamps?)\s+(?:are\s+)?in\s+|\b[Tt]ime\s*\(\s?)([A-Za-z][A-Za-z+\-:0-9]{0,8})?$/;

interface ZoneInfo {
  readonly name: string;
  readonly description: string;
}

/** Common zones, with what they mean (abbreviations are ambiguous; these are the usual readings). */
export const COMMON_ZONES: readonly ZoneInfo[] = [
  { name: 'UTC', description: 'Coordinated Universal Time (UTC+00:00)' },
  { name: 'GMT', description: 'Greenwich Mean Time (UTC+00:00)' },
  { name: 'PST', description: 'Pacific Standard Time (UTC−08:00), US west coast in winter' },
  { name: 'PDT', description: 'Pacific Daylight Time (UTC−07:00), US west coast in summer' },
  { name: 'MST', description: 'Mountain Standard Time (UTC−07:00)' },
  { name: 'MDT', description: 'Mountain Daylight Time (UTC−06:00)' },
  { name: 'CST', description: 'Central Standard Time (UTC−06:00), US central in winter' },
  { name: 'CDT', description: 'Central Daylight Time (UTC−05:00)' },
  { name: 'EST', description: 'Eastern Standard Time (UTC−05:00), US east coast in winter' },
  { name: 'EDT', description: 'Eastern Daylight Time (UTC−04:00), US east coast in summer' },
  { name: 'BST', description: 'British Summer Time (UTC+01:00)' },
  { name: 'CET', description: 'Central European Time (UTC+01:00), in winter' },
  { name: 'CEST', description: 'Central European Summer Time (UTC+02:00)' },
  { name: 'EET', description: 'Eastern European Time (UTC+02:00)' },
  { name: 'WAT', description: 'West Africa Time (UTC+01:00)' },
  { name: 'CAT', description: 'Central Africa Time (UTC+02:00)' },
  { name: 'EAT', description: 'East Africa Time (UTC+03:00)' },
  { name: 'IST', description: 'India Standard Time (UTC+05:30)' },
  { name: 'SGT', description: 'Singapore Time (UTC+08:00)' },
  { name: 'JST', description: 'Japan Standard Time (UTC+09:00)' },
  { name: 'AEST', description: 'Australian Eastern Standard Time (UTC+10:00)' },
];

/** Every zone, unfiltered: the editor filters by what was typed (the replaced span). */
function zoneCompletions(document: PostmortemDocument, replace: Span, clock: CompletionClock | undefined): PostmortemCompletion[] {
  const seen = new Map<string, { written: string; count: number; zone: Zone }>();
  for (const zone of document.zones) {
    const written = document.text.slice(zone.span.start, zone.span.end).trim();
    if (!written || (zone.span.start <= replace.start && replace.start < zone.span.end)) continue;
    const key = zone.name.toUpperCase();
    const known = seen.get(key);
    if (known) known.count++;
    else seen.set(key, { written, count: 1, zone });
  }
  const items: PostmortemCompletion[] = [];
  const used = [...seen.values()].sort((a, b) => b.count - a.count);
  used.forEach(({ written, count, zone }, index) => {
    const common = COMMON_ZONES.find((z) => z.name === zone.name.toUpperCase());
    const offset = zone.offsetMinutes !== undefined ? formatUtcOffset(zone.offsetMinutes) : 'offset unknown';
    items.push(zoneItem(written, `Used ${count === 1 ? 'once' : `${count} times`} in this document`, common ? common.description : `${zone.name} (${offset})`, replace, `0${String(index).padStart(3, '0')}`, index === 0));
  });
  const usedNames = new Set([...seen.keys()]);
  if (clock) {
    const local = formatUtcOffset(clock.utcOffsetMinutes);
    if (!usedNames.has(local.toUpperCase())) {
      items.push(zoneItem(local, 'Your local zone', `The offset of your editor's clock (${local})`, replace, '1000', items.length === 0));
      usedNames.add(local.toUpperCase());
    }
  }
  COMMON_ZONES.forEach((zone, index) => {
    if (usedNames.has(zone.name)) return;
    items.push(zoneItem(zone.name, 'Time zone', zone.description, replace, `2${String(index).padStart(3, '0')}`, false));
  });
  return items;
}

function zoneItem(name: string, detail: string, documentation: string, replace: Span, sortText: string, preselect: boolean): PostmortemCompletion {
  return { kind: 'zone', label: name, detail, documentation, insertText: escapeSnippetText(name), plainText: name, replace, filterText: name, sortText, preselect };
}
