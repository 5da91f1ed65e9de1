import type { PostmortemDocument, Span } from '../model';
import type { PostmortemOptions } from '../options';
import { readActionItems, type ActionItem, type ActionList, type ActionTable, type ColumnRole } from '../parse/actionItems';
import { splitCells } from '../parse/actionTable';
import { actionItemRequirements } from '../analysis/profiles';
import { lineBreakAt, lineEndOf, lineStartOf, type QuickFix, type SpanEdit } from './textEdits';

/**
 * The edit that marks `item` done: `[ ]` becomes `[x]`; a status cell, `Status:` value or
 * `TODO` marker becomes `Done` (`DONE` where the author wrote capitals); a bullet or numbered
 * item without a checkbox gets `[x] `. Undefined where nothing can say so (a plain line, a table
 * without a status column) or the item is already done.
 */
export function markDoneEdit(document: PostmortemDocument, item: ActionItem): SpanEdit | undefined {
  if (item.done === true) return undefined;
  const text = document.text;
  if (item.checkbox) return { span: item.checkbox, newText: '[x]' };
  if (item.status && item.status.text !== '') {
    const written = text.slice(item.status.span.start, item.status.span.end);
    const word = /^[A-Z\s]+$/.test(written) && /[A-Z]{2}/.test(written) ? 'DONE' : 'Done';
    return { span: item.status.span, newText: word };
  }
  if (item.form === 'table-row' && item.table?.header && item.cells) {
    const column = item.table.header.columns.findIndex((c) => c.role === 'status');
    const cell = column >= 0 ? item.cells[column] : undefined;
    if (cell) return { span: cell, newText: cell.start === cell.end ? ' Done ' : 'Done' };
    return undefined;
  }
  if ((item.form === 'bullet' || item.form === 'numbered') && item.marker) {
    let at = item.marker.end;
    while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    return { span: { start: at, end: at }, newText: '[x] ' };
  }
  return undefined;
}

const COLUMN_TITLES: Readonly<Record<ColumnRole, string>> = {
  action: 'Action',
  owner: 'Owner',
  due: 'Due',
  ticket: 'Ticket',
  status: 'Status',
  type: 'Type',
  priority: 'Priority',
};

/** A cell's text: pipes escaped, line breaks flattened. */
function cell(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ').replace(/(?<!\\)\|/g, '\\|').trim();
}

const FIELD_CONTINUATION = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:owner|owners|assignee|assigned to|dri|due date|due|deadline|target date|target|eta|status|state|ticket|bug|type|priority)(?:\*\*|__)?\s{0,3}:/i;

/**
 * Whether every line of the list is an item's first line, a field line (`Owner: …`) or blank:
 * a table keeps nothing else, so a list with descriptions or sub-bullets is not converted.
 */
function convertible(document: PostmortemDocument, list: ActionList): boolean {
  const text = document.text;
  for (const item of list.items) {
    let offset = lineEndOf(text, item.lineSpan.start);
    while (offset < item.span.end) {
      const start = offset + (text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1);
      const end = lineEndOf(text, start);
      const line = text.slice(start, end);
      if (line.trim() !== '' && !FIELD_CONTINUATION.test(line)) return false;
      offset = end;
    }
  }
  return list.items.length > 0;
}

/**
 * Replaces a bullet, numbered or task list of actions with an `Action | Owner | Due | Ticket |
 * Status` table, each row keeping the item's fields: the due date as `YYYY-MM-DD` when
 * complete (else as written), the ticket and status as written (`Done`/`Open` from a
 * checkbox). Markdown documents only; undefined when a line of the list would be lost.
 */
export function convertListToTableEdit(document: PostmortemDocument, list: ActionList): SpanEdit | undefined {
  if (document.flavor !== 'markdown' || list.items.some((item) => item.form === 'table-row' || item.form === 'line') || !convertible(document, list)) return undefined;
  const text = document.text;
  const first = list.items[0]!;
  const start = lineStartOf(text, first.lineSpan.start);
  const last = list.items[list.items.length - 1]!;
  const end = last.span.end;
  const indent = text.slice(start, first.lineSpan.start);
  if (indent.trim() !== '' || indent.length > 3) return undefined;
  const lineBreak = lineBreakAt(text, start);
  const rows = [
    '| Action | Owner | Due | Ticket | Status |',
    '| --- | --- | --- | --- | --- |',
    ...list.items.map((item) => {
      const status = item.checkbox ? (item.done ? 'Done' : 'Open') : item.status?.text ?? (item.done === true ? 'Done' : item.done === false ? 'Open' : '');
      const values = [text.slice(item.textSpan.start, item.textSpan.end), item.owner?.text ?? '', item.due ? (item.due.iso ?? item.due.text) : '', item.ticket?.text ?? '', status];
      return `| ${values.map(cell).join(' | ')} |`;
    }),
  ];
  // A table must not run into the paragraph above or below it.
  const previousLineStart = lineStartOf(text, Math.max(0, start - 1));
  const previous = start > 0 ? text.slice(previousLineStart, start).trim() : '';
  const before = previous !== '' && !/^#{1,6}\s/.test(previous) ? lineBreak : '';
  const nextLineEnd = lineEndOf(text, end + lineBreak.length);
  const next = end < text.length ? text.slice(end, nextLineEnd).trim() : '';
  const after = next !== '' ? lineBreak : '';
  return { span: { start, end }, newText: before + rows.join(lineBreak) + after };
}

