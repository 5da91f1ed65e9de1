import { RequestType, type Connection } from 'vscode-languageserver';
import type { ProjectConfig } from './settings';

/** The project configuration file's name; its keys are the settings' without `postmortem.`. */
export const projectConfigFileName = '.postmortem.json';

/**
 * Reads the text of a `.postmortem.json`. The file is data only: it is parsed with `JSON.parse`,
 * never executed, so reading it is safe in an untrusted workspace. `path` is what messages show.
 */
export function parseProjectConfig(path: string, text: string): ProjectConfig {
  try {
    return { path, raw: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { path, error: `is not valid JSON (${(error as Error).message})` };
  }
}

/** What the client found: the nearest `.postmortem.json` above a document, as text. */
export interface FoundProjectConfig {
  /** Where the file is, as messages show it (a file path, or the URI of a virtual file). */
  readonly path: string;
  /** The file's text; absent when `error` is set. */
  readonly text?: string;
  /** Why the file could not be read. */
  readonly error?: string;
}

/**
 * `postmortem/projectConfig`, sent by the server to a client that announced it
 * (`initializationOptions.projectConfig: 'client'`, as the VS Code client does on the desktop and
 * in the browser): the client finds the file through its own file system, whatever the URI's
 * scheme (`file`, `vscode-vfs`, `vscode-test-web`...), and returns its text, or null when there is
 * none. The server parses it with {@link parseProjectConfig}, as it does a file it reads itself.
 */
export namespace ProjectConfigRequest {
  export const method = 'postmortem/projectConfig';
  export const type = new RequestType<{ uri: string }, FoundProjectConfig | null, void>(method);
}

/** True when the client finds `.postmortem.json` files itself (see {@link ProjectConfigRequest}). */
export function clientSuppliesProjectConfig(initializationOptions: unknown): boolean {
  return (initializationOptions as { projectConfig?: unknown } | null | undefined)?.projectConfig === 'client';
}

/** Loads the project configuration of a document by asking the client. */
export function projectConfigFromClient(connection: Connection): (uri: string) => Promise<ProjectConfig | undefined> {
  return async (uri) => {
    const found = await connection.sendRequest(ProjectConfigRequest.type, { uri });
    if (!found || typeof found.path !== 'string') return undefined;
    if (typeof found.text === 'string') return parseProjectConfig(found.path, found.text);
    return { path: found.path, error: typeof found.error === 'string' ? found.error : 'cannot be read' };
  };
}
