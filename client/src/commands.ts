import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

/**
 * The palette commands. The work happens in the server (`server/src/features/commands.ts`);
 * this file only asks it and moves the cursor. Ids mirror the server's `ServerCommands`.
 */
const server = {
  templates: 'postmortem.server.templates',
  describe: 'postmortem.server.describe',
  insertTimelineEntry: 'postmortem.server.insertTimelineEntry',
  sortTimeline: 'postmortem.server.sortTimeline',
  // Run by the "Mark done" code lens; vscode-languageclient registers it as a VS Code command.
  markActionDone: 'postmortem.server.markActionDone',
  // Run by the "Similar:" code lenses (the server asks the editor to show the incident).
  showIncident: 'postmortem.server.showIncident',
} as const;

/** Context keys for `menus.commandPalette` `when` clauses, about the active editor. */
const contextKeys = { isPostmortem: 'postmortem.isPostmortem', hasTimeline: 'postmortem.hasTimeline' } as const;

interface TemplateInfo {
  readonly prefix: string;
  readonly name: string;
  readonly description: string;
  readonly flavor: 'markdown' | 'plaintext';
  readonly body: string;
}

function run<T>(client: LanguageClient, command: string, argument?: unknown): Promise<T> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: argument === undefined ? [] : [argument] }) as Promise<T>;
}

function now(): { epochMs: number; utcOffsetMinutes: number } {
  const date = new Date();
  return { epochMs: date.getTime(), utcOffsetMinutes: -date.getTimezoneOffset() };
}

async function newPostmortem(client: LanguageClient): Promise<void> {
  const templates = await run<TemplateInfo[]>(client, server.templates);
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({
      label: template.name,
      description: template.flavor === 'markdown' ? 'Markdown' : 'plain text',
      detail: template.description,
      template,
    })),
    { placeHolder: 'Choose a postmortem template', matchOnDetail: true },
  );
  if (!picked) return;
  const document = await vscode.workspace.openTextDocument({ language: 'postmortem' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(picked.template.body));
}

async function insertTimelineEntry(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const result = await run<{ applied: boolean; cursor?: vscode.Position; message?: string }>(client, server.insertTimelineEntry, {
    uri: editor.document.uri.toString(),
    position: editor.selection.active,
    now: now(),
  });
  if (!result.applied || !result.cursor) {
    if (result.message) void vscode.window.showInformationMessage(result.message);
    return;
  }
  const cursor = new vscode.Position(result.cursor.line, result.cursor.character);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor));
}

async function sortTimeline(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const result = await run<{ applied: boolean; moved: number; message?: string }>(client, server.sortTimeline, { uri: editor.document.uri.toString() });
  if (!result.applied && result.message) void vscode.window.showInformationMessage(result.message);
}

/** Keeps the context keys in step with the active editor (and its edits, a moment after typing stops). */
function trackActiveEditor(client: LanguageClient): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    let info = { postmortem: false, timelineEntries: 0 };
    if (document && ['postmortem', 'markdown', 'plaintext'].includes(document.languageId)) {
      info = await run<typeof info>(client, server.describe, { uri: document.uri.toString() }).catch(() => info);
    }
    await vscode.commands.executeCommand('setContext', contextKeys.isPostmortem, info.postmortem);
    await vscode.commands.executeCommand('setContext', contextKeys.hasTimeline, info.timelineEntries > 1);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 300);
  };
  void update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) later();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}

/** Registers "New Postmortem", "Insert Timeline Entry" and "Sort Timeline". */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('postmortem.newPostmortem', () => newPostmortem(client)),
    vscode.commands.registerCommand('postmortem.insertTimelineEntry', () => insertTimelineEntry(client)),
    vscode.commands.registerCommand('postmortem.sortTimeline', () => sortTimeline(client)),
    trackActiveEditor(client),
  );
}
