import { Emitter, FileChangeType, type Connection, type FileEvent, type TextDocuments, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reviewToday } from '../core/analysis/reviewClock';
import { matchesFilePatterns } from '../core/fileMatch';
import { IncidentIndex } from '../core/library/index';
import { looksLikePostmortem } from '../core/analysis/detect';
import { summarizeDocument, type PostmortemSummary } from '../core/library/summary';
import { parsePostmortem } from '../core/parse/parser';
import { afterPendingMessages } from '../eventLoop';
import { postmortemLanguageId, uriPath } from '../servedDocuments';
import type { DocumentSettings, Settings } from '../settings';
import { LibraryChangedNotification, type FileReading, type SkippedFiles } from './protocol';
import type { WorkspaceFiles } from './workspaceFiles';

/** Extensions of files that may be postmortems; `.postmortem.md` and `.postmortem.txt` end in these too. */
const candidateExtension = /\.(?:md|markdown|txt|postmortem)$/i;
/** Names of the extension's own language: always postmortems. */
const postmortemFileName = /\.postmortem(?:\.md|\.txt)?$/i;
/** Folders never walked: version control, dependencies, and other hidden folders. */
const skippedFolder = /^(?:\.|node_modules$)/;
/** Files read per request to the client. */
const readBatchSize = 48;
/** Requests to the client kept in flight while a batch is summarised. */
const readBatchesAhead = 3;
/** Past this many candidate files the run reports `$/progress`. */
const progressThreshold = 100;
/** How long an open document rests after an edit before it is summarised again. */
const editDelayMs = 300;
/** How many characters the binary check looks at. */
const binaryProbeLength = 8000;

/** The glob the client watches for the index (`workspace/didChangeWatchedFiles`). */
export const libraryWatchPattern = '**/*.{md,markdown,txt,postmortem}';

function noSkippedFiles(): SkippedFiles {
  return { binary: 0, tooLarge: 0, unreadable: 0, symlinkedFolders: 0, notUtf8: 0 };
}

/** One indexing run; a newer run, or a cancel from the progress UI, ends it between batches. */
interface IndexingRun {
  cancelled: boolean;
}

/** The platform's pieces the library uses. */
export interface WorkspaceLibraryHost {
  readonly connection: Connection;
  readonly textDocuments: TextDocuments<TextDocument>;
  readonly settings: Settings;
  /** How to read the workspace; undefined when neither the client nor the host can. */
  readonly files: WorkspaceFiles | undefined;
  /** The client shows `$/progress` (`window.workDoneProgress`). */
  readonly progress: boolean;
}

/**
 * The incident library of the workspace: finds the postmortems in the workspace folders, keeps
 * one summary per document (never its text) in the core's {@link IncidentIndex}, and keeps it
 * current from open documents (which win over the disk) and watched-file events. Indexing runs
 * in batches read through the client, yields to pending messages between them, reports progress
 * on large folders, and is cancelled by a newer run or by the user.
 */
export class WorkspaceLibrary {
  readonly index = new IncidentIndex();
  readonly #host: WorkspaceLibraryHost;
  readonly #changed = new Emitter<LibraryChangedNotification.Params>();
  readonly #editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version of each open document last summarised, so an open followed by its change event is read once. */
  readonly #indexedVersions = new Map<string, number>();
  #folders: string[] = [];
  #run: IndexingRun | undefined;
  #complete = false;
  #skipped = noSkippedFiles();
  #version = 0;

  constructor(host: WorkspaceLibraryHost) {
    this.#host = host;
  }

  /** Fires after every change of the index; the server forwards it to the client. */
  readonly onDidChange = this.#changed.event;

  /** True when there is a way to read the workspace folders (else only open documents are indexed). */
  get readsFiles(): boolean {
    return this.#host.files !== undefined;
  }

  get complete(): boolean {
    return this.#complete;
  }

