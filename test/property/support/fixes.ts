import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/core/analysis/findings';
import { applyEdits, type SpanEdit } from '../../../server/src/core/edits/textEdits';
import { defaultOptions, type PostmortemOptions } from '../../../server/src/core/options';
import { createPostmortemService } from '../../../server/src/core/service';
import { count } from './settings';

const service = createPostmortemService();

export const fixOptionVariants: readonly PostmortemOptions[] = [
  defaultOptions,
  { ...defaultOptions, profile: 'holberton' },
  { ...defaultOptions, requiredSections: ['summary', 'timeline', 'root-cause', 'resolution', 'corrective-actions', 'impact', 'lessons-learned'] },
];

/** The line breaks a text uses. */
function lineBreaksIn(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

/** Fails when `after` uses a line break `before` did not (a CRLF file must not gain bare LFs). */
export function assertLineBreaksPreserved(before: string, edits: readonly SpanEdit[], what: string): void {
  const used = lineBreaksIn(before);
  const allowed = used.size === 0 ? new Set(['\n']) : used;
  for (const edit of edits) {
    for (const lineBreak of lineBreaksIn(edit.newText)) {
      assert.ok(allowed.has(lineBreak), `${what}: inserts ${JSON.stringify(lineBreak)} into a document that uses ${JSON.stringify([...used])}`);
    }
  }
}

/** Where `offset` of the old text is after the edits (an offset inside an edit moves to its start). */
function mapOffset(offset: number, edits: readonly SpanEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.span.end <= offset) shift += edit.newText.length - (edit.span.end - edit.span.start);
    else if (edit.span.start < offset) return edit.span.start + shift;
  }
  return offset + shift;
}

function sameFinding(original: Finding, originalEdits: readonly SpanEdit[], candidate: Finding): boolean {
  if (candidate.code !== original.code) return false;
  if (original.code === 'missing-section') return JSON.stringify(candidate.data) === JSON.stringify(original.data);
  const ordered = [...originalEdits].sort((a, b) => a.span.start - b.span.start);
  return candidate.span.start === mapOffset(original.span.start, ordered) && candidate.span.end === mapOffset(original.span.end, ordered);
}


/**
 * Applies every quick fix of every finding of `text`, one at a time, and fails unless each
 * changes the text, keeps its line breaks, and removes its finding.
 */
export function checkEveryQuickFix(text: string, options: PostmortemOptions, property: string): void {
  const model = service.parse(text);
  const findings = service.check(model, options);
  for (const finding of findings) {
    for (const fix of service.quickFixes(model, finding, options)) {
      count(property, `${finding.code} fixes`);
      const what = `"${fix.title}" for ${finding.code} at ${JSON.stringify(finding.span)}`;
      assert.equal(fix.code, finding.code, `${what}: names another code`);
      const after = applyEdits(text, fix.edits);
      assert.notEqual(after, text, `${what}: changes nothing`);
      assertLineBreaksPreserved(text, fix.edits, what);
      const remaining = service.check(service.parse(after), options);
      const before = findings.filter((f) => f.code === finding.code).length;
      const now = remaining.filter((f) => f.code === finding.code).length;
      assert.ok(now < before, `${what}: ${finding.code} findings went from ${before} to ${now}\n--- after the fix:\n${after}`);
      const survivor = remaining.find((f) => sameFinding(finding, fix.edits, f));
      assert.equal(survivor, undefined, `${what}: the finding is still there: ${survivor?.message}\n--- after the fix:\n${after}`);
    }
  }
}
