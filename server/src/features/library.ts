import { SymbolKind, type CodeLens, type SymbolInformation } from 'vscode-languageserver';
import { incidentName, type LibrarySymbol } from '../core/library/index';
import type { PostmortemSummary } from '../core/library/summary';
import { throwIfCancelled, type Feature } from '../feature';
import {
  ActionItemsRequest,
  IncidentsRequest,
  LibraryChangedNotification,
  RelatedIncidentsRequest,
  type IncidentSummary,
  type LibraryActionItem,
} from '../library/protocol';
import type { WorkspaceLibrary } from '../library/workspaceLibrary';
import { ServerCommands } from './commands';

const symbolKinds: Record<LibrarySymbol['kind'], SymbolKind> = {
  incident: SymbolKind.File,
  section: SymbolKind.String,
  action: SymbolKind.Event,
};

/** The order of the state groups: what needs attention first. */
const stateOrder: readonly LibraryActionItem['state'][] = ['overdue', 'open', 'done'];
const noOwner = '(no owner)';

/** A summary without its search terms: what the views need, a little smaller on the wire. */
function withoutTerms(summary: PostmortemSummary): IncidentSummary {
  const { terms: _terms, ...rest } = summary;
  return rest;
}

function groupActionItems(items: readonly LibraryActionItem[], groupBy: ActionItemsRequest.Params['groupBy']): ActionItemsRequest.Group[] {
  const groups = new Map<string, LibraryActionItem[]>();
  if (groupBy === 'state') for (const state of stateOrder) groups.set(state, []);
  for (const item of items) {
    const label = groupBy === 'state' ? item.state : (item.owner?.replace(/^@/, '') || noOwner);
    const group = groups.get(label);
    if (group) group.push(item);
    else groups.set(label, [item]);
  }
  const result = [...groups].map(([label, groupItems]) => ({ label, items: groupItems }));
  if (groupBy === 'state') return result;
  // Owners alphabetically, items without an owner last.
  return result.sort((a, b) => Number(a.label === noOwner) - Number(b.label === noOwner) || a.label.localeCompare(b.label));
}

/**
 * The "Similar:" code lenses on the root-cause heading of an indexed postmortem: one per related
 * earlier incident, each opening it (`window/showDocument` through a server command, so any
 * client that runs lens commands can follow it). Used by the code-lens feature.
 */
export function relatedIncidentLenses(library: WorkspaceLibrary, uri: string): CodeLens[] {
  const summary = library.get(uri);
  const rootCause = summary?.sections.find((section) => section.kind === 'root-cause');
  if (!rootCause) return [];
  const range = { start: { line: rootCause.line, character: 0 }, end: { line: rootCause.line, character: 0 } };
  return library.index.related(uri, 3).map((related, position) => ({
    range,
    command: {
      title: `${position === 0 ? 'Similar: ' : ''}${incidentName(related.summary)}`,
      command: ServerCommands.showIncident,
      arguments: [{ uri: related.summary.uri, line: related.summary.titleLine }],
    },
  }));
}

/**
 * The incident library over LSP: `workspace/symbol` (postmortems by date and title, their sections
 * and action items) and the custom requests the VS Code views use (documented in the README).
 * The index itself is `library/workspaceLibrary.ts`; this file only answers from it.
 */
export const libraryFeature: Feature = {
  name: 'library',
  capabilities: () => ({ workspaceSymbolProvider: true, workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }),
  register({ connection, library }) {
    connection.onWorkspaceSymbol((params, token): SymbolInformation[] => {
      throwIfCancelled(token);
      return library.index.workspaceSymbols(params.query).map((symbol) => ({
        name: symbol.name,
        kind: symbolKinds[symbol.kind],
        location: { uri: symbol.uri, range: { start: { line: symbol.line, character: 0 }, end: { line: symbol.line, character: 0 } } },
        ...(symbol.containerName !== undefined ? { containerName: symbol.containerName } : {}),
      }));
    });

    connection.onRequest(IncidentsRequest.type, (): IncidentsRequest.Result => ({
      incidents: library.index.all().map(withoutTerms),
      complete: library.complete,
      skipped: library.skipped,
    }));

    connection.onRequest(ActionItemsRequest.type, (params): ActionItemsRequest.Result => {
      const groupBy = params?.groupBy === 'owner' ? 'owner' : 'state';
      return { groups: groupActionItems(library.index.actionItems(), groupBy), complete: library.complete };
    });

    connection.onRequest(RelatedIncidentsRequest.type, (params): RelatedIncidentsRequest.Result => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string') return { related: [] };
      return {
        related: library.index.related(uri, 3).map((related) => ({
          incident: withoutTerms(related.summary),
          score: related.score,
          sharedServices: related.sharedServices,
          sharedTerms: related.sharedTerms,
        })),
      };
    });

    library.onDidChange((params) => void connection.sendNotification(LibraryChangedNotification.type, params));
  },
};
