// Writes test/corpus/review-report.txt: what the review checks (action items, blame language,
// impact) make of the dev corpus. Run after `npm run build`; the corpus test compares the file
// with a fresh run, so any change is reviewed as a diff of this file.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { buildReviewReport, reviewReportPath } = require('../out/test/corpus/reviewReport.js');
const report = buildReviewReport();
writeFileSync(reviewReportPath, report);
console.log(`wrote ${reviewReportPath}`);
console.log(report.split('\n').filter((line) => line.startsWith('#')).join('\n'));
