import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
  createProtocolConnection,
  type ClientCapabilities,
  type ConfigurationItem,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { startServer, type ServerHost } from '../../server/src/server';

/** What VS Code 1.100 announces, as far as this server looks. */
export const vscodeLikeCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

/** What Neovim 0.7 announces: no pull diagnostics, no configuration refresh. */
export const neovimLikeCapabilities: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: {
    synchronization: { didSave: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true },
  },
};

export interface HarnessOptions {
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Answers `workspace/configuration`; undefined answers null (no settings). */
  readonly configuration?: (item: ConfigurationItem) => unknown;
  readonly host?: ServerHost;
  /** The workspace folders of `initialize` (URIs); none by default. */
  readonly workspaceFolders?: readonly string[];
  /** Installs further client handlers (requests the server sends early) before the client listens. */
  readonly onClient?: (client: ProtocolConnection) => void;
}

/**
 * A real server connection and a real client protocol connection joined by in-memory streams:
 * the full JSON-RPC path of an editor, in the test process. Never sends `exit` (the server
 * library would end the process); `dispose()` closes both ends instead.
 */
export class LspHarness {
  readonly client: ProtocolConnection;
  /** The last diagnostics pushed per URI. */
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  readonly shownMessages: ShowMessageParams[] = [];
  readonly loggedMessages: string[] = [];
  readonly configurationRequests: ConfigurationItem[] = [];
  /** Methods the server registered dynamically. */
  readonly registrations: string[] = [];
  diagnosticRefreshes = 0;
  initializeResult: InitializeResult | undefined;
  readonly #disposeServer: () => void;

  private constructor(client: ProtocolConnection, disposeServer: () => void) {
    this.client = client;
    this.#disposeServer = disposeServer;
  }

  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    const clientToServer = new PassThrough();
    const serverToClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(clientToServer), new StreamMessageWriter(serverToClient));
    startServer(serverConnection, options.host ?? {});

    const client = createProtocolConnection(new StreamMessageReader(serverToClient), new StreamMessageWriter(clientToServer));
    const harness = new LspHarness(client, () => {
      serverConnection.dispose();
      clientToServer.end();
      serverToClient.end();
    });
    client.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      harness.pushed.set(params.uri, params);
    });
    client.onNotification(ShowMessageNotification.type, (params: ShowMessageParams) => {
      harness.shownMessages.push(params);
    });
    client.onNotification(LogMessageNotification.type, (params: LogMessageParams) => {
      harness.loggedMessages.push(params.message);
    });
    client.onRequest(ConfigurationRequest.type, (params) => {
      harness.configurationRequests.push(...params.items);
      return params.items.map((item) => options.configuration?.(item) ?? null);
    });
    client.onRequest(DiagnosticRefreshRequest.type, () => {
      harness.diagnosticRefreshes++;
    });
    client.onRequest(RegistrationRequest.type, (params) => {
      harness.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    options.onClient?.(client);
    client.listen();

    harness.initializeResult = await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: options.capabilities ?? vscodeLikeCapabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders?.map((uri, index) => ({ uri, name: `folder${index}` })) ?? null,
    });
    await client.sendNotification(InitializedNotification.type, {});
    return harness;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(settings: unknown = null): Promise<void> {
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[]> {
    return (await this.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? [];
  }

  async foldingRanges(uri: string): Promise<FoldingRange[]> {
    return (await this.client.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
  }

  async pullDiagnostics(uri: string): Promise<DocumentDiagnosticReport> {
    return this.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  }

  /** A real `shutdown` request, then both connections closed. */
  async dispose(): Promise<void> {
    try {
      await this.client.sendRequest(ShutdownRequest.type);
    } finally {
      this.client.dispose();
      this.#disposeServer();
    }
  }
}

/**
 * Polls `probe` until it returns a value other than undefined; fails after `timeoutMs` with
 * `what` in the message. For notifications, which have no response to await.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
