import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import { completePostmortem, type PostmortemCompletion, type PostmortemCompletionKind } from '../core/completion';
import { toRange } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';

const itemKinds: Readonly<Record<PostmortemCompletionKind, CompletionItemKind>> = {
  section: CompletionItemKind.Module,
  'timeline-entry': CompletionItemKind.Event,
  zone: CompletionItemKind.Constant,
};

/** Missing sections, the next timeline entry, time zones (see `core/completion.ts`), and owners and due dates in action items. */
export const completionFeature: Feature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { resolveProvider: false } }),
  register({ connection, client, documents, service }) {
    const completionCapabilities = client.capabilities.textDocument?.completion?.completionItem;
    const snippets = completionCapabilities?.snippetSupport === true;
    const markdown = completionCapabilities?.documentationFormat?.includes(MarkupKind.Markdown) ?? false;

    connection.onCompletion(async (params: CompletionParams, token) => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served) return [];
      const { textDocument, model, options } = served;
      const now = new Date();
      const items = completePostmortem(model, textDocument.offsetAt(params.position), {
        options,
        // The server runs beside the editor, so its clock is the author's.
        clock: { epochMs: now.getTime(), utcOffsetMinutes: -now.getTimezoneOffset() },
      });
      const offset = textDocument.offsetAt(params.position);
      const review = served.analyse ? service.actionCompletions(model, offset, options) : [];
      return [
        ...items.map((item): CompletionItem => toCompletionItem(item, textDocument, snippets, markdown)),
        ...review.map((item): CompletionItem => ({
          label: item.label,
          kind: item.kind === 'owner' ? CompletionItemKind.Reference : CompletionItemKind.Value,
          detail: item.detail,
          sortText: item.sortText,
          filterText: item.label,
          textEdit: { range: toRange(textDocument, item.replace), newText: item.insertText },
        })),
      ];
    });
  },
};

function toCompletionItem(
  item: PostmortemCompletion,
  textDocument: Parameters<typeof toRange>[0],
  snippets: boolean,
  markdown: boolean,
): CompletionItem {
  const result: CompletionItem = {
    label: item.label,
    kind: itemKinds[item.kind],
    detail: item.detail,
    documentation: markdown ? { kind: MarkupKind.Markdown, value: item.documentation } : item.documentation,
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: toRange(textDocument, item.replace), newText: snippets ? item.insertText : item.plainText },
  };
  if (item.preselect) result.preselect = true;
  return result;
}
