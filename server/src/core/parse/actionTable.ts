import type { Span } from '../model';
import {
  findOwner,
  findDue,
  findStatus,
  findTicket,
  readDueText,
  stateOfStatus,
  stripMarkup,
  typeOfWord,
  type ActionState,
  type FieldValue,
} from './actionFields';
import type { ActionItem } from './actionItems';

/** What a column of an action table holds. */
export type ColumnRole = 'action' | 'owner' | 'due' | 'ticket' | 'status' | 'type' | 'priority';

export interface ActionColumn {
  /** Undefined for a column whose title names none of the roles (`Notes`). */
  readonly role?: ColumnRole;
  readonly title: string;
  readonly span: Span;
}

/** A Markdown table of action items. */
export interface ActionTable {
  /** From the first row's start to the last row's end. */
  readonly span: Span;
  /** The header row, when the table has one (a row over a `|---|` line, or a row of column names). */
  readonly header?: { readonly span: Span; readonly columns: readonly ActionColumn[] };
  /** The `|---|` line, when there is one. */
  readonly delimiter?: Span;
  readonly rows: readonly ActionItem[];
}

interface RowLine {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Cell {
  /** Content without the surrounding white space (an empty cell has an empty span at its middle). */
  readonly span: Span;
  readonly text: string;
}

/**
 * Column titles to roles. Order matters: "Action owner" is an owner, "Link to Jira ticket" a
 * ticket, "Estimated resolution" a due date, before "action" or "resolution" are looked at.
 */
const ROLE_PATTERNS: readonly (readonly [RegExp, ColumnRole])[] = [
  [/\b(?:owner|owners|assignee|assigned(?: to)?|who|responsible|dri|lead|driver)\b/, 'owner'],
  [/\b(?:due|deadline|eta|target(?: date)?|by when|when|estimated resolution|expected|date)\b|^by$/, 'due'],
  [/\b(?:ticket|tickets|bug|bugs|issue|issues|link|links|tracking|tracker|jira|pr|pull request|reference|ref)\b|#/, 'ticket'],
  [/\b(?:status|done|state|progress|complete|completed|resolved)\b/, 'status'],
  [/\b(?:type|kind|category)\b/, 'type'],
  [/\b(?:priority|prio|severity|sev)\b/, 'priority'],
  [/\b(?:action|actions|action items?|item|items|task|tasks|what|description|title|summary|name|follow[- ]?ups?|remediation|measure|measures|fix|change)\b/, 'action'],
];

export function roleOfTitle(title: string): ColumnRole | undefined {
  const clean = stripMarkup(title).toLowerCase().replace(/\s+/g, ' ').trim();
  if (clean === '') return undefined;
  for (const [pattern, role] of ROLE_PATTERNS) if (pattern.test(clean)) return role;
  return undefined;
}

/** `|---|:---:|`: every cell dashes with optional alignment colons. */
const DELIMITER = {
  test(line: string): boolean {
    let body = line.trim();
    if (body.startsWith('|')) body = body.slice(1);
    if (body.endsWith('|')) body = body.slice(0, -1);
    if (body.trim() === '') return false;
    return body.split('|').every((cell) => /^:?-+:?$/.test(cell.trim()));
  },
};

/** Splits a table row into cells on unescaped pipes; `\|` and pipes inside code stay in the cell. */
export function splitCells(line: RowLine): Cell[] {
  const text = line.text;
  const bounds: number[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++;
      continue;
    }
    if (c === 96) inCode = !inCode;
    else if (c === 124 && !inCode) bounds.push(i);
  }
  const cells: Cell[] = [];
  const first = text.search(/\S/);
  // A leading pipe opens the row; text before the first pipe is a cell only without one.
  let from = bounds.length > 0 && bounds[0] === first ? bounds.shift()! + 1 : 0;
  for (let b = 0; b <= bounds.length; b++) {
    const to = b < bounds.length ? bounds[b]! : text.length;
    const raw = text.slice(from, to);
    // The text after the last pipe is a cell only when it holds something (no trailing pipe).
    if (b === bounds.length && raw.trim() === '') break;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const start = line.start + from + lead;
    cells.push({ span: { start, end: start + trimmed.length }, text: trimmed });
    from = to + 1;
  }
  return cells;
}

/** Cell text for reading: `<br>` is a line break inside the cell, `\|` a pipe. */
function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (!cell.text.includes('<') && !cell.text.includes('\\')) return cell.text;
  return cell.text.replace(/<br\s*\/?>/gi, ' ').replace(/\\\|/g, '|');
}

