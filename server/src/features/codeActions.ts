import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpanEdit } from '../core/edits/textEdits';
import { diagnosticSource, toRange } from '../convert';
import { throwIfCancelled, type Feature } from '../feature';

/** The `source.fixAll` kind of this server: evident time corrections only (see `core/edits/quickFixes.ts`). */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.postmortem`;

function toWorkspaceEdit(document: TextDocument, edits: readonly SpanEdit[]): WorkspaceEdit {
  const changes: TextEdit[] = edits.map((edit) => ({ range: toRange(document, edit.span), newText: edit.newText }));
  return { changes: { [document.uri]: changes } };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether the client asked for `kind` (an `only` of `source` or `source.fixAll` covers ours). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * Quick fixes on this server's diagnostics, each a minimal edit (see `core/edits/`), and the
 * fix-all source action. Findings are recomputed from the current model and matched to the
 * client's diagnostics by code and range, so nothing depends on the client echoing `data`.
 */
export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, fixAllKind], resolveProvider: false } }),
  register({ connection, documents, service }) {
    connection.onCodeAction(async (params: CodeActionParams, token): Promise<CodeAction[]> => {
      const served = await documents.get(params.textDocument.uri);
      throwIfCancelled(token);
      if (!served || !served.analyse) return [];
      const document = served.textDocument;
      const actions: CodeAction[] = [];
      if (wants(params.context.only, CodeActionKind.QuickFix)) {
        const ours = params.context.diagnostics.filter((d) => d.source === diagnosticSource);
        for (const finding of service.check(served.model, served.options)) {
          const range = toRange(document, finding.span);
          if (!overlaps(range, params.range)) continue;
          const matching: Diagnostic | undefined = ours.find((d) => d.code === finding.code && sameRange(d.range, range));
          // Diagnostics in the request that are not ours mean the user is looking at another tool's problem.
          if (params.context.diagnostics.length > 0 && !matching) continue;
          for (const fix of service.quickFixes(served.model, finding, served.options)) {
            const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(document, fix.edits) };
            if (matching) action.diagnostics = [matching];
            if (fix.preferred) action.isPreferred = true;
            actions.push(action);
          }
        }
      }
      if (!params.context.only || params.context.only.some((kind) => CodeActionKind.RefactorRewrite === kind || CodeActionKind.RefactorRewrite.startsWith(`${kind}.`))) {
        // Rewrites of the action item at the cursor: convert its list to a table, add columns, mark it done.
        for (const fix of service.actionItemActions(served.model, document.offsetAt(params.range.start), served.options)) {
          if (actions.some((action) => action.title === fix.title)) continue;
          actions.push({ title: fix.title, kind: CodeActionKind.RefactorRewrite, edit: toWorkspaceEdit(document, fix.edits) });
        }
      }
      if (wants(params.context.only, fixAllKind) && params.context.only) {
        const edits = service.fixAll(served.model, served.options);
        if (edits.length > 0) actions.push({ title: 'Fix all evident postmortem time slips', kind: fixAllKind, edit: toWorkspaceEdit(document, edits) });
      }
      return actions;
    });
  },
};
