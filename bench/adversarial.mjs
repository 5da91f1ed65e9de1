// Adversarial inputs for the analysis core: documents holding one very long line made of the
// characters timestamps are made of (digits, colons, spaces, am/pm fragments, brackets, dashes),
// placed where each part of the parser looks (a timeline entry, a summary line, a heading, a
// table row, plain text). Every case runs parse + check + hover + completion + outline at
// growing sizes in a worker thread; time per MB must stay flat (linear), and a case that blows
// up is stopped at its deadline and reported.
//
//   node bench/adversarial.mjs [--sizes 1,2,4] [--deadline 60] [--json out.json] [--quick]
//
// `--quick` measures 64 KB, 128 KB and 256 KB instead (for CI); exit code 1 when any case is
// super-linear (time per MB grows more than 2.5x from the smallest to the largest size) or misses
// its deadline.
import { Worker } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const quick = args.includes('--quick');
const sizesMb = (option('sizes', quick ? '0.0625,0.125,0.25' : '1,2,4')).split(',').map(Number);
const deadlineSeconds = Number(option('deadline', quick ? 20 : 60));
const jsonOut = option('json', undefined);
const only = option('only', undefined);

/** Repeated units: each is what a backtracking pattern could try to split many ways. */
const pumps = {
  digits: '0123456789',
  colons: ':',
  'digit-colon': '1:',
  'clock times': '10:00 ',
  spaces: ' ',
  tabs: '\t',
  'am/pm fragments': 'a.m. p',
  'am pm words': 'am pm ',
  'times with meridiem': '12:00 PM ',
  'colon spaces': ': ',
  'dash spaces': '- ',
  'comma spaces': ', ',
  brackets: '[',
  'link openers': '](',
  backticks: '`a',
  'angle brackets': '<',
  'bold markers': '**',
  'weekday words': 'mon ',
  'month words': 'feb ',
  'hour letters': '1 h ',
  'hour letter ranges': 'de 1h à ',
  'Uhr times': '1.1 Uhr ',
  'Japanese times': '1 時 1 分',
  'Japanese dates': '令和1年1月1日',
  'dotted dates': '1.1.',
  'military times': '1430hrs ',
  'dashed month dates': '1-Mar-24 ',
  'zone words': 'UTC ',
  'duration words': '2 hours ',
  emoji: '😀',
};

/** Where the long line goes; `LINE` is replaced by it. */
const placements = {
  'timeline entry': '# Postmortem\n\n## Summary\n\nDuration: 45 minutes\n\n## Timeline\n\n- 10:00 UTC deploy\n- 10:05 LINE\n- 10:10 rollback\n\n## Root Cause\n\nText.\n',
  'summary line': '# Postmortem\n\n## Summary\n\n- LINE\n\n## Timeline\n\n- 10:00 UTC deploy\n',
  heading: '# Postmortem\n\n## LINE\n\n## Timeline\n\n- 10:00 UTC deploy\n',
  'table row': '## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | LINE |\n',
  'plain text': 'LINE\n',
  'between two times': '# Postmortem\n\n## Summary\n\nThe outage ran from 10:00 LINE to 11:00 UTC.\n\n## Timeline\n\n- March 5, 2024 LINE 10:00 UTC LINE 10:05 deploy\n',
  'status update': '# Search lag\n\nResolved - LINE Mar 4, 21:05 UTC\n**Monitoring** - LINE\nMar 4, 20:40 UTC\n\nInvestigating - LINE Mar 4, 19:55 UTC\n',
  'export field': '# INC-1\n\n| Started at | LINE |\n| Duration | LINE |\n\nStarted at: LINE\n\n## Summary\n\nOn 12 May 2024 (LINE) it lasted for LINE 35 minutes and another LINE\n',
  'time-led section': '# Postmortem\n\n## Timeline\n\n- 10:00 UTC deploy\n\n## Investigation\n\n08:30 UTC LINE\n08:41 UTC LINE\n\n## Timeline, day 2 (LINE)\n\n- 09:05 lag\n',
};

// The worker: builds the document, runs everything a client can ask for, posts the time.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const out = path.join(workerData.root, 'out', 'server', 'src');
const { createPostmortemService } = require(path.join(out, 'core', 'service.js'));
const { completePostmortem } = require(path.join(out, 'core', 'completion.js'));
const { defaultOptions } = require(path.join(out, 'core', 'options.js'));
const { buildOutline } = require(path.join(out, 'features', 'documentSymbols.js'));
const { buildFoldingRanges } = require(path.join(out, 'features', 'foldingRanges.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');
const service = createPostmortemService();
const options = { ...defaultOptions, maxDocumentSize: Number.MAX_SAFE_INTEGER };
const { template, pump, bytes } = workerData;
const line = pump.repeat(Math.ceil(bytes / Buffer.byteLength(pump))).slice(0, bytes);
const text = template.replace('LINE', line);
const start = process.hrtime.bigint();
const model = service.parse(text);
const findings = service.check(model, options);
for (const finding of findings) service.quickFixes(model, finding, options);
service.fixAll(model, options);
service.elapsedHints(model, options);
service.timelineLenses(model);
const middle = text.indexOf(line) + (line.length >> 1);
for (const offset of [0, middle, text.length]) {
  service.hover(model, offset, options);
  completePostmortem(model, offset, { options });
}
const served = { textDocument: TextDocument.create('file:///adversarial.postmortem', 'postmortem', 1, text), model, options, analyse: true };
buildOutline(served);
buildFoldingRanges(served);
parentPort.postMessage({ ms: Number(process.hrtime.bigint() - start) / 1e6, characters: text.length });
`;

function runCase(template, pump, bytes) {
  return new Promise((resolve) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { root: new URL('..', import.meta.url).pathname, template, pump, bytes },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ timedOut: true });
    }, deadlineSeconds * 1000);
    worker.once('message', (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ error: String(error) });
    });
  });
}

const results = [];
let failures = 0;
const MB = 1024 * 1024;
console.log(`sizes: ${sizesMb.map((s) => `${s} MB`).join(', ')}; deadline ${deadlineSeconds} s per run\n`);
console.log(['placement', 'pump', ...sizesMb.map((s) => `ms/MB @${s}MB`), 'growth'].join('\t'));
for (const [placement, template] of Object.entries(placements)) {
  for (const [name, pump] of Object.entries(pumps)) {
    if (only && !`${placement}/${name}`.includes(only)) continue;
    const row = { placement, pump: name, msPerMb: [], verdict: 'linear' };
    for (const size of sizesMb) {
      const result = await runCase(template, pump, Math.round(size * MB));
      if (result.timedOut || result.error) {
        row.verdict = result.timedOut ? `over ${deadlineSeconds} s at ${size} MB` : `error: ${result.error}`;
        break;
      }
      row.msPerMb.push(result.ms / size);
    }
    const [first, last] = [row.msPerMb[0], row.msPerMb.at(-1)];
    // Small absolute times are dominated by noise: judge growth only where a run takes time.
    if (row.verdict === 'linear' && row.msPerMb.length === sizesMb.length && last * sizesMb.at(-1) > 50 && last / first > 2.5) {
      row.verdict = `super-linear (${(last / first).toFixed(1)}x per MB)`;
    }
    if (row.verdict !== 'linear') failures++;
    results.push(row);
    console.log([placement, name, ...sizesMb.map((_, i) => (row.msPerMb[i] === undefined ? '-' : row.msPerMb[i].toFixed(0))), row.verdict].join('\t'));
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ sizesMb, deadlineSeconds, results }, null, 2));
console.log(`\n${results.length - failures} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
