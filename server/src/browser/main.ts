import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../server';

// The server in a web worker (vscode.dev, github.dev): the same server as node/main.ts, over the
// worker's messages. There is no disk, so `.postmortem.json` comes from the client, and no
// `gc()`, so the idle collection after large documents is left to the browser.
declare const self: DedicatedWorkerGlobalScope;

// The client names each worker it starts. Holding a Web Lock of that name for the worker's whole
// life lets the client learn that it ended, however that happened (terminated, closed, crashed):
// the browser releases the lock then, and the client restarts the server, as it does a Node
// server process that exits.
if (self.name && self.navigator.locks) {
  void self.navigator.locks.request(self.name, () => new Promise<never>(() => {}));
}

// An uncaught error may leave the server half-way through an update. A Node server dies of it
// and is restarted; this worker ends itself so that the client starts a fresh one the same way.
self.addEventListener('error', () => self.close());

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
