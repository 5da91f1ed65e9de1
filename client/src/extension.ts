import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

/**
 * Postmortems may be written in the extension's own language or in Markdown or plain text;
 * the server decides which Markdown/plain-text files are postmortems (by name or content), so
 * the client offers it all of them rather than claiming every `.txt` file for the language.
 */
const documentSelector: DocumentSelector = ['postmortem', 'markdown', 'plaintext'].flatMap((language) =>
  ['file', 'untitled'].map((scheme) => ({ language, scheme })),
);

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // `--expose-gc`: the server collects once after work on a large document stops (node/memory.ts).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009', '--expose-gc'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // VS Code's Markdown extension already lists headings; the server then adds only timeline entries.
    initializationOptions: { markdownOutline: 'timeline-only' },
    // The server pulls settings itself; this tells it when to pull again.
    synchronize: { configurationSection: 'postmortem' },
  };
  client = new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
  await client.start();
  registerCommands(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
