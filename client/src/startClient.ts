import type * as vscode from 'vscode';
import { ErrorAction, type BaseLanguageClient, type DocumentSelector, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { registerPreviewPictures } from './markdownPreview/previewPictures';
import type { MarkdownItLike } from './markdownPreview/timelinePicturePlugin';
import { answerWorkspaceFileRequests, registerLibraryViews } from './library/views';
import { findProjectConfig, projectConfigMethod } from './projectConfig';
import { registerTimelinePanel } from './timelinePanel';

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
 * Keeps the server running through a crash. When the server process dies, every message the
 * client writes before it notices the closed connection fails, and the library's default
 * handler shuts the client down after the third failed write: a client shut down that way never
 * restarts, and the user is left without diagnostics until a reload. How
 * many writes fail depends on how busy the editor is (open views, the preview, a slow machine),
 * so a write error never shuts the client down here; the closed connection that follows a crash
 * is left to the library's own restart policy (up to four restarts within three minutes), as in
 * the browser.
 */
function keepServerRunning(client: () => BaseLanguageClient): ErrorHandler {
  let restarts: ErrorHandler | undefined;
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => (restarts ??= client().createDefaultErrorHandler()).closed(),
  };
}

/** Builds the platform's language client (Node process or web worker) from the shared options. */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

/** What `activate` returns: VS Code's Markdown preview calls `extendMarkdownIt` with its markdown-it; the extension-host tests read the incident library's rows from `views`. */
export interface ExtensionApi {
  extendMarkdownIt(md: MarkdownItLike): MarkdownItLike;
  readonly views: ReturnType<typeof registerLibraryViews>;
}

/**
 * What the desktop and the browser entry points share: the options, the commands, the timeline
 * panel and preview picture, `.postmortem.json`, the workspace's files for the incident library,
 * and its views.
 */
export async function startClient(context: vscode.ExtensionContext, create: ClientFactory): Promise<{ client: BaseLanguageClient; api: ExtensionApi }> {
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
  registerTimelinePanel(context, client);
  return { client, api: { extendMarkdownIt: registerPreviewPictures(context, client), views: registerLibraryViews(context, client) } };
}
