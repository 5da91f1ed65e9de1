import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type DocumentSelector, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands';
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

/** A server that dies this many times within {@link restartWindowMs} is not started again. */
const maxRestarts = 4;
const restartWindowMs = 3 * 60 * 1000;

/**
 * Keeps the server running through a crash. The library's default handler shuts the client down
 * when a write fails without an error count (as a write to a killed process can), and a client
 * shut down that way never restarts: the user would be left without diagnostics until a reload.
 * Here an error is only logged unless it repeats, and a closed connection restarts the server,
 * up to {@link maxRestarts} times in {@link restartWindowMs}.
 */
export function restartingErrorHandler(name: string, now: () => number = Date.now): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const time = now();
      while (restarts.length > 0 && time - restarts[0]! > restartWindowMs) restarts.shift();
      restarts.push(time);
      if (restarts.length <= maxRestarts) return { action: CloseAction.Restart };
      return {
        action: CloseAction.DoNotRestart,
        message: `The ${name} server stopped ${restarts.length} times in the last 3 minutes and will not be restarted. See the Postmortem output channel, and reload the window once the cause is fixed.`,
      };
    },
  };
}

/** Builds the platform's language client (Node process or web worker) from the shared options. */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

/** What the desktop and the browser entry points share: the options, the commands, `.postmortem.json`. */
export async function startClient(context: vscode.ExtensionContext, create: ClientFactory): Promise<BaseLanguageClient> {
  const client = create('postmortem', 'Postmortem', {
    documentSelector,
    initializationOptions: {
      // VS Code's Markdown extension already lists headings; the server then adds only timeline entries.
      markdownOutline: 'timeline-only',
      // `.postmortem.json` is read here, through VS Code's file system, for every scheme.
      projectConfig: 'client',
    },
    // The server pulls settings itself; this tells it when to pull again.
    synchronize: { configurationSection: 'postmortem' },
    errorHandler: restartingErrorHandler('Postmortem'),
  });
  client.onRequest(projectConfigMethod, ({ uri }: { uri: string }) => findProjectConfig(uri));
  await client.start();
  registerCommands(context, client);
  return client;
}
