import { readActionItems } from '../../parse/actionItems';
import type { Finding } from '../findings';
import { itemLabel, type ActionItemFindingData } from '../actionReview';
import { daysBetween, reviewToday } from '../reviewClock';
import { DiagnosticCodes, type Rule } from './rule';

/**
 * `action-item-overdue`: an action item's due date has passed and the item is not marked done.
 * On the due date as written. "Today" is `review.today`, else the local clock.
 */
export const checkActionItemOverdue: Rule = (document, options) => {
  if (!options['review.overdue']) return [];
  const today = reviewToday(options);
  const findings: Finding[] = [];
  for (const item of readActionItems(document).items) {
    const due = item.due?.iso;
    if (!item.due || due === undefined || item.done === true) continue;
    const late = daysBetween(due, today);
    if (late <= 0) continue;
    const data: ActionItemFindingData = { itemStart: item.lineSpan.start };
    const state = item.done === false ? 'is still open' : 'is not marked done';
    findings.push({
      code: DiagnosticCodes.actionItemOverdue,
      severity: 'warning',
      span: item.due.span,
      message: `The action item "${itemLabel(item)}" was due on ${due}, ${late} ${late === 1 ? 'day' : 'days'} ago, and ${state}. Mark it done, or agree a new date`,
      data,
    });
  }
  return findings;
};
