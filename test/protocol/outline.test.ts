import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver/node';
import { sectionSymbolKinds } from '../../server/src/features/documentSymbols';
import { LspHarness, vscodeLikeCapabilities } from './harness';
import { lineStartingWith, markdownDocument, plainTextDocument, readmeText, referenceDocuments, type ReferenceExpectation } from './referenceDocuments';

function within(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function assertWellFormed(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.trim().length > 0, 'every symbol has a name');
    assert.ok(within(symbol.range, symbol.selectionRange), `selection inside range: ${symbol.name}`);
    if (parent) assert.ok(within(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`);
    assertWellFormed(symbol.children ?? [], symbol);
  }
}

function assertReferenceOutline(reference: ReferenceExpectation, symbols: DocumentSymbol[]): void {
  assertWellFormed(symbols);
  assert.deepEqual(
    symbols.map((s) => s.kind),
    reference.kinds.map((kind) => sectionSymbolKinds[kind]),
    `top-level kinds ${reference.kinds.join(', ')}; got ${symbols.map((s) => `${s.name}(${s.kind})`).join(', ')}`,
  );
  const timeline = symbols.find((s) => s.kind === sectionSymbolKinds.timeline)!;
  assert.equal(timeline.selectionRange.start.line, lineStartingWith(reference.text, reference.timelineHeading));
  const entries = (timeline.children ?? []).filter((child) => child.kind === SymbolKind.Event);
  assert.deepEqual(
    entries.map((entry) => entry.detail),
    reference.entries.map((entry) => entry.detail),
  );
  assert.deepEqual(
    entries.map((entry) => entry.selectionRange.start.line),
    reference.entries.map((entry) => lineStartingWith(reference.text, entry.linePrefix)),
  );
}

suite('textDocument/documentSymbol', () => {
  let harness: LspHarness;
  teardown(() => harness.dispose());

  suite('a client that shows no headings itself (Neovim, Emacs, language postmortem)', () => {
    setup(async () => {
      harness = await LspHarness.start();
    });

    for (const reference of referenceDocuments) {
      test(`${reference.name} as language postmortem: sections nested, entries under the timeline`, async () => {
        const uri = 'file:///work/incidents/a.postmortem';
        await harness.open(uri, 'postmortem', reference.text);
        assertReferenceOutline(reference, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
      });

      test(`${reference.name} as plain text named like any file: served because its content is a postmortem`, async () => {
        const uri = 'file:///work/notes/outage.txt';
        await harness.open(uri, 'plaintext', reference.text);
        assertReferenceOutline(reference, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
      });
    }

    test('a README gets no symbols', async () => {
      const uri = 'file:///work/repo/README.md';
      await harness.open(uri, 'markdown', readmeText);
      assert.deepEqual(await harness.documentSymbols(uri), []);
    });

    test('the same text named like a postmortem is served by its name', async () => {
      const uri = 'file:///work/repo/2024-03-db-postmortem.md';
      await harness.open(uri, 'markdown', readmeText);
      const symbols = (await harness.documentSymbols(uri)) as DocumentSymbol[];
      assert.ok(symbols.length > 0, 'headings are listed');
      assertWellFormed(symbols);
    });

    test('a closed document gets no symbols', async () => {
      const uri = 'file:///work/x.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      await harness.close(uri);
      assert.deepEqual(await harness.documentSymbols(uri), []);
    });

    test('asked again for the same version, answers the same outline', async () => {
      const uri = 'file:///work/again.postmortem';
      await harness.open(uri, 'postmortem', markdownDocument.text);
      const first = await harness.documentSymbols(uri);
      assert.ok(first.length > 0);
      assert.deepEqual(await harness.documentSymbols(uri), first);
      assert.deepEqual(await harness.documentSymbols(uri), first);
    });

    test('closed and reopened with the same version number, outlines the new text', async () => {
      const uri = 'file:///work/reopened.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      assertReferenceOutline(plainTextDocument, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
      await harness.close(uri);
      await harness.open(uri, 'postmortem', markdownDocument.text);
      assertReferenceOutline(markdownDocument, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
    });

    test('follows incremental edits', async () => {
      const reference = plainTextDocument;
      const uri = 'file:///work/edit.postmortem';
      await harness.open(uri, 'postmortem', reference.text);
      const before = (await harness.documentSymbols(uri)) as DocumentSymbol[];
      const line = lineStartingWith(reference.text, '9:05 PM:');
      await harness.change(uri, 2, [
        { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '9:00 PM: Renewed chain pushed to the identity service.\n' },
      ]);
      const after = (await harness.documentSymbols(uri)) as DocumentSymbol[];
      const entryDetails = (symbols: DocumentSymbol[]): (string | undefined)[] =>
        (symbols.find((s) => s.kind === sectionSymbolKinds.timeline)?.children ?? []).map((c) => c.detail);
      assert.deepEqual(entryDetails(after), [...entryDetails(before).slice(0, 6), '21:00', '21:05']);
    });
  });

  suite('VS Code (Markdown headings already in its outline)', () => {
    setup(async () => {
      harness = await LspHarness.start({ initializationOptions: { markdownOutline: 'timeline-only' } });
    });

    test('a Markdown postmortem gets only its timeline entries, flat', async () => {
      const reference = markdownDocument;
      const uri = 'file:///work/outage.md';
      await harness.open(uri, 'markdown', reference.text);
      const symbols = (await harness.documentSymbols(uri)) as DocumentSymbol[];
      assert.deepEqual(
        symbols.map((s) => [s.kind, s.detail, s.children]),
        reference.entries.map((e) => [SymbolKind.Event, e.detail, undefined]),
      );
    });

    for (const reference of referenceDocuments) {
      test(`${reference.name} as language postmortem still gets the full tree`, async () => {
        const uri = 'file:///work/outage.postmortem.md';
        await harness.open(uri, 'postmortem', reference.text);
        assertReferenceOutline(reference, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
      });
    }

    test('a plain-text postmortem still gets the full tree', async () => {
      const reference = plainTextDocument;
      const uri = 'file:///work/outage.txt';
      await harness.open(uri, 'plaintext', reference.text);
      assertReferenceOutline(reference, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
    });
  });

  suite('a client without hierarchical symbols', () => {
    setup(async () => {
      harness = await LspHarness.start({
        capabilities: { ...vscodeLikeCapabilities, textDocument: { ...vscodeLikeCapabilities.textDocument, documentSymbol: {} } },
      });
    });

    test('gets flat symbol information with container names', async () => {
      const reference = plainTextDocument;
      const uri = 'file:///work/flat.postmortem';
      await harness.open(uri, 'postmortem', reference.text);
      const symbols = (await harness.documentSymbols(uri)) as SymbolInformation[];
      assert.ok(symbols.every((s) => s.location.uri === uri));
      const entries = symbols.filter((s) => s.kind === SymbolKind.Event);
      assert.equal(entries.length, reference.entries.length);
      assert.ok(entries.every((entry) => entry.containerName === 'TIMELINE'), JSON.stringify(entries.map((e) => e.containerName)));
    });
  });
});
