import type { PostmortemDocument } from '../model';
import { readActionItems, type ActionType } from '../parse/actionItems';
import type { LineIndex } from '../text/lineIndex';
import { readImpact } from './impact';

/** The review part of a file's JSON report (`postmortem check --format json`). Lines and columns are 1-based. */
export interface ReviewReport {
  readonly actionItems: readonly {
    readonly line: number;
    readonly column: number;
    readonly text: string;
    readonly owner: string | null;
    /** `YYYY-MM-DD` when the date is complete; else the due text as written (`Q2 2025`, `2 weeks`). */
    readonly due: string | null;
    readonly ticket: string | null;
    /** `true` done, `false` open, `null` when the document does not say. */
    readonly done: boolean | null;
    readonly type: ActionType | null;
  }[];
  /** Null when the document has no impact statement. */
  readonly impact: { readonly line: number; readonly quantified: boolean; readonly figures: readonly string[] } | null;
}

/** Action items and the impact statement of `model`, for the CLI's JSON. */
export function buildReviewReport(model: PostmortemDocument, index: LineIndex): ReviewReport {
  const at = (offset: number) => {
    const position = index.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  const impact = readImpact(model);
  return {
    actionItems: readActionItems(model).items.map((item) => ({
      ...at(item.textSpan.start),
      text: item.text,
      owner: item.owner?.text ?? null,
      due: item.due ? (item.due.iso ?? item.due.text) : null,
      ticket: item.ticket?.text ?? null,
      done: item.done ?? null,
      type: item.type ?? null,
    })),
    impact: impact ? { line: at(impact.span.start).line, quantified: impact.quantified, figures: impact.figures } : null,
  };
}
