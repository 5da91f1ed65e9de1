import { actionItemRequirements } from '../profiles';
import { itemLabel, missingFieldFindings } from '../actionReview';
import { DiagnosticCodes, type Rule } from './rule';

/**
 * `action-item-ticket`: an action item links no ticket (`OPS-123`, `#123`, `b/123`, `bug 123`,
 * an issue or pull-request URL, a Ticket/Bug/Issue column). Off unless `review.requireTicket`
 * or the profile (google-sre, pagerduty) asks for tickets.
 */
export const checkActionItemTicket: Rule = (document, options) => {
  if (!actionItemRequirements(options).ticket) return [];
  return missingFieldFindings(
    document,
    DiagnosticCodes.actionItemTicket,
    'information',
    (item) => item.ticket === undefined,
    (item) => `The action item "${itemLabel(item)}" has no ticket: work tracked only in a document is easily lost. Link the tracker issue (OPS-123, #123 or its URL)`,
  );
};
