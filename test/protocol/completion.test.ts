import * as assert from 'node:assert/strict';
import {
  CompletionItemKind,
  CompletionRequest,
  InsertTextFormat,
  MarkupKind,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Position,
  type TextEdit,
} from 'vscode-languageserver/node';
import { LspHarness, neovimLikeCapabilities, vscodeLikeCapabilities } from './harness';
import { markdownDocument, plainTextDocument } from './referenceDocuments';

/** VS Code's completion capabilities, as far as this server looks. */
const withSnippets: ClientCapabilities = {
  ...vscodeLikeCapabilities,
  textDocument: {
    ...vscodeLikeCapabilities.textDocument,
    completion: { completionItem: { snippetSupport: true, documentationFormat: [MarkupKind.Markdown, MarkupKind.PlainText] } },
  },
};

/** The position of the `§` in `source`, and the text without it. */
function withCursor(source: string): { text: string; position: Position } {
  const offset = source.indexOf('§');
  const before = source.slice(0, offset).split('\n');
  return { text: source.slice(0, offset) + source.slice(offset + 1), position: { line: before.length - 1, character: before.at(-1)!.length } };
}

async function complete(harness: LspHarness, uri: string, position: Position): Promise<CompletionItem[]> {
  const result: CompletionItem[] | CompletionList | null = await harness.client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

suite('textDocument/completion', () => {
  let harness: LspHarness;
  teardown(() => harness.dispose());

  test('advertises completion', async () => {
    harness = await LspHarness.start({ capabilities: withSnippets });
    assert.ok(harness.initializeResult?.capabilities.completionProvider, 'completionProvider');
  });

  test('plain-text reference: a snippet entry 5 minutes after the entry above, replacing what was typed', async () => {
    harness = await LspHarness.start({ capabilities: withSnippets });
    const reference = plainTextDocument.text;
    const { text, position } = withCursor(reference.replace('\n\n7:40 PM:', '\n§\n\n7:40 PM:'));
    await harness.open('file:///w/incident.txt', 'postmortem', text);
    const items = await complete(harness, 'file:///w/incident.txt', position);
    const entry = items.find((item) => item.kind === CompletionItemKind.Event)!;
    assert.ok(entry, `an entry among ${items.map((i) => i.label).join(', ')}`);
    assert.equal(entry.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual((entry.textEdit as TextEdit).range, { start: { line: position.line, character: 0 }, end: position });
    assert.equal((entry.textEdit as TextEdit).newText, '7:27 PM: ${1:What happened}$0');
    assert.equal(entry.preselect, true);
    assert.equal((entry.documentation as { kind: string }).kind, MarkupKind.Markdown);
    // Every required section is present: only optional ones are offered, in the reference's ALL-CAPS style.
    const sections = items.filter((item) => item.kind === CompletionItemKind.Module).map((item) => item.label).sort();
    assert.deepEqual(sections, ['DETECTION:', 'IMPACT:', 'LESSONS LEARNED:']);
  });

  test('Markdown reference with its last section removed: the missing section at the reference level, first', async () => {
    harness = await LspHarness.start({ capabilities: withSnippets });
    const reference = markdownDocument.text;
    const cut = reference.slice(0, reference.indexOf('### Corrective and Preventative Measures'));
    const { text, position } = withCursor(`${cut}§`);
    await harness.open('file:///w/outage.md', 'markdown', text);
    const items = await complete(harness, 'file:///w/outage.md', position);
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.equal(sorted[0]!.label, '### Corrective and Preventative Measures');
    assert.equal((sorted[0]!.textEdit as TextEdit).newText, '### Corrective and Preventative Measures\n\n$0');
    assert.match(sorted[0]!.detail!, /Missing required section/);
  });

  test('zones after a time: the document zone first, the typed letters replaced', async () => {
    harness = await LspHarness.start({ capabilities: withSnippets });
    const { text, position } = withCursor('# Outage postmortem\n\n## Timeline\n\n- 10:05 PM PST - site down\n- 10:20 PM P§\n');
    await harness.open('file:///w/outage-postmortem.md', 'markdown', text);
    const items = await complete(harness, 'file:///w/outage-postmortem.md', position);
    assert.ok(items.length > 5 && items.every((item) => item.kind === CompletionItemKind.Constant));
    const first = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0]!;
    assert.equal(first.label, 'PST');
    assert.deepEqual((first.textEdit as TextEdit).range, { start: { line: position.line, character: position.character - 1 }, end: position });
  });

  test('a client without snippets gets plain text and plain documentation', async () => {
    harness = await LspHarness.start({ capabilities: neovimLikeCapabilities });
    const { text, position } = withCursor('TIMELINE:\n\n10:00 PM: alert fired\n§\n');
    await harness.open('file:///w/notes.postmortem', 'postmortem', text);
    const items = await complete(harness, 'file:///w/notes.postmortem', position);
    const entry = items.find((item) => item.kind === CompletionItemKind.Event)!;
    assert.equal(entry.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal((entry.textEdit as TextEdit).newText, '10:05 PM: ');
    assert.equal(typeof entry.documentation, 'string');
    for (const item of items) assert.ok(!(item.textEdit as TextEdit).newText.includes('$'), `${item.label} has no snippet syntax`);
  });

  test('documents that are not postmortems get nothing', async () => {
    harness = await LspHarness.start({ capabilities: withSnippets });
    const { text, position } = withCursor('# My project\n\nInstall it with npm.\n\n§\n');
    await harness.open('file:///w/README.md', 'markdown', text);
    assert.deepEqual(await complete(harness, 'file:///w/README.md', position), []);
    assert.deepEqual(await complete(harness, 'file:///w/closed.postmortem', { line: 0, character: 0 }), []);
  });
});
