import type { CalendarDate, PostmortemDocument, Section, TimelineEntry } from '../model';
import type { PostmortemOptions } from '../options';
import { groupTimelineEntries } from '../analysis/timelineGroups';
import { dayNumber } from '../parse/timeTokens';
import {
  defaultEntryStyle,
  documentClockStyle,
  entryStyleOf,
  formatClock,
  formatUtcOffset,
  newTimelineZoneSuffix,
  renderEntry,
  sectionRegionEnd,
  timelineZone,
  type EntryStyle,
  type WallClock,
} from '../authoring/timelineFormat';
import { insertSectionEdit } from './insertSection';
import { dominantLineBreak, lineEndOf, lineStartOf, type SpanEdit } from './textEdits';

/** The instant to stamp, and the editor's local offset east of UTC in minutes (used when the timeline states no zone). */
export interface StampClock {
  readonly epochMs: number;
  readonly utcOffsetMinutes: number;
}

/** A new timeline entry: the edit that adds it and where the author types its description. */
export interface TimelineEntryInsertion {
  readonly edit: SpanEdit;
  /** Offset in the text *after* the edit where the description goes (the cursor). */
  readonly cursor: number;
  /** The time written, e.g. `10:05 PM PST`. */
  readonly stamp: string;
}

const CURSOR_MARK = '\u0000';

/**
 * The "Insert Timeline Entry" edit: an entry stamped `clock`'s instant, converted to the
 * timeline's zone (else shown on the editor's clock with its offset), written like the entries
 * around it, and placed where it belongs in time. Dated timelines are ordered by date and
 * time; undated ones take the new entry last (or first when newest-first), since "now" follows
 * what has been written. With no timeline section, one is added where the template puts it.
 * `cursor` (an offset) picks the timeline when a document has several.
 */
export function insertTimelineEntryEdit(document: PostmortemDocument, clock: StampClock, options: PostmortemOptions, cursor?: number): TimelineEntryInsertion {
  const text = document.text;
  const eol = dominantLineBreak(text);
  const zone = timelineZone(document);
  const zoneKnown = zone?.offsetMinutes !== undefined;
  const local = new Date(clock.epochMs + (zoneKnown ? zone!.offsetMinutes! : clock.utcOffsetMinutes) * 60_000);
  const time: WallClock = { hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds() };
  const date: CalendarDate = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), span: { start: 0, end: 0 } };
  // Without a zone to convert to, the stamp says which clock it is on.
  const localSuffix = zone ? undefined : ` ${formatUtcOffset(clock.utcOffsetMinutes)}`;

  const entries = entriesOfTimelineAt(document, cursor).filter((entry) => entry.time);
  if (entries.length > 0) {
    const reverse = document.timeline.reverseChronological;
    const dated = entries.every((entry) => entry.date);
    const nowKey = dayNumber(date) * 1440 + time.hour * 60 + time.minute;
    let after: TimelineEntry | undefined;
    let before: TimelineEntry | undefined;
    if (dated) {
      const key = (entry: TimelineEntry) => entry.minutes ?? Number.NEGATIVE_INFINITY;
      if (reverse) before = entries.find((entry) => key(entry) <= nowKey);
      else after = [...entries].reverse().find((entry) => key(entry) <= nowKey);
      if (!after && !before) {
        if (reverse) after = entries.at(-1);
        else before = entries[0];
      }
    } else if (reverse) before = entries[0];
    else after = entries.at(-1);

    const exemplar = (after ?? before)!;
    const base = entryStyleOf(document, exemplar)!;
    const style: EntryStyle = localSuffix && !base.zoneText ? { ...base, zoneText: localSuffix } : base;
    const line = renderEntry(style, withSeconds(time, style), CURSOR_MARK, { date, lineBreak: eol });
    const gap = gapNear(document, entries, exemplar, eol);
    const indent = /^[ \t]*/.exec(text.slice(exemplar.lineSpan.start, exemplar.lineSpan.end))![0];
    const body = style.lead.startsWith(indent) ? line : indent + line;
    if (after) return finish({ span: { start: after.span.end, end: after.span.end }, newText: gap + body }, style);
    return finish({ span: { start: before!.lineSpan.start, end: before!.lineSpan.start }, newText: body + gap }, style);
  }

  const style: EntryStyle = { ...defaultEntryStyle(document, documentClockStyle(document)), zoneText: localSuffix ?? newTimelineZoneSuffix(document) };
  const section = timelineSectionFor(document, cursor);
  if (section) {
    // After the section's last line of text: its heading, an "All times in" line, or a table header.
    const regionEnd = sectionRegionEnd(document, section);
    const body = text.slice(section.headingSpan.end, regionEnd);
    const lastTextEnd = section.headingSpan.end + body.trimEnd().length;
    const lastLine = text.slice(lineStartOf(text, lastTextEnd), lastTextEnd);
    const table = /^\s*\|?\s*:?-{2,}/.test(lastLine) ? tableStyle(text, lineStartOf(text, lastTextEnd), style) : undefined;
    const rowStyle = table ?? style;
    const line = renderEntry(rowStyle, withSeconds(time, rowStyle), CURSOR_MARK, { lineBreak: eol });
    // A table row goes right under the header; anything else gets a blank line above it.
    const separator = table ? eol : eol + eol;
    return finish({ span: { start: lastTextEnd, end: lastTextEnd }, newText: separator + line }, rowStyle);
  }

  // No timeline yet: add the section where the template puts it, with the entry under it.
  const heading = insertSectionEdit(document, 'timeline', options);
  const line = renderEntry(style, withSeconds(time, style), CURSOR_MARK, { lineBreak: eol });
  let blockEnd = heading.newText.length;
  while (blockEnd > 0 && (heading.newText[blockEnd - 1] === '\n' || heading.newText[blockEnd - 1] === '\r')) blockEnd--;
  const block = heading.newText.slice(0, blockEnd);
  const trailing = heading.newText.slice(blockEnd);
  return finish({ span: heading.span, newText: `${block}${eol}${eol}${line}${trailing}` }, style);

  function finish(edit: SpanEdit, used: EntryStyle): TimelineEntryInsertion {
    const mark = edit.newText.indexOf(CURSOR_MARK);
    return {
      edit: { span: edit.span, newText: edit.newText.replace(CURSOR_MARK, '') },
      cursor: edit.span.start + mark,
      stamp: `${formatClock(withSeconds(time, used), used.clock)}${used.zoneText.replace(/^[\s(]+/, ' ')}`,
    };
  }
}

