import type { PostmortemDocument, Span, TimelineEntry } from '../model';
import { groupTimelineEntries, type TimelineGroup } from '../analysis/timelineGroups';
import { orderableEntries, orderingGap, type Timed } from '../analysis/rules/timelineOrder';
import type { SpanEdit } from './textEdits';

/**
 * Edits that put a timeline group's entries in chronological order (newest first for a
 * timeline that runs that way), by the points the `timeline-order` rule reads them at (see
 * `orderableEntries`), so the rule and the sort agree on what "in order" means. Each entry
 * moves as a block with its continuation lines and its sub-bullets, including sub-bullets that
 * quote times of their own; the text between entries (blank lines, their line breaks) stays
 * where it is, so spacing and line endings are kept. Entries without a usable time keep their
 * places. Only the slots whose content changes are edited; an ordered group gives no edits.
 */
export function sortTimelineGroupEdits(document: PostmortemDocument, group: TimelineGroup): SpanEdit[] {
  const timed = orderableEntries(document, group.entries);
  if (timed.length < 2) return [];
  const direction = document.timeline.reverseChronological ? -1 : 1;
  const sorted = timed
    .map((item, index) => ({ item, index }))
    .sort((a, b) => direction * orderingGap(b.item, a.item) || a.index - b.index)
    .map((x) => x.item);
  const blocks = blocksOf(document, group.entries, timed);
  if (overlapping([...blocks.values()])) return [];
  const edits: SpanEdit[] = [];
  sorted.forEach((item, slot) => {
    if (item === timed[slot]) return;
    const target = blocks.get(timed[slot]!)!;
    const source = blocks.get(item)!;
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

/**
 * The text each timed entry moves with: the entry, and the entries right after it that are not
 * ordered themselves and sit deeper in its list (a sub-bullet the parser read as an entry
 * because it quotes a time: `    - status 23:35 → 00:05`).
 */
function blocksOf(document: PostmortemDocument, entries: readonly TimelineEntry[], timed: readonly Timed[]): Map<Timed, Span> {
  const byEntry = new Map(timed.map((item) => [item.entry, item]));
  const blocks = new Map<Timed, Span>();
  let open: { item: Timed; indent: number; end: number } | undefined;
  const close = () => {
    if (open) blocks.set(open.item, { start: open.item.entry.span.start, end: open.end });
    open = undefined;
  };
  for (const entry of entries) {
    const item = byEntry.get(entry);
    if (item) {
      close();
      open = { item, indent: indentOf(document.text, entry), end: entry.span.end };
      continue;
    }
    if (open && canNest(open.item.entry) && indentOf(document.text, entry) > open.indent && onlyBlankBetween(document.text, open.end, entry.span.start)) {
      open.end = Math.max(open.end, entry.span.end);
    } else {
      close();
    }
  }
  close();
  return blocks;
}

/** Entries that can have sub-bullets under them (not table rows or headings). */
function canNest(entry: TimelineEntry): boolean {
  return entry.layout === 'bullet' || entry.layout === 'line' || entry.layout === 'prose';
}

/** Columns of white space before the entry's first line (a tab counts as four). */
function indentOf(text: string, entry: TimelineEntry): number {
  let columns = 0;
  for (let i = entry.lineSpan.start; i < entry.lineSpan.end; i++) {
    const c = text[i];
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else break;
  }
  return columns;
}

function onlyBlankBetween(text: string, start: number, end: number): boolean {
  return start <= end && text.slice(start, end).trim() === '';
}

function overlapping(spans: readonly Span[]): boolean {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  return ordered.some((span, i) => i > 0 && span.start < ordered[i - 1]!.end);
}
