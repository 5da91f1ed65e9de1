import type { PostmortemDocument, Span } from '../model';
import type { PostmortemOptions } from '../options';
import type { Finding } from '../analysis/findings';
import { checkDocument } from '../analysis/check';
import { parsePostmortem } from '../parse/parser';
import { applyEdits, normaliseEdits, type SpanEdit } from './textEdits';

/** The findings of one code on the text the edits produce, read by a fresh parse. */
export interface EditedFindings {
  readonly text: string;
  readonly findings: readonly Finding[];
}

/**
 * Applies `edits`, parses the result and runs the one rule that reports `code` (severity
 * overrides and suppression comments included, as `checkDocument` does). One parse and one
 * rule: callers run it once per fix and cache the answer with the model.
 */
export function findingsAfterEdits(document: PostmortemDocument, edits: readonly SpanEdit[], options: PostmortemOptions, code: string): EditedFindings {
  const text = applyEdits(document.text, edits);
  return { text, findings: checkDocument(parsePostmortem(text), options, code) };
}

/**
 * Whether applying `edits` removes `finding`: the text changes, the fresh parse reports fewer
 * findings of its code than `before`, and none of them sits where the finding was (its span
 * carried through the edits).
 */
export function editsRemoveFinding(
  document: PostmortemDocument,
  finding: Finding,
  edits: readonly SpanEdit[],
  options: PostmortemOptions,
  before: readonly Finding[] = checkDocument(document, options, finding.code),
): boolean {
  const after = findingsAfterEdits(document, edits, options, finding.code);
  if (after.text === document.text || after.findings.length >= before.length) return false;
  const moved = mapSpan(finding.span, edits);
  return !after.findings.some((f) => f.span.start === moved.start && f.span.end === moved.end);
}

/**
 * Where `span` of the old text lies after the edits. An offset inside a replaced span moves to
 * the start of the replacement (the finding was on text the edit rewrote).
 */
export function mapSpan(span: Span, edits: readonly SpanEdit[]): Span {
  const ordered = normaliseEdits(edits);
  const map = (offset: number): number => {
    let shift = 0;
    for (const edit of ordered) {
      if (edit.span.end <= offset) shift += edit.newText.length - (edit.span.end - edit.span.start);
      else if (edit.span.start < offset) return edit.span.start + shift;
    }
    return offset + shift;
  };
  return { start: map(span.start), end: map(span.end) };
}
