import {
  DidChangeWatchedFilesNotification,
  Emitter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { refuseRequestsAfterShutdown } from './afterShutdown';
import { createPostmortemService } from './core/service';
import { DocumentCache, isLargeDocument } from './documentCache';
import { readClientProfile, type Feature, type FeatureContext } from './feature';
import { commandsFeature } from './features/commands';
import { completionFeature } from './features/completion';
import { diagnosticsFeature } from './features/diagnostics';
import { documentSymbolsFeature } from './features/documentSymbols';
import { foldingRangesFeature } from './features/foldingRanges';
import { hoverFeature } from './features/hover';
import { inlayHintsFeature } from './features/inlayHints';
import { codeLensFeature } from './features/codeLens';
import { libraryFeature } from './features/library';
import { codeActionsFeature } from './features/codeActions';
import { documentLinksFeature } from './features/documentLinks';
import { timelinePictureFeature } from './features/timelinePicture';
import { clientSuppliesWorkspaceFiles, workspaceFilesFromClient, type WorkspaceFiles } from './library/workspaceFiles';
import { libraryWatchPattern, WorkspaceLibrary } from './library/workspaceLibrary';
import { clientSuppliesProjectConfig, projectConfigFileName, projectConfigFromClient } from './projectConfig';
import { ServedDocuments } from './servedDocuments';
import { Settings, type SettingsHost } from './settings';
import { version } from './version';

/**
 * Every feature the server offers. Adding one is one import and one line here: the feature
 * announces its own capabilities and installs its own handlers.
 */
const features: readonly Feature[] = [
  documentSymbolsFeature,
  foldingRangesFeature,
  diagnosticsFeature,
  hoverFeature,
  inlayHintsFeature,
  codeLensFeature,
  codeActionsFeature,
  completionFeature,
  commandsFeature,
  documentLinksFeature,
  timelinePictureFeature,
  libraryFeature,
];

/**
 * What the platform provides. The Node entry point passes `.postmortem.json` discovery on disk,
 * used for clients that do not find the file themselves; the browser entry point has no disk.
 */
export interface ServerHost extends SettingsHost {
  /**
   * Called whenever a request works on a large document or one is closed: the Node entry point
   * collects the garbage of such work once these calls stop for a while.
   */
  readonly largeDocumentWork?: () => void;
  /**
   * Reads the workspace folders for the incident library when the client does not offer to
   * (`initializationOptions.workspaceFiles: 'client'`): the Node entry point reads the disk.
   */
  readonly workspaceFiles?: WorkspaceFiles;
}

/** Merges capability objects; lists (such as `executeCommandProvider.commands`) are concatenated. */
function mergeCapabilities(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...existing, ...value];
    else if (isPlainObject(existing) && isPlainObject(value)) target[key] = mergeCapabilities({ ...existing }, value);
    else target[key] = value;
  }
  return target;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs the language server on `connection`, whatever its transport (IPC, stdio, in-process
 * streams in tests), and starts listening.
 */
export function startServer(connection: Connection, host: ServerHost = {}): void {
  const textDocuments = new TextDocuments(TextDocument);
  const service = createPostmortemService();
  const cache = new DocumentCache(service.parse, service.parseInSteps);
  const settingsChanged = new Emitter<void>();
  let settings: Settings | undefined;
  let watchProjectFiles = false;
  let library: WorkspaceLibrary | undefined;
  let initialFolders: string[] = [];
  let askForFolders = false;
  let watchLibraryFiles = false;

  connection.onInitialize((params): InitializeResult => {
    const client = readClientProfile(params);
    // A client that finds `.postmortem.json` itself (VS Code, desktop and browser) reads it
    // through its own file system, for every URI scheme; other clients get the host's reading.
    const loadProjectConfig = clientSuppliesProjectConfig(params.initializationOptions) ? projectConfigFromClient(connection) : host.loadProjectConfig;
    settings = new Settings(connection, { loadProjectConfig }, client.configurationPull);
    watchProjectFiles = client.watchedFilesRegistration && loadProjectConfig !== undefined;
    library = new WorkspaceLibrary({
      connection,
      textDocuments,
      settings,
      files: clientSuppliesWorkspaceFiles(params.initializationOptions) ? workspaceFilesFromClient(connection) : host.workspaceFiles,
      progress: client.workDoneProgress,
    });
    initialFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    askForFolders = params.capabilities.workspace?.workspaceFolders === true;
    watchLibraryFiles = client.watchedFilesRegistration && library.readsFiles;
    const context: FeatureContext = {
      connection,
      client,
      documents: new ServedDocuments(textDocuments, cache, settings, host.largeDocumentWork),
      textDocuments,
      service,
      onDidChangeSettings: settingsChanged.event,
      library,
    };
    let capabilities: Record<string, unknown> = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    };
    for (const feature of features) {
      capabilities = mergeCapabilities(capabilities, feature.capabilities(client) as Record<string, unknown>);
      feature.register(context);
    }
    return {
      capabilities: capabilities as ServerCapabilities,
      serverInfo: { name: 'postmortem-language-server', version },
    };
  });

  connection.onInitialized(() => {
    const watchers = [
      ...(watchProjectFiles ? [{ globPattern: `**/${projectConfigFileName}` }] : []),
      ...(watchLibraryFiles ? [{ globPattern: libraryWatchPattern }] : []),
    ];
    if (watchers.length > 0) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    startLibrary().catch((error: unknown) => connection.console.error(`Postmortem: the incident library did not start: ${String(error)}`));
  });

  /** Indexes the workspace folders: asked of the client when it can tell, else those of `initialize`. */
  const startLibrary = async (): Promise<void> => {
    if (!library) return;
    let folders = initialFolders;
    if (askForFolders) {
      folders = ((await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? []).map((folder) => folder.uri);
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const current = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
        void library?.setFolders(current.map((folder) => folder.uri));
      });
    }
    await library.setFolders(folders);
  };

  const settingsMayHaveChanged = (pushed?: unknown): void => {
    settings?.reset(pushed);
    settingsChanged.fire();
    // Which files are postmortems, and their summaries, may depend on any setting.
    void library?.reindex();
  };
  connection.onDidChangeConfiguration((params) => settingsMayHaveChanged(params.settings));
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const projectFile = (uri: string): boolean => uri.endsWith(`/${projectConfigFileName}`);
    if (changes.some((change) => projectFile(change.uri))) settingsMayHaveChanged();
    else library?.filesChanged(changes).catch((error: unknown) => connection.console.error(`Postmortem: updating the incident library failed: ${String(error)}`));
  });

  // A parse of the old version still under way is abandoned; its model, if any, becomes garbage.
  textDocuments.onDidChangeContent(({ document }) => {
    cache.forget(document.uri);
    library?.documentChanged(document.uri);
  });
  // An opened document goes first in the library: the editor's text is newer than the disk.
  textDocuments.onDidOpen(({ document }) => library?.documentChanged(document.uri, true));
  textDocuments.onDidClose(({ document }) => {
    library?.documentClosed(document.uri);
    cache.close(document.uri);
    if (isLargeDocument(document)) host.largeDocumentWork?.();
    settings?.forget(document.uri);
  });

  refuseRequestsAfterShutdown(connection);
  textDocuments.listen(connection);
  connection.listen();
}
