import * as vscode from 'vscode';

/** The method and file name the server expects (server/src/projectConfig.ts). */
export const projectConfigMethod = 'postmortem/projectConfig';
const projectConfigFileName = '.postmortem.json';

/** A `.postmortem.json` found for the server: its text, or why it could not be read. */
interface FoundProjectConfig {
  readonly path: string;
  readonly text?: string;
  readonly error?: string;
}

/** Errors that mean "no such file here", so the search goes on one folder up. */
const absent = new Set(['FileNotFound', 'FileIsADirectory', 'FileNotADirectory']);

/**
 * Finds the nearest `.postmortem.json` in the document's folder or a folder above it, through
 * VS Code's file system, so a document on any scheme with a file system (`file`, `vscode-vfs` in
 * github.dev, `vscode-test-web`...) gets its project's settings. Returns the text: the server
 * parses it. Null when there is none, or the document has no folder (untitled).
 */
export async function findProjectConfig(documentUri: string): Promise<FoundProjectConfig | null> {
  const document = vscode.Uri.parse(documentUri);
  if (document.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(document.scheme) === undefined) return null;
  let folder = vscode.Uri.joinPath(document, '..');
  for (;;) {
    const candidate = vscode.Uri.joinPath(folder, projectConfigFileName);
    const shown = candidate.scheme === 'file' ? candidate.fsPath : candidate.toString(true);
    try {
      return { path: shown, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(candidate)) };
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError) || !absent.has(error.code)) {
        return { path: shown, error: `cannot be read (${error instanceof vscode.FileSystemError ? error.code : String(error)})` };
      }
    }
    const parent = vscode.Uri.joinPath(folder, '..');
    if (parent.path === folder.path) return null;
    folder = parent;
  }
}
