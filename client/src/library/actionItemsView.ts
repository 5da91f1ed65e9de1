import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { openAt, stateIcons } from './format';
import { libraryMethods, type ActionItemsResult, type LibraryActionItem } from './protocol';

export type ActionGrouping = 'state' | 'owner';

type ActionNode =
  | { readonly kind: 'group'; readonly label: string; readonly items: readonly LibraryActionItem[] }
  | { readonly kind: 'item'; readonly item: LibraryActionItem; readonly group: string };

const stateTitles: Record<string, string> = { overdue: 'Overdue', open: 'Open', done: 'Done' };

/**
 * The Action Items view: every action item of the workspace's postmortems, grouped by state
 * (overdue, open, done) or by owner, as the server's `postmortem/actionItems` groups them.
 * A click puts the cursor on the item's line.
 */
export class ActionItemsView implements vscode.TreeDataProvider<ActionNode> {
  readonly #client: BaseLanguageClient;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  #grouping: ActionGrouping = 'state';

  constructor(client: BaseLanguageClient) {
    this.#client = client;
  }

  get grouping(): ActionGrouping {
    return this.#grouping;
  }

  setGrouping(grouping: ActionGrouping): void {
    this.#grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItemsGrouping', grouping);
    this.refresh();
  }

  refresh(): void {
    this.#changed.fire();
  }

  getTreeItem(node: ActionNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const title = this.#grouping === 'state' ? (stateTitles[node.label] ?? node.label) : node.label;
      // Done items are history: that group starts folded.
      const state = this.#grouping === 'state' && node.label === 'done' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
      const item = new vscode.TreeItem(title, state);
      item.id = `${this.#grouping}:${node.label}`;
      item.description = `${node.items.length}`;
      item.iconPath = this.#grouping === 'state' ? stateIcons[node.label as LibraryActionItem['state']] : new vscode.ThemeIcon('person');
      return item;
    }
    const { item: action } = node;
    const row = new vscode.TreeItem(action.text, vscode.TreeItemCollapsibleState.None);
    row.id = `${this.#grouping}:${node.group}:${action.uri}#${action.line}`;
    const who = this.#grouping === 'state' ? (action.owner ?? 'no owner') : action.state;
    row.description = [who, action.due ? `due ${action.due}` : 'no due date', action.ticket ?? 'no ticket'].join(' · ');
    row.tooltip = `${action.incidentDate ? `${action.incidentDate} ` : ''}${action.incidentTitle}, line ${action.line + 1}`;
    row.iconPath = stateIcons[action.state];
    row.command = openAt(action.uri, action.line, 'Reveal Action Item');
    row.contextValue = 'actionItem';
    return row;
  }

  async getChildren(node?: ActionNode): Promise<ActionNode[]> {
    if (node?.kind === 'group') return node.items.map((item) => ({ kind: 'item', item, group: node.label }));
    if (node) return [];
    const result = await this.#client.sendRequest<ActionItemsResult>(libraryMethods.actionItems, { groupBy: this.#grouping });
    return result.groups.filter((group) => group.items.length > 0).map((group) => ({ kind: 'group', label: group.label, items: group.items }));
  }
}
