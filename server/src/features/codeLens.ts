import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams } from 'vscode-languageserver';
import { toRange } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';

/** A summary above each timeline heading: impact, time to detect/mitigate/resolve, entry count. */
export const codeLensFeature: Feature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register({ connection, client, documents, service, onDidChangeSettings }) {
    connection.onCodeLens(async (params: CodeLensParams, token): Promise<CodeLens[]> => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served || !served.analyse) return [];
      return service.timelineLenses(served.model).map((lens) => ({
        range: toRange(served.textDocument, lens.span),
        // A lens without an action: an empty command id shows the title as a label.
        command: { title: lens.title, command: '' },
      }));
    });
    onDidChangeSettings(() => {
      if (client.capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
    });
  },
};
