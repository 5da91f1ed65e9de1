import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildCorpusReport, corpusReportPath } from './corpusReport';
import { corpusDocuments } from './corpusRoot';

suite('corpus report', () => {
  test('the checker reports exactly the reviewed findings over the corpus', () => {
    const expected = fs.readFileSync(corpusReportPath, 'utf8');
    const actual = buildCorpusReport(corpusDocuments());
    assert.equal(actual, expected, 'findings changed: review them (test/corpus/REVIEW.md), then run `node scripts/corpus-report.mjs` and commit the diff');
  });
});
