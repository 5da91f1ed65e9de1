import type { PostmortemDocument, Section, TimelineEntry } from '../model';

/** Entries that belong together: one timeline section, or one incident of a multi-incident page. */
export interface TimelineGroup {
  /** The section the entries sit under (the nearest timeline section, else the innermost section). */
  readonly section?: Section;
  /** Entries in document order. */
  readonly entries: readonly TimelineEntry[];
}

/**
 * Splits the timeline into groups of entries that belong together.
 *
 * `timeline` (for metrics): entries under one timeline section, even inside its sub-sections,
 * form one incident; entries elsewhere are grouped by the innermost section holding them.
 * `innermost` (for ordering): each sub-section is its own group, because a status page with
 * several incidents, or a log split by date, restarts its clock under each heading and
 * comparing across them would report disorder that is not there. An entry written as its own
 * heading (`### 09:02 PM`) belongs to the section around that heading, not to itself.
 */
export function groupTimelineEntries(document: PostmortemDocument, granularity: 'timeline' | 'innermost' = 'timeline'): TimelineGroup[] {
  let cached = groupsByModel.get(document);
  if (!cached) {
    cached = groupBothWays(document);
    groupsByModel.set(document, cached);
  }
  return [...cached[granularity]];
}

type Granularity = 'timeline' | 'innermost';

/**
 * Groups per model: a model never changes, and rules, hovers, hints and lenses ask for the
 * same groups of the same version. Both granularities come from one sweep, since the rules
 * ask for both. Frozen, since every caller shares them.
 */
const groupsByModel = new WeakMap<PostmortemDocument, Readonly<Record<Granularity, readonly TimelineGroup[]>>>();

function groupBothWays(document: PostmortemDocument): Readonly<Record<Granularity, readonly TimelineGroup[]>> {
  const owners = owningSections(document);
  return { timeline: groupByOwner(document, owners.timeline), innermost: groupByOwner(document, owners.innermost) };
}

function groupByOwner(document: PostmortemDocument, owners: readonly (Section | undefined)[]): readonly TimelineGroup[] {
  const groups: { section?: Section; entries: TimelineEntry[] }[] = [];
  const bySection = new Map<Section | undefined, { section?: Section; entries: TimelineEntry[] }>();
  const entries = document.timeline.entries;
  let group: { section?: Section; entries: TimelineEntry[] } | undefined;
  for (let index = 0; index < entries.length; index++) {
    const section = owners[index];
    // Neighbouring entries nearly always share their section.
    if (!group || group.section !== section) {
      group = bySection.get(section);
      if (!group) {
        group = { section, entries: [] };
        bySection.set(section, group);
        groups.push(group);
      }
    }
    group.entries.push(entries[index]!);
  }
  return Object.freeze(groups.map((g) => Object.freeze({ section: g.section, entries: Object.freeze(g.entries) })));
}

/**
 * The owning section of every entry, by index, at both granularities. One sweep in document
 * order: the sections holding an entry's line are those started before it and not yet ended,
 * a handful at any point, instead of every section of the document for every entry.
 */
function owningSections(document: PostmortemDocument): Record<Granularity, (Section | undefined)[]> {
  const sections = document.allSections;
  const entries = document.timeline.entries;
  const inStartOrder = sections.every((section, index) => index === 0 || sections[index - 1]!.span.start <= section.span.start);
  if (!inStartOrder) {
    return {
      timeline: entries.map((entry) => owningSection(sections, entry, 'timeline')),
      innermost: entries.map((entry) => owningSection(sections, entry, 'innermost')),
    };
  }
  const byPosition = entries.map((_, index) => index);
  // The parser lists entries in document order; sort only when they are not.
  if (!entries.every((entry, index) => index === 0 || entries[index - 1]!.lineSpan.start <= entry.lineSpan.start)) {
    byPosition.sort((a, b) => entries[a]!.lineSpan.start - entries[b]!.lineSpan.start || a - b);
  }
  const owners: Record<Granularity, (Section | undefined)[]> = { timeline: new Array(entries.length), innermost: new Array(entries.length) };
  let open: Section[] = [];
  // The earliest end among the open sections: until an entry reaches it, none closes.
  let firstEnd = Infinity;
  let next = 0;
  // The owners of an entry that is not laid out as a heading depend only on `open`: kept
  // until it changes.
  let plainOwners: { timeline: Section | undefined; innermost: Section | undefined } | undefined;
  for (const index of byPosition) {
    const entry = entries[index]!;
    const at = entry.lineSpan.start;
    while (next < sections.length && sections[next]!.span.start <= at) {
      const section = sections[next++]!;
      open.push(section);
      firstEnd = Math.min(firstEnd, section.span.end);
      plainOwners = undefined;
    }
    if (at >= firstEnd) {
      open = open.filter((section) => at < section.span.end);
      firstEnd = Math.min(...open.map((section) => section.span.end));
      plainOwners = undefined;
    }
    // `open` holds exactly the sections whose span holds `at`, in the order of allSections.
    if (entry.layout === 'heading') {
      owners.timeline[index] = owningSection(open, entry, 'timeline');
      owners.innermost[index] = owningSection(open, entry, 'innermost');
      continue;
    }
    plainOwners ??= { timeline: owningSection(open, entry, 'timeline'), innermost: owningSection(open, entry, 'innermost') };
    owners.timeline[index] = plainOwners.timeline;
    owners.innermost[index] = plainOwners.innermost;
  }
  return owners;
}

function owningSection(sections: readonly Section[], entry: TimelineEntry, granularity: Granularity): Section | undefined {
  const at = entry.lineSpan.start;
  let innermost: Section | undefined;
  let timelineSection: Section | undefined;
  for (const section of sections) {
    if (at < section.span.start || at >= section.span.end) continue;
    // An entry laid out as a heading opens its own section; skip it.
    if (entry.layout === 'heading' && at >= section.headingSpan.start && at <= section.headingSpan.end) continue;
    // allSections is in document order, so the last section holding the entry is the innermost.
    innermost = section;
    if (section.kinds.includes('timeline')) timelineSection = section;
  }
  return granularity === 'timeline' ? (timelineSection ?? innermost) : innermost;
}
