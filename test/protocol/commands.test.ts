import * as assert from 'node:assert/strict';
import {
  ApplyWorkspaceEditRequest,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerCommands, type DocumentInfo, type InsertEntryResult, type SortResult, type TemplateInfo } from '../../server/src/features/commands';
import { LspHarness, neovimLikeCapabilities, vscodeLikeCapabilities } from './harness';
import { markdownDocument, plainTextDocument } from './referenceDocuments';

const withDocumentChanges: ClientCapabilities = {
  ...vscodeLikeCapabilities,
  workspace: { ...vscodeLikeCapabilities.workspace, applyEdit: true, workspaceEdit: { documentChanges: true } },
};

/** A client that applies the server's edits to its copy of the document, as an editor would. */
async function start(capabilities: ClientCapabilities, accept = true): Promise<{ harness: LspHarness; applied: ApplyWorkspaceEditParams[] }> {
  const harness = await LspHarness.start({ capabilities });
  const applied: ApplyWorkspaceEditParams[] = [];
  harness.client.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    applied.push(params);
    return { applied: accept };
  });
  return { harness, applied };
}

function editsOf(params: ApplyWorkspaceEditParams, uri: string): TextEdit[] {
  const { changes, documentChanges } = params.edit;
  if (documentChanges) return (documentChanges as TextDocumentEdit[]).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits as TextEdit[]);
  return changes?.[uri] ?? [];
}

function execute<T>(harness: LspHarness, command: string, argument?: unknown): Promise<T> {
  return harness.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: argument === undefined ? [] : [argument] }) as Promise<T>;
}

