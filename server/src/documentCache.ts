import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemDocument } from './core/model';

interface Entry {
  readonly version: number;
  readonly model: PostmortemDocument;
}

/**
 * Parses each open document at most once per version, and only when a feature asks: typing
 * does not parse, the next outline or diagnostic request does. Entries are dropped on close.
 */
export class DocumentCache {
  readonly #parse: (text: string) => PostmortemDocument;
  readonly #entries = new Map<string, Entry>();

  constructor(parse: (text: string) => PostmortemDocument) {
    this.#parse = parse;
  }

  /** The model of the document's current version. */
  get(document: TextDocument): PostmortemDocument {
    const cached = this.#entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const model = this.#parse(document.getText());
    this.#entries.set(document.uri, { version: document.version, model });
    return model;
  }

  delete(uri: string): void {
    this.#entries.delete(uri);
  }
}
