import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeEntryTime } from '../core/format';
import type { Section, SectionKind, Span, TimelineEntry } from '../core/model';
import { rangeContains, toRange, trimSpanEnd } from '../convert';
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

function entryName(entry: TimelineEntry, when: string): string {
  const text = entry.text.replace(/\s+/g, ' ').trim();
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

/** A symbol whose selection range is guaranteed to lie in its range (clients reject others). */
function symbol(
  document: TextDocument,
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  span: Span,
  selection: Span,
): DocumentSymbol {
  const range = toRange(document, trimSpanEnd(document.getText(), span));
  let selectionRange = toRange(document, selection);
  if (!rangeContains(range, selectionRange)) selectionRange = { start: range.start, end: range.start };
  const result: DocumentSymbol = { name: name.trim() || 'Untitled', kind, range, selectionRange, children: [] };
  if (detail) result.detail = detail;
  return result;
}

interface Node {
  readonly start: number;
  readonly symbol: DocumentSymbol;
  readonly children: Node[];
}

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

function toSymbols(nodes: Node[]): DocumentSymbol[] {
  return nodes
    .sort((a, b) => a.start - b.start)
    .map((node) => {
      if (node.children.length > 0) node.symbol.children = toSymbols(node.children);
      else delete node.symbol.children;
      return node.symbol;
    });
}

/**
 * Sections nested by level, each timeline entry a child of the deepest section containing
 * it (its timeline section, or a sub-heading of it), in document order. An entry written as
 * a heading decorates that heading's symbol instead of repeating it.
 */
export function buildOutline(served: ServedDocument): DocumentSymbol[] {
  const document = served.textDocument;
  const nodeOf = new Map<Section, Node>();
  const top: Node[] = [];

  const addSection = (section: Section, siblings: Node[]): void => {
    const node: Node = {
      start: section.span.start,
      symbol: symbol(document, section.title, kindsLabel(section), sectionSymbolKinds[section.kind], section.span, section.titleSpan),
      children: [],
    };
    nodeOf.set(section, node);
    siblings.push(node);
    for (const child of section.children) addSection(child, node.children);
  };
  for (const section of served.model.sections) addSection(section, top);

  for (const entry of served.model.timeline.entries) {
    const when = describeEntryTime(entry);
    const owner = deepestSectionContaining(served.model.sections, entry.lineSpan.start);
    const ownerNode = owner && nodeOf.get(owner);
    if (entry.layout === 'heading' && owner && ownerNode && contains(owner.headingSpan, entry.lineSpan.start)) {
      ownerNode.symbol.kind = SymbolKind.Event;
      if (when) ownerNode.symbol.detail = when;
      continue;
    }
    (ownerNode?.children ?? top).push({
      start: entry.span.start,
      symbol: entrySymbol(document, entry, when),
      children: [],
    });
  }
  return toSymbols(top);
}

function entrySymbol(document: TextDocument, entry: TimelineEntry, when: string): DocumentSymbol {
  return symbol(document, entryName(entry, when), when || undefined, SymbolKind.Event, entry.span, entry.time?.span ?? entry.lineSpan);
}

/**
 * Only the timeline entries that are not headings, flat: what a Markdown outline that
 * already lists the headings lacks.
 */
export function buildTimelineOnlyOutline(served: ServedDocument): DocumentSymbol[] {
  return served.model.timeline.entries
    .filter((entry) => entry.layout !== 'heading')
    .map((entry) => {
      const result = entrySymbol(served.textDocument, entry, describeEntryTime(entry));
      delete result.children;
      return result;
    });
}

/** The outline as flat `SymbolInformation` for clients without hierarchical symbol support. */
export function flattenOutline(uri: string, symbols: readonly DocumentSymbol[], containerName?: string): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  for (const s of symbols) {
    const information: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (containerName !== undefined) information.containerName = containerName;
    flat.push(information, ...flattenOutline(uri, s.children ?? [], s.name));
  }
  return flat;
}

export const documentSymbolsFeature: Feature = {
  name: 'documentSymbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'Postmortem' } }),
  register({ connection, client, documents }) {
    connection.onDocumentSymbol(async (params: DocumentSymbolParams, token) => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served) return [];
      const timelineOnly = client.markdownOutline === 'timeline-only' && served.textDocument.languageId === 'markdown';
      const symbols = timelineOnly ? buildTimelineOnlyOutline(served) : buildOutline(served);
      return client.hierarchicalDocumentSymbols ? symbols : flattenOutline(served.textDocument.uri, symbols);
    });
  },
};
