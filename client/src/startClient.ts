import type * as vscode from 'vscode';
import { ErrorAction, type BaseLanguageClient, type DocumentSelector, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { answerWorkspaceFileRequests, registerLibraryViews } from './library/views';
import { findProjectConfig, projectConfigMethod } from './projectConfig';

/**
 * Every scheme a postmortem is opened from: local files, unsaved documents, GitHub and Azure
 * repositories in vscode.dev and github.dev (`vscode-vfs`), a remote's files seen from the browser
 * (`vscode-remote`) and the test file system of VS Code for the Web (`vscode-test-web`). Left out
 * on purpose: `git` (the old side of a diff) and `output` (output channels are plain text too).
 */
export const documentSchemes = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'] as const;

/**
 * Postmortems may be written in the extension's own language or in Markdown or plain text;
 * the server decides which Markdown/plain-text files are postmortems (by name or content), so
 * the client offers it all of them rather than claiming every `.txt` file for the language.
 */
const documentSelector: DocumentSelector = ['postmortem', 'markdown', 'plaintext'].flatMap((language) =>
  documentSchemes.map((scheme) => ({ language, scheme })),
);

/**
 * Keeps the server running through a crash. The library's default handler shuts the client down
 * when a write fails without an error count (as a write to a killed process can), and a client
 * shut down that way never restarts: the user would be left without diagnostics until a reload.
 * Here an error shuts the client down only when it repeats; a closed connection is left to the
 * library's own restart policy (up to four restarts within three minutes), as in the browser.
 */
function keepServerRunning(client: () => BaseLanguageClient): ErrorHandler {
  let restarts: ErrorHandler | undefined;
  return {
    // A write to a process that has gone away fails once for every message queued (the views'
    // requests add several): those errors never shut the client down, as the close that follows
    // decides on the restart.
    error: (error, _message, count) => ({ action: !wentAway(error) && count !== undefined && count > 3 ? ErrorAction.Shutdown : ErrorAction.Continue }),
    closed: () => (restarts ??= client().createDefaultErrorHandler()).closed(),
  };
}

/** Whether a connection error says the server's end is closed (its process ended or is ending). */
function wentAway(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED' || /\b(?:EPIPE|ECONNRESET)\b/.test(error.message);
}

/** Builds the platform's language client (Node process or web worker) from the shared options. */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

/** What `activate` returns: the views, so the extension-host tests can read their rows. */
export interface PostmortemExtensionApi {
  readonly views: ReturnType<typeof registerLibraryViews>;
}

/** A started client and what it shows. */
export interface StartedClient extends PostmortemExtensionApi {
  readonly client: BaseLanguageClient;
}

/**
 * What the desktop and the browser entry points share: the options, the commands,
 * `.postmortem.json`, the workspace's files for the incident library, and its views.
 */
export async function startClient(context: vscode.ExtensionContext, create: ClientFactory): Promise<StartedClient> {
  const client: BaseLanguageClient = create('postmortem', 'Postmortem', {
    documentSelector,
    initializationOptions: {
      // VS Code's Markdown extension already lists headings; the server then adds only timeline entries.
      markdownOutline: 'timeline-only',
      // `.postmortem.json` is read here, through VS Code's file system, for every scheme.
      projectConfig: 'client',
      // The incident library reads the workspace folders here too, through vscode.workspace.fs.
      workspaceFiles: 'client',
    },
    // The server pulls settings itself; this tells it when to pull again.
    synchronize: { configurationSection: 'postmortem' },
    errorHandler: keepServerRunning(() => client),
  });
  client.onRequest(projectConfigMethod, ({ uri }: { uri: string }) => findProjectConfig(uri));
  answerWorkspaceFileRequests(client);
  await client.start();
  registerCommands(context, client);
  return { client, views: registerLibraryViews(context, client) };
}
