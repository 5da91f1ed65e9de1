import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemDocument, Section } from '../../../server/src/core/model';
import { defaultOptions } from '../../../server/src/core/options';
import { parsePostmortem } from '../../../server/src/core/parse/parser';
import { trimmedEnd } from '../../../server/src/convert';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { buildOutline, flattenOutline, OutlineCache } from '../../../server/src/features/documentSymbols';
import type { ServedDocument } from '../../../server/src/servedDocuments';
import { markdownPostmortem } from '../../paths';
import { seededRandom } from '../../seededRandom';

function served(textDocument: TextDocument, model: PostmortemDocument = parsePostmortem(textDocument.getText())): ServedDocument {
  return { textDocument, model, options: defaultOptions, analyse: true };
}

/** [name, parent name] of each entry symbol (an entry written as a heading is its section's symbol instead). */
function entrySymbols(symbols: readonly DocumentSymbol[], parent = '(top)', found: [string, string][] = []): [string, string][] {
  for (const symbol of symbols) {
    if (symbol.kind === SymbolKind.Event && !symbol.children) found.push([symbol.name, parent]);
    entrySymbols(symbol.children ?? [], symbol.name, found);
  }
  return found;
}

/**
 * Where each entry belongs by the definition: the first containing section of each level, level
 * by level. Entries written as their section's heading are left out: they decorate it instead.
 */
function ownersBySearch(model: PostmortemDocument): string[] {
  const owners: string[] = [];
  for (const entry of model.timeline.entries) {
    const at = entry.lineSpan.start;
    const contains = (span: { start: number; end: number }): boolean => span.start <= at && at < span.end;
    let owner: Section | undefined;
    for (let level = model.sections, next; (next = level.find((section) => contains(section.span))); level = next.children) owner = next;
    if (entry.layout === 'heading' && owner && contains(owner.headingSpan)) continue;
    owners.push(owner?.title ?? '(top)');
  }
  return owners;
}

const referenceText = fs.readFileSync(markdownPostmortem, 'utf8');

