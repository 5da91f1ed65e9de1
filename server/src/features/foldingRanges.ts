import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { Span } from '../core/model';
import { trimSpanEnd } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';
import type { ServedDocument } from '../servedDocuments';

/**
 * Folds every section (heading line to its last line of text) and every timeline entry that
 * runs over several lines (continuation lines, sub-bullets). Single-line spans do not fold.
 */
export function buildFoldingRanges(served: ServedDocument): FoldingRange[] {
  const document = served.textDocument;
  const text = document.getText();
  const byStartLine = new Map<number, FoldingRange>();
  const add = (span: Span): void => {
    const trimmed = trimSpanEnd(text, span);
    const startLine = document.positionAt(trimmed.start).line;
    const endLine = document.positionAt(trimmed.end).line;
    if (endLine <= startLine) return;
    // Two ranges starting on one line (a heading that is also an entry) fold as the larger.
    const existing = byStartLine.get(startLine);
    if (!existing || existing.endLine < endLine) byStartLine.set(startLine, { startLine, endLine });
  };
  for (const section of served.model.allSections) add(section.span);
  for (const entry of served.model.timeline.entries) add(entry.span);
  return [...byStartLine.values()].sort((a, b) => a.startLine - b.startLine);
}

export const foldingRangesFeature: Feature = {
  name: 'foldingRanges',
  capabilities: () => ({ foldingRangeProvider: true }),
  register({ connection, client, documents }) {
    const rangeLimit = client.capabilities.textDocument?.foldingRange?.rangeLimit;
    connection.onFoldingRanges(async (params: FoldingRangeParams, token) => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served) return [];
      const ranges = buildFoldingRanges(served);
      return rangeLimit !== undefined && ranges.length > rangeLimit ? ranges.slice(0, rangeLimit) : ranges;
    });
  },
};