suite('workspace/executeCommand', () => {
  let harness: LspHarness;
  teardown(() => harness.dispose());

  test('advertises its commands under ids of its own', async () => {
    ({ harness } = await start(withDocumentChanges));
    assert.deepEqual(harness.initializeResult?.capabilities.executeCommandProvider?.commands, [
      'postmortem.server.templates',
      'postmortem.server.describe',
      'postmortem.server.insertTimelineEntry',
      'postmortem.server.sortTimeline',
      'postmortem.server.markActionDone',
      'postmortem.server.showIncident',
    ]);
  });

  test('templates: the three templates in both flavours, as snippets', async () => {
    ({ harness } = await start(withDocumentChanges));
    const templates = await execute<TemplateInfo[]>(harness, ServerCommands.templates);
    assert.deepEqual(templates.map((t) => t.prefix), ['pm-holberton', 'pm-sre', 'pm-pagerduty', 'pm-holberton-txt', 'pm-sre-txt', 'pm-pagerduty-txt']);
    assert.ok(templates.every((t) => t.body.includes('$0') && t.name && t.description));
  });

  test('describe: postmortem or not, and how many entries', async () => {
    ({ harness } = await start(withDocumentChanges));
    await harness.open('file:///w/reference.postmortem', 'postmortem', plainTextDocument.text);
    await harness.open('file:///w/README.md', 'markdown', '# Project\n\nInstall with npm.\n');
    assert.deepEqual(await execute<DocumentInfo>(harness, ServerCommands.describe, { uri: 'file:///w/reference.postmortem' }), { postmortem: true, timelineEntries: 7 });
    assert.deepEqual(await execute<DocumentInfo>(harness, ServerCommands.describe, { uri: 'file:///w/README.md' }), { postmortem: false, timelineEntries: 0 });
    assert.deepEqual(await execute<DocumentInfo>(harness, ServerCommands.describe, 'not an object'), { postmortem: false, timelineEntries: 0 });
  });

  test('insert timeline entry: a versioned edit at the end of the Markdown reference, stamped in UTC, and the cursor after it', async () => {
    let applied: ApplyWorkspaceEditParams[];
    ({ harness, applied } = await start(withDocumentChanges));
    const uri = 'file:///w/outage.postmortem.md';
    await harness.open(uri, 'postmortem', markdownDocument.text, 4);
    const now = { epochMs: Date.UTC(2023, 9, 23, 14, 12), utcOffsetMinutes: -420 };
    const result = await execute<InsertEntryResult>(harness, ServerCommands.insertTimelineEntry, { uri, position: { line: 0, character: 0 }, now });
    assert.equal(result.applied, true);
    assert.equal(result.stamp, '2:12 PM UTC');
    assert.equal(applied.length, 1);
    const change = applied[0]!.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 4 });
    const document = TextDocument.create(uri, 'postmortem', 4, markdownDocument.text);
    const edited = TextDocument.applyEdits(document, editsOf(applied[0]!, uri));
    const lines = edited.split('\n');
    assert.equal(lines[result.cursor!.line], 'October 23rd, 2023, 2:12 PM UTC - ');
    assert.equal(result.cursor!.character, lines[result.cursor!.line]!.length);
  });

  test('insert timeline entry: plain `changes` for clients without versioned edits; a refused edit is reported', async () => {
    let applied: ApplyWorkspaceEditParams[];
    ({ harness, applied } = await start(neovimLikeCapabilities, false));
    await harness.open('file:///w/notes.postmortem', 'postmortem', 'TIMELINE:\n\n10:00 PM: alert fired\n');
    const result = await execute<InsertEntryResult>(harness, ServerCommands.insertTimelineEntry, { uri: 'file:///w/notes.postmortem', now: { epochMs: Date.UTC(2024, 0, 1, 22, 30), utcOffsetMinutes: 0 } });
    assert.equal(result.applied, false);
    assert.match(result.message!, /did not apply/);
    assert.deepEqual(editsOf(applied[0]!, 'file:///w/notes.postmortem'), [
      { range: { start: { line: 2, character: 21 }, end: { line: 2, character: 21 } }, newText: '\n10:30 PM UTC+00:00: ' },
    ]);
  });

  test('sort timeline: the same edit as the quick fix; nothing to do on an ordered timeline', async () => {
    let applied: ApplyWorkspaceEditParams[];
    ({ harness, applied } = await start(withDocumentChanges));
    const uri = 'file:///w/out-of-order.postmortem';
    const text = '## Timeline\n\n- 10:20 UTC - fixed\n- 10:00 UTC - alert\n- 10:10 UTC - paged\n';
    await harness.open(uri, 'postmortem', text);
    const result = await execute<SortResult>(harness, ServerCommands.sortTimeline, { uri });
    assert.equal(result.applied, true);
    assert.ok(result.moved > 0);
    const sorted = TextDocument.applyEdits(TextDocument.create(uri, 'postmortem', 1, text), editsOf(applied[0]!, uri));
    assert.equal(sorted, '## Timeline\n\n- 10:00 UTC - alert\n- 10:10 UTC - paged\n- 10:20 UTC - fixed\n');

    await harness.change(uri, 2, [{ text: sorted }]);
    const again = await execute<SortResult>(harness, ServerCommands.sortTimeline, { uri });
    assert.deepEqual(again, { applied: false, moved: 0, message: 'The timeline is already in time order.' });
    assert.equal(applied.length, 1, 'no edit sent for an ordered timeline');
  });

  test('commands on documents that are not postmortems do nothing', async () => {
    let applied: ApplyWorkspaceEditParams[];
    ({ harness, applied } = await start(withDocumentChanges));
    await harness.open('file:///w/README.md', 'markdown', '# Project\n\n- 10:20 - b\n- 10:00 - a\n');
    assert.equal((await execute<InsertEntryResult>(harness, ServerCommands.insertTimelineEntry, { uri: 'file:///w/README.md' })).applied, false);
    assert.equal((await execute<SortResult>(harness, ServerCommands.sortTimeline, { uri: 'file:///w/README.md' })).applied, false);
    assert.equal(applied.length, 0);
  });
});
