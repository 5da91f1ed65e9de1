import * as assert from 'node:assert/strict';
import { DocumentDiagnosticReportKind, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { LspHarness, neovimLikeCapabilities, waitFor } from './harness';
import { plainTextDocument, readmeText } from './referenceDocuments';

async function pullItems(harness: LspHarness, uri: string): Promise<Diagnostic[]> {
  const report = await harness.pullDiagnostics(uri);
  assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
  return (report as FullDocumentDiagnosticReport).items;
}

function assertOwnDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    assert.equal(diagnostic.source, 'postmortem');
    assert.equal(typeof diagnostic.code, 'string');
    assert.ok(typeof diagnostic.message === 'string' && diagnostic.message.length > 0, 'a plain-text message');
  }
}


suite('diagnostics', () => {
  let harness: LspHarness;
  teardown(() => harness.dispose());

  suite('pull (clients that advertise textDocument/diagnostic)', () => {
    setup(async () => {
      harness = await LspHarness.start();
    });

    test('announces a diagnostic provider and answers pulls', async () => {
      assert.ok(harness.initializeResult?.capabilities.diagnosticProvider, 'diagnosticProvider');
      const uri = 'file:///work/pull.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      const items = await pullItems(harness, uri);
      assertOwnDiagnostics(items);
      // The plain-text reference gives 12-hour times and no zone anywhere.
      assert.ok(items.some((d) => d.code === 'timezone-missing'), JSON.stringify(items.map((d) => d.code)));
    });

    test('does not push as well', async () => {
      const uri = 'file:///work/nopush.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      await pullItems(harness, uri);
      assert.equal(harness.pushed.size, 0);
    });

    test('a README gets an empty report', async () => {
      const uri = 'file:///work/README.md';
      await harness.open(uri, 'markdown', readmeText);
      assert.deepEqual(await pullItems(harness, uri), []);
    });

    test('past maxDocumentSize only the outline is computed', async () => {
      await harness.dispose();
      harness = await LspHarness.start({ configuration: () => ({ maxDocumentSize: 100 }) });
      const uri = 'file:///work/big.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      assert.deepEqual((await pullItems(harness, uri)).map((d) => d.code), ['document-too-large']);
      assert.ok((await harness.documentSymbols(uri)).length > 0);
    });
  });

  suite('push (Neovim 0.7 and other clients without pull)', () => {
    setup(async () => {
      harness = await LspHarness.start({ capabilities: neovimLikeCapabilities });
    });

    test('announces no diagnostic provider and publishes on open, with the version', async () => {
      assert.equal(harness.initializeResult?.capabilities.diagnosticProvider, undefined);
      const uri = 'file:///work/push.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text, 7);
      const published = await waitFor('diagnostics for the opened document', () => harness.pushed.get(uri));
      assert.equal(published.version, 7);
      assertOwnDiagnostics(published.diagnostics);
      assert.ok(published.diagnostics.some((d) => d.code === 'timezone-missing'));
    });

    test('publishes the same diagnostics a pull would give', async () => {
      const uri = 'file:///work/same.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      const pushed = await waitFor('pushed diagnostics', () => harness.pushed.get(uri));
      const pullHarness = await LspHarness.start();
      try {
        await pullHarness.open(uri, 'postmortem', plainTextDocument.text);
        assert.deepEqual(pushed.diagnostics, await pullItems(pullHarness, uri));
      } finally {
        await pullHarness.dispose();
      }
    });

    test('republishes after an edit, and clears on close', async () => {
      const uri = 'file:///work/edit.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      await waitFor('first publication', () => harness.pushed.get(uri));
      // Stating a zone for the whole timeline removes timezone-missing.
      await harness.change(uri, 2, [{ text: plainTextDocument.text.replace('TIMELINE:', 'TIMELINE (all times UTC):') }]);
      const updated = await waitFor('publication for version 2', () => {
        const p = harness.pushed.get(uri);
        return p?.version === 2 ? p : undefined;
      });
      assert.ok(!updated.diagnostics.some((d) => d.code === 'timezone-missing'), JSON.stringify(updated.diagnostics));
      await harness.close(uri);
      await waitFor('empty publication after close', () => (harness.pushed.get(uri)?.diagnostics.length === 0 ? true : undefined));
    });

    test('a README gets an empty publication', async () => {
      const uri = 'file:///work/README.md';
      await harness.open(uri, 'markdown', readmeText);
      const published = await waitFor('publication for the README', () => harness.pushed.get(uri));
      assert.deepEqual(published.diagnostics, []);
    });
  });
});
