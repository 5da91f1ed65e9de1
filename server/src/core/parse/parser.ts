import type {
  CalendarDate,
  IncidentWindow,
  PostmortemDocument,
  Section,
  SectionKind,
  Span,
  Suppression,
  Timeline,
  Zone,
} from '../model';
import { readHeading, type HeadingCandidate } from './headings';
import { isBlank, lineAt, linesIn, linesPerStep, markIgnoredRegions, splitLinesInSteps, type Line } from './lines';
import type { LineReadMemo } from './lineReadMemo';
import { attachStatusUpdateText } from './statusUpdates';
import { readTimelineInSteps } from './timeline';
import { applySectionHeadings, headingLineSet, promoteTimeLedSections } from './timelineSections';
import { readWindow } from './window';
import { frontMatterLines, readFrontMatterDate } from './frontMatterDate';
import { runToEnd } from '../steps';
import { findDates, findZones, readZoneAt } from './timeTokens';
import { compileLanguages, readingLanguages, type LanguageCode } from '../languages';

/**
 * Parses a postmortem into its document model. Never throws: whatever the input, returns a
 * model whose spans all lie inside `text` (a defect in a rule degrades to an empty model).
 */
export function parsePostmortem(text: string, memo?: LineReadMemo, languages?: readonly LanguageCode[]): PostmortemDocument {
  try {
    return runToEnd(inLanguages(parseSteps(text, memo), languages));
  } catch {
    return emptyModel(text);
  }
}

/**
 * The same parse as {@link parsePostmortem}, in steps: each `next()` does a bounded share of
 * the work (a stage, or a few thousand lines of one), so a server can answer other requests
 * between steps of a 10 MB document instead of freezing for the whole parse. Never throws: a
 * defect ends it with the empty model.
 */
export function* parsePostmortemInSteps(text: string, memo?: LineReadMemo, languages?: readonly LanguageCode[]): Generator<void, PostmortemDocument, void> {
  try {
    return yield* inLanguages(parseSteps(text, memo), languages);
  } catch {
    return emptyModel(text);
  }
}

/** The parse reading `languages` besides English (every table when undefined). */
function inLanguages(steps: Generator<void, PostmortemDocument, void>, languages: readonly LanguageCode[] | undefined): Generator<void, PostmortemDocument, void> {
  return languages === undefined ? steps : readingLanguages(compileLanguages(languages), steps);
}

function emptyModel(text: string): PostmortemDocument {
  return {
    text,
    sections: [],
    allSections: [],
    timeline: { entries: [], reverseChronological: false },
    window: {},
    zones: [],
    suppressions: [],
    ignoredSpans: [],
    flavor: 'plaintext',
  };
}

function* parseSteps(text: string, memo: LineReadMemo | undefined): Generator<void, PostmortemDocument, void> {
  memo?.begin();
  const lines = yield* splitLinesInSteps(text);
  yield;
  const ignoredSpans = markIgnoredRegions(lines);
  yield;
  const headings = yield* findHeadings(lines);
  yield;
  const { sections, allSections } = buildSections(lines, headings.sections, text.length);
  promoteTimeLedSections(lines, allSections, headingLineSet(headings.sections));
  const summaryLines = linesOfKind(lines, allSections, 'summary', headings.sections);
  const titleLines = linesOfKind(lines, allSections, 'title', headings.sections, 3);
  const titleHeadings = allSections.filter((s) => s.kind === 'title').flatMap((s) => linesIn(lines, { start: s.headingSpan.start, end: s.headingSpan.start + 1 }));
  const frontMatter = frontMatterLines(text, lines, ignoredSpans);
  const baseDate = firstDate([...summaryLines, ...titleHeadings, ...titleLines]) ?? readFrontMatterDate(frontMatter);
  yield;
  const timeline = yield* readTimelineInSteps(lines, allSections, headings.timeHeadings, baseDate, memo);
  applySectionHeadings(timeline, allSections);
  attachStatusUpdateText(timeline, lines, (offset) => lineAt(lines, offset));
  memo?.complete();
  yield;
  const window = readWindow(text, lines, allSections, summaryLines, timeline, frontMatter);
  yield;
  const documentZone = readFrontMatterZone(frontMatter);
  const zones = collectZones(lines, allSections, timeline, window);
  if (documentZone) zones.push(documentZone);
  yield;
  const suppressions = findSuppressions(lines);
  const flavor = detectFlavor(lines, headings.sections);
  return {
    text,
    sections,
    allSections,
    timeline: withSummaryZone(timeline, window.zone ?? documentZone),
    window,
    zones,
    suppressions,
    ignoredSpans,
    flavor,
  };
}

