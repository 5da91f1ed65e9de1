import type { PostmortemDocument, Span } from '../model';
import type { PostmortemOptions } from '../options';
import { readActionItems } from '../parse/actionItems';
import { findHandles } from '../parse/actionFields';
import { splitCells } from '../parse/actionTable';
import { addDaysIso, reviewToday } from '../analysis/reviewClock';
import { lineStartOf } from '../edits/textEdits';

/** A completion in an action item: an owner or a due date. */
export interface ActionCompletion {
  readonly kind: 'owner' | 'due';
  readonly label: string;
  readonly detail: string;
  readonly insertText: string;
  /** The typed prefix it replaces. */
  readonly replace: Span;
  readonly sortText: string;
}

const OWNER_PREFIX = /(?:^|[\s(,;])(?:owner|owners|assignee|assigned to|who|dri|responsible)\s{0,3}:?\s{0,3}(@?[\w.-]{0,40})$/i;
const HANDLE_PREFIX = /(?:^|[\s(,;])(@[\w./-]{0,40})$/;
const DUE_PREFIX = /(?:^|[\s(,;])(?:due(?: date)?|by|deadline|target(?: date)?|eta)\s{0,3}:?\s{0,3}([\d-]{0,10})$/i;

/**
 * Completions inside an action section: after `owner:`/`assigned to`, in an Owner column or
 * after `@`, the owners and `@handles` the document already names; after `due`/`by`/`deadline`
 * or in a Due column, today + 7, + 14 and + 30 days as `YYYY-MM-DD` (today from `review.today`
 * or the clock). Empty elsewhere.
 */
export function actionCompletions(document: PostmortemDocument, offset: number, options: PostmortemOptions): ActionCompletion[] {
  const actions = readActionItems(document);
  const section = actions.sections.find(({ section }) => offset > section.headingSpan.end && offset <= section.span.end);
  if (!section) return [];
  const text = document.text;
  const lineStart = lineStartOf(text, offset);
  const prefix = text.slice(Math.max(lineStart, offset - 200), offset);
  let kind: 'owner' | 'due' | undefined;
  let typed = '';
  let match: RegExpExecArray | null;
  if ((match = HANDLE_PREFIX.exec(prefix))) {
    kind = 'owner';
    typed = match[1]!;
  } else if ((match = OWNER_PREFIX.exec(prefix))) {
    kind = 'owner';
    typed = match[1]!;
  } else if ((match = DUE_PREFIX.exec(prefix))) {
    kind = 'due';
    typed = match[1]!;
  } else if (prefix.trimStart().startsWith('|')) {
    const table = section.tables.find((t) => t.header && lineStart > t.header.span.start && lineStart <= t.span.end + 1);
    if (table?.header) {
      const lineText = text.slice(lineStart, offset);
      const column = splitCells({ start: lineStart, end: offset, text: lineText + '|' }).length - 1;
      const role = table.header.columns[column]?.role;
      const cell = /\|\s*([^|]*)$/.exec(lineText);
      typed = cell ? cell[1]!.trimStart() : '';
      if (role === 'owner') kind = 'owner';
      else if (role === 'due') kind = 'due';
    }
  }
  if (!kind) return [];
  const replace = { start: offset - typed.length, end: offset };
  if (kind === 'due') {
    const today = reviewToday(options);
    return [7, 14, 30].map((days, index) => {
      const day = addDaysIso(today, days);
      return { kind, label: day, detail: `today + ${days} days`, insertText: day, replace, sortText: String(index) };
    });
  }
  const owners = new Map<string, string>();
  for (const item of section.items.length > 0 ? actions.items : []) {
    if (item.owner) owners.set(item.owner.text, 'owner of an action item');
  }
  for (const handle of findHandles(text.length > 1_000_000 ? text.slice(0, 1_000_000) : text)) if (!owners.has(handle)) owners.set(handle, 'named in this document');
  const typedHandle = typed.startsWith('@');
  return [...owners]
    .filter(([name]) => (typedHandle ? name.startsWith('@') : true) && name !== typed)
    .map(([name, detail], index) => ({ kind: 'owner' as const, label: name, detail, insertText: name, replace, sortText: String(index).padStart(4, '0') }));
}
