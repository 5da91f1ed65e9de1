import type { PostmortemDocument } from './model';
import type { Finding } from './analysis/findings';
import { checkDocument } from './analysis/check';
import { defaultOptions, type PostmortemOptions } from './options';
import { parsePostmortem } from './parse/parser';

/**
 * The one entry point of the analysis core. Pure: no editor, LSP or Node imports, so the
 * server, the CLI, a browser worker and tests all use it alike.
 */
export interface PostmortemService {
  /** Parses text into the document model. Never throws. */
  parse(text: string): PostmortemDocument;
  /** Every finding for a parsed document under the given options. Never throws. */
  check(document: PostmortemDocument, options?: PostmortemOptions): Finding[];
}

export function createPostmortemService(): PostmortemService {
  return Object.freeze({
    parse: parsePostmortem,
    check(document: PostmortemDocument, options: PostmortemOptions = defaultOptions): Finding[] {
      return checkDocument(document, options);
    },
  });
}
