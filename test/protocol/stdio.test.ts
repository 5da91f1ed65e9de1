import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  SymbolKind,
  createProtocolConnection,
  type DocumentSymbol,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { repoRoot } from '../paths';
import { neovimLikeCapabilities, waitFor } from './harness';
import { plainTextDocument } from './referenceDocuments';

/** Resolves with the exit code, or rejects after the deadline. */
function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`server still running after ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

suite('dist/server.js --stdio (as Neovim, Emacs or Helix start it)', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let stderr = '';

  setup(() => {
    child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  });

  teardown(() => {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  });

  test('initializes, outlines a plain-text postmortem, pushes diagnostics and exits cleanly', async () => {
    const pushed = new Map<string, PublishDiagnosticsParams>();
    connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      pushed.set(params.uri, params);
    });
    connection.listen();

    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { ...neovimLikeCapabilities, workspace: { configuration: false } },
      workspaceFolders: null,
    });
    assert.equal(result.serverInfo?.name, 'postmortem-language-server');
    assert.ok(result.capabilities.documentSymbolProvider);
    assert.equal(result.capabilities.diagnosticProvider, undefined, 'push only for this client');
    await connection.sendNotification(InitializedNotification.type, {});

    const reference = plainTextDocument;
    const uri = 'file:///tmp/incident.txt';
    // Neovim names plain text "text": any language id is served when the content is a postmortem.
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'text', version: 1, text: reference.text },
    });
    const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const timeline = symbols.find((s) => s.name === 'TIMELINE');
    assert.deepEqual(
      timeline?.children?.filter((c) => c.kind === SymbolKind.Event).map((c) => c.detail),
      reference.entries.map((e) => e.detail),
    );

    const published = await waitFor('pushed diagnostics', () => pushed.get(uri));
    assert.ok(published.diagnostics.every((d) => d.source === 'postmortem'));
    assert.ok(published.diagnostics.length > 0, 'plain-text reference has findings');

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited(child, 5000), 0, stderr);
  });
});
