import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ActionItemsView } from './actionItemsView';
import { IncidentsView } from './incidentsView';
import { libraryMethods } from './protocol';
import { readDirectory, readFiles } from './workspaceFiles';

/** View ids contributed in package.json. */
export const libraryViewIds = { incidents: 'postmortem.incidents', actionItems: 'postmortem.actionItems' } as const;

/** How long the views wait after a change of the index before asking again, so a burst is one refresh. */
const refreshDelayMs = 250;

/** Answers the server's file requests; installed before the client starts, as the server asks at once. */
export function answerWorkspaceFileRequests(client: BaseLanguageClient): void {
  client.onRequest(libraryMethods.readDirectory, readDirectory);
  client.onRequest(libraryMethods.readFiles, readFiles);
}

/** The Incidents and Action Items views and their title-bar commands. */
export function registerLibraryViews(context: vscode.ExtensionContext, client: BaseLanguageClient): { incidents: IncidentsView; actionItems: ActionItemsView } {
  const incidents = new IncidentsView(client);
  const actionItems = new ActionItemsView(client);
  const incidentsTree = vscode.window.createTreeView(libraryViewIds.incidents, { treeDataProvider: incidents, showCollapseAll: false });
  incidents.view = incidentsTree;
  const actionItemsTree = vscode.window.createTreeView(libraryViewIds.actionItems, { treeDataProvider: actionItems, showCollapseAll: true });
  incidents.setSort('date');
  actionItems.setGrouping('state');

  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      incidents.refresh();
      actionItems.refresh();
    }, refreshDelayMs);
  };
  context.subscriptions.push(
    incidentsTree,
    actionItemsTree,
    client.onNotification(libraryMethods.libraryChanged, refreshSoon),
    // The "Similar to" group follows the active editor.
    vscode.window.onDidChangeActiveTextEditor(() => incidents.refresh()),
    vscode.commands.registerCommand('postmortem.incidents.sortByDate', () => incidents.setSort('date')),
    vscode.commands.registerCommand('postmortem.incidents.sortByDuration', () => incidents.setSort('duration')),
    vscode.commands.registerCommand('postmortem.actionItems.groupByState', () => actionItems.setGrouping('state')),
    vscode.commands.registerCommand('postmortem.actionItems.groupByOwner', () => actionItems.setGrouping('owner')),
    { dispose: () => clearTimeout(timer) },
  );
  return { incidents, actionItems };
}
