import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentLinkRequest,
  ExecuteCommandRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { fixturesDirectory } from '../paths';
import { LspHarness } from './harness';

const text = fs.readFileSync(path.join(fixturesDirectory, 'workspace', 'review', 'certificate-expiry.postmortem.md'), 'utf8');
const uri = 'file:///w/review/certificate-expiry.postmortem.md';
const lines = text.split('\n');
const lineOf = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
const settings = { review: { today: '2024-11-16' }, ticketUrl: 'https://tracker.example/browse/{id}' };

suite('review over the protocol', () => {
  let harness: LspHarness;
  setup(async () => {
    harness = await LspHarness.start({ configuration: (item) => (item.section === 'postmortem' ? settings : null) });
    await harness.open(uri, 'postmortem', text);
  });
  teardown(() => harness.dispose());

  test('announces document links; links ticket keys through postmortem.ticketUrl', async () => {
    assert.ok(harness.initializeResult?.capabilities.documentLinkProvider, 'documentLinkProvider');
    const links = (await harness.client.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) ?? [];
    const line = lineOf('- [ ] Renew');
    const character = lines[line]!.indexOf('OPS-101');
    assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]), [
      [line, character, character + 'OPS-101'.length, 'https://tracker.example/browse/OPS-101'],
      [lineOf('- [x] Replace'), lines[lineOf('- [x] Replace')]!.indexOf('OPS-100'), lines[lineOf('- [x] Replace')]!.indexOf('OPS-100') + 7, 'https://tracker.example/browse/OPS-100'],
    ]);
  });

  test('the action lens and "Mark done", which marks the item done through workspace/applyEdit', async () => {
    const lenses = (await harness.client.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const titles = lenses.map((lens) => [lens.range.start.line, lens.command?.title]);
    assert.deepEqual(titles.slice(-2), [
      [lineOf('## Action Items'), '4 actions · 3 open · 1 overdue · 1 without owner'],
      [lineOf('- [ ] Renew'), 'Mark done'],
    ]);
    const markDone = lenses.at(-1)!.command!;
    const applied: unknown[] = [];
    harness.client.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    const result = await harness.client.sendRequest(ExecuteCommandRequest.type, { command: markDone.command, arguments: markDone.arguments });
    assert.deepEqual(result, { applied: true });
    assert.match(JSON.stringify(applied), /"newText":"\[x\]"/);
  });

  test('hover, completion of owners and due dates, and the refactorings at the cursor', async () => {
    const line = lineOf('- [ ] Renew');
    const hover = await harness.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 10 } });
    assert.match((hover?.contents as MarkupContent).value, /Due: 2024-10-20 \(overdue by 27 days\)/);

    const runbook = lineOf('- [ ] Document the renewal runbook');
    const edited = text.replace('- [ ] Document the renewal runbook', '- [ ] Document the renewal runbook (owner: @');
    await harness.change(uri, 2, [{ text: edited }]);
    const result: CompletionItem[] | CompletionList | null = await harness.client.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: runbook, character: '- [ ] Document the renewal runbook (owner: @'.length },
    });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    assert.deepEqual(items.map((item) => item.label).filter((label) => label.startsWith('@')), ['@kim', '@ana']);

    const actions = (await harness.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: runbook, character: 8 }, end: { line: runbook, character: 8 } },
      context: { diagnostics: [] },
    })) ?? [];
    assert.deepEqual(actions.map((a) => ('kind' in a ? [a.title, a.kind] : [a.title])), [
      ['Convert the 4 actions to an action table (Action | Owner | Due | Ticket | Status)', 'refactor.rewrite'],
      ['Mark the action item done', 'refactor.rewrite'],
    ]);
  });
});