/**
 * Adds the columns an action table lacks among Owner, Due, Ticket (when tickets are required)
 * and Status, after its last column, with empty cells; short rows are padded first so the
 * new cells line up. Undefined when the table has no header or lacks none of them.
 */
export function addMissingColumnsEdits(document: PostmortemDocument, table: ActionTable, options: PostmortemOptions): { edits: SpanEdit[]; titles: string[] } | undefined {
  const header = table.header;
  if (!header || !table.delimiter) return undefined;
  const wanted: ColumnRole[] = ['owner', 'due', ...(actionItemRequirements(options).ticket ? (['ticket'] as ColumnRole[]) : []), 'status'];
  const missing = wanted.filter((role) => !header.columns.some((column) => column.role === role));
  if (missing.length === 0) return undefined;
  const titles = missing.map((role) => COLUMN_TITLES[role]);
  const width = header.columns.length;
  const text = document.text;
  const edits: SpanEdit[] = [];
  let offset = table.span.start;
  while (offset < table.span.end) {
    const lineStart = lineStartOf(text, offset);
    const lineEnd = lineEndOf(text, offset);
    const line = text.slice(lineStart, lineEnd);
    const trimmedEnd = lineStart + line.trimEnd().length;
    const closed = line.trimEnd().endsWith('|') && !line.trimEnd().endsWith('\\|');
    const have = splitCells({ start: lineStart, end: lineEnd, text: line }).length;
    const pad = Math.max(0, width - have);
    const isHeader = lineStart === header.span.start;
    const isDelimiter = lineStart === table.delimiter.start;
    const values = isHeader ? titles : isDelimiter ? titles.map(() => '---') : titles.map(() => '');
    const padding = Array.from({ length: pad }, () => (isDelimiter ? '---' : ''));
    const cells = [...padding, ...values].map((v) => (v === '' ? ' ' : ` ${v} `));
    const newText = (closed ? '' : ' |') + cells.join('|') + '|';
    edits.push({ span: { start: trimmedEnd, end: trimmedEnd }, newText });
    const next = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
    if (next <= offset) break;
    offset = next;
  }
  return { edits, titles };
}

/** The item whose line starts at `itemStart`. */
export function itemStartingAt(document: PostmortemDocument, itemStart: number): ActionItem | undefined {
  return readActionItems(document).items.find((item) => item.lineSpan.start === itemStart);
}

/** The list or table holding `item`. */
export function containerOf(document: PostmortemDocument, item: ActionItem): ActionList | ActionTable | undefined {
  if (item.table) return item.table;
  for (const section of readActionItems(document).sections) {
    const list = section.lists.find((l) => l.items.includes(item));
    if (list) return list;
  }
  return undefined;
}

/**
 * The action-item fixes for `item`. On a finding (`code` set) only "mark done", for
 * `action-item-overdue`: it settles the finding. At the cursor (`code` empty): convert its list
 * to a table, add the columns its table lacks, mark it done; these rewrite the layout and settle
 * no finding by themselves, so they are refactorings, not quick fixes. None is safe for fix-all:
 * each re-lays the author's text or states a fact (done) only the author knows.
 */
export function actionItemFixes(document: PostmortemDocument, item: ActionItem, options: PostmortemOptions, code: string, findingSpan: Span): QuickFix[] {
  const fixes: QuickFix[] = [];
  const fix = (title: string, edits: readonly SpanEdit[], preferred = false): QuickFix => ({ title, code, findingSpan, edits, preferred, safe: false });
  const done = markDoneEdit(document, item);
  if (code !== '') return code === 'action-item-overdue' && done ? [fix('Mark the action item done', [done], true)] : [];
  const container = containerOf(document, item);
  if (container && 'rows' in container) {
    const columns = addMissingColumnsEdits(document, container, options);
    if (columns) fixes.push(fix(`Add the ${columns.titles.join(', ')} ${columns.titles.length === 1 ? 'column' : 'columns'} to the action table`, columns.edits));
  } else if (container) {
    const edit = convertListToTableEdit(document, container);
    if (edit) fixes.push(fix(`Convert the ${container.items.length === 1 ? 'action' : `${container.items.length} actions`} to an action table (Action | Owner | Due | Ticket | Status)`, [edit]));
  }
  if (done) fixes.push(fix('Mark the action item done', [done]));
  return fixes;
}
