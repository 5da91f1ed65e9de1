import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { incidentDescription, incidentLabel, incidentTooltip, openAt, severityIcon } from './format';
import { libraryMethods, type Incident, type IncidentsResult, type RelatedResult, type SkippedFiles } from './protocol';

export type IncidentSort = 'date' | 'duration';

type IncidentNode =
  | { readonly kind: 'incident'; readonly incident: Incident; readonly id: string }
  | { readonly kind: 'similar'; readonly title: string; readonly related: RelatedResult['related'] };

/** Newest first, or longest first with unknown durations last; the server sends them newest first. */
function sortIncidents(incidents: readonly Incident[], sort: IncidentSort): Incident[] {
  if (sort === 'date') return [...incidents];
  return [...incidents].sort((a, b) => (b.durationMinutes ?? -1) - (a.durationMinutes ?? -1));
}

function describeSkipped(skipped: SkippedFiles): string | undefined {
  const parts = [
    [skipped.binary, 'binary'],
    [skipped.tooLarge, 'too large'],
    [skipped.unreadable, 'unreadable'],
    [skipped.symlinkedFolders, 'linked folders not followed'],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, what]) => `${count} ${what}`);
  const lossy = skipped.notUtf8 > 0 ? `; ${skipped.notUtf8} not UTF-8 (read with replacement characters)` : '';
  return parts.length > 0 || lossy ? `Skipped: ${parts.join(', ') || 'none'}${lossy}` : undefined;
}

/**
 * The Incidents view: every postmortem of the workspace as the server indexed it, newest or
 * longest first, and at the top the incidents most like the postmortem in the active editor.
 * Rendering only: the rows are the server's `postmortem/incidents` and `postmortem/relatedIncidents`.
 */
export class IncidentsView implements vscode.TreeDataProvider<IncidentNode> {
  readonly #client: BaseLanguageClient;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  #sort: IncidentSort = 'date';
  view: vscode.TreeView<IncidentNode> | undefined;

  constructor(client: BaseLanguageClient) {
    this.#client = client;
  }

  get sort(): IncidentSort {
    return this.#sort;
  }

  setSort(sort: IncidentSort): void {
    this.#sort = sort;
    void vscode.commands.executeCommand('setContext', 'postmortem.incidentsSort', sort);
    this.refresh();
  }

  refresh(): void {
    this.#changed.fire();
  }

  getTreeItem(node: IncidentNode): vscode.TreeItem {
    if (node.kind === 'similar') {
      const item = new vscode.TreeItem(`Similar to ${node.title}`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'similar';
      item.iconPath = new vscode.ThemeIcon('history');
      item.contextValue = 'similar';
      return item;
    }
    const { incident } = node;
    const item = new vscode.TreeItem(incidentLabel(incident), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = incidentDescription(incident);
    item.tooltip = incidentTooltip(incident);
    item.iconPath = severityIcon(incident.severity);
    item.resourceUri = vscode.Uri.parse(incident.uri);
    item.command = openAt(incident.uri, incident.titleLine, 'Open Postmortem');
    item.contextValue = 'incident';
    return item;
  }

  async getChildren(node?: IncidentNode): Promise<IncidentNode[]> {
    if (node?.kind === 'similar') return node.related.map(({ incident }) => ({ kind: 'incident', incident, id: `similar:${incident.uri}` }));
    if (node) return [];
    const [result, similar] = await Promise.all([this.#client.sendRequest<IncidentsResult>(libraryMethods.incidents, {}), this.#similarToActive()]);
    if (this.view) {
      const indexing = result.complete ? undefined : 'Indexing postmortems…';
      this.view.message = [indexing, describeSkipped(result.skipped)].filter(Boolean).join(' ') || undefined;
      this.view.description = `${result.incidents.length}`;
    }
    const rows: IncidentNode[] = sortIncidents(result.incidents, this.#sort).map((incident) => ({ kind: 'incident', incident, id: incident.uri }));
    return similar ? [similar, ...rows] : rows;
  }

  async #similarToActive(): Promise<IncidentNode | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const uri = document.uri.toString();
    const result = await this.#client.sendRequest<RelatedResult>(libraryMethods.relatedIncidents, { textDocument: { uri } });
    if (result.related.length === 0) return undefined;
    const title = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    return { kind: 'similar', title, related: result.related };
  }
}
