import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver/node';
import { sectionSymbolKinds } from '../../server/src/features/documentSymbols';
import { LspHarness, vscodeLikeCapabilities } from './harness';
import { lineStartingWith, readmeText, seeds, type SeedExpectation } from './seeds';

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

function assertSeedOutline(seed: SeedExpectation, symbols: DocumentSymbol[]): void {
  assertWellFormed(symbols);
  assert.deepEqual(
    symbols.map((s) => s.kind),
    seed.kinds.map((kind) => sectionSymbolKinds[kind]),
    `top-level kinds ${seed.kinds.join(', ')}; got ${symbols.map((s) => `${s.name}(${s.kind})`).join(', ')}`,
  );
  const timeline = symbols.find((s) => s.kind === sectionSymbolKinds.timeline)!;
  assert.equal(timeline.selectionRange.start.line, lineStartingWith(seed.text, seed.timelineHeading));
  const entries = (timeline.children ?? []).filter((child) => child.kind === SymbolKind.Event);
  assert.deepEqual(
    entries.map((entry) => entry.detail),
    seed.entries.map((entry) => entry.detail),
  );
  assert.deepEqual(
    entries.map((entry) => entry.selectionRange.start.line),
    seed.entries.map((entry) => lineStartingWith(seed.text, entry.linePrefix)),
  );
}

suite('textDocument/documentSymbol', () => {
  let harness: LspHarness;
  teardown(() => harness.dispose());

  suite('a client that shows no headings itself (Neovim, Emacs, language postmortem)', () => {
    setup(async () => {
      harness = await LspHarness.start();
    });

    for (const seed of seeds) {
      test(`${seed.name} as language postmortem: sections nested, entries under the timeline`, async () => {
        const uri = 'file:///work/incidents/a.postmortem';
        await harness.open(uri, 'postmortem', seed.text);
        assertSeedOutline(seed, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
      });

      test(`${seed.name} as plain text named like any file: served because its content is a postmortem`, async () => {
        const uri = 'file:///work/notes/outage.txt';
        await harness.open(uri, 'plaintext', seed.text);
        assertSeedOutline(seed, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
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
      await harness.open(uri, 'postmortem', seeds[0]!.text);
      await harness.close(uri);
      assert.deepEqual(await harness.documentSymbols(uri), []);
    });

    test('asked again for the same version, answers the same outline', async () => {
      const uri = 'file:///work/again.postmortem';
      await harness.open(uri, 'postmortem', seeds[1]!.text);
      const first = await harness.documentSymbols(uri);
      assert.ok(first.length > 0);
      assert.deepEqual(await harness.documentSymbols(uri), first);
      assert.deepEqual(await harness.documentSymbols(uri), first);
    });

    test('closed and reopened with the same version number, outlines the new text', async () => {
      const uri = 'file:///work/reopened.postmortem';
      await harness.open(uri, 'postmortem', seeds[0]!.text);
      assertSeedOutline(seeds[0]!, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
      await harness.close(uri);
      await harness.open(uri, 'postmortem', seeds[1]!.text);
      assertSeedOutline(seeds[1]!, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
    });

    test('follows incremental edits', async () => {
      const seed = seeds[0]!;
      const uri = 'file:///work/edit.postmortem';
      await harness.open(uri, 'postmortem', seed.text);
      const before = (await harness.documentSymbols(uri)) as DocumentSymbol[];
      const line = lineStartingWith(seed.text, '11:45 PM:');
      await harness.change(uri, 2, [
        { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '11:40 PM: Fix deployed to the load balancer.\n' },
      ]);
      const after = (await harness.documentSymbols(uri)) as DocumentSymbol[];
      const entryDetails = (symbols: DocumentSymbol[]): (string | undefined)[] =>
        (symbols.find((s) => s.kind === sectionSymbolKinds.timeline)?.children ?? []).map((c) => c.detail);
      assert.deepEqual(entryDetails(after), [...entryDetails(before).slice(0, 6), '23:40', '23:45']);
    });
  });

  suite('VS Code (Markdown headings already in its outline)', () => {
    setup(async () => {
      harness = await LspHarness.start({ initializationOptions: { markdownOutline: 'timeline-only' } });
    });

    test('a Markdown postmortem gets only its timeline entries, flat', async () => {
      const seed = seeds[1]!;
      const uri = 'file:///work/outage.md';
      await harness.open(uri, 'markdown', seed.text);
      const symbols = (await harness.documentSymbols(uri)) as DocumentSymbol[];
      assert.deepEqual(
        symbols.map((s) => [s.kind, s.detail, s.children]),
        seed.entries.map((e) => [SymbolKind.Event, e.detail, undefined]),
      );
    });

    for (const seed of seeds) {
      test(`${seed.name} as language postmortem still gets the full tree`, async () => {
        const uri = 'file:///work/outage.postmortem.md';
        await harness.open(uri, 'postmortem', seed.text);
        assertSeedOutline(seed, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
      });
    }

    test('a plain-text postmortem still gets the full tree', async () => {
      const seed = seeds[0]!;
      const uri = 'file:///work/outage.txt';
      await harness.open(uri, 'plaintext', seed.text);
      assertSeedOutline(seed, (await harness.documentSymbols(uri)) as DocumentSymbol[]);
    });
  });

  suite('a client without hierarchical symbols', () => {
    setup(async () => {
      harness = await LspHarness.start({
        capabilities: { ...vscodeLikeCapabilities, textDocument: { ...vscodeLikeCapabilities.textDocument, documentSymbol: {} } },
      });
    });

    test('gets flat symbol information with container names', async () => {
      const seed = seeds[0]!;
      const uri = 'file:///work/flat.postmortem';
      await harness.open(uri, 'postmortem', seed.text);
      const symbols = (await harness.documentSymbols(uri)) as SymbolInformation[];
      assert.ok(symbols.every((s) => s.location.uri === uri));
      const entries = symbols.filter((s) => s.kind === SymbolKind.Event);
      assert.equal(entries.length, seed.entries.length);
      assert.ok(entries.every((entry) => entry.containerName === 'TIMELINE'), JSON.stringify(entries.map((e) => e.containerName)));
    });
  });
});
