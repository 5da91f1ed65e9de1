// Writes test/fixtures/corpus-report.txt: every finding the checker reports over the seeds and
// the dev corpus. Run after `npm run build`; the unit test compares the file with a fresh run,
// so any change in findings is reviewed as a diff of this file.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { buildCorpusReport, corpusReportPath } = require('../out/test/corpusReport.js');
const report = buildCorpusReport();
writeFileSync(corpusReportPath, report);
console.log(`wrote ${corpusReportPath}`);
console.log(report.split('\n').filter((line) => line.startsWith('#   ')).join('\n'));
