import * as assert from 'node:assert/strict';
import {
  CodeActionKind,
  CodeActionRequest,
  DocumentDiagnosticReportKind,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from './harness';
import { plainTextDocument } from './referenceDocuments';


async function diagnosticsOf(harness: LspHarness, uri: string): Promise<Diagnostic[]> {
  const report = await harness.pullDiagnostics(uri);
  assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
  return (report as FullDocumentDiagnosticReport).items;
}

function applied(text: string, action: CodeAction, uri: string): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'postmortem', 1, text), edits);
}

suite('code actions over the protocol', () => {
  let harness: LspHarness;
  setup(async () => {
    harness = await LspHarness.start();
  });
  teardown(() => harness.dispose());

  test('announces quick fixes and the fix-all source action', () => {
    const provider = harness.initializeResult!.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider.codeActionKinds);
    assert.deepEqual(provider.codeActionKinds, [CodeActionKind.QuickFix, 'source.fixAll.postmortem']);
  });

  test('plain-text reference: the zone fix is offered on timezone-missing, and applying it clears the diagnostic', async () => {
    const uri = 'file:///work/zone.postmortem';
    await harness.open(uri, 'postmortem', plainTextDocument.text);
    const diagnostic = (await diagnosticsOf(harness, uri)).find((d) => d.code === 'timezone-missing');
    assert.ok(diagnostic);
    const actions = (await harness.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(preferred.title, 'Add "All times in UTC." to the timeline');
    assert.deepEqual(preferred.diagnostics, [diagnostic]);

    const fixed = applied(plainTextDocument.text, preferred, uri);
    await harness.change(uri, 2, [{ text: fixed }]);
    assert.ok(!(await diagnosticsOf(harness, uri)).some((d) => d.code === 'timezone-missing'));
  });

  test('the AM/PM slip fix and fix-all on CRLF text keep the line endings', async () => {
    const uri = 'file:///work/slip.postmortem';
    const text = [
      '# Postmortem',
      '',
      '## Summary',
      '',
      'Down (UTC).',
      '',
      '## Timeline',
      '',
      '- 11:30 AM: Deploy',
      '- 12:00 PM: Errors',
      '- 12:15 AM: Paged',
      '- 1:00 PM: Restored',
      '',
    ].join('\r\n');
    await harness.open(uri, 'postmortem', text);
    const diagnostic = (await diagnosticsOf(harness, uri)).find((d) => d.code === 'timeline-order');
    assert.ok(diagnostic);
    const quickFixes = (await harness.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    assert.deepEqual(quickFixes.map((a) => a.title), ['Change to 12:15 PM', 'Sort the timeline chronologically']);
    assert.equal(applied(text, quickFixes[0]!, uri), text.replace('12:15 AM', '12:15 PM'));

    const fixAll = (await harness.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
    })) as CodeAction[];
    assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.postmortem']);
    const once = applied(text, fixAll[0]!, uri);
    assert.equal(once, text.replace('12:15 AM', '12:15 PM'));
    await harness.change(uri, 2, [{ text: once }]);
    const again = (await harness.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
    })) as CodeAction[];
    assert.deepEqual(again, []);
  });

  test('no quick fixes for another tool\'s diagnostic on the same range', async () => {
    const uri = 'file:///work/other.postmortem';
    await harness.open(uri, 'postmortem', plainTextDocument.text);
    const ours = (await diagnosticsOf(harness, uri)).find((d) => d.code === 'timezone-missing')!;
    const actions = await harness.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: ours.range,
      context: { diagnostics: [{ ...ours, source: 'markdownlint', code: 'MD001' }] },
    });
    const withoutDiagnostics = (await harness.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: ours.range,
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.ok(withoutDiagnostics.some((a) => a.title === 'Add "All times in UTC." to the timeline'), 'fixes at the cursor for clients that send no diagnostics');
    assert.deepEqual(actions, []);
  });
});
