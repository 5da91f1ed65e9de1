import type { PostmortemDocument } from '../model';
import { readActionItems, type ActionItem } from '../parse/actionItems';
import type { Finding, Severity } from './findings';

/** Facts the action-item quick fixes need; JSON-serialisable. */
export interface ActionItemFindingData {
  /** Where the item's line starts: the quick fixes find the item again by it. */
  readonly itemStart: number;
}

/** The item as a message names it: its text, cut at 60 characters. */
export function itemLabel(item: ActionItem): string {
  return item.text.length > 60 ? `${item.text.slice(0, 57).trimEnd()}…` : item.text;
}

/**
 * One finding per open or unmarked item that lacks a field (`owner`, `due` or `ticket`), on
 * the item's text. Items marked done are not reported: the work is finished.
 */
export function missingFieldFindings(
  document: PostmortemDocument,
  code: string,
  severity: Severity,
  lacks: (item: ActionItem) => boolean,
  message: (item: ActionItem) => string,
): Finding[] {
  const findings: Finding[] = [];
  for (const item of readActionItems(document).items) {
    if (item.done === true || !lacks(item)) continue;
    const data: ActionItemFindingData = { itemStart: item.lineSpan.start };
    findings.push({ code, severity, span: item.textSpan, message: message(item), data });
  }
  return findings;
}
