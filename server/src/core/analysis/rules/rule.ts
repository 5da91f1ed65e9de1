import type { PostmortemDocument } from '../../model';
import type { PostmortemOptions } from '../../options';
import type { Finding } from '../findings';

/** A diagnostic rule: pure, never throws on a well-formed model, one file per rule. */
export type Rule = (document: PostmortemDocument, options: PostmortemOptions) => Finding[];

/** The stable codes the rules report; quick fixes and suppression comments key on them. */
export const DiagnosticCodes = Object.freeze({
  timelineOrder: 'timeline-order',
  invalidTime: 'invalid-time',
  unreadableTime: 'unreadable-time',
  timezoneMissing: 'timezone-missing',
  timezoneMixed: 'timezone-mixed',
  durationMismatch: 'duration-mismatch',
  outsideWindow: 'outside-window',
  missingSection: 'missing-section',
  emptySection: 'empty-section',
  duplicateSection: 'duplicate-section',
  ambiguousDate: 'ambiguous-date',
  actionItemOwner: 'action-item-owner',
  actionItemDue: 'action-item-due',
  actionItemTicket: 'action-item-ticket',
  actionItemOverdue: 'action-item-overdue',
  noActionItems: 'no-action-items',
  blameLanguage: 'blame-language',
  impactUnquantified: 'impact-unquantified',
} as const);

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];

/** The text a span covers, trimmed, for messages that name what the author wrote. */
export function quote(document: PostmortemDocument, span: { start: number; end: number }): string {
  return document.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}
