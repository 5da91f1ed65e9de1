import {
  TextDocumentEdit,
  type Connection,
  type ExecuteCommandParams,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { postmortemTemplates, type PostmortemSnippet } from '../core/authoring/snippetCatalog';
import { insertTimelineEntryEdit, type StampClock } from '../core/edits/insertTimelineEntry';
import { sortTimelineEdits } from '../core/edits/sortTimeline';
import type { SpanEdit } from '../core/edits/textEdits';
import { toRange } from '../convert';
import { throwIfCancelled, type ClientProfile, type Feature } from '../feature';
import type { ServedDocument } from '../servedDocuments';

/**
 * Commands run through `workspace/executeCommand`, so any LSP client can use them. The ids
 * differ from the VS Code palette commands (`postmortem.newPostmortem`, ...) because
 * vscode-languageclient registers a VS Code command for every id the server announces.
 */
export const ServerCommands = Object.freeze({
  /** `[]` -> {@link TemplateInfo}[]: the whole-document templates, as snippets. */
  templates: 'postmortem.server.templates',
  /** `[{ uri }]` -> {@link DocumentInfo}: whether the server treats the document as a postmortem. */
  describe: 'postmortem.server.describe',
  /** `[{ uri, position?, now? }]` -> {@link InsertEntryResult}: adds an entry stamped now. */
  insertTimelineEntry: 'postmortem.server.insertTimelineEntry',
  /** `[{ uri }]` -> {@link SortResult}: puts the timeline in time order. */
  sortTimeline: 'postmortem.server.sortTimeline',
  /** `[{ uri, line }]` -> {@link MarkDoneResult}: marks the action item on that (0-based) line done; the code lens runs it. */
  markActionDone: 'postmortem.server.markActionDone',
  /** `[{ uri, line }]` -> boolean: shows that document at that (0-based) line (`window/showDocument`); the "Similar:" code lenses run it. */
  showIncident: 'postmortem.server.showIncident',
});

export interface MarkDoneResult {
  readonly applied: boolean;
  readonly message?: string;
}

export type TemplateInfo = Pick<PostmortemSnippet, 'id' | 'prefix' | 'name' | 'description' | 'flavor' | 'body'>;

export interface DocumentInfo {
  /** The server answers for this document (language `postmortem`, a matching name, or postmortem content). */
  readonly postmortem: boolean;
  readonly timelineEntries: number;
}

export interface InsertEntryResult {
  readonly applied: boolean;
  /** Where to put the cursor once the edit is in (in the edited document). */
  readonly cursor?: Position;
  /** The time written, e.g. `10:05 PM PST`. */
  readonly stamp?: string;
  readonly message?: string;
}

export interface SortResult {
  readonly applied: boolean;
  /** Entries moved (0 when the timeline was already in order). */
  readonly moved: number;
  readonly message?: string;
}

interface DocumentArgument {
  readonly uri: string;
  readonly position?: Position;
  readonly now?: StampClock;
}

/** The first argument if it names a document; untrusted input, so checked field by field. */
function documentArgument(params: ExecuteCommandParams): DocumentArgument | undefined {
  const [first] = params.arguments ?? [];
  if (typeof first !== 'object' || first === null) return undefined;
  const { uri, position, now } = first as Record<string, unknown>;
  if (typeof uri !== 'string') return undefined;
  const validPosition =
    typeof position === 'object' && position !== null && Number.isInteger((position as Position).line) && Number.isInteger((position as Position).character)
      ? (position as Position)
      : undefined;
  const validNow =
    typeof now === 'object' && now !== null && Number.isFinite((now as StampClock).epochMs) && Number.isFinite((now as StampClock).utcOffsetMinutes)
      ? { epochMs: (now as StampClock).epochMs, utcOffsetMinutes: Math.max(-14 * 60, Math.min(14 * 60, (now as StampClock).utcOffsetMinutes)) }
      : undefined;
  return { uri, ...(validPosition ? { position: validPosition } : {}), ...(validNow ? { now: validNow } : {}) };
}

function serverClock(): StampClock {
  const now = new Date();
  return { epochMs: now.getTime(), utcOffsetMinutes: -now.getTimezoneOffset() };
}

async function applySpanEdits(connection: Connection, client: ClientProfile, served: ServedDocument, edits: readonly SpanEdit[], label: string): Promise<boolean> {
  const { textDocument } = served;
  const textEdits: TextEdit[] = edits.map((edit) => ({ range: toRange(textDocument, edit.span), newText: edit.newText }));
  // With versioned edits the client refuses them if the document changed in the meantime.
  const edit: WorkspaceEdit =
    client.capabilities.workspace?.workspaceEdit?.documentChanges === true
      ? { documentChanges: [TextDocumentEdit.create({ uri: textDocument.uri, version: textDocument.version }, textEdits)] }
      : { changes: { [textDocument.uri]: textEdits } };
  const result = await connection.workspace.applyEdit({ label, edit });
  return result.applied;
}

export const commandsFeature: Feature = {
  name: 'commands',
  capabilities: () => ({ executeCommandProvider: { commands: Object.values(ServerCommands) } }),
  register({ connection, client, documents, service }) {
    connection.onExecuteCommand(async (params, token) => {
      switch (params.command) {
        case ServerCommands.templates:
          return postmortemTemplates().map(({ id, prefix, name, description, flavor, body }): TemplateInfo => ({ id, prefix, name, description, flavor, body }));

        case ServerCommands.describe: {
          const argument = documentArgument(params);
          const served = argument && (await documents.get(argument.uri));
          throwIfCancelled(token);
          return { postmortem: served !== undefined, timelineEntries: served?.model.timeline.entries.length ?? 0 } satisfies DocumentInfo;
        }

        case ServerCommands.insertTimelineEntry: {
          const argument = documentArgument(params);
          const served = argument && (await documents.get(argument.uri));
          throwIfCancelled(token);
          if (!argument || !served) return { applied: false, message: 'Not a postmortem document.' } satisfies InsertEntryResult;
          const { textDocument, model, options } = served;
          const cursor = argument.position ? textDocument.offsetAt(argument.position) : undefined;
          const insertion = insertTimelineEntryEdit(model, argument.now ?? serverClock(), options, cursor);
          const applied = await applySpanEdits(connection, client, served, [insertion.edit], 'Insert timeline entry');
          if (!applied) return { applied, message: 'The editor did not apply the edit.' } satisfies InsertEntryResult;
          const edited = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, TextDocument.applyEdits(textDocument, [{ range: toRange(textDocument, insertion.edit.span), newText: insertion.edit.newText }]));
          return { applied, cursor: edited.positionAt(insertion.cursor), stamp: insertion.stamp } satisfies InsertEntryResult;
        }

        case ServerCommands.sortTimeline: {
          const argument = documentArgument(params);
          const served = argument && (await documents.get(argument.uri));
          throwIfCancelled(token);
          if (!argument || !served) return { applied: false, moved: 0, message: 'Not a postmortem document.' } satisfies SortResult;
          const edits = sortTimelineEdits(served.model);
          if (edits.length === 0) return { applied: false, moved: 0, message: 'The timeline is already in time order.' } satisfies SortResult;
          const applied = await applySpanEdits(connection, client, served, edits, 'Sort timeline');
          return { applied, moved: edits.length, ...(applied ? {} : { message: 'The editor did not apply the edit.' }) } satisfies SortResult;
        }

        case ServerCommands.markActionDone: {
          const argument = documentArgument(params);
          const line = (params.arguments?.[0] as { line?: unknown } | undefined)?.line;
          const served = argument && (await documents.get(argument.uri));
          throwIfCancelled(token);
          if (!served || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return { applied: false, message: 'No action item there.' } satisfies MarkDoneResult;
          const lineStart = served.textDocument.offsetAt({ line, character: 0 });
          const item = service.actionItems(served.model).items.find((candidate) => served.textDocument.positionAt(candidate.lineSpan.start).line === line);
          const edit = item && service.markActionDone(served.model, item.lineSpan.start);
          if (!edit || lineStart > item.lineSpan.start) return { applied: false, message: 'That action item cannot be marked done.' } satisfies MarkDoneResult;
          const applied = await applySpanEdits(connection, client, served, [edit], 'Mark action item done');
          return { applied, ...(applied ? {} : { message: 'The editor did not apply the edit.' }) } satisfies MarkDoneResult;
        }

        case ServerCommands.showIncident: {
          const argument = documentArgument(params);
          const line = (params.arguments?.[0] as { line?: unknown } | undefined)?.line;
          if (!argument) return false;
          const at = { line: typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : 0, character: 0 };
          const shown = await connection.window.showDocument({ uri: argument.uri, takeFocus: true, selection: { start: at, end: at } });
          return shown.success;
        }

        default:
          return undefined;
      }
    });
  },
};
