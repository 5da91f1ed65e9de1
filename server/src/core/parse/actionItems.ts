import type { PostmortemDocument, Section, Span } from '../model';
import {
  findDue,
  findOwner,
  findPriority,
  findStatus,
  findTicket,
  findType,
  isoOf,
  readDueText,
  stateOfStatus,
  stripMarkup,
  trimSpan,
  typeOfWord,
  type ActionState,
  type ActionType,
  type DueDate,
  type FieldValue,
  type Ticket,
} from './actionFields';
import { readActionTable, type ActionTable } from './actionTable';

export type { ActionState, ActionType, DueDate, FieldValue, Ticket } from './actionFields';
export type { ActionTable, ActionColumn, ColumnRole } from './actionTable';

/** How an action item is written. */
export type ActionItemForm = 'table-row' | 'task' | 'bullet' | 'numbered' | 'line' | 'fields';

/**
 * One action item of a corrective-actions (action items, follow-up, next steps) section.
 * Spans are UTF-16 offsets into the document text; absent fields are undefined.
 */
export interface ActionItem {
  readonly form: ActionItemForm;
  /** The item's first line from its marker (or first cell) to the end of the line. */
  readonly lineSpan: Span;
  /** The whole item: its line, continuation lines and indented field lines. */
  readonly span: Span;
  /** What is to be done, without the list marker, checkbox, status marker or field annotations. */
  readonly text: string;
  readonly textSpan: Span;
  readonly owner?: FieldValue;
  readonly due?: DueDate;
  readonly ticket?: Ticket;
  /** `true` done, `false` open, undefined when the document does not say. */
  readonly done: ActionState;
  /** The status as written (a cell, `Status: …`, `**DONE**`, `[x]`). */
  readonly status?: FieldValue;
  readonly type?: ActionType;
  readonly priority?: string;
  /** The `[ ]`/`[x]` of a task-list item. */
  readonly checkbox?: Span;
  /** The list marker (`-`, `1.`) of a list item. */
  readonly marker?: Span;
  /** The table a row belongs to. */
  readonly table?: ActionTable;
  /** For table rows: each cell's content span by column index (an absent cell is undefined). */
  readonly cells?: readonly (Span | undefined)[];
}

/** A run of list or line items with nothing else between them: what "convert to a table" replaces. */
export interface ActionList {
  readonly span: Span;
  readonly items: readonly ActionItem[];
}

/** One corrective-actions section and what it holds (sub-sections included). */
export interface ActionSection {
  readonly section: Section;
  readonly items: readonly ActionItem[];
  readonly tables: readonly ActionTable[];
  readonly lists: readonly ActionList[];
}

export interface ActionItems {
  readonly sections: readonly ActionSection[];
  /** Every item, in document order. */
  readonly items: readonly ActionItem[];
  /** The year dates without one are read in (the incident's year), when the document gives one. */
  readonly documentYear?: number;
  /** The incident's day (`YYYY-MM-DD`), when known: due dates without a year fall after it. */
  readonly incidentDay?: string;
}

const cache = new WeakMap<PostmortemDocument, ActionItems>();

/**
 * The action items of a parsed document, read once per model (a model never changes) from
 * every outermost section of kind `corrective-actions`. Reads Markdown tables whatever their
 * columns are called, task lists, bullets, numbered items, `Task:`/`Owner:` field blocks and
 * plain lines; a category line ("Improvements:", a sub-heading) is not an item, its bullets are.
 * Never throws: a defect degrades to no items.
 */
export function readActionItems(document: PostmortemDocument): ActionItems {
  let items = cache.get(document);
  if (!items) {
    try {
      items = read(document);
    } catch {
      items = { sections: [], items: [] };
    }
    cache.set(document, items);
  }
  return items;
}

function read(document: PostmortemDocument): ActionItems {
  const { year, day } = incidentDate(document);
  const sections: ActionSection[] = [];
  for (const section of document.allSections) {
    if (!section.kinds.includes('corrective-actions')) continue;
    if (sections.some((outer) => outer.section.span.start <= section.span.start && section.span.end <= outer.section.span.end)) continue;
    sections.push(readSection(document, section, year, day));
  }
  return { sections, items: sections.flatMap((s) => s.items), documentYear: year, incidentDay: day };
}

