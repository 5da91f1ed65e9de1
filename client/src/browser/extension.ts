import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  ErrorAction,
  LanguageClient,
  type BaseLanguageClient,
  type ErrorHandler,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { startClient, type PostmortemExtensionApi } from '../startClient';

// The browser entry point (`browser`, for vscode.dev and github.dev): the same client as
// ../extension.ts, with the server bundle running in a web worker instead of a Node process.

/** How often the client looks whether a new worker holds its lock yet, and for how long. */
const lockPollMs = 20;
const lockPollLimitMs = 10_000;

/**
 * Resolves when the worker named `name` has ended. The worker holds a Web Lock of its name for
 * as long as it lives (server/src/browser/main.ts); the browser releases it when the worker is
 * terminated, closes itself or dies, and only then grants it here. Never resolves where Web Locks
 * are missing (a page that is not a secure context); the worker's `error` events still reach
 * the client there.
 */
async function workerEnded(name: string): Promise<void> {
  const locks = (navigator as WorkerNavigator | undefined)?.locks as LockManager | undefined;
  if (!locks) return new Promise<never>(() => {});
  // Ask for the lock only once the worker holds it: asked earlier, it would be granted at once.
  // VS Code's extension host prefixes the names of the workers it starts, so look for the suffix.
  const deadline = Date.now() + lockPollLimitMs;
  let held: string | undefined;
  while (!(held = (await locks.query()).held?.find((lock) => lock.name?.endsWith(name))?.name)) {
    if (Date.now() > deadline) return new Promise<never>(() => {});
    await new Promise((resolve) => setTimeout(resolve, lockPollMs));
  }
  await locks.request(held, () => undefined);
}

/** Reads the worker's messages and reports the connection closed when the worker ends. */
class ServerWorkerReader extends BrowserMessageReader {
  constructor(worker: Worker, ended: Promise<void>) {
    super(worker);
    void ended.then(() => this.fireClose());
  }
}

let client: BaseLanguageClient | undefined;
let worker: Worker | undefined;

/**
 * Starts a fresh worker for every (re)start of the client. When a worker ends, the reader reports
 * the connection closed and vscode-languageclient's error handler restarts the server, as it
 * does for a Node server: up to four times within three minutes.
 */
function startWorker(script: vscode.Uri): MessageTransports {
  worker?.terminate();
  const name = `postmortem-server-${crypto.randomUUID()}`;
  worker = new Worker(script.toString(true), { name });
  return { reader: new ServerWorkerReader(worker, workerEnded(name)), writer: new BrowserMessageWriter(worker) };
}

/**
 * An `error` event from the worker is an error nothing in it caught. The worker ends itself then
 * (server/src/browser/main.ts), and its end restarts the server; the library's default would
 * instead stop the client for good at an error event, which carries no message count.
 */
function restartWhenEnded(client: () => BaseLanguageClient): ErrorHandler {
  let restarts: ErrorHandler | undefined;
  return {
    // Handled: the restart that follows is what the user needs to know of, not the error event.
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => (restarts ??= client().createDefaultErrorHandler()).closed(),
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemExtensionApi> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const started = await startClient(context, (id, name, options) => {
    const created: BaseLanguageClient = new LanguageClient(id, name, async () => startWorker(script), { ...options, errorHandler: restartWhenEnded(() => created) });
    return created;
  });
  client = started.client;
  return { views: started.views };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  worker?.terminate();
  worker = undefined;
}
