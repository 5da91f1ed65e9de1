import type { Span } from '../model';

/** Replace `span` (UTF-16 offsets into the original text) with `newText`. */
export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A fix for one finding: a title for the editor and the edits that make the finding go away. */
export interface QuickFix {
  readonly title: string;
  /** The code of the finding it fixes. */
  readonly code: string;
  /** The span of the finding it fixes (to match the diagnostic it is offered on). */
  readonly findingSpan: Span;
  readonly edits: readonly SpanEdit[];
  /** The fix the editor should offer first (`isPreferred`). */
  readonly preferred: boolean;
  /**
   * Safe to apply without looking (`source.fixAll.postmortem`): the intended text is evident
   * and the edit cannot lose what the author wrote.
   */
  readonly safe: boolean;
}

/**
 * Applies non-overlapping edits to `text`. Edits may come in any order; overlapping edits
 * are a programming error and the later-starting one is dropped rather than corrupting text.
 */
export function applyEdits(text: string, edits: readonly SpanEdit[]): string {
  const ordered = normaliseEdits(edits);
  let result = '';
  let cursor = 0;
  for (const edit of ordered) {
    result += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return result + text.slice(cursor);
}

/** Sorts edits by position and drops any that overlap an earlier one (insertions at one point keep their order). */
export function normaliseEdits(edits: readonly SpanEdit[]): SpanEdit[] {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.index - b.index)
    .map((e) => e.edit);
  const kept: SpanEdit[] = [];
  let end = -1;
  for (const edit of ordered) {
    if (edit.span.start < end) continue;
    kept.push(edit);
    end = Math.max(end, edit.span.end);
  }
  return kept;
}

/** Whether two sets of edits touch overlapping text (so they cannot be applied together). */
export function editsOverlap(a: readonly SpanEdit[], b: readonly SpanEdit[]): boolean {
  return a.some((x) =>
    b.some((y) => x.span.start < y.span.end && y.span.start < x.span.end || (x.span.start === y.span.start && x.span.end === y.span.end)),
  );
}

/** The line break the document uses most (`\r\n` or `\n`; `\n` for a document without one). */
export function dominantLineBreak(text: string): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** The line break that ends the line holding `offset`, or the document's dominant one at the end of text. */
export function lineBreakAt(text: string, offset: number): string {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    if (c === 10) return '\n';
  }
  return dominantLineBreak(text);
}

/** Offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Offset where the line holding `offset` ends (before its line break). */
export function lineEndOf(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Offset just after the line break ending the line that holds `offset` (text length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
