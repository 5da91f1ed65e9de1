import type { PostmortemDocument } from '../model';
import { dominantLineBreak, lineBreakAt, lineEndOf, lineStartOf, nextLineStart, type SpanEdit } from './textEdits';

/**
 * Inserts an `All times in <zone>.` line at the top of the timeline (under its heading, before
 * the first entry), echoing the blank line the author left under the heading, if any.
 */
export function addAllTimesLineEdit(document: PostmortemDocument, zone: string): SpanEdit | undefined {
  const text = document.text;
  const section = document.timeline.section;
  const firstEntry = document.timeline.entries[0];
  if (!section && !firstEntry) return undefined;
  let offset: number;
  let blankAfterHeading = false;
  if (section) {
    offset = nextLineStart(text, section.headingSpan.end);
    while (offset < section.span.end && text.slice(offset, lineEndOf(text, offset)).trim() === '') {
      blankAfterHeading = true;
      offset = nextLineStart(text, offset);
    }
    if (offset >= text.length || offset > section.span.end) {
      // A heading with nothing under it: put the line right below the heading.
      const eol = lineBreakAt(text, section.headingSpan.end);
      return { span: { start: section.headingSpan.end, end: section.headingSpan.end }, newText: `${eol}All times in ${zone}.` };
    }
  } else {
    offset = lineStartOf(text, firstEntry!.lineSpan.start);
  }
  const eol = offset > 0 ? lineBreakBefore(text, offset) : dominantLineBreak(text);
  return { span: { start: offset, end: offset }, newText: `All times in ${zone}.${eol}${blankAfterHeading ? eol : ''}` };
}

/**
 * Adds ` <zone>` after the time of every timed entry that names no zone of its own, and a space
 * after the zone when the time runs straight into a word or number (`10:15fw`), which would
 * otherwise swallow the zone (`UTCfw` is not a zone, `UTC+5` another one).
 */
export function addZoneToEntriesEdits(document: PostmortemDocument, zone: string): SpanEdit[] {
  const text = document.text;
  return document.timeline.entries
    .filter((entry) => entry.time && !entry.ownZone)
    .map((entry) => {
      const at = (entry.endTime ?? entry.time)!.span.end;
      const gap = RUNS_INTO_ZONE.test(text.slice(at, at + 2)) ? ' ' : '';
      return { span: { start: at, end: at }, newText: ` ${zone}${gap}` };
    });
}

/** Text that, right after an inserted zone name, would read as part of it: a letter, digit, sign or joiner. */
const RUNS_INTO_ZONE = /^(?:[\p{L}\p{N}\p{M}_/+\-\u2212]|:\d)/u;

/** The line break that ends the line before `offset` (which starts a line). */
function lineBreakBefore(text: string, offset: number): string {
  if (text[offset - 1] === '\n') return text[offset - 2] === '\r' ? '\r\n' : '\n';
  if (text[offset - 1] === '\r') return '\r';
  return dominantLineBreak(text);
}
