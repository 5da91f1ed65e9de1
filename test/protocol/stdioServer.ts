import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { repoRoot } from '../paths';
import { vscodeLikeCapabilities } from './harness';

/**
 * The bundled server (`dist/server.js --stdio`) in a child process, driven over its real stdin
 * and stdout, as Neovim, Helix or Emacs run it. Records how the process ended.
 */
export class StdioServer {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  initializeResult: InitializeResult | undefined;

  constructor(configuration: (section: string | undefined) => unknown = () => null) {
    this.process = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.process.on('exit', (code, signal) => {
      this.exit = { code, signal };
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => configuration(item.section)));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    for (const method of ['window/workDoneProgress/create', 'workspace/diagnostic/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'window/showMessageRequest']) {
      this.connection.onRequest(method, () => null);
    }
    for (const method of ['window/showMessage', 'window/logMessage', 'textDocument/publishDiagnostics', 'telemetry/event']) {
      this.connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
      });
    }
    // A write to a server that has exited must fail the test that caused it, not the process.
    this.process.stdin.on('error', () => undefined);
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = vscodeLikeCapabilities): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** Resolves when the process has exited, with how; rejects after `timeoutMs`. */
  async exited(timeoutMs = 5000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.exit) {
      if (Date.now() > deadline) throw new Error(`the server did not exit within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.exit;
  }

  /** Ends the process if a test left it running. */
  kill(): void {
    this.connection.dispose();
    if (!this.exit) this.process.kill();
  }
}
