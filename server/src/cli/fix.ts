import { createTwoFilesPatch } from 'diff';
import type { SpanEdit } from '../core/edits/textEdits';
import { applyEdits } from '../core/edits/textEdits';
import type { PostmortemOptions } from '../core/options';
import type { PostmortemService } from '../core/service';
import { LineIndex } from '../core/text/lineIndex';

/** One safe fix that `--fix` applied: where its finding was, its code, and what it did. */
export interface AppliedFix {
  /** 1-based, in the text as it stood when the fix was applied. */
  readonly line: number;
  readonly column: number;
  readonly code: string;
  /** The quick fix's title, as the editor shows it (`Change to 1:00 PM`). */
  readonly title: string;
}

export interface FixOutcome {
  /** The fixed text (the input when nothing applied). */
  readonly text: string;
  readonly fixes: readonly AppliedFix[];
}

/** Fix-all runs again on its own result until it has nothing left, at most this many times. */
const maxPasses = 10;

/**
 * Applies the safe quick fixes, the edits of `source.fixAll.postmortem` (`service.fixAll`),
 * until none is left: fix-all leaves a fix that overlaps another for the next run, so the text
 * is parsed and fixed again (at most {@link maxPasses} times, as ESLint does). Running this on
 * its own result changes nothing. Only the edited spans change: line breaks and everything
 * else stay byte for byte.
 */
export function applySafeFixes(service: PostmortemService, text: string, options: PostmortemOptions): FixOutcome {
  let current = text;
  const fixes: AppliedFix[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const model = service.parse(current, undefined, options.languages);
    const edits = service.fixAll(model, options);
    if (edits.length === 0) break;
    fixes.push(...nameFixes(service, model, options, edits));
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return { text: current, fixes };
}

/** Which quick fixes fix-all's edits are: each finding whose safe fix is among them, by its title. */
function nameFixes(service: PostmortemService, model: ReturnType<PostmortemService['parse']>, options: PostmortemOptions, edits: readonly SpanEdit[]): AppliedFix[] {
  const same = (a: SpanEdit, b: SpanEdit) => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
  const index = new LineIndex(model.text);
  const named: AppliedFix[] = [];
  for (const finding of service.check(model, options)) {
    const fix = service.quickFixes(model, finding, options).find((f) => f.safe && f.edits.length > 0 && f.edits.every((e) => edits.some((chosen) => same(e, chosen))));
    if (!fix) continue;
    const position = index.positionAt(finding.span.start);
    named.push({ line: position.line + 1, column: position.character + 1, code: finding.code, title: fix.title });
  }
  return named;
}

/** A unified diff from `before` to `after` for one file (`--fix --dry-run`), with `a/` and `b/` names as git writes them. */
export function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
