import { actionItemRequirements } from '../profiles';
import { itemLabel, missingFieldFindings } from '../actionReview';
import { DiagnosticCodes, type Rule } from './rule';

/**
 * `action-item-due`: an action item gives no due date (a Due/Deadline/ETA/Target column, `due
 * …`, `by <date>`). Required unless `review.requireDueDate` or the profile says not.
 */
export const checkActionItemDue: Rule = (document, options) => {
  if (!actionItemRequirements(options).due) return [];
  return missingFieldFindings(
    document,
    DiagnosticCodes.actionItemDue,
    'information',
    (item) => item.due === undefined,
    (item) => `The action item "${itemLabel(item)}" has no due date: without one it cannot be followed up. Add one (due YYYY-MM-DD, or a Due column)`,
  );
};
