import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { toRange } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';

/** Hovers on timeline times, stated durations and the timeline heading (see `core/hover.ts`). */
export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, documents, service }) {
    connection.onHover(async (params: HoverParams, token): Promise<Hover | null> => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served || !served.analyse) return null;
      const offset = served.textDocument.offsetAt(params.position);
      const info = service.hover(served.model, offset, served.options);
      if (!info) return null;
      return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(served.textDocument, info.span) };
    });
  },
};
