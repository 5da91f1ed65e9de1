import type { PostmortemDocument, Span } from '../model';
import type { PostmortemOptions } from '../options';
import { readActionItems, type ActionItem } from '../parse/actionItems';
import { describeDue, reviewToday } from '../analysis/reviewClock';
import { ticketTarget } from './ticketLinks';

/** The action item whose span holds `offset` (ends inclusive), if any. */
export function actionItemAt(document: PostmortemDocument, offset: number): ActionItem | undefined {
  return readActionItems(document).items.find((item) => offset >= item.span.start && offset <= item.span.end);
}

function literal(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/** What an item's state reads as. */
export function stateLabel(item: ActionItem): string {
  if (item.done === true) return 'done';
  if (item.done === false) return 'open';
  return 'not stated';
}

/**
 * The hover of an action item: owner, due date with how far off it is ("in 5 days", "overdue
 * by 12 days", seen from `review.today` or the clock), ticket (linked when it has an address),
 * state, type and priority. Undefined when `offset` is on no item.
 */
export function actionItemHover(document: PostmortemDocument, offset: number, options: PostmortemOptions): { span: Span; markdown: string } | undefined {
  const item = actionItemAt(document, offset);
  if (!item) return undefined;
  const today = reviewToday(options);
  const lines: string[] = [`**Action item**: ${literal(item.text)}`, ''];
  lines.push(`- Owner: ${item.owner ? literal(item.owner.text) : '*none*'}`);
  if (item.due) {
    const when = item.due.iso ? `${item.due.iso} (${describeDue(item.due.iso, today, item.done)})` : `${literal(item.due.text)} (not a complete date)`;
    lines.push(`- Due: ${when}`);
  } else lines.push('- Due: *none*');
  if (item.ticket) {
    const target = ticketTarget(item.ticket, options);
    lines.push(`- Ticket: ${target ? `[${literal(item.ticket.text)}](${target})` : literal(item.ticket.text)}`);
  } else lines.push('- Ticket: *none*');
  lines.push(`- State: ${stateLabel(item)}${item.status && item.status.text !== '' ? ` (${literal(item.status.text)})` : ''}`);
  if (item.type) lines.push(`- Type: ${item.type}`);
  if (item.priority) lines.push(`- Priority: ${literal(item.priority)}`);
  return { span: item.lineSpan, markdown: lines.join('\n') };
}