interface FoundHeadings {
  /** Headings that open sections. */
  readonly sections: HeadingCandidate[];
  /** Headings whose title starts with a time or date: timeline entries or date lines. */
  readonly timeHeadings: HeadingCandidate[];
}

function* findHeadings(lines: Line[]): Generator<void, FoundHeadings, void> {
  const candidates: HeadingCandidate[] = [];
  const firstContent = lines.findIndex((l) => !l.ignored && !isBlank(l) && !/^\s*(?:!\[[^\]]*\]\([^)]*\)|<(?:p|img|div)\b[^>]*>?|[=\-_*]{3,})\s*$/i.test(l.text));
  for (let i = 0, nextStep = linesPerStep; i < lines.length; i++) {
    if (i >= nextStep) {
      nextStep = i + linesPerStep;
      yield;
    }
    const candidate = readHeading(lines, i, i === firstContent);
    if (candidate) {
      candidates.push(candidate);
      i += candidate.lineCount - 1;
    }
  }
  // Bare title-case lines are headings only in documents that use bare headings for known sections.
  const knownBare = candidates.filter((c) => c.style === 'bare' && c.kinds[0] !== 'other').length;
  const kept = candidates.filter((c) => c.style !== 'bare' || c.kinds[0] !== 'other' || knownBare >= 2 || c.line === firstContent);
  const sections: HeadingCandidate[] = [];
  const timeHeadings: HeadingCandidate[] = [];
  let seenSummary = false;
  for (const candidate of kept) {
    if (candidate.timeLed && !(sections.length === 0 && candidate.line === firstContent && candidate.rawLevel === 1)) {
      timeHeadings.push(candidate);
      continue;
    }
    let kinds = candidate.kinds;
    const opensDocument = candidate.line === firstContent || (candidate.rawLevel === 1 && candidate.style === 'atx');
    const namesTheDocument = candidate.line - firstContent <= 3 && /post-?mortem|incident|outage|report/i.test(candidate.title);
    if (sections.length === 0 && (opensDocument || namesTheDocument) && (kinds[0] === 'other' || /post-?mortem|incident report|^report of/i.test(candidate.title)) && !/^(?:duration|outage duration)\b/i.test(candidate.title)) {
      kinds = ['title'];
    } else if (!seenSummary && /^(?:(?:outage |incident )?duration|date and time|when)$/i.test(candidate.title.trim())) {
      kinds = ['summary'];
    }
    if (kinds.includes('summary')) seenSummary = true;
    sections.push({ ...candidate, kinds });
  }
  return { sections, timeHeadings };
}

const STYLE_WEIGHT: Record<string, number> = { atx: 4, setext: 4, html: 3, caps: 3, bold: 2, label: 2, bare: 1 };

/** How prominent a heading looks; `SECURITY EXPOSURE:` under `IMPACT ANALYSIS` is the lighter one. */
function weightOf(heading: HeadingCandidate): number {
  return STYLE_WEIGHT[heading.style]! - (heading.style === 'caps' && heading.endsWithColon ? 0.5 : 0);
}

/** Kinds that stand on their own: they never nest under a different kind of section. */
const TOP_LEVEL_KINDS: ReadonlySet<SectionKind> = new Set(['summary', 'timeline', 'root-cause', 'resolution', 'corrective-actions', 'lessons-learned', 'impact', 'detection']);

