import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Position,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver';
import { describeEntryTime } from '../core/format';
import type { PostmortemDocument, Section, SectionKind, Span, TimelineEntry } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';
import { firstIndexAbove } from '../core/text/sortedSearch';
import { trimmedEnd } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';
import type { ServedDocument } from '../servedDocuments';

/** Distinct icons per kind so the outline reads at a glance; entries are events in time. */
export const sectionSymbolKinds: Readonly<Record<SectionKind, SymbolKind>> = {
  title: SymbolKind.File,
  summary: SymbolKind.Module,
  impact: SymbolKind.Property,
  timeline: SymbolKind.Array,
  'root-cause': SymbolKind.Key,
  resolution: SymbolKind.Method,
  detection: SymbolKind.Field,
  'corrective-actions': SymbolKind.Function,
  'lessons-learned': SymbolKind.Interface,
  other: SymbolKind.String,
};

const maxEntryNameLength = 80;

/** Whitespace other than single spaces: only then does collapsing runs of it change the text. */
const uncollapsedWhitespace = /[^\S ]| {2}/;

function entryName(entry: TimelineEntry, when: string): string {
  // Testing first spares most entries a rewrite: their text is on one line already.
  const collapsed = uncollapsedWhitespace.test(entry.text) ? entry.text.replace(/\s+/g, ' ') : entry.text;
  const text = collapsed.trim();
  if (text === '') return when || 'Entry';
  return text.length > maxEntryNameLength ? `${text.slice(0, maxEntryNameLength - 1)}…` : text;
}

