import { readActionItems } from '../../parse/actionItems';
import type { Finding } from '../findings';
import { DiagnosticCodes, quote, type Rule } from './rule';

/**
 * `no-action-items`: a corrective-actions section (action items, follow-up, next steps) that is
 * empty or lists nothing that reads as an action: no table row, list item, task or line.
 */
export const checkNoActionItems: Rule = (document, options) => {
  if (!options['review.requireActionItems']) return [];
  const findings: Finding[] = [];
  for (const { section, items } of readActionItems(document).sections) {
    if (items.length > 0) continue;
    findings.push({
      code: DiagnosticCodes.noActionItems,
      severity: 'warning',
      span: section.titleSpan,
      message: `The section "${quote(document, section.titleSpan)}" lists no action items: a postmortem without follow-up work teaches less than it could. List each action (a task list or an Action | Owner | Due table)`,
    });
  }
  return findings;
};