/** The incident's year and day: the stated start, else the first dated timeline entry, else a year in the title. */
function incidentDate(document: PostmortemDocument): { year?: number; day?: string } {
  const start = document.window.startDate;
  if (start?.year !== undefined) return { year: start.year, day: isoOf(start.year, start.month, start.day) };
  for (const entry of document.timeline.entries) {
    const date = entry.date;
    if (date?.year !== undefined) return { year: date.year, day: isoOf(date.year, date.month, date.day) };
  }
  const head = document.text.slice(0, 2000);
  const year = /(?<!\d)(19[89]\d|20\d\d)(?!\d)/.exec(head);
  return year ? { year: Number(year[1]) } : {};
}

interface LineInfo {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Lines of `[start, end)` with exact offsets, split on `\r\n`, `\n` and `\r`. */
function linesOf(text: string, start: number, end: number): LineInfo[] {
  const lines: LineInfo[] = [];
  let offset = start;
  while (offset < end) {
    let stop = offset;
    while (stop < end) {
      const c = text.charCodeAt(stop);
      if (c === 10 || c === 13) break;
      stop++;
    }
    lines.push({ start: offset, end: stop, text: text.slice(offset, stop) });
    if (stop >= end) break;
    offset = text.charCodeAt(stop) === 13 && text.charCodeAt(stop + 1) === 10 ? stop + 2 : stop + 1;
  }
  return lines;
}

const LIST_ITEM = /^(\s*)(?:([-*+•●▪◦‣])|(\d{1,3})[.)]|([a-zA-Z])[.)])[ \t]+(?:(\[(?:[ xX✓✔✗]?)\])[ \t]*)?/;
const BARE_CHECKBOX = /^(\s*)(\[(?:[ xX✓✔✗]?)\])[ \t]+/;
const FIELD_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(owner|owners|assignee|assigned to|dri|responsible|due date|due|deadline|target date|target|eta|status|state|ticket|bug|issue|tracking|jira|link|type|kind|category|priority|task|action|action item|item)(?:\*\*|__)?\s{0,3}:(?:\*\*|__)?\s*/i;
const RULE_LINE = /^\s*(?:[-*_=━─]\s*){3,}$/;
const PROSE_START = /^(?:by |this |these |those |we |we’|we'|our |it |there |overall|in conclusion|in summary|to summari[sz]e|remember|thank|we apologi[sz]e|and that|note:|if you |hopefully|finally,|going forward,)/i;
const CODE_LIKE = /^(?:#|\$ |sudo |cd |cat |echo |find |kubectl |docker |git |npm |apt|```)|\s>{1,2}\s|&&|\|\s*\w+\s*$/;

interface Category {
  readonly type?: ActionType;
  readonly done: ActionState;
  /** The indent of a category bullet: its sub-bullets are items. */
  readonly indent: number;
}

interface Builder {
  form: ActionItemForm;
  lineSpan: Span;
  end: number;
  textSpan: Span;
  text: string;
  indent: number;
  contentIndent: number;
  checkbox?: Span;
  marker?: Span;
  doneFromCheckbox: ActionState;
  category?: Category;
  /** Text spans read for fields: the first line and its continuation lines. */
  fieldLines: LineInfo[];
}

function readSection(document: PostmortemDocument, section: Section, year: number | undefined, day: string | undefined): ActionSection {
  const text = document.text;
  const start = section.headingSpan.end;
  const end = section.span.end;
  const skipped: Span[] = [...document.ignoredSpans];
  const categoryHeadings = new Map<number, Section>();
  for (const child of document.allSections) {
    if (child === section || child.span.start < start || child.span.start >= end) continue;
    if (child.kind !== 'corrective-actions' && child.kind !== 'other') skipped.push({ start: child.headingSpan.start, end: child.span.end });
    else categoryHeadings.set(child.headingSpan.start, child);
  }
  const items: ActionItem[] = [];
  const tables: ActionTable[] = [];
  const lists: ActionList[] = [];

  let block: { plain: LineInfo[][]; structured: boolean; category?: Category; underHeading?: boolean } = { plain: [], structured: false };
  let sectionStructured = false;
  let current: Builder | undefined;
  let listRun: ActionItem[] = [];
  let listRunEnd = 0;
  let tableLines: LineInfo[] = [];
  let paragraph: LineInfo[] = [];
  let inHtmlTable = false;

  const flushItem = () => {
    if (current) {
      const item = finishItem(text, current, year, day);
      if (item) {
        items.push(item);
        listRun.push(item);
        listRunEnd = item.span.end;
      }
    }
    current = undefined;
  };
  const flushList = () => {
    flushItem();
    if (listRun.length > 0) lists.push({ span: { start: listRun[0]!.lineSpan.start, end: listRunEnd }, items: listRun });
    listRun = [];
  };
  const flushTable = () => {
    if (tableLines.length === 0) return;
    const table = readActionTable(tableLines, year, day, block.category?.done);
    if (table) {
      tables.push(table);
      items.push(...table.rows);
      block.structured = true;
    }
    tableLines = [];
  };
  const flushParagraph = () => {
    if (paragraph.length > 0) block.plain.push(paragraph);
    paragraph = [];
  };
  const pendingPlain: { lines: LineInfo[]; category?: Category; underHeading: boolean }[] = [];
  const flushBlock = () => {
    flushParagraph();
    if (block.structured) sectionStructured = true;
    else for (const lines of block.plain) pendingPlain.push({ lines, category: block.category, underHeading: block.underHeading === true });
    block = { plain: [], structured: false };
  };
  // Plain lines are items when nothing in their part of the section is a list or a table:
  // under a sub-heading of their own, or in a section with no lists at all.
  const readPlainLines = () => {
    for (const { lines, category, underHeading } of pendingPlain) {
      if (lines.length !== 1 || (sectionStructured && !underHeading)) continue;
      const line = lines[0]!;
      const content = line.text.trim();
      if (content.length > 400 || content.split(/\s+/).length < 3 || PROSE_START.test(stripMarkup(content)) || CODE_LIKE.test(content) || /^[[!<]/.test(content)) continue;
      const lead = line.text.length - line.text.trimStart().length;
      const builder: Builder = {
        form: 'line',
        lineSpan: { start: line.start + lead, end: line.end },
        end: line.end,
        textSpan: { start: line.start + lead, end: line.end },
        text: content,
        indent: lead,
        contentIndent: lead,
        doneFromCheckbox: undefined,
        category,
        fieldLines: [line],
      };
      const item = finishItem(text, builder, year, day);
      if (item) {
        items.push(item);
        lists.push({ span: item.lineSpan, items: [item] });
      }
    }
  };
  const startCategory = (category: Category, underHeading: boolean) => {
    flushList();
    flushTable();
    flushBlock();
    block.category = category;
    block.underHeading = underHeading;
  };

  let skipIndex = 0;
  skipped.sort((a, b) => a.start - b.start);
  for (const line of linesOf(text, start, end)) {
    while (skipIndex < skipped.length && skipped[skipIndex]!.end <= line.start) skipIndex++;
    if (skipped.slice(skipIndex).some((span) => span.start <= line.start && line.start < span.end)) continue;
    const content = line.text.trim();
    const heading = categoryHeadings.get(line.start);
    if (heading) {
      startCategory({ type: typeOfWord(heading.title), done: categoryState(heading.title), indent: -1 }, true);
      continue;
    }
    if (inHtmlTable) {
      if (/<\/table>/i.test(content)) inHtmlTable = false;
      continue;
    }
    if (/^<table\b/i.test(content)) {
      inHtmlTable = !/<\/table>/i.test(content);
      continue;
    }
    if (content === '') {
      flushTable();
      flushParagraph();
      continue;
    }
    if (content.startsWith('|')) {
      flushList();
      flushParagraph();
      tableLines.push(line);
      continue;
    }
    flushTable();
    if (RULE_LINE.test(content)) {
      flushList();
      flushParagraph();
      continue;
    }
    const indent = line.text.length - line.text.trimStart().length;
    const list = readListMarker(line.text);
    const field = FIELD_LINE.exec(line.text);
    // A line indented under the current item continues it (sub-bullets and `Owner:` lines included),
    // unless the item is a category whose sub-bullets are the items.
    if (current && indent >= current.contentIndent && indent > current.indent && !(current.category && current.category.indent === current.indent && list)) {
      current.fieldLines.push(line);
      current.end = line.end;
      continue;
    }
    if (field && !/^(?:task|action|action item|item)$/i.test(field[1]!) && (current || block.plain.length > 0 || paragraph.length > 0)) {
      if (current) {
        current.fieldLines.push(line);
        current.end = line.end;
      }
      continue;
    }
    if (field && /^(?:task|action|action item|item)$/i.test(field[1]!)) {
      flushItem();
      flushParagraph();
      const textStart = line.start + field[0].length;
      current = builderFor('fields', line, indent, indent + 1, textStart, block.category);
      block.structured = true;
      continue;
    }
    if (list) {
      const listIndent = list.indent;
      const isCategory = endsLikeCategory(line.text.slice(list.length));
      flushItem();
      flushParagraph();
      // A bullet ending in a colon with nothing after it introduces the bullets below it.
      if (isCategory) {
        flushList();
        block.category = { type: typeOfWord(stripMarkup(line.text.slice(list.length))), done: categoryState(line.text), indent: listIndent };
        block.structured = true;
        continue;
      }
      if (block.category && block.category.indent >= 0 && listIndent <= block.category.indent) block.category = undefined;
      const form: ActionItemForm = list.checkbox ? 'task' : list.numbered ? 'numbered' : 'bullet';
      const builder = builderFor(form, line, listIndent, list.length, line.start + list.length, block.category);
      if (list.marker) builder.marker = { start: line.start + listIndent, end: line.start + listIndent + list.marker.length };
      if (list.checkbox) {
        const at = line.text.indexOf(list.checkbox, listIndent);
        builder.checkbox = { start: line.start + at, end: line.start + at + list.checkbox.length };
        builder.doneFromCheckbox = /\[\s?\]/.test(list.checkbox) ? false : list.checkbox.includes('✗') ? undefined : true;
      }
      current = builder;
      block.structured = true;
      continue;
    }
    // Not a list item: a category line, a field block's text, or a plain line.
    flushList();
    if (endsLikeCategory(line.text) || /^(?:\*\*|__)[^*_]{1,80}(?:\*\*|__)$/.test(content)) {
      flushParagraph();
      startCategory({ type: typeOfWord(stripMarkup(content)), done: categoryState(content), indent: -1 }, block.underHeading === true);
      continue;
    }
    const previous = paragraph[paragraph.length - 1];
    if (previous && continuesParagraph(previous.text.trim(), content)) paragraph.push(line);
    else {
      flushParagraph();
      paragraph.push(line);
    }
  }
  flushList();
  flushTable();
  flushBlock();
  readPlainLines();
  items.sort((a, b) => a.lineSpan.start - b.lineSpan.start);
  lists.sort((a, b) => a.span.start - b.span.start);
  return { section, items, tables, lists };
}

interface ListMarker {
  readonly indent: number;
  /** Up to the item's text: indent, marker, checkbox and the spaces after them. */
  readonly length: number;
  readonly marker?: string;
  readonly numbered: boolean;
  readonly checkbox?: string;
}

/** The list marker at the start of a line: `- `, `1. `, `a) `, `- [ ] `, or a bare `[x] `. */
function readListMarker(line: string): ListMarker | undefined {
  const list = LIST_ITEM.exec(line);
  if (list) {
    const marker = list[2] ?? `${list[3] ?? list[4]}${line.charAt(list[1]!.length + (list[3] ?? list[4])!.length)}`;
    return { indent: list[1]!.length, length: list[0].length, marker, numbered: list[2] === undefined, checkbox: list[5] };
  }
  const bare = BARE_CHECKBOX.exec(line);
  if (bare) return { indent: bare[1]!.length, length: bare[0].length, numbered: false, checkbox: bare[2] };
  return undefined;
}

function builderFor(form: ActionItemForm, line: LineInfo, indent: number, contentIndent: number, textStart: number, category: Category | undefined): Builder {
  return {
    form,
    lineSpan: { start: line.start + indent, end: line.end },
    end: line.end,
    textSpan: { start: textStart, end: line.end },
    text: '',
    indent,
    contentIndent,
    doneFromCheckbox: undefined,
    category,
    fieldLines: [{ start: textStart, end: line.end, text: line.text.slice(textStart - line.start) }],
  };
}

/** "Improvements:", "**Tasks:**", "IMMEDIATE (Completed):": a label that introduces items. */
function endsLikeCategory(text: string): boolean {
  const clean = stripMarkup(text).trim();
  return clean.endsWith(':') && clean.length <= 200;
}

/** A category that states its items' state: "(Completed)", "(In Progress)", "Done". */
function categoryState(text: string): ActionState {
  const words = /\(([^()]{1,40})\)/.exec(text)?.[1] ?? stripMarkup(text).replace(/:\s*$/, '').trim();
  return /^(?:done|completed?|finished|in progress|planned|open|todo|to do|closed|resolved)$/i.test(words.trim()) ? stateOfStatus(words) : undefined;
}

/** Wrapped prose: the next line starts in lower case, or the line before stops near a margin without punctuation. */
function continuesParagraph(previous: string, next: string): boolean {
  if (/^[a-z]/.test(next)) return true;
  return !/[.!?:;)]$/.test(previous) && previous.length >= 60 && previous.length <= 100;
}

const FIELD_WORD = /\b(?:owner|assignee|assigned|due|by|deadline|eta|target|ticket|task|bug|status|priority)\b/i;

/** Where a closing parenthetical of fields starts (`… (owner: bob, due: 2 weeks)`), or -1. */
function trailingFieldsStart(text: string): number {
  let stop = text.length;
  while (stop > 0 && (/\s/.test(text.charAt(stop - 1)) || text.charAt(stop - 1) === '.')) stop--;
  const trimmed = text.slice(0, stop);
  const last = trimmed.charAt(trimmed.length - 1);
  if (last !== ')' && last !== ']') return -1;
  const open = Math.max(trimmed.lastIndexOf('('), trimmed.lastIndexOf('['));
  if (open <= 0 || trimmed.length - open > 400) return -1;
  const inside = trimmed.slice(open + 1, -1);
  if (/[()[\]]/.test(inside) || !FIELD_WORD.test(inside)) return -1;
  let start = open;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
  return start;
}

function finishItem(text: string, builder: Builder, year: number | undefined, day: string | undefined): ActionItem | undefined {
  const first = builder.fieldLines[0]!;
  let lineText = first.text;
  let textStart = first.start;
  // Leading status marker and priority (`**DONE**:`, `**HIGH**`) are fields, not the action.
  const status = findStatus(lineText, first.start);
  const priority = findPriority(lineText);
  const lead = /^\s*(?:(?:\*\*|__)?(?:DONE|TODO|DOING|WIP|FIXED|CLOSED|OPEN|IN PROGRESS|NOT DOING|WONTFIX|BLOCKED)(?:\*\*|__)?\s{0,3}:?\s+|(?:\*\*|__|\[|\()?(?:P[0-4]|HIGH|MEDIUM|LOW|CRITICAL|URGENT)(?:\*\*|__|\]|\))?\s{0,3}[:\-–]?\s+)+/.exec(lineText);
  if (lead) {
    textStart += lead[0].length;
    lineText = lineText.slice(lead[0].length);
  }
  let actionText = lineText;
  const trailing = trailingFieldsStart(actionText);
  if (trailing > 0) actionText = actionText.slice(0, trailing);
  const value = trimSpan(actionText, textStart);
  if (!value) return undefined;
  const clean = stripMarkup(value.text).replace(/\s+/g, ' ').trim();
  if (clean === '' || /^\[[^\]]*\]$/.test(clean)) return undefined;

  let owner: FieldValue | undefined;
  let due: DueDate | undefined;
  let ticket: Ticket | undefined;
  let statusField: (FieldValue & { state: ActionState }) | undefined = status;
  let type: ActionType | undefined;
  let itemPriority = priority;
  for (const line of builder.fieldLines) {
    owner ??= findOwner(line.text, line.start);
    due ??= findDue(line.text, line.start, year, day);
    ticket ??= findTicket(line.text, line.start);
    if (line !== first) statusField ??= findStatus(line.text, line.start);
    type ??= findType(line.text);
    itemPriority ??= findPriority(line.text.replace(/^\s*[-*+]\s+/, ''));
  }
  if (!due) {
    // `Due Date: Aug 20, 2024` read by the field-line pattern rather than the inline one.
    for (const line of builder.fieldLines) {
      const labelled = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:due date|due|deadline|target date|target|eta)(?:\*\*|__)?\s{0,3}:(?:\*\*|__)?/i.exec(line.text);
      if (labelled) {
        due = readDueText(line.text.slice(labelled[0].length), line.start + labelled[0].length, year, day);
        if (due) break;
      }
    }
  }
  const done = builder.doneFromCheckbox ?? statusField?.state ?? builder.category?.done;
  const item: ActionItem = {
    form: builder.form,
    lineSpan: builder.lineSpan,
    span: { start: builder.lineSpan.start, end: builder.end },
    text: clean,
    textSpan: value.span,
    owner,
    due,
    ticket,
    done,
    status: statusField ? { text: statusField.text, span: statusField.span } : builder.checkbox ? { text: text.slice(builder.checkbox.start, builder.checkbox.end), span: builder.checkbox } : undefined,
    type: type ?? builder.category?.type,
    priority: itemPriority,
    checkbox: builder.checkbox,
    marker: builder.marker,
  };
  return item;
}