function canContain(parent: HeadingCandidate, child: HeadingCandidate): boolean {
  const parentKind = parent.kinds[0]!;
  const childKind = child.kinds[0]!;
  if (parentKind === 'title') return true;
  if (childKind === 'other' || childKind === 'title') return parentKind !== 'other' || weightOf(child) <= weightOf(parent);
  if (child.kinds.every((k) => parent.kinds.includes(k))) return true;
  if (parentKind === 'summary' && (childKind === 'impact' || childKind === 'detection' || childKind === 'root-cause' && child.style !== 'atx')) return true;
  // "What Happened" / "Why It Happened" under a root-cause analysis are parts of it.
  if (parentKind === 'root-cause' && childKind === 'summary') return true;
  if (parentKind === 'other') return !TOP_LEVEL_KINDS.has(childKind) || parent.style === 'atx' && child.style === 'atx';
  return false;
}

interface MutableSection {
  heading: HeadingCandidate;
  level: number;
  end: number;
  children: MutableSection[];
}

function buildSections(lines: Line[], headings: HeadingCandidate[], textLength: number): { sections: Section[]; allSections: Section[] } {
  const hasLeveled = headings.some((h) => h.rawLevel !== undefined && h.kinds[0] !== 'title');
  const roots: MutableSection[] = [];
  const stack: MutableSection[] = [];
  const flat: MutableSection[] = [];
  for (const heading of headings) {
    let level: number;
    if (heading.rawLevel !== undefined) {
      level = heading.rawLevel;
    } else if (hasLeveled) {
      level = Math.min(6, (stack.at(-1)?.level ?? 1) + 1);
    } else {
      const top = stack[findLastIndex(stack, (s) => s.level === 2)];
      level = heading.kinds[0] === 'title' ? 1 : 2;
      if (top && top.level === 2 && heading.kinds[0] !== 'title' && claimsAsChild(top.heading, heading)) level = 3;
    }
    // Promote a heading out of a parent of another kind ("### Timeline" under "## Issue Summary").
    for (;;) {
      const parentIndex = findLastIndex(stack, (s) => s.level < level);
      if (parentIndex < 0) break;
      const parent = stack[parentIndex]!;
      if (canContain(parent.heading, heading)) break;
      level = parent.level;
    }
    while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
    const section: MutableSection = { heading, level, end: textLength, children: [] };
    (stack.at(-1)?.children ?? roots).push(section);
    stack.push(section);
    flat.push(section);
  }
  // A section ends where the next heading of the same or a higher level starts.
  // One pass with a stack of open sections: a heading closes every open one of its level or deeper.
  const open: MutableSection[] = [];
  for (const section of flat) {
    while (open.length > 0 && open.at(-1)!.level >= section.level) open.pop()!.end = trimEnd(lines, section.heading.headingSpan.start);
    open.push(section);
  }
  for (const section of open) section.end = trimEnd(lines, textLength);
  const allSections: Section[] = [];
  const freeze = (s: MutableSection): Section => {
    const section: Section = {
      kind: s.heading.kinds[0]!,
      kinds: s.heading.kinds,
      title: s.heading.title,
      level: s.level,
      style: s.heading.style,
      headingSpan: s.heading.headingSpan,
      titleSpan: s.heading.titleSpan,
      span: { start: s.heading.headingSpan.start, end: Math.max(s.end, s.heading.headingSpan.end) },
      children: [],
    };
    allSections.push(section);
    (section.children as Section[]).push(...s.children.map(freeze));
    return section;
  };
  const sections = roots.map(freeze);
  allSections.sort((a, b) => a.span.start - b.span.start);
  return { sections, allSections };
}

