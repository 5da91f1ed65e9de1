import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { looksLikePostmortem } from './core/analysis/detect';
import { matchesFilePatterns } from './core/fileMatch';
import type { PostmortemDocument } from './core/model';
import type { PostmortemOptions } from './core/options';
import { isLargeDocument, type DocumentCache } from './documentCache';
import type { Settings } from './settings';

/** The language id contributed by the extension; such documents are always served. */
export const postmortemLanguageId = 'postmortem';

/** A document the server works on, with what every feature needs. */
export interface ServedDocument {
  readonly textDocument: TextDocument;
  readonly model: PostmortemDocument;
  readonly options: PostmortemOptions;
  /** False past `maxDocumentSize`: only the outline and folding are computed. */
  readonly analyse: boolean;
}

/** The decoded path of a URI, or the URI itself when it has none (`untitled:Untitled-1`). */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/**
 * Decides which open documents are postmortems. Language `postmortem` always is; any other
 * language (Markdown, plain text, whatever a non-VS Code client calls them) is when its name
 * matches `files.include` or its content looks like a postmortem. Everything else gets empty
 * results from every feature, so a README open next to a postmortem is left alone.
 */
export class ServedDocuments {
  readonly #documents: TextDocuments<TextDocument>;
  readonly #cache: DocumentCache;
  readonly #settings: Settings;

  readonly #largeDocumentWork: (() => void) | undefined;

  constructor(documents: TextDocuments<TextDocument>, cache: DocumentCache, settings: Settings, largeDocumentWork?: () => void) {
    this.#documents = documents;
    this.#cache = cache;
    this.#settings = settings;
    this.#largeDocumentWork = largeDocumentWork;
  }

  /** The open document at `uri` if it is served; undefined when closed or not a postmortem. */
  async get(uri: string): Promise<ServedDocument | undefined> {
    if (!this.#documents.get(uri)) return undefined;
    const settings = await this.#settings.get(uri);
    // Read the document after the await: the version may have moved on meanwhile.
    const current = await this.#latestParsed(uri, settings.options.languages);
    if (!current) return undefined;
    const { textDocument, model } = current;
    if (isLargeDocument(textDocument)) this.#largeDocumentWork?.();
    const served =
      textDocument.languageId === postmortemLanguageId ||
      matchesFilePatterns(uriPath(uri), settings.fileInclude) ||
      looksLikePostmortem(model);
    if (!served) return undefined;
    return {
      textDocument,
      model,
      options: settings.options,
      analyse: textDocument.getText().length <= settings.options.maxDocumentSize,
    };
  }

  /** The open document's latest version with its model; undefined once it is closed. */
  async #latestParsed(uri: string, languages: PostmortemOptions['languages']): Promise<{ textDocument: TextDocument; model: PostmortemDocument } | undefined> {
    for (;;) {
      const textDocument = this.#documents.get(uri);
      if (!textDocument) return undefined;
      const model = await this.#cache.load(textDocument, languages);
      if (model) return { textDocument, model };
      // Superseded during its parse (typing goes on in a large document): the newer version is
      // what the client looks at now, so it is what this request answers about.
    }
  }
}