/**
 * Reads a block of `|` lines as an action table. The header is the row above a `|---|` line,
 * or a first row whose cells name at least two roles; without one, each row's first non-empty
 * cell is the action and its other fields are read inline. Ragged rows are read as far as
 * they go; rows with no action text are skipped. Undefined when no row is an item.
 */
export function readActionTable(
  lines: readonly RowLine[],
  year: number | undefined,
  day: string | undefined,
  categoryDone: ActionState,
): ActionTable | undefined {
  let headerLine: RowLine | undefined;
  let delimiter: RowLine | undefined;
  let bodyFrom = 0;
  if (lines.length >= 2 && DELIMITER.test(lines[1]!.text)) {
    headerLine = lines[0];
    delimiter = lines[1];
    bodyFrom = 2;
  } else if (DELIMITER.test(lines[0]!.text)) {
    delimiter = lines[0];
    bodyFrom = 1;
  } else {
    const roles = splitCells(lines[0]!).map((cell) => roleOfTitle(cell.text)).filter((role) => role !== undefined);
    if (new Set(roles).size >= 2 && roles.length === splitCells(lines[0]!).length) {
      headerLine = lines[0];
      bodyFrom = 1;
    }
  }
  const columns: ActionColumn[] = headerLine ? splitCells(headerLine).map((cell) => ({ role: roleOfTitle(cell.text), title: cell.text, span: cell.span })) : [];
  // Every role once: the first column that claims it wins; with no action column, the first unclaimed column is the action.
  const columnOf = new Map<ColumnRole, number>();
  columns.forEach((column, index) => {
    if (column.role && !columnOf.has(column.role)) columnOf.set(column.role, index);
  });
  if (headerLine && !columnOf.has('action')) {
    const free = columns.findIndex((column) => column.role === undefined);
    columnOf.set('action', free >= 0 ? free : 0);
  }
  const table: { span: Span; header?: ActionTable['header']; delimiter?: Span; rows: ActionItem[] } = {
    span: { start: lines[0]!.start + (lines[0]!.text.length - lines[0]!.text.trimStart().length), end: lines[lines.length - 1]!.end },
    rows: [],
  };
  if (headerLine) table.header = { span: { start: headerLine.start, end: headerLine.end }, columns };
  if (delimiter) table.delimiter = { start: delimiter.start, end: delimiter.end };
  for (let i = bodyFrom; i < lines.length; i++) {
    const line = lines[i]!;
    if (DELIMITER.test(line.text)) continue;
    const cells = splitCells(line);
    // The row is made with its table in place: copying every row to add it was a measurable share of reading a table.
    const row = headerLine ? readRow(line, cells, columnOf, year, day, categoryDone, table as ActionTable) : readHeaderlessRow(line, cells, year, day, categoryDone, table as ActionTable);
    if (row) table.rows.push(row);
  }
  return table.rows.length > 0 ? (table as ActionTable) : undefined;
}

function isEmptyValue(text: string): boolean {
  return /^(?:|n\/?a|none|-+|—|–|tbd|\?+)$/i.test(stripMarkup(text).trim());
}

function isNobody(text: string): boolean {
  return isEmptyValue(text) || /^(?:unassigned|not assigned|nobody|no one)$/i.test(stripMarkup(text).trim());
}

function value(cell: Cell | undefined): FieldValue | undefined {
  if (!cell) return undefined;
  const text = cellText(cell);
  if (isEmptyValue(text)) return undefined;
  const clean = stripMarkup(text);
  return { text: /\s\s|[\t\n]/.test(clean) ? clean.replace(/\s+/g, ' ').trim() : clean.trim(), span: cell.span };
}