/** In documents without leveled headings, decides whether `child` belongs inside `parent`. */
function claimsAsChild(parent: HeadingCandidate, child: HeadingCandidate): boolean {
  const parentKind = parent.kinds[0]!;
  const childKind = child.kinds[0]!;
  if (parentKind === 'other' || parentKind === 'title') return false;
  if (childKind !== 'other' && child.kinds.every((k) => parent.kinds.includes(k)) && child.kinds.length < parent.kinds.length) return true;
  if (childKind === parentKind && (parentKind === 'corrective-actions' || parentKind === 'lessons-learned')) return true;
  // `Patch Nginx Configuration:` items under `Tasks:` are the section's own labels.
  if (childKind === 'other' && parentKind === 'corrective-actions' && child.style === 'label') return true;
  // The assignment's summary lists `Duration:`, `Impact:` and `Root Cause:` as its own parts.
  // Labels under a bare heading are its parts (`Issue Summary` / `Duration:` / `Impact:`).
  const labelUnderBare = parent.style === 'bare' && (child.style === 'label' || child.style === 'bold');
  if (parentKind === 'summary' && (childKind === 'impact' || childKind === 'detection' || childKind === 'root-cause' && child.kinds.length === 1) && (weightOf(child) <= weightOf(parent) || labelUnderBare) && child.style !== 'caps') return true;
  return childKind === 'other' && (weightOf(child) < weightOf(parent) || labelUnderBare);
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}

/** Moves an end offset back over trailing blank lines. */
function trimEnd(lines: Line[], end: number): number {
  let index = end > 0 ? lineAt(lines, end - 1) : 0;
  while (index > 0 && isBlank(lines[index]) && lines[index]!.start < end) index--;
  const line = lines[index];
  if (!line) return end;
  return Math.min(end, line.end);
}

/**
 * The lines inside sections of `kind` (excluding their headings), in order, for summary-scoped
 * reading; only the first `limit`. A title section often spans the whole document: with a
 * limit, each section is read only as far as its first `limit` lines.
 */
function linesOfKind(lines: Line[], sections: readonly Section[], kind: SectionKind, headings: HeadingCandidate[], limit = Infinity): Line[] {
  const headingLines = new Set(headings.flatMap((h) => Array.from({ length: h.lineCount }, (_, k) => h.line + k)));
  const seen = new Set<number>();
  const found: Line[] = [];
  for (const section of sections) {
    if (!section.kinds.includes(kind)) continue;
    let taken = 0;
    for (const line of linesIn(lines, section.span)) {
      if (taken >= limit) break;
      if (line.ignored || headingLines.has(line.index)) continue;
      // A line of a section read before counts towards this one's limit too: it is one of its first lines.
      taken++;
      if (seen.has(line.index)) continue;
      seen.add(line.index);
      found.push(line);
    }
  }
  found.sort((a, b) => a.index - b.index);
  return limit < found.length ? found.slice(0, limit) : found;
}

/** Every zone mentioned where zones are declared: entries, timeline, summary, `All times in` lines. */
function collectZones(lines: Line[], sections: readonly Section[], timeline: Timeline, window: IncidentWindow): Zone[] {
  const zones: Zone[] = [];
  for (const entry of timeline.entries) if (entry.ownZone) zones.push(entry.ownZone);
  const entryZoneCount = zones.length;
  if (timeline.zone) zones.push(timeline.zone);
  if (window.zone) zones.push(window.zone);
  for (const section of sections) {
    if (section.kinds.includes('summary')) {
      for (const line of linesIn(lines, section.span)) {
        if (line.ignored) continue;
        zones.push(...findZones(line.text, line.start, 'summary'));
      }
    }
  }
  return withoutRepeatedSpans(zones, entryZoneCount).sort((a, b) => a.span.start - b.span.start);
}

/**
 * Drops zones read twice from the same text (the summary's zone is also the window's), keeping
 * the first. The leading `uniqueCount` zones, one per entry, are known to be distinct and in
 * document order, so only the few after them are looked up: no key per entry on a 10 MB timeline.
 */
function withoutRepeatedSpans(zones: readonly Zone[], uniqueCount: number): Zone[] {
  for (let i = 1; i < uniqueCount; i++) {
    // Not in strictly increasing order after all: compare every zone with every other.
    if (zones[i]!.span.start <= zones[i - 1]!.span.start) return withoutRepeatedSpans(zones, 0);
  }
  const kept = zones.slice(0, uniqueCount);
  const laterKeys = new Set<string>();
  for (let i = uniqueCount; i < zones.length; i++) {
    const zone = zones[i]!;
    const key = `${zone.span.start}:${zone.span.end}`;
    if (laterKeys.has(key) || indexOfSpan(kept, uniqueCount, zone.span) >= 0) continue;
    laterKeys.add(key);
    kept.push(zone);
  }
  return kept;
}

