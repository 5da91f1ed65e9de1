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
    cached = {};
    groupsByModel.set(document, cached);
  }
  return [...(cached[granularity] ??= groupEntries(document, granularity))];
}

/**
 * Groups per model: a model never changes, and rules, hovers, hints and lenses ask for the
 * same groups of the same version. Frozen, since every caller shares them.
 */
const groupsByModel = new WeakMap<PostmortemDocument, { timeline?: readonly TimelineGroup[]; innermost?: readonly TimelineGroup[] }>();

function groupEntries(document: PostmortemDocument, granularity: 'timeline' | 'innermost'): readonly TimelineGroup[] {
  const groups: { section?: Section; entries: TimelineEntry[] }[] = [];
  const bySection = new Map<Section | undefined, { section?: Section; entries: TimelineEntry[] }>();
  const owners = owningSections(document, granularity);
  for (const [index, entry] of document.timeline.entries.entries()) {
    const section = owners[index];
    let group = bySection.get(section);
    if (!group) {
      group = { section, entries: [] };
      bySection.set(section, group);
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return Object.freeze(groups.map((group) => Object.freeze({ section: group.section, entries: Object.freeze(group.entries) })));
}

/**
 * The owning section of every entry, by index. One sweep in document order: the sections
 * holding an entry's line are those started before it and not yet ended, a handful at any
 * point, instead of every section of the document for every entry.
 */
function owningSections(document: PostmortemDocument, granularity: 'timeline' | 'innermost'): (Section | undefined)[] {
  const sections = document.allSections;
  const entries = document.timeline.entries;
  const inStartOrder = sections.every((section, index) => index === 0 || sections[index - 1]!.span.start <= section.span.start);
  if (!inStartOrder) return entries.map((entry) => owningSection(sections, entry, granularity));
  const byPosition = entries.map((_, index) => index).sort((a, b) => entries[a]!.lineSpan.start - entries[b]!.lineSpan.start || a - b);
  const owners: (Section | undefined)[] = new Array(entries.length);
  let open: Section[] = [];
  let next = 0;
  for (const index of byPosition) {
    const at = entries[index]!.lineSpan.start;
    while (next < sections.length && sections[next]!.span.start <= at) open.push(sections[next++]!);
    if (open.some((section) => at >= section.span.end)) open = open.filter((section) => at < section.span.end);
    // `open` holds exactly the sections whose span holds `at`, in the order of allSections.
    owners[index] = owningSection(open, entries[index]!, granularity);
  }
  return owners;
}

function owningSection(sections: readonly Section[], entry: TimelineEntry, granularity: 'timeline' | 'innermost'): Section | undefined {
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
