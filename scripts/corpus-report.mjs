// Writes test/corpus/corpus-report.txt: every finding the checker reports over the corpus folder
// (POSTMORTEM_CORPUS, default ../shared: its seeds/ and corpus/*/ documents). Run after
// `npm run build`; the corpus layer compares the file with a fresh run, so any change in findings
// is reviewed as a diff of this file (and each finding's judgement goes in test/corpus/REVIEW.md).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { buildCorpusReport, corpusReportPath } = require('../out/test/corpus/corpusReport.js');
const report = buildCorpusReport();
writeFileSync(corpusReportPath, report);
console.log(`wrote ${corpusReportPath}`);
console.log(report.split('\n').filter((line) => line.startsWith('#   ')).join('\n'));
