import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildCorpusReport, corpusDocuments, corpusReportPath } from '../../../corpusReport';

suite('corpus report', () => {
  test('the checker reports exactly the reviewed findings over the seeds and the dev corpus', () => {
    const documents = corpusDocuments();
    assert.equal(documents.length, 50, 'two seeds and 48 dev documents');
    const expected = fs.readFileSync(corpusReportPath, 'utf8');
    const actual = buildCorpusReport(documents);
    assert.equal(actual, expected, 'findings changed: review them, then run `node scripts/corpus-report.mjs` and commit the diff');
  });

  test('no finding at error severity anywhere in the corpus', () => {
    const report = fs.readFileSync(corpusReportPath, 'utf8');
    assert.ok(!/^\S+:\d+:\d+ error /m.test(report));
  });
});