function readRow(
  line: RowLine,
  cells: readonly Cell[],
  columnOf: ReadonlyMap<ColumnRole, number>,
  year: number | undefined,
  day: string | undefined,
  categoryDone: ActionState,
  table: ActionTable,
): ActionItem | undefined {
  const at = (role: ColumnRole): Cell | undefined => {
    const index = columnOf.get(role);
    return index === undefined ? undefined : cells[index];
  };
  const actionCell = at('action');
  const action = value(actionCell);
  if (!action || !actionCell) return undefined;
  const ownerCell = at('owner');
  const owner = (ownerCell && isNobody(cellText(ownerCell)) ? undefined : value(ownerCell)) ?? findOwner(cellText(actionCell), actionCell.span.start);
  const dueCell = at('due');
  const due = dueCell && !isEmptyValue(cellText(dueCell)) ? readDueText(cellText(dueCell), dueCell.span.start, year, day) : findDue(cellText(actionCell), actionCell.span.start, year, day);
  const ticketCell = at('ticket');
  let ticket = ticketCell ? findTicket(ticketCell.text, ticketCell.span.start) : undefined;
  if (!ticket && ticketCell && !isEmptyValue(ticketCell.text) && /\d/.test(ticketCell.text) && !/\s/.test(ticketCell.text.trim()) && stateOfStatus(ticketCell.text) === undefined) {
    ticket = { text: ticketCell.text, id: ticketCell.text.replace(/^#/, ''), span: ticketCell.span };
  }
  ticket ??= findTicket(cellText(actionCell), actionCell.span.start);
  const statusCell = at('status');
  let status: FieldValue | undefined = value(statusCell);
  let done: ActionState = status ? stateOfStatus(status.text) : undefined;
  if (!status) {
    // The SRE template writes **TODO**/**DONE** in the bug cell.
    const marker = (ticketCell && findStatus(ticketCell.text, ticketCell.span.start)) ?? findStatus(cellText(actionCell), actionCell.span.start);
    if (marker) {
      status = { text: marker.text, span: marker.span };
      done = marker.state;
    }
  }
  const checkbox = /^\[([ xX✓✔]?)\]\s*/.exec(actionCell.text);
  if (checkbox && done === undefined) done = checkbox[1]!.trim() !== '';
  const typeCell = at('type');
  const priorityCell = at('priority');
  const textValue = checkbox ? { text: action.text.replace(/^\[[ xX✓✔]?\]\s*/, ''), span: { start: actionCell.span.start + checkbox[0].length, end: actionCell.span.end } } : action;
  if (textValue.text === '') return undefined;
  return {
    form: 'table-row',
    lineSpan: { start: line.start + (line.text.length - line.text.trimStart().length), end: line.end },
    span: { start: line.start + (line.text.length - line.text.trimStart().length), end: line.end },
    text: textValue.text,
    textSpan: textValue.span,
    owner,
    due,
    ticket,
    done: done ?? categoryDone,
    status,
    type: typeCell ? typeOfWord(cellText(typeCell)) : undefined,
    priority: priorityCell && !isEmptyValue(priorityCell.text) ? stripMarkup(priorityCell.text).trim() : undefined,
    cells: cells.map((cell) => cell.span),
    table,
  };
}

function readHeaderlessRow(line: RowLine, cells: readonly Cell[], year: number | undefined, day: string | undefined, categoryDone: ActionState, table: ActionTable): ActionItem | undefined {
  // Without a header nothing says which cell is the action: the first that reads as one (two words or more).
  const actionCell = cells.find((cell) => !isEmptyValue(cell.text) && cell.text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length >= 2);
  if (!actionCell) return undefined;
  const status = findStatus(line.text, line.start);
  return {
    form: 'table-row',
    lineSpan: { start: line.start + (line.text.length - line.text.trimStart().length), end: line.end },
    span: { start: line.start + (line.text.length - line.text.trimStart().length), end: line.end },
    text: stripMarkup(cellText(actionCell)).replace(/\s+/g, ' ').trim(),
    textSpan: actionCell.span,
    owner: findOwner(line.text, line.start),
    due: findDue(line.text, line.start, year, day),
    ticket: findTicket(line.text, line.start),
    done: status?.state ?? categoryDone,
    status: status ? { text: status.text, span: status.span } : undefined,
    cells: cells.map((cell) => cell.span),
    table,
  };
}
