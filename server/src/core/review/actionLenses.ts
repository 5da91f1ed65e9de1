import type { PostmortemDocument, Span } from '../model';
import type { PostmortemOptions } from '../options';
import { readActionItems } from '../parse/actionItems';
import { daysBetween, reviewToday } from '../analysis/reviewClock';
import { markDoneEdit } from '../edits/actionItemEdits';

/** A code lens of the review: a summary over an action section, or "Mark done" over an overdue item. */
export interface ActionLens {
  readonly span: Span;
  readonly title: string;
  /** For "Mark done": where the item's line starts (the command finds the item by its line). */
  readonly markDone?: { readonly itemStart: number };
}

/**
 * Over each corrective-actions heading: "7 actions · 3 open · 1 overdue · 2 without owner"
 * (open: not marked done, as for `action-item-overdue`). Over each overdue item that can be marked done: "Mark done".
 */
export function actionLenses(document: PostmortemDocument, options: PostmortemOptions): ActionLens[] {
  const today = reviewToday(options);
  const lenses: ActionLens[] = [];
  for (const { section, items } of readActionItems(document).sections) {
    const overdue = items.filter((item) => item.done !== true && item.due?.iso !== undefined && daysBetween(item.due.iso, today) > 0);
    const open = items.filter((item) => item.done !== true).length;
    const noOwner = items.filter((item) => item.owner === undefined).length;
    const parts = [`${items.length} ${items.length === 1 ? 'action' : 'actions'}`, `${open} open`, `${overdue.length} overdue`, `${noOwner} without owner`];
    lenses.push({ span: section.headingSpan, title: parts.join(' · ') });
    for (const item of overdue) {
      if (markDoneEdit(document, item)) lenses.push({ span: item.lineSpan, title: 'Mark done', markDone: { itemStart: item.lineSpan.start } });
    }
  }
  return lenses;
}
