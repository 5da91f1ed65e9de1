import type { Connection } from 'vscode-languageserver';
import { ReadDirectoryRequest, ReadFilesRequest, type FileReading } from './protocol';

/** How the library reads the workspace: through the client, or the host's own file system. */
export interface WorkspaceFiles {
  readDirectory(uri: string): Promise<ReadDirectoryRequest.Result>;
  readFiles(uris: readonly string[], maxBytes: number): Promise<FileReading[]>;
}

/** True when the client reads workspace files for the server (`initializationOptions.workspaceFiles`). */
export function clientSuppliesWorkspaceFiles(initializationOptions: unknown): boolean {
  return (initializationOptions as { workspaceFiles?: unknown } | null | undefined)?.workspaceFiles === 'client';
}

/**
 * Reads through the client's `postmortem/readDirectory` and `postmortem/readFiles`. A failed
 * request reads as an unreadable folder or files, so a client error never stops indexing.
 */
export function workspaceFilesFromClient(connection: Connection): WorkspaceFiles {
  return {
    async readDirectory(uri) {
      try {
        const result = await connection.sendRequest(ReadDirectoryRequest.type, { uri });
        return Array.isArray(result?.entries) ? result : { error: result?.error ?? 'no answer' };
      } catch (error) {
        return { error: String(error) };
      }
    },
    async readFiles(uris, maxBytes) {
      try {
        const result = await connection.sendRequest(ReadFilesRequest.type, { uris: [...uris], maxBytes });
        const byUri = new Map((Array.isArray(result?.files) ? result.files : []).map((file) => [file.uri, file]));
        return uris.map((uri) => byUri.get(uri) ?? { uri, error: 'no answer' });
      } catch (error) {
        return uris.map((uri) => ({ uri, error: String(error) }));
      }
    },
  };
}