function kindsLabel(section: Section): string | undefined {
  const label = section.kinds.filter((kind) => kind !== 'other').join(', ').replace(/-/g, ' ');
  return label === '' || label.toLowerCase() === section.title.toLowerCase() ? undefined : label;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

function positionBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Makes the symbols of one text, converting offsets with one line table however many symbols. */
class SymbolFactory {
  readonly #text: string;
  readonly #positions: LineIndex;

  constructor(text: string) {
    this.#text = text;
    this.#positions = new LineIndex(text);
  }

  /**
   * A symbol whose selection range is guaranteed to lie in its range (clients reject others),
   * whose range ends on its last line of text, and which has `children` and `detail` only when
   * they say something.
   */
  create(
    name: string,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    children: DocumentSymbol[] | undefined,
    detail: string | undefined,
  ): DocumentSymbol {
    const positions = this.#positions;
    // Converted in text order, which keeps the line lookups on the cursor's fast path.
    const start = positions.positionAt(span.start);
    let selectionRange: Range = { start: positions.positionAt(selection.start), end: positions.positionAt(selection.end) };
    const end = positions.positionAt(trimmedEnd(this.#text, span.start, span.end));
    if (!positionBefore(start, selectionRange.start) || !positionBefore(selectionRange.end, end)) {
      selectionRange = { start: { ...start }, end: { ...start } };
    }
    const symbol: DocumentSymbol = { name: name.trim() || 'Untitled', kind, range: { start, end }, selectionRange };
    if (children && children.length > 0) symbol.children = children;
    if (detail) symbol.detail = detail;
    return symbol;
  }

  entry(entry: TimelineEntry, when: string): DocumentSymbol {
    const selection = entry.time?.span ?? entry.lineSpan;
    return this.create(entryName(entry, when), SymbolKind.Event, entry.span, selection, undefined, when || undefined);
  }
}

/** The deepest section containing `offset`, looking into the first containing section of each level. */
function deepestSectionContaining(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  let level = sections;
  for (;;) {
    const next = level.find((section) => contains(section.span, offset));
    if (!next) return found;
    found = next;
    level = next.children;
  }
}

/**
 * Answers `deepestSectionContaining` for thousands of entry offsets. When the sections nest
 * properly (each inside its parent, siblings in order without overlap), the answer only changes
 * where a section starts or ends, so for offsets visited in order one search serves every offset
 * up to the next such boundary. Irregular nesting is searched offset by offset.
 */
class SectionLocator {
  readonly #sections: readonly Section[];
  /** Every section's start, in document order; undefined when the nesting is irregular. */
  readonly #starts: number[] | undefined;
  #answerFrom = 0;
  #answerUntil = 0;
  #answer: Section | undefined;

  constructor(sections: readonly Section[]) {
    this.#sections = sections;
    const starts: number[] = [];
    this.#starts = collectNestedStarts(sections, undefined, starts) ? starts : undefined;
  }

  find(offset: number): Section | undefined {
    if (this.#answerFrom <= offset && offset < this.#answerUntil) return this.#answer;
    const answer = deepestSectionContaining(this.#sections, offset);
    if (this.#starts) {
      // A child ends no later than its parent: the deepest section ends first.
      this.#answerFrom = offset;
      this.#answerUntil = Math.min(answer ? answer.span.end : Infinity, firstGreaterThan(this.#starts, offset));
      this.#answer = answer;
    }
    return answer;
  }
}

/** Appends the starts of `sections` and their descendants in document order; false when they do not nest properly. */
function collectNestedStarts(sections: readonly Section[], parent: Span | undefined, starts: number[]): boolean {
  let previousEnd = parent ? parent.start : -Infinity;
  for (const { span, children } of sections) {
    if (span.start < previousEnd || span.end < span.start) return false;
    if (parent && span.end > parent.end) return false;
    if (starts.length > 0 && span.start < starts[starts.length - 1]!) return false;
    starts.push(span.start);
    if (!collectNestedStarts(children, span, starts)) return false;
    previousEnd = span.end;
  }
  return true;
}

function firstGreaterThan(sorted: readonly number[], value: number): number {
  const index = firstIndexAbove(sorted, value);
  return index < sorted.length ? sorted[index]! : Infinity;
}

/** Symbols of one level with the offsets they start at, in the order they were listed. */
class Level {
  readonly starts: number[] = [];
  readonly symbols: DocumentSymbol[] = [];

  add(start: number, symbol: DocumentSymbol): void {
    this.starts.push(start);
    this.symbols.push(symbol);
  }
}

const emptyLevel = new Level();

function isSorted(numbers: readonly number[]): boolean {
  for (let i = 1; i < numbers.length; i++) if (numbers[i]! < numbers[i - 1]!) return false;
  return true;
}

/**
 * Sections and entries of one level ordered by where they start, as a stable sort of the
 * sections followed by the entries orders them (a section first on a tie). Both lists are
 * normally in document order already, and merging them is then enough.
 */
function inDocumentOrder(sections: Level, entries: Level): DocumentSymbol[] {
  if (!isSorted(sections.starts) || !isSorted(entries.starts)) {
    const all = [...sections.starts, ...entries.starts].map((start, index) => ({ start, index }));
    const symbols = [...sections.symbols, ...entries.symbols];
    return all.sort((a, b) => a.start - b.start).map(({ index }) => symbols[index]!);
  }
  if (entries.symbols.length === 0) return sections.symbols;
  const merged: DocumentSymbol[] = [];
  let s = 0;
  let e = 0;
  while (s < sections.symbols.length || e < entries.symbols.length) {
    const takeSection = e === entries.symbols.length || (s < sections.symbols.length && sections.starts[s]! <= entries.starts[e]!);
    merged.push(takeSection ? sections.symbols[s++]! : entries.symbols[e++]!);
  }
  return merged;
}

/**
 * Sections nested by level, each timeline entry a child of the deepest section containing
 * it (its timeline section, or a sub-heading of it), in document order. An entry written as
 * a heading decorates that heading's symbol instead of repeating it.
 *
 * Entries are placed first, walking them in document order; each section's symbol is then
 * made once its children are known, so no symbol is edited after it is made.
 */
export function buildOutline(served: ServedDocument): DocumentSymbol[] {
  const model = served.model;
  const factory = new SymbolFactory(served.textDocument.getText());
  const locator = new SectionLocator(model.sections);
  const entriesBySection = new Map<Section | undefined, Level>();
  /** The time of the last entry written as each heading (empty when it has none). */
  const headingTimes = new Map<Section, string>();

  let owner: Section | undefined;
  let ownerEntries: Level | undefined;
  for (const entry of model.timeline.entries) {
    const when = describeEntryTime(entry);
    const at = entry.lineSpan.start;
    const section = locator.find(at);
    if (entry.layout === 'heading' && section && contains(section.headingSpan, at)) {
      if (when || !headingTimes.has(section)) headingTimes.set(section, when);
      continue;
    }
    if (section !== owner || !ownerEntries) {
      owner = section;
      ownerEntries = entriesBySection.get(section);
      if (!ownerEntries) entriesBySection.set(section, (ownerEntries = new Level()));
    }
    ownerEntries.add(entry.span.start, factory.entry(entry, when));
  }

  const sectionLevel = (sections: readonly Section[]): Level => {
    const level = new Level();
    for (const section of sections) {
      const children = inDocumentOrder(sectionLevel(section.children), entriesBySection.get(section) ?? emptyLevel);
      const headingTime = headingTimes.get(section);
      const kind = headingTime === undefined ? sectionSymbolKinds[section.kind] : SymbolKind.Event;
      const detail = headingTime || kindsLabel(section);
      level.add(section.span.start, factory.create(section.title, kind, section.span, section.titleSpan, children, detail));
    }
    return level;
  };
  return inDocumentOrder(sectionLevel(model.sections), entriesBySection.get(undefined) ?? emptyLevel);
}

/**
 * Only the timeline entries that are not headings, flat: what a Markdown outline that
 * already lists the headings lacks.
 */
export function buildTimelineOnlyOutline(served: ServedDocument): DocumentSymbol[] {
  const factory = new SymbolFactory(served.textDocument.getText());
  const symbols: DocumentSymbol[] = [];
  for (const entry of served.model.timeline.entries) {
    if (entry.layout !== 'heading') symbols.push(factory.entry(entry, describeEntryTime(entry)));
  }
  return symbols;
}

/** The outline as flat `SymbolInformation` for clients without hierarchical symbol support. */
export function flattenOutline(uri: string, symbols: readonly DocumentSymbol[], containerName?: string): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  appendFlattened(uri, symbols, containerName, flat);
  return flat;
}

/** Appends in place: spreading thousands of children into `push` would overflow the stack. */
function appendFlattened(uri: string, symbols: readonly DocumentSymbol[], containerName: string | undefined, flat: SymbolInformation[]): void {
  for (const s of symbols) {
    const information: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (containerName !== undefined) information.containerName = containerName;
    flat.push(information);
    if (s.children) appendFlattened(uri, s.children, s.name, flat);
  }
}

/** What a client is sent: the full tree or the timeline entries only, nested or flattened. */
export interface OutlineShape {
  readonly timelineOnly: boolean;
  readonly hierarchical: boolean;
}

interface CachedOutline {
  readonly uri: string;
  readonly version: number;
  readonly shape: OutlineShape;
  readonly symbols: readonly DocumentSymbol[] | readonly SymbolInformation[];
}

/**
 * The outline of each parsed version, built once: VS Code asks for it after every batch of
 * keystrokes, and breadcrumbs and sticky scroll ask again for the same version. Outlines are
 * keyed by the model, which the document cache replaces for every new version and drops on
 * close, so an outline lives exactly as long as its parse. Cached symbols are shared by every
 * later answer: nothing may modify them.
 */
export class OutlineCache {
  readonly #outlines = new WeakMap<PostmortemDocument, CachedOutline>();

  get(served: ServedDocument, shape: OutlineShape): readonly DocumentSymbol[] | readonly SymbolInformation[] {
    const { uri, version } = served.textDocument;
    const cached = this.#outlines.get(served.model);
    if (
      cached &&
      cached.uri === uri &&
      cached.version === version &&
      cached.shape.timelineOnly === shape.timelineOnly &&
      cached.shape.hierarchical === shape.hierarchical
    ) {
      return cached.symbols;
    }
    const tree = shape.timelineOnly ? buildTimelineOnlyOutline(served) : buildOutline(served);
    const symbols = shape.hierarchical ? tree : flattenOutline(uri, tree);
    this.#outlines.set(served.model, { uri, version, shape, symbols });
    return symbols;
  }
}

export const documentSymbolsFeature: Feature = {
  name: 'documentSymbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'Postmortem' } }),
  register({ connection, client, documents }) {
    const outlines = new OutlineCache();
    connection.onDocumentSymbol(async (params: DocumentSymbolParams, token) => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served) return [];
      const timelineOnly = client.markdownOutline === 'timeline-only' && served.textDocument.languageId === 'markdown';
      // The connection only serialises the answer, so handing it the shared symbols is safe.
      return outlines.get(served, { timelineOnly, hierarchical: client.hierarchicalDocumentSymbols }) as DocumentSymbol[] | SymbolInformation[];
    });
  },
};
