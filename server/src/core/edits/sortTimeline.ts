import type { PostmortemDocument, Span } from '../model';
import { groupTimelineEntries, type TimelineGroup } from '../analysis/timelineGroups';
import { orderableEntries, orderingGap, type Timed } from '../analysis/rules/timelineOrder';
import type { SpanEdit } from './textEdits';

/**
 * Edits that put a timeline group's entries in chronological order (newest first for a
 * timeline that runs that way). Each entry moves as a block with its continuation lines and
 * sub-bullets; the text between entries (blank lines, their line breaks) stays where it is,
 * so spacing and line endings are kept. Entries without a usable time keep their places.
 * Only the slots whose content changes are edited; an ordered group gives no edits.
 */
export function sortTimelineGroupEdits(document: PostmortemDocument, group: TimelineGroup): SpanEdit[] {
  const timed = orderableEntries(document, group.entries);
  if (timed.length < 2) return [];
  const direction = document.timeline.reverseChronological ? -1 : 1;
  const sorted = timed
    .map((item, index) => ({ item, index }))
    .sort((a, b) => direction * orderingGap(b.item, a.item) || a.index - b.index)
    .map((x) => x.item);
  const slots = timed.map((item) => blockOf(item));
  if (overlapping(slots)) return [];
  const edits: SpanEdit[] = [];
  sorted.forEach((item, slot) => {
    if (item === timed[slot]) return;
    const target = slots[slot]!;
    const source = blockOf(item);
    edits.push({ span: target, newText: document.text.slice(source.start, source.end) });
  });
  return edits;
}

/** Edits that sort every timeline group of the document (the "Sort Timeline" command). */
export function sortTimelineEdits(document: PostmortemDocument): SpanEdit[] {
  return groupTimelineEntries(document, 'innermost').flatMap((group) => sortTimelineGroupEdits(document, group));
}

/** The group holding the entry whose time token is at `span`. */
export function groupAt(document: PostmortemDocument, span: Span): TimelineGroup | undefined {
  return groupTimelineEntries(document, 'innermost').find((group) =>
    group.entries.some((entry) => entry.span.start <= span.start && span.end <= entry.span.end),
  );
}

function blockOf(item: Timed): Span {
  return item.entry.span;
}

function overlapping(spans: readonly Span[]): boolean {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  return ordered.some((span, i) => i > 0 && span.start < ordered[i - 1]!.end);
}
