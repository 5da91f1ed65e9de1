import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFiles } from '../library/workspaceFiles';
import type { DirectoryEntryKind, FileReading } from '../library/protocol';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * The workspace read from the local disk, for clients that do not read it for the server
 * (Neovim, Emacs, Helix). Only `file:` URIs; anything else reads as unreadable.
 */
export const nodeWorkspaceFiles: WorkspaceFiles = {
  async readDirectory(uri) {
    try {
      const folder = fileURLToPath(uri);
      const dirents = await fs.readdir(folder, { withFileTypes: true });
      const entries = await Promise.all(
        dirents.map(async (dirent) => {
          const full = path.join(folder, dirent.name);
          let kind: DirectoryEntryKind = dirent.isDirectory() ? 'folder' : dirent.isFile() ? 'file' : 'other';
          if (dirent.isSymbolicLink()) {
            const target = await fs.stat(full).catch(() => undefined);
            kind = target?.isDirectory() ? 'symlinkedFolder' : target?.isFile() ? 'file' : 'other';
          }
          return { name: dirent.name, uri: pathToFileURL(full).href, kind };
        }),
      );
      return { entries };
    } catch (error) {
      return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  },
  readFiles(uris, maxBytes) {
    return Promise.all(uris.map((uri) => readFile(uri, maxBytes)));
  },
};

async function readFile(uri: string, maxBytes: number): Promise<FileReading> {
  try {
    const file = fileURLToPath(uri);
    if ((await fs.stat(file)).size > maxBytes) return { uri, tooLarge: true };
    const bytes = await fs.readFile(file);
    try {
      return { uri, text: utf8.decode(bytes) };
    } catch {
      return { uri, text: lenientUtf8.decode(bytes), notUtf8: true };
    }
  } catch (error) {
    return { uri, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
