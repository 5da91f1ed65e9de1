import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { startClient, type PostmortemExtensionApi } from './startClient';
import type { BaseLanguageClient } from 'vscode-languageclient';

// The desktop entry point (`main`): the server is a Node process. The browser entry point
// (`browser`, browser/extension.ts) starts the same server in a web worker.
let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemExtensionApi> {
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
  const started = await startClient(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
  client = started.client;
  return { views: started.views };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
