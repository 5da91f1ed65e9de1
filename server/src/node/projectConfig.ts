import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProjectConfig, projectConfigFileName } from '../projectConfig';

export { projectConfigFileName };

/** A `.postmortem.json` that was found. */
export interface ProjectConfigFile {
  /** Absolute path of the file. */
  readonly path: string;
  /** The parsed JSON (untrusted; validate with `resolveOptions`). Absent when `error` is set. */
  readonly raw?: unknown;
  /** Why the file could not be used: unreadable or not JSON. */
  readonly error?: string;
}

/**
 * Finds the nearest `.postmortem.json` in `startDirectory` or a folder above it, the way
 * `.editorconfig` is found. The file is data only: it is parsed with `JSON.parse`, never
 * executed, so reading it is safe in an untrusted workspace.
 */
export async function findProjectConfig(startDirectory: string): Promise<ProjectConfigFile | undefined> {
  let directory = path.resolve(startDirectory);
  for (;;) {
    const candidate = path.join(directory, projectConfigFileName);
    const found = await readProjectConfig(candidate);
    if (found) return found;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Reads one `.postmortem.json` (a candidate, or the one `--config` names); undefined when it does not exist (or is a folder). */
export async function readProjectConfig(filePath: string): Promise<ProjectConfigFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    return { path: filePath, error: `cannot be read (${code ?? String(error)})` };
  }
  return parseProjectConfig(filePath, text);
}

/**
 * The project configuration for a document URI, read from disk: only `file:` documents have one.
 * Used for clients that do not find the file themselves (every editor but VS Code's client).
 */
export async function findProjectConfigForUri(uri: string): Promise<ProjectConfigFile | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  let filePath: string;
  try {
    filePath = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return findProjectConfig(path.dirname(filePath));
}