  get skipped(): SkippedFiles {
    return { ...this.#skipped };
  }

  /** The summary of one document, if it is indexed. */
  get(uri: string): PostmortemSummary | undefined {
    return this.index.get(uri);
  }

  /** Sets the workspace folders (URIs) and indexes them again from scratch. */
  setFolders(folders: readonly string[]): Promise<void> {
    this.#folders = folders.map((folder) => folder.replace(/\/+$/, ''));
    return this.reindex();
  }

  /** Starts a new indexing run, ending the one under way. */
  reindex(): Promise<void> {
    if (this.#run) this.#run.cancelled = true;
    const run: IndexingRun = { cancelled: false };
    this.#run = run;
    this.#complete = false;
    return this.#indexAll(run).catch((error: unknown) => {
      this.#host.connection.console.error(`Postmortem: indexing the workspace failed: ${String(error)}`);
    });
  }

  /** Ends the run under way, if any; what is indexed so far stays. */
  cancel(): void {
    if (this.#run) this.#run.cancelled = true;
  }

  /** Watched-file events: files created, changed or deleted on disk. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    const changed: string[] = [];
    const toRead: string[] = [];
    for (const change of changes) {
      if (!candidateExtension.test(uriPath(change.uri))) continue;
      // An open document is indexed from the editor's text, which is newer than the disk.
      if (this.#host.textDocuments.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        if (this.index.get(change.uri)) changed.push(change.uri);
        this.index.delete(change.uri);
      } else if (this.#folderOf(change.uri) !== undefined) {
        toRead.push(change.uri);
      }
    }
    const files = this.#host.files;
    if (files && toRead.length > 0) {
      const settings = await this.#settingsByFolder();
      const readings = await files.readFiles(toRead, maxBytes(settings));
      for (const reading of readings) {
        const before = this.index.get(reading.uri);
        const summary = this.#summarizeReading(reading, settingsFor(settings, this.#folderOf(reading.uri)));
        if (summary) this.index.set(summary);
        else this.index.delete(reading.uri);
        if (summary || before) changed.push(reading.uri);
      }
    }
    if (changed.length > 0) this.#fire(changed);
  }

  /** An open document was opened or edited: summarise it from its text once typing pauses. */
  documentChanged(uri: string, immediately = false): void {
    clearTimeout(this.#editTimers.get(uri));
    if (immediately) {
      this.#safely(this.#indexOpenDocument(uri));
      return;
    }
    this.#editTimers.set(
      uri,
      setTimeout(() => {
        this.#editTimers.delete(uri);
        this.#safely(this.#indexOpenDocument(uri));
      }, editDelayMs),
    );
  }

  /** An open document was closed: what counts now is the file on disk, if it is in the workspace. */
  documentClosed(uri: string): void {
    clearTimeout(this.#editTimers.get(uri));
    this.#editTimers.delete(uri);
    this.#indexedVersions.delete(uri);
    if (this.#folderOf(uri) !== undefined) {
      this.#safely(this.filesChanged([{ uri, type: FileChangeType.Changed }]));
    } else if (this.index.get(uri)) {
      this.index.delete(uri);
      this.#fire([uri]);
    }
  }

  /** Work started from an event: a failure is logged, never left to end the process. */
  #safely(work: Promise<void>): void {
    work.catch((error: unknown) => this.#host.connection.console.error(`Postmortem: updating the incident library failed: ${String(error)}`));
  }

  dispose(): void {
    this.cancel();
    for (const timer of this.#editTimers.values()) clearTimeout(timer);
    this.#editTimers.clear();
  }

  async #indexOpenDocument(uri: string): Promise<void> {
    const document = this.#host.textDocuments.get(uri);
    if (!document) return;
    const settings = await this.#host.settings.get(uri);
    const current = this.#host.textDocuments.get(uri);
    if (!current || this.#indexedVersions.get(uri) === current.version) return;
    this.#indexedVersions.set(uri, current.version);
    const before = this.index.get(uri);
    const text = current.getText();
    // Past maxDocumentSize an open document gets only its outline: the library leaves it out too.
    const summary = text.length <= settings.options.maxDocumentSize ? this.#summarizeText(uri, text, settings, current.languageId === postmortemLanguageId) : undefined;
    if (summary) this.index.set(summary);
    else this.index.delete(uri);
    if (summary || before) this.#fire([uri]);
  }

  async #indexAll(run: IndexingRun): Promise<void> {
    const previous = new Set(this.index.all().map((summary) => summary.uri));
    this.#skipped = noSkippedFiles();
    // Settings may have changed what counts as a postmortem: open documents are judged again.
    this.#indexedVersions.clear();
    const seen = new Set<string>();
    // Open documents first: they are what the user looks at, and the editor's text is the newest.
    for (const document of this.#host.textDocuments.all()) {
      await this.#indexOpenDocument(document.uri);
      seen.add(document.uri);
      if (run.cancelled) return;
    }
    const files = this.#host.files;
    if (!files) return this.#finish(run, previous, seen);

    const candidates: string[] = [];
    for (const folder of this.#folders) {
      await this.#walk(folder, files, candidates, run);
      if (run.cancelled) return;
    }
    const toRead = candidates.filter((uri) => !this.#host.textDocuments.get(uri));
    const progress = this.#host.progress && toRead.length >= progressThreshold ? await this.#startProgress(run, toRead.length) : undefined;
    try {
      const settings = await this.#settingsByFolder();
      const limit = maxBytes(settings);
      let done = 0;
      // The next batches are read by the client while this one is summarised here: with one
      // batch ahead the server sat idle for a third of a large folder's indexing.
      const pending: Promise<FileReading[]>[] = [];
      let requested = 0;
      const requestBatch = () => {
        if (requested >= toRead.length) return;
        pending.push(files.readFiles(toRead.slice(requested, requested + readBatchSize), limit));
        requested += readBatchSize;
      };
      for (let ahead = 0; ahead < readBatchesAhead; ahead++) requestBatch();
      while (pending.length > 0) {
        const readings = await pending.shift()!;
        if (run.cancelled) return;
        requestBatch();
        for (const reading of readings) {
          seen.add(reading.uri);
          // Opened meanwhile: the open document's summary stands.
          if (this.#host.textDocuments.get(reading.uri)) continue;
          const summary = this.#summarizeReading(reading, settingsFor(settings, this.#folderOf(reading.uri)));
          if (summary) this.index.set(summary);
          else this.index.delete(reading.uri);
        }
        done += readings.length;
        progress?.report(Math.floor((done / toRead.length) * 100), `${done} of ${toRead.length} files`);
        await afterPendingMessages();
        if (run.cancelled) return;
      }
      this.#finish(run, previous, seen);
    } finally {
      progress?.done();
    }
  }

  /** Drops what the run did not see again (deleted while no watcher ran) and announces completion. */
  #finish(run: IndexingRun, previous: ReadonlySet<string>, seen: ReadonlySet<string>): void {
    if (run.cancelled) return;
    for (const uri of previous) {
      if (!seen.has(uri) && !this.#host.textDocuments.get(uri)) this.index.delete(uri);
    }
    this.#complete = true;
    this.#run = undefined;
    this.#fire(undefined);
  }

  async #startProgress(run: IndexingRun, total: number): Promise<WorkDoneProgressServerReporter | undefined> {
    try {
      const progress = await this.#host.connection.window.createWorkDoneProgress();
      progress.begin('Indexing postmortems', 0, `0 of ${total} files`, true);
      progress.token.onCancellationRequested(() => {
        run.cancelled = true;
        this.#fire(undefined);
      });
      return progress;
    } catch {
      return undefined;
    }
  }

  /** Collects candidate files below `folder`; symbolic links to folders are not followed. */
  async #walk(folder: string, files: WorkspaceFiles, candidates: string[], run: IndexingRun): Promise<void> {
    const pending = [directoryUri(folder)];
    while (pending.length > 0 && !run.cancelled) {
      const listing = await files.readDirectory(pending.pop() as string);
      if (!listing.entries) {
        this.#skipped.unreadable++;
        continue;
      }
      for (const entry of listing.entries) {
        if (entry.kind === 'folder') {
          if (!skippedFolder.test(entry.name)) pending.push(entry.uri);
        } else if (entry.kind === 'symlinkedFolder') {
          this.#skipped.symlinkedFolders++;
        } else if (entry.kind === 'file' && candidateExtension.test(entry.name)) {
          candidates.push(entry.uri);
        }
      }
    }
  }

  #summarizeReading(reading: FileReading, settings: DocumentSettings): PostmortemSummary | undefined {
    if (reading.tooLarge) {
      this.#skipped.tooLarge++;
      return undefined;
    }
    if (reading.text === undefined) {
      this.#skipped.unreadable++;
      return undefined;
    }
    if (reading.text.slice(0, binaryProbeLength).includes('\u0000')) {
      this.#skipped.binary++;
      return undefined;
    }
    if (reading.text.length > settings.options.maxDocumentSize) {
      this.#skipped.tooLarge++;
      return undefined;
    }
    if (reading.notUtf8) this.#skipped.notUtf8++;
    return this.#summarizeText(reading.uri, reading.text, settings, false);
  }

  /** The document's summary when it is a postmortem: by language, by name, or by content. */
  #summarizeText(uri: string, text: string, settings: DocumentSettings, postmortemLanguage: boolean): PostmortemSummary | undefined {
    const path = uriPath(uri);
    try {
      // One parse serves both the content test and the summary.
      const document = parsePostmortem(text);
      const isPostmortem =
        postmortemLanguage || postmortemFileName.test(path) || matchesFilePatterns(path, settings.fileInclude) || looksLikePostmortem(document);
      if (!isPostmortem) return undefined;
      const options = settings.options;
      return summarizeDocument(uri, document, { ...options, today: reviewToday(options) });
    } catch (error) {
      // A document the analysis cannot summarise is left out of the library, not fatal.
      this.#host.connection.console.error(`Postmortem: ${uri} could not be summarised: ${String(error)}`);
      return undefined;
    }
  }

