import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams } from 'vscode-languageserver';
import { toRange } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';
import { ServerCommands } from './commands';
import { relatedIncidentLenses } from './library';

/**
 * A summary above each timeline heading (impact, time to detect/mitigate/resolve, entry count)
 * and each action section (actions, open, overdue, without owner), and "Mark done" above
 * each overdue action item, and on the root-cause heading the three most similar earlier
 * incidents of the workspace ("Similar: 2024-03-02 Checkout outage").
 */
export const codeLensFeature: Feature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register({ connection, client, documents, service, onDidChangeSettings, library }) {
    connection.onCodeLens(async (params: CodeLensParams, token): Promise<CodeLens[]> => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served || !served.analyse) return [];
      const timeline = service.timelineLenses(served.model).map((lens) => ({
        range: toRange(served.textDocument, lens.span),
        // A lens without an action: an empty command id shows the title as a label.
        command: { title: lens.title, command: '' },
      }));
      const review = service.actionLenses(served.model, served.options).map((lens) => {
        const range = toRange(served.textDocument, lens.span);
        const command = lens.markDone
          ? { title: lens.title, command: ServerCommands.markActionDone, arguments: [{ uri: params.textDocument.uri, line: range.start.line }] }
          : { title: lens.title, command: '' };
        return { range, command };
      });
      return [...timeline, ...review, ...relatedIncidentLenses(library, params.textDocument.uri)];
    });
    const refresh = (): void => {
      if (client.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
    };
    onDidChangeSettings(refresh);
    // Similar incidents appear once indexing completes, and move as other postmortems change.
    library.onDidChange(({ complete }) => {
      if (complete) refresh();
    });
  },
};
