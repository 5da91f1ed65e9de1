import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import {
  defaultFileIncludePatterns,
  resolveFileInclude,
  resolveOptions,
  type ConfigProblem,
} from './core/config';
import { defaultOptions, type PostmortemOptions } from './core/options';

/** The configuration section every setting lives under. */
export const settingsSection = 'postmortem';

/** A `.postmortem.json` as the host found it (see `node/projectConfig.ts`). */
export interface ProjectConfig {
  readonly path: string;
  readonly raw?: unknown;
  readonly error?: string;
}

/** What settings need from the platform: project files exist only where there is a file system. */
export interface SettingsHost {
  loadProjectConfig?(documentUri: string): Promise<ProjectConfig | undefined>;
}

/** Everything configurable for one document, validated. */
export interface DocumentSettings {
  readonly options: PostmortemOptions;
  /** `files.include`: which Markdown/plain-text files are postmortems by name. */
  readonly fileInclude: readonly string[];
}

const defaultDocumentSettings: DocumentSettings = Object.freeze({
  options: defaultOptions,
  fileInclude: defaultFileIncludePatterns,
});

/**
 * Settings per document: the editor's `postmortem` section for the document's resource,
 * overridden by the nearest `.postmortem.json`. Pulled with `workspace/configuration` when the
 * client supports it, else taken from the last `didChangeConfiguration` payload (clients such as
 * Neovim push settings). Cached per URI; the cache is cleared when anything changes, never kept
 * in globals. Invalid values are reported once, by name, and replaced by the layer below.
 */
export class Settings {
  readonly #connection: Connection;
  readonly #host: SettingsHost;
  readonly #canPull: boolean;
  readonly #byUri = new Map<string, Promise<DocumentSettings>>();
  readonly #reported = new Set<string>();
  #pushed: unknown;

  constructor(connection: Connection, host: SettingsHost, canPull: boolean) {
    this.#connection = connection;
    this.#host = host;
    this.#canPull = canPull;
  }

  /** Settings for the document at `uri`. Never rejects: failures fall back to the defaults. */
  get(uri: string): Promise<DocumentSettings> {
    let settings = this.#byUri.get(uri);
    if (!settings) {
      settings = this.#load(uri).catch((error: unknown) => {
        this.#connection.console.error(`Postmortem: reading settings for ${uri} failed: ${String(error)}`);
        return defaultDocumentSettings;
      });
      this.#byUri.set(uri, settings);
    }
    return settings;
  }

  /**
   * Forgets every cached value (settings or a `.postmortem.json` changed). `pushed` is the
   * `settings` of a `didChangeConfiguration` notification, used by clients that cannot be asked.
   */
  reset(pushed?: unknown): void {
    if (pushed !== undefined && pushed !== null) {
      const section = (pushed as Record<string, unknown>)[settingsSection];
      if (section !== undefined) this.#pushed = section;
    }
    this.#byUri.clear();
    this.#reported.clear();
  }

  /** Drops the entry of a closed document. */
  forget(uri: string): void {
    this.#byUri.delete(uri);
  }

  async #load(uri: string): Promise<DocumentSettings> {
    const editorRaw = this.#canPull
      ? await this.#connection.workspace.getConfiguration({ scopeUri: uri, section: settingsSection })
      : this.#pushed;
    const prefix = `${settingsSection}.`;
    const fromEditor = resolveOptions(editorRaw, defaultOptions, prefix);
    const includeFromEditor = resolveFileInclude(editorRaw, defaultFileIncludePatterns, prefix);
    this.#report('Settings', [...fromEditor.problems, ...includeFromEditor.problems]);

    const project = await this.#host.loadProjectConfig?.(uri);
    if (!project) return { options: fromEditor.options, fileInclude: includeFromEditor.patterns };
    if (project.error !== undefined) {
      this.#report(project.path, [{ key: '', message: `${project.error}; using the editor settings.` }]);
      return { options: fromEditor.options, fileInclude: includeFromEditor.patterns };
    }
    const fromProject = resolveOptions(project.raw, fromEditor.options);
    const includeFromProject = resolveFileInclude(project.raw, includeFromEditor.patterns);
    this.#report(project.path, [...fromProject.problems, ...includeFromProject.problems]);
    return { options: fromProject.options, fileInclude: includeFromProject.patterns };
  }

  /** Logs each problem and shows it once until the next reset, so many open files do not repeat it. */
  #report(origin: string, problems: readonly ConfigProblem[]): void {
    for (const problem of problems) {
      const message = `Postmortem: ${origin}: ${problem.message}`;
      if (this.#reported.has(message)) continue;
      this.#reported.add(message);
      this.#connection.console.warn(message);
      // A notification, not window/showMessageRequest: nothing to answer, every client supports it.
      void this.#connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }
}
