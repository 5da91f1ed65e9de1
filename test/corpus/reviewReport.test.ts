import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildReviewReport, reviewJudgementsPath, reviewReportPath } from './reviewReport';

suite('review report over the dev corpus', () => {
  const expected = fs.readFileSync(reviewReportPath, 'utf8');

  test('the review checks find exactly the reviewed action items and findings', () => {
    assert.equal(buildReviewReport(), expected, 'review findings changed: judge them, then run `node scripts/review-report.mjs` and commit the diff');
  });

  test('every blame-language and impact-unquantified finding is judged, and none is judged wrong', () => {
    const findings = expected.split('\n').filter((line) => / (?:blame-language|impact-unquantified) /.test(line) && !line.startsWith('#'));
    const judgements = fs.readFileSync(reviewJudgementsPath, 'utf8');
    assert.ok(findings.length > 0);
    for (const finding of findings) {
      const location = finding.split(' ')[0]!;
      const row = judgements.split('\n').find((line) => line.includes(`\`${location}\``));
      assert.ok(row, `${location} is judged in review-report-judgements.md`);
      assert.match(row, /\| right \|/, `${location} is judged right`);
    }
  });
});
