import * as vscode from 'vscode';
import type { DirectoryEntryKind } from './protocol';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

function errorCode(error: unknown): string {
  return error instanceof vscode.FileSystemError ? error.code : String(error);
}

function entryKind(type: vscode.FileType): DirectoryEntryKind {
  if (type & vscode.FileType.Directory) return type & vscode.FileType.SymbolicLink ? 'symlinkedFolder' : 'folder';
  return type & vscode.FileType.File ? 'file' : 'other';
}

/**
 * Answers the server's `postmortem/readDirectory`: a folder's entries through VS Code's file
 * system, so the incident library works on every scheme the editor opens (`file`, `vscode-vfs`
 * in github.dev, the browser's test file system). The server decides what to walk and read.
 */
export async function readDirectory({ uri }: { uri: string }): Promise<{ entries?: { name: string; uri: string; kind: DirectoryEntryKind }[]; error?: string }> {
  try {
    const folder = vscode.Uri.parse(uri);
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return { entries: entries.map(([name, type]) => ({ name, uri: vscode.Uri.joinPath(folder, name).toString(), kind: entryKind(type) })) };
  } catch (error) {
    return { error: errorCode(error) };
  }
}

/** Answers `postmortem/readFiles`: each file's text (UTF-8, with replacement characters when it is not), or why not. */
export async function readFiles({ uris, maxBytes }: { uris: string[]; maxBytes: number }): Promise<{ files: { uri: string; text?: string; notUtf8?: boolean; tooLarge?: boolean; error?: string }[] }> {
  const files = await Promise.all(
    uris.map(async (uri) => {
      try {
        const file = vscode.Uri.parse(uri);
        if ((await vscode.workspace.fs.stat(file)).size > maxBytes) return { uri, tooLarge: true };
        const bytes = await vscode.workspace.fs.readFile(file);
        try {
          return { uri, text: utf8.decode(bytes) };
        } catch {
          return { uri, text: lenientUtf8.decode(bytes), notUtf8: true };
        }
      } catch (error) {
        return { uri, error: errorCode(error) };
      }
    }),
  );
  return { files };
}