/** Binary search among the first `count` zones, sorted by start, for one with exactly `span`. */
function indexOfSpan(zones: readonly Zone[], count: number, span: Span): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (zones[mid]!.span.start < span.start) low = mid + 1;
    else high = mid;
  }
  return low < count && zones[low]!.span.start === span.start && zones[low]!.span.end === span.end ? low : -1;
}

const SUPPRESSION = /postmortem-disable(-next-line|-line)?(?:\s*:\s*|\s+|(?=\s*-->)|$)([\w\s,-]*?)\s*(?:-->|$)/;

function findSuppressions(lines: Line[]): Suppression[] {
  const found: Suppression[] = [];
  for (const line of lines) {
    if (!line.text.includes('postmortem-disable')) continue;
    if (!/^\s*(?:<!--|#|\/\/|%|;|\[\/\/\]: #)/.test(line.text) && !/^\s*postmortem-disable/.test(line.text)) continue;
    const match = SUPPRESSION.exec(line.text);
    if (!match) continue;
    const codes = match[2]!.split(/[\s,]+/).filter((c) => c.length > 0 && c !== '-');
    found.push({ codes: codes.length > 0 ? codes : ['*'], scope: match[1] ? 'next-line' : 'document', span: { start: line.start, end: line.end } });
  }
  return found;
}

function detectFlavor(lines: Line[], headings: HeadingCandidate[]): 'markdown' | 'plaintext' {
  if (headings.some((h) => h.style === 'atx' || h.style === 'setext' || h.style === 'bold')) return 'markdown';
  let markdownish = 0;
  for (const line of lines) {
    // Link text and target exclude their own brackets, so a line of `[` or `](` is scanned once, not once per bracket.
    if (/\*\*[^*]+\*\*|\[[^\][]+\]\([^()]+\)|^\s*```|^\s*\|.*\|\s*$|`[^`]+`/.test(line.text) && ++markdownish >= 2) return 'markdown';
  }
  return 'plaintext';
}

/** Entries with no zone of their own or of the timeline take the summary's ("began at 2:30 PM UTC"). */
function withSummaryZone(timeline: Timeline, zone: Zone | undefined): Timeline {
  if (!zone || timeline.zone) return timeline;
  // The entries were just built by readTimelineInSteps and are not shared yet: fill them in place.
  for (const entry of timeline.entries) if (!entry.zone) (entry as { zone?: Zone }).zone = zone;
  return timeline;
}

/**
 * A zone the front matter states for the whole document: a `timezone:` key, or the offset of a
 * date-time (`date: 2020-05-24T17:36:00+00:00`).
 */
function readFrontMatterZone(frontMatter: readonly Line[]): Zone | undefined {
  for (const line of frontMatter) {
    const key = /^\s*(?:time_?zone|tz)\s*:\s*["']?/i.exec(line.text);
    if (key) {
      const zone = readZoneAt(line.text.slice(key[0].length), line.start + key[0].length, 'document');
      if (zone) return zone;
    }
    const stamp = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})\b/.exec(line.text);
    if (stamp) {
      const offsetText = stamp[1]!;
      const start = line.start + stamp.index + stamp[0].length - offsetText.length;
      if (offsetText === 'Z') return { name: 'UTC', offsetMinutes: 0, source: 'document', span: { start, end: start + 1 } };
      const sign = offsetText[0] === '-' ? -1 : 1;
      const digits = offsetText.slice(1).replace(':', '');
      const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
      return { name: minutes === 0 ? 'UTC' : `UTC${offsetText}`, offsetMinutes: minutes, source: 'document', span: { start, end: start + offsetText.length } };
    }
  }
  return undefined;
}

/** The first full date (with a year) written in `lines`: the date undated entries fall on. */
function firstDate(lines: readonly Line[]): CalendarDate | undefined {
  for (const line of lines) {
    const date = findDates(line.text, line.start).find((d) => d.year !== undefined);
    if (date) return date;
  }
  return undefined;
}
