import { NotificationType, RequestType } from 'vscode-languageserver';
import type { LibraryActionItem } from '../core/library/index';
import type { PostmortemSummary } from '../core/library/summary';

/**
 * The incident library's messages. Documented in the README ("The incident library for other
 * editors"); VS Code's client speaks them in `client/src/library/`, and any editor may.
 */

/** A postmortem as the views show it: its summary without the search terms. */
export type IncidentSummary = Omit<PostmortemSummary, 'terms'>;

/** Files the index passed over, by reason; they never stop indexing. */
export interface SkippedFiles {
  /** A NUL character in the first 8,000 characters. */
  binary: number;
  /** Larger than `postmortem.maxDocumentSize`. */
  tooLarge: number;
  /** The client could not read them (permissions, vanished). */
  unreadable: number;
  /** Symbolic links to folders: not followed, so a link loop cannot trap the walk. */
  symlinkedFolders: number;
  /** Not valid UTF-8: read with replacement characters, and still indexed. */
  notUtf8: number;
}

/** `postmortem/incidents`: every postmortem indexed so far, newest first. */
export namespace IncidentsRequest {
  export const method = 'postmortem/incidents';
  export interface Result {
    incidents: IncidentSummary[];
    /** False while indexing is under way (or was cancelled): the list may grow. */
    complete: boolean;
    skipped: SkippedFiles;
  }
  export const type = new RequestType<Record<string, never> | null, Result, void>(method);
}

export type ActionItemGrouping = 'state' | 'owner';

export type { LibraryActionItem };

/** `postmortem/actionItems`: every action item, grouped by state (overdue, open, done) or owner. */
export namespace ActionItemsRequest {
  export const method = 'postmortem/actionItems';
  export interface Params {
    groupBy: ActionItemGrouping;
  }
  export interface Group {
    /** `overdue`, `open`, `done`; or the owner's name, or `(no owner)`. */
    label: string;
    items: LibraryActionItem[];
  }
  export interface Result {
    groups: Group[];
    complete: boolean;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** `postmortem/relatedIncidents`: up to three earlier postmortems most like this one. */
export namespace RelatedIncidentsRequest {
  export const method = 'postmortem/relatedIncidents';
  export interface Params {
    textDocument: { uri: string };
  }
  export interface Related {
    incident: IncidentSummary;
    /** Similarity (BM25 over the words of title, summary and root cause, plus shared services); higher is closer, comparable only within one answer. */
    score: number;
    sharedServices: readonly string[];
    /** The words that weighed most, best first. */
    sharedTerms: readonly string[];
  }
  export interface Result {
    related: Related[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/**
 * `postmortem/libraryChanged`, server to client: the index changed (a file was indexed, changed
 * or removed, or indexing finished). Views ask again.
 */
export namespace LibraryChangedNotification {
  export const method = 'postmortem/libraryChanged';
  export interface Params {
    /** Incremented on every change. */
    version: number;
    complete: boolean;
    /** The documents that changed; absent when the whole index did (a new indexing run). */
    uris?: string[];
  }
  export const type = new NotificationType<Params>(method);
}

/**
 * The workspace's files, read through the client (`initializationOptions.workspaceFiles:
 * 'client'`), so the index works on any file system the editor has (`vscode-vfs` in github.dev,
 * the browser's test file system) and the same code runs in the browser worker.
 */
export type DirectoryEntryKind = 'file' | 'folder' | 'symlinkedFolder' | 'other';

/** `postmortem/readDirectory`, server to client. */
export namespace ReadDirectoryRequest {
  export const method = 'postmortem/readDirectory';
  export interface Params {
    uri: string;
  }
  export interface Entry {
    name: string;
    /** The entry's URI as the editor writes it, so it matches the URIs of open documents. */
    uri: string;
    kind: DirectoryEntryKind;
  }
  export interface Result {
    /** Absent, with `error`, when the folder cannot be read. */
    entries?: Entry[];
    error?: string;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** One file's reading: its text, or why there is none. */
export interface FileReading {
  uri: string;
  text?: string;
  /** The bytes were not valid UTF-8; `text` has replacement characters. */
  notUtf8?: boolean;
  tooLarge?: boolean;
  error?: string;
}

/** `postmortem/readFiles`, server to client: several files in one round trip. */
export namespace ReadFilesRequest {
  export const method = 'postmortem/readFiles';
  export interface Params {
    uris: string[];
    /** Files larger than this many bytes are not read (`tooLarge`). */
    maxBytes: number;
  }
  export interface Result {
    files: FileReading[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}
