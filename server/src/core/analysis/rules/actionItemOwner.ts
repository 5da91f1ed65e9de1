import { actionItemRequirements } from '../profiles';
import { itemLabel, missingFieldFindings } from '../actionReview';
import { DiagnosticCodes, type Rule } from './rule';

/**
 * `action-item-owner`: an action item names no owner (an Owner/Assignee/Who column, `owner:`,
 * `assigned to`, an `@handle`). Required unless `review.requireOwner` or the profile says not.
 */
export const checkActionItemOwner: Rule = (document, options) => {
  if (!actionItemRequirements(options).owner) return [];
  return missingFieldFindings(
    document,
    DiagnosticCodes.actionItemOwner,
    'information',
    (item) => item.owner === undefined,
    (item) => `The action item "${itemLabel(item)}" has no owner: an item nobody owns tends not to get done. Name the person or team (owner: …, @handle, or an Owner column)`,
  );
};
