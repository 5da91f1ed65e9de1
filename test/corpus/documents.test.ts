import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePostmortem } from '../../server/src/core/parse/parser';
import { createPostmortemService } from '../../server/src/core/service';
import { repoRoot } from '../paths';
import { summariseModel } from '../modelSummary';
import { corpusDocuments, corpusRoot } from './corpusRoot';

const summarise = summariseModel;

const documents = corpusDocuments();

suite(`corpus documents (${corpusRoot})`, () => {
  test('the corpus holds the 2 seeds and the 69 development documents the report was reviewed on', () => {
    const perFolder = new Map<string, number>();
    for (const { name } of documents) {
      const folder = path.posix.dirname(name);
      perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(perFolder), { seeds: 2, 'corpus/dev': 69 }, 'documents were added or removed: review the new findings (test/corpus/REVIEW.md), then update this count');
  });

  const service = createPostmortemService();
  for (const { name, text } of documents) {
    test(`${name}: parses and checks without throwing, every span inside the text`, () => {
      const model = parsePostmortem(text);
      const spans = [
        ...model.allSections.flatMap((s) => [s.span, s.headingSpan, s.titleSpan]),
        ...model.timeline.entries.flatMap((e) => [e.span, e.lineSpan, ...(e.time ? [e.time.span] : [])]),
        ...model.zones.map((z) => z.span),
        ...service.check(model).map((f) => f.span),
      ];
      for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${JSON.stringify(span)} in ${text.length}`);
    });
  }
});

suite('corpus documents: sections, timeline and window as verified by reading them', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'corpus', 'expected-model.json'), 'utf8')) as Record<string, ReturnType<typeof summarise>>;
  const byName = new Map(documents.map((d) => [path.posix.basename(d.name), d.text]));
  for (const [file, expectation] of Object.entries(expected)) {
    test(file, () => {
      const text = byName.get(file);
      assert.ok(text !== undefined, `${file} is in the corpus`);
      assert.deepEqual(summarise(parsePostmortem(text)), expectation);
    });
  }
});
