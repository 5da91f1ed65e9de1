import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, SERVER_DEADLINE_MS, waitFor } from './helpers';

/**
 * The incident library's views, read through the providers the extension registers (the same
 * objects the Explorer renders), over test/fixtures/incident-library copied into the workspace as
 * `library/`. "Today" is the clock's, so the tests count what does not depend on it.
 */
interface ViewProvider {
  getChildren(node?: unknown): Promise<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem;
}
/** What `activate` returns (client/src/startClient.ts `ExtensionApi`), as far as these tests read it. */
interface Views {
  readonly incidents: ViewProvider;
  readonly actionItems: ViewProvider;
}

const inLibrary = (uri: string) => uri.includes('/library/');

async function libraryViews(): Promise<Views> {
  const extension = await activeExtension();
  return (extension.exports as { views: Views }).views;
}

async function incidentRows(views: Views): Promise<vscode.TreeItem[]> {
  const nodes = await views.incidents.getChildren();
  return nodes.map((node) => views.incidents.getTreeItem(node)).filter((item) => item.resourceUri && inLibrary(item.resourceUri.toString()));
}

/** Runs a row's command as a click does. */
async function click(item: vscode.TreeItem): Promise<vscode.TextEditor> {
  assert.ok(item.command, `${String(item.label)} has a command`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  return waitFor(() => vscode.window.activeTextEditor, SERVER_DEADLINE_MS, 'the editor the click opened');
}

suite('incident library views', () => {
  test('the Incidents view lists the ten postmortems newest first, with severity, duration, TTR and action counts', async () => {
    const views = await libraryViews();
    const rows = await waitFor(async () => {
      const found = await incidentRows(views);
      return found.length === 10 ? found : undefined;
    }, SERVER_DEADLINE_MS, 'ten library rows');
    assert.deepEqual(
      rows.map((row) => row.label),
      [
        '2024-11-19 Image uploads rejected',
        '2024-10-21 API gateway certificate expiry',
        '2024-09-05 Origin overload after a full CDN purge',
        '2024-08-11 NOTIFICATIONS QUEUE BACKLOG',
        '2024-06-30 Checkout pool exhaustion during the summer sale',
        '2024-05-27 Login failures from a DNS change',
        '2024-04-18 Slow search after the index grew',
        '2024-03-02 Checkout outage',
        '2024-02-14 Payments gateway certificate expired',
        '2024-01-09 Checkout errors during a database failover',
      ],
    );
    const outage = rows.find((row) => row.label === '2024-03-02 Checkout outage')!;
    assert.match(String(outage.description), /^SEV1 · 1h 10m · TTR 1h 10m · \d open/);
  });

  test('sorted by duration the longest comes first, and a click opens the file at its title', async () => {
    const views = await libraryViews();
    await vscode.commands.executeCommand('postmortem.incidents.sortByDuration');
    try {
      const rows = await waitFor(async () => {
        const found = await incidentRows(views);
        return found.length === 10 ? found : undefined;
      }, SERVER_DEADLINE_MS, 'ten library rows');
      assert.equal(rows[0]!.label, '2024-08-11 NOTIFICATIONS QUEUE BACKLOG');
      const editor = await click(rows[0]!);
      assert.ok(editor.document.uri.path.endsWith('/library/postmortems/2024-08-11-notifications-queue-backlog.txt'));
      assert.equal(editor.selection.active.line, 0);
    } finally {
      await vscode.commands.executeCommand('postmortem.incidents.sortByDate');
    }
  });

  test('the Action Items view groups by state and by owner, and a click reveals the item line', async () => {
    const views = await libraryViews();
    const groups = async () => {
      const nodes = await views.actionItems.getChildren();
      return Promise.all(
        nodes.map(async (node) => ({
          group: views.actionItems.getTreeItem(node),
          items: (await views.actionItems.getChildren(node)).map((child) => views.actionItems.getTreeItem(child)).filter((item) => String(item.command?.arguments?.[0]).includes('/library/')),
        })),
      );
    };
    const byState = await waitFor(async () => {
      const found = await groups();
      return found.reduce((total, group) => total + group.items.length, 0) === 18 ? found : undefined;
    }, SERVER_DEADLINE_MS, 'eighteen library action items');
    const done = byState.find((group) => group.group.label === 'Done')!;
    assert.equal(done.items.length, 6);
    assert.ok(byState.every((group) => ['Overdue', 'Open', 'Done'].includes(String(group.group.label))));

    const pooler = byState.flatMap((group) => group.items).find((item) => item.label === 'Put a connection pooler in front of postgres')!;
    assert.match(String(pooler.description), /^dana · due 2024-04-15 · OPS-130$/);
    const editor = await click(pooler);
    assert.ok(editor.document.uri.path.endsWith('/library/postmortems/2024-03-02-checkout-outage.md'));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /Put a connection pooler in front of postgres.*OPS-130/);

    await vscode.commands.executeCommand('postmortem.actionItems.groupByOwner');
    try {
      const byOwner = await waitFor(async () => {
        const found = await groups();
        return found.some((group) => group.group.label === 'dana') ? found : undefined;
      }, SERVER_DEADLINE_MS, 'groups by owner');
      const counts = Object.fromEntries(byOwner.filter((group) => group.items.length > 0).map((group) => [group.group.label, group.items.length]));
      assert.deepEqual(counts, { dana: 3, kim: 3, lee: 3, omar: 3, priya: 3, sam: 2, '(no owner)': 1 });
    } finally {
      await vscode.commands.executeCommand('postmortem.actionItems.groupByState');
    }
  });

  test('the open postmortem gets its similar incidents in the view and as code lenses on the root cause', async () => {
    const views = await libraryViews();
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'library', 'postmortems', '2024-06-30-checkout-pool-exhaustion.md'));
    await vscode.window.showTextDocument(document);
    const similar = await waitFor(async () => {
      const nodes = await views.incidents.getChildren();
      const group = nodes.find((node) => String(views.incidents.getTreeItem(node).label).startsWith('Similar to'));
      return group ? (await views.incidents.getChildren(group)).map((node) => String(views.incidents.getTreeItem(node).label)) : undefined;
    }, SERVER_DEADLINE_MS, 'the Similar group');
    assert.deepEqual(similar.slice(0, 2).sort(), ['2024-01-09 Checkout errors during a database failover', '2024-03-02 Checkout outage']);
    const rootCauseLine = document.getText().split('\n').indexOf('## Root Cause');
    const lenses = await waitFor(async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
      const found = all.filter((lens) => lens.range.start.line === rootCauseLine && lens.command?.title.length);
      return found.length >= 2 ? found : undefined;
    }, SERVER_DEADLINE_MS, 'Similar: code lenses');
    assert.match(lenses[0]!.command!.title, /^Similar: 2024-0[13]-0\d Checkout/);
  });
});