suite('outline', () => {
  suite('LineIndex, as the outline walks it', () => {
    const texts = {
      'line feeds': 'one\ntwo\n\nthree\n',
      'CRLF': 'one\r\ntwo\r\n\r\nthree',
      'lone CR and mixed breaks': 'a\rb\r\nc\n\rd\r\r\ne',
      'surrogate pairs': 'x𐀀y\n𐀀\r\n𐀀𐀀',
      'empty': '',
      'a break only': '\r\n',
      'the Markdown reference postmortem': referenceText,
    };
    for (const [name, text] of Object.entries(texts)) {
      test(`${name}: every offset in order, backwards and at random, as TextDocument.positionAt`, () => {
        const document = TextDocument.create('file:///positions', 'postmortem', 1, text);
        const offsets = Array.from({ length: text.length + 3 }, (_, i) => i - 1);
        const random = seededRandom(text.length);
        const shuffled = offsets.map((offset) => [random(), offset] as const).sort((a, b) => a[0] - b[0]).map(([, offset]) => offset);
        for (const order of [offsets, [...offsets].reverse(), shuffled]) {
          const positions = new LineIndex(text);
          for (const offset of order) {
            assert.deepEqual(positions.positionAt(offset), document.positionAt(offset), `offset ${offset}`);
          }
        }
      });
    }
  });

  test('trimmedEnd drops exactly the characters /\\s/ matches', () => {
    const text = 'a b\u00a0\t \u2028\u3000\ufeff\r\n\u200b';
    for (let end = 0; end <= text.length; end++) {
      let expected = end;
      while (expected > 1 && /\s/.test(text.charAt(expected - 1))) expected--;
      assert.equal(trimmedEnd(text, 1, end), Math.max(expected, Math.min(end, 1)), `end ${end}`);
    }
  });

  suite('entries go to the deepest section containing them, whatever the nesting', () => {
    const model = parsePostmortem(referenceText);
    const document = TextDocument.create('file:///reference.postmortem', 'postmortem', 1, referenceText);

    test('sections as parsed', () => {
      assert.ok(model.timeline.entries.length > 3, 'the reference has entries');
      const placed = entrySymbols(buildOutline(served(document, model))).map(([, parent]) => parent);
      assert.deepEqual(placed, ownersBySearch(model));
    });

    test('entries listed out of document order', () => {
      const entries = [...model.timeline.entries].reverse();
      const reordered: PostmortemDocument = { ...model, timeline: { ...model.timeline, entries } };
      const placed = entrySymbols(buildOutline(served(document, reordered))).map(([, parent]) => parent);
      // Symbols are listed in document order whatever the order of the model's list.
      assert.deepEqual(placed, ownersBySearch(reordered).reverse());
    });

    test('overlapping sibling sections: the first one containing an entry takes it', () => {
      const timeline = model.sections.find((section) => section.kind === 'timeline')!;
      const entries = model.timeline.entries;
      const middle = entries[Math.floor(entries.length / 2)]!;
      // A made-up section overlapping the timeline's second half, listed before it.
      const overlapping: Section = { ...timeline, title: 'Overlapping', children: [], span: { start: middle.lineSpan.start, end: timeline.span.end } };
      const sections = model.sections.flatMap((section) => (section === timeline ? [overlapping, timeline] : [section]));
      const irregular: PostmortemDocument = { ...model, sections };
      const placed = entrySymbols(buildOutline(served(document, irregular))).map(([, parent]) => parent);
      assert.deepEqual(placed, ownersBySearch(irregular));
      assert.ok(placed.includes('Overlapping') && placed.includes(timeline.title), 'both sections got entries');
    });
    test('a sub-section reaching past its parent: entries past the parent are not the sub-section\'s', () => {
      const timeline = model.sections.find((section) => section.kind === 'timeline')!;
      const entries = model.timeline.entries;
      const half = entries[Math.floor(entries.length / 2)]!.lineSpan.start;
      const threeQuarters = entries[Math.floor((entries.length * 3) / 4)]!.lineSpan.start;
      const child: Section = { ...timeline, title: 'Sub-section', children: [], span: { start: half, end: timeline.span.end } };
      const parent: Section = { ...timeline, children: [child], span: { start: timeline.span.start, end: threeQuarters } };
      const irregular: PostmortemDocument = { ...model, sections: model.sections.map((section) => (section === timeline ? parent : section)) };
      const placed = entrySymbols(buildOutline(served(document, irregular))).map(([, owner]) => owner);
      assert.deepEqual(placed, ownersBySearch(irregular));
      assert.ok(placed.includes('(top)') && placed.includes('Sub-section'), 'entries both in the sub-section and past the parent');
    });
  });

  suite('OutlineCache', () => {
    const tree = { timelineOnly: false, hierarchical: true };

    test('a version is outlined once and answered from the cache after that', () => {
      const cache = new OutlineCache();
      const document = served(TextDocument.create('file:///a.postmortem', 'postmortem', 1, referenceText));
      const first = cache.get(document, tree);
      assert.equal(cache.get(document, tree), first, 'the same version gets the same symbols');
      assert.deepEqual(first, buildOutline(document));
    });

    test('a new version gets a new outline', () => {
      const cache = new OutlineCache();
      const before = TextDocument.create('file:///a.postmortem', 'postmortem', 1, referenceText);
      const oldOutline = cache.get(served(before), tree) as DocumentSymbol[];
      const heading = referenceText.indexOf('### Timeline');
      const after = TextDocument.update(before, [{ range: { start: before.positionAt(heading), end: before.positionAt(heading) }, text: '## Added\n\n' }], 2);
      const newOutline = cache.get(served(after), tree) as DocumentSymbol[];
      assert.notEqual(newOutline, oldOutline);
      assert.deepEqual(newOutline, buildOutline(served(after)));
      assert.ok(newOutline.some((symbol) => symbol.name === 'Added'), 'the new heading is listed');
      assert.ok(!oldOutline.some((symbol) => symbol.name === 'Added'), 'the old outline is left as it was');
    });

    test('the same model reopened under another version is outlined again', () => {
      const cache = new OutlineCache();
      const model = parsePostmortem(referenceText);
      const first = cache.get(served(TextDocument.create('file:///a.postmortem', 'postmortem', 1, referenceText), model), tree);
      const second = cache.get(served(TextDocument.create('file:///a.postmortem', 'postmortem', 7, referenceText), model), tree);
      assert.notEqual(second, first);
      assert.deepEqual(second, first);
    });

    test('each shape is answered in its own form', () => {
      const cache = new OutlineCache();
      const document = served(TextDocument.create('file:///a.md', 'markdown', 1, referenceText));
      const full = cache.get(document, tree) as DocumentSymbol[];
      const timelineOnly = cache.get(document, { timelineOnly: true, hierarchical: true }) as DocumentSymbol[];
      const flat = cache.get(document, { timelineOnly: false, hierarchical: false }) as SymbolInformation[];
      assert.ok(full.some((symbol) => symbol.children), 'the full outline nests');
      assert.ok(timelineOnly.every((symbol) => symbol.kind === SymbolKind.Event && !symbol.children), 'timeline-only is flat entries');
      assert.ok(flat.every((symbol) => 'location' in symbol), 'flat symbols carry locations');
      assert.deepEqual(cache.get(document, tree), buildOutline(document), 'switching shapes back builds the tree again');
    });

    test('answering, flattening and serialising leave the cached symbols as built', () => {
      const cache = new OutlineCache();
      const document = served(TextDocument.create('file:///a.postmortem', 'postmortem', 1, referenceText));
      const cached = cache.get(document, tree) as DocumentSymbol[];
      flattenOutline(document.textDocument.uri, cached);
      JSON.stringify(cached);
      assert.deepEqual(cache.get(document, tree), buildOutline(document));
    });
  });

  test('a section with 200,000 children flattens without overflowing the stack', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const children = Array.from({ length: 200_000 }, (_, i): DocumentSymbol => ({ name: `entry ${i}`, kind: SymbolKind.Event, range, selectionRange: range }));
    const flat = flattenOutline('file:///big.postmortem', [{ name: 'Timeline', kind: SymbolKind.Array, range, selectionRange: range, children }]);
    assert.equal(flat.length, 200_001);
    assert.equal(flat[200_000]!.containerName, 'Timeline');
  });
});
