import { type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { throwIfCancelled, type Feature } from '../feature';

/** Elapsed time since the incident started, after each timeline time (`+0:32`); off with `postmortem.inlayHints`. */
export const inlayHintsFeature: Feature = {
  name: 'inlayHints',
  capabilities: () => ({ inlayHintProvider: { resolveProvider: false } }),
  register({ connection, client, documents, service, onDidChangeSettings }) {
    connection.languages.inlayHint.on(async (params: InlayHintParams, token): Promise<InlayHint[]> => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served || !served.analyse) return [];
      const document = served.textDocument;
      const from = document.offsetAt(params.range.start);
      const to = document.offsetAt(params.range.end);
      return service
        .elapsedHints(served.model, served.options)
        .filter((hint) => hint.offset >= from && hint.offset <= to)
        .map((hint) => ({ position: document.positionAt(hint.offset), label: hint.label, tooltip: hint.tooltip, paddingLeft: true }));
    });
    onDidChangeSettings(() => {
      if (client.capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
    });
  },
};