  /** The workspace folder holding `uri`: the longest one that is a prefix of it. */
  #folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.#folders) {
      if (uri.startsWith(`${folder}/`) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /**
   * Settings per workspace folder, as for a file at the folder's root (so a `.postmortem.json`
   * there applies): one `workspace/configuration` round trip per folder, not one per file.
   */
  async #settingsByFolder(): Promise<Map<string, DocumentSettings>> {
    const entries = await Promise.all(
      this.#folders.map(async (folder) => [folder, await this.#host.settings.get(`${folder}/.postmortem.json`)] as const),
    );
    return new Map(entries);
  }

  #fire(uris: string[] | undefined): void {
    this.#version++;
    const params: LibraryChangedNotification.Params = { version: this.#version, complete: this.#complete };
    if (uris) params.uris = uris;
    this.#changed.fire(params);
  }
}

/**
 * The URI to list a workspace folder by. Folders are kept without a trailing slash, so a folder at
 * the root of its authority (`vscode-test-web://mount/` in VS Code for the Web) gets its `/` back:
 * without a path, the editor can neither list it nor join names to it.
 */
function directoryUri(folder: string): string {
  return /^[a-z][\w+.-]*:\/\/[^/?#]*$/i.test(folder) ? `${folder}/` : folder;
}

function settingsFor(byFolder: ReadonlyMap<string, DocumentSettings>, folder: string | undefined): DocumentSettings {
  return (folder !== undefined ? byFolder.get(folder) : undefined) ?? (byFolder.values().next().value as DocumentSettings);
}

/** The byte limit asked of the client: the largest `maxDocumentSize` of any folder. */
function maxBytes(byFolder: ReadonlyMap<string, DocumentSettings>): number {
  let limit = 0;
  for (const settings of byFolder.values()) limit = Math.max(limit, settings.options.maxDocumentSize);
  return limit;
}