/** Seconds only when the timeline writes them. */
function withSeconds(time: WallClock, style: EntryStyle): WallClock {
  return style.clock.seconds ? time : { hour: time.hour, minute: time.minute };
}

/** The entries of the timeline holding `cursor`, else of the main timeline, else the last group. */
function entriesOfTimelineAt(document: PostmortemDocument, cursor: number | undefined): readonly TimelineEntry[] {
  const groups = groupTimelineEntries(document, 'timeline');
  if (groups.length === 0) return [];
  if (cursor !== undefined) {
    const here = groups.find((group) => group.section && cursor >= group.section.headingSpan.start && cursor <= sectionRegionEnd(document, group.section));
    if (here) return here.entries;
  }
  return (groups.find((group) => group.section && group.section === document.timeline.section) ?? groups.at(-1)!).entries;
}

function timelineSectionFor(document: PostmortemDocument, cursor: number | undefined): Section | undefined {
  const timelines = document.allSections.filter((s) => s.kinds.includes('timeline'));
  if (cursor !== undefined) {
    const here = timelines.filter((s) => cursor >= s.headingSpan.start && cursor <= sectionRegionEnd(document, s)).at(-1);
    if (here) return here;
  }
  return document.timeline.section ?? timelines[0];
}

/** The spacing (a blank line or not) between `exemplar` and its neighbour, as written. */
function gapNear(document: PostmortemDocument, entries: readonly TimelineEntry[], exemplar: TimelineEntry, eol: string): string {
  const index = entries.indexOf(exemplar);
  for (const [a, b] of [[index - 1, index], [index, index + 1]] as const) {
    const first = entries[a];
    const second = entries[b];
    if (!first || !second) continue;
    const between = document.text.slice(first.span.end, second.lineSpan.start);
    if (between.length > 0 && /^\s*$/.test(between)) return between.replace(/[ \t]+/g, '');
  }
  return eol;
}

/** A row for a table that has a header but no rows yet: one cell per header column. */
function tableStyle(text: string, delimiterLineStart: number, style: EntryStyle): EntryStyle {
  const headerEnd = Math.max(0, delimiterLineStart - 1);
  const header = text.slice(lineStartOf(text, headerEnd), lineEndOf(text, headerEnd));
  const columns = header.split('|').filter((cell, i, all) => !((i === 0 || i === all.length - 1) && cell.trim() === '')).length;
  return { ...style, lead: '| ', zoneText: '', separator: ' | ', closing: '', table: true, extraCells: Math.max(0, columns - 2) };
}
