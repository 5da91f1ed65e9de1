import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { toRange } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';

/** Links on ticket keys in action sections (`OPS-123`, `#123`), through `postmortem.ticketUrl`. */
export const documentLinksFeature: Feature = {
  name: 'documentLinks',
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  register({ connection, documents, service }) {
    connection.onDocumentLinks(async (params: DocumentLinkParams, token): Promise<DocumentLink[]> => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served || !served.analyse) return [];
      return service.ticketLinks(served.model, served.options).map((link) => ({ range: toRange(served.textDocument, link.span), target: link.target, tooltip: link.tooltip }));
    });
  },
};
