import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Event,
  type InitializeParams,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemService } from './core/service';
import type { WorkspaceLibrary } from './library/workspaceLibrary';
import type { ServedDocuments } from './servedDocuments';

/** How the outline treats Markdown-language documents (see docs/ARCHITECTURE.md). */
export type MarkdownOutline = 'full' | 'timeline-only';

/** What the client supports, read once from `initialize`. */
export interface ClientProfile {
  readonly capabilities: ClientCapabilities;
  /** `textDocument/diagnostic` (pull); otherwise diagnostics are pushed. */
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly configurationPull: boolean;
  readonly watchedFilesRegistration: boolean;
  /** `window/workDoneProgress/create`: the server may start `$/progress` itself. */
  readonly workDoneProgress: boolean;
  readonly codeLensRefresh: boolean;
  readonly hierarchicalDocumentSymbols: boolean;
  /** `timeline-only` when the client already shows Markdown headings itself (VS Code). */
  readonly markdownOutline: MarkdownOutline;
}

/** What a feature's handlers get. */
export interface FeatureContext {
  readonly connection: Connection;
  readonly client: ClientProfile;
  /** The served documents: what features answer about. */
  readonly documents: ServedDocuments;
  /** Every open document, served or not, with its lifecycle events. */
  readonly textDocuments: TextDocuments<TextDocument>;
  readonly service: PostmortemService;
  /** Fires after settings or a `.postmortem.json` changed and the settings cache was cleared. */
  readonly onDidChangeSettings: Event<void>;
  /** The postmortems of the workspace folders, summarised (the incident library). */
  readonly library: WorkspaceLibrary;
}

/**
 * One LSP feature: the capabilities it announces and the handlers it installs. Each lives in
 * `features/<name>.ts` and is listed once in `server.ts`.
 */
export interface Feature {
  readonly name: string;
  capabilities(client: ClientProfile): ServerCapabilities;
  register(context: FeatureContext): void;
}

export function readClientProfile(params: InitializeParams): ClientProfile {
  const capabilities = params.capabilities;
  const options = params.initializationOptions as { markdownOutline?: unknown } | null | undefined;
  return {
    capabilities,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configurationPull: capabilities.workspace?.configuration === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
    hierarchicalDocumentSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    markdownOutline: options?.markdownOutline === 'timeline-only' ? 'timeline-only' : 'full',
  };
}

/** Ends a request whose client has lost interest; the client expects this error, not a result. */
export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
