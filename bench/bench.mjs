#!/usr/bin/env node
// `npm run bench`: how fast the postmortem analysis and language server are, against floors
// measured in the same run. Prints one table and the targets, writes bench/results.json.
//
//   node bench/bench.mjs [--sizes 100,2000,20000,100000] [--formats md,txt] [--seed 1]
//                        [--no-lsp] [--no-anchors] [--no-library] [--library-files 10000] [--quick]
//
// Expects a build (`npm run build`: out/ for the in-process figures, dist/server.js for LSP).
// Documents come from ../shared/bench/gen-postmortem.mjs when it exists, else from the project's
// bench/generate.mjs (POSTMORTEM_GENERATOR overrides both); the header line names the one used.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generatorLabel, generatorPath } from './generatorPath.mjs';
import { measureServerIndexing } from './library-index.mjs';
import { libraryReport, measureLibrary } from './library.mjs';
import { measureDocument, measurePush, measureStartup } from './lsp-session.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

const sizes = option('sizes', '100,2000,20000,100000').split(',').map(Number);
const formats = option('formats', 'md,txt').split(',');
const seed = Number(option('seed', '1'));
const quick = flag('quick');
const runLsp = !flag('no-lsp');
const runAnchors = !flag('no-anchors');
const runLibrary = !flag('no-library');
const libraryFiles = Number(option('library-files', quick ? '2000' : '10000'));
const generator = generatorPath;
const serverScript = join(repoRoot, 'dist/server.js');
const emptyServerScript = join(benchDir, 'empty-server.cjs');
/** The reference size for latency targets: a 198 KB postmortem, a long but real one. */
const referenceEntries = 2000;
/** Analysis runs at every size: the default `maxDocumentSize` would switch it off past 5 MB. */
const serverSettings = { maxDocumentSize: 1_000_000_000 };

for (const [what, path] of [['generator', generator], ['dist/server.js (run `npm run build`)', serverScript], ['out/ (run `npm run build`)', join(repoRoot, 'out/server/src/core/service.js')]]) {
  if (!existsSync(path)) {
    console.error(`bench: missing ${what}: ${path}`);
    process.exit(2);
  }
}

const workDir = join(tmpdir(), 'postmortem-bench');
mkdirSync(workDir, { recursive: true });
const startedAt = Date.now();
/** Other processes on the machine skew every figure; the load average says how much to trust them. */
const loadBefore = loadavg()[0];
const log = (message) => process.stderr.write(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

/** Per-size effort: the largest documents get fewer repetitions, everything has a time budget. */
function planFor(entries) {
  const scale = quick ? 0.2 : 1;
  const count = (n) => Math.max(5, Math.round(n * scale));
  const big = entries >= 100_000;
  const medium = entries >= 20_000;
  return {
    seed,
    settings: serverSettings,
    edits: count(big ? 20 : medium ? 100 : 500),
    editBudgetMs: big ? 20_000 : 25_000,
    hovers: count(big ? 50 : 200),
    symbols: count(big ? 10 : 50),
    inlayHints: count(big ? 20 : 100),
    requestBudgetMs: 8000,
    // At 100,000 entries one analysis can take seconds while the analysis is slow: fewer samples.
    minEdits: big ? 3 : 5,
    responsivenessTrials: big ? 2 : 3,
    workerTimeoutMs: big ? 150_000 : medium ? 90_000 : 60_000,
  };
}

function generate(entries, format, name = `incident-${entries}`) {
  const file = join(workDir, `${name}.postmortem.${format === 'md' ? 'md' : 'txt'}`);
  const text = execFileSync(process.execPath, [generator, '--entries', String(entries), '--seed', String(seed), '--format', format], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  writeFileSync(file, text);
  return { file, text };
}

/** Runs one in-process task in a worker; a task past its time limit is stopped and reported as such. */
function runWorker(task, file, timeoutMs, slow) {
  return new Promise((resolvePromise) => {
    const figures = {};
    const worker = new Worker(join(benchDir, 'inprocess-worker.mjs'), {
      workerData: { file, task, uri: `file://${file}`, slow },
      resourceLimits: { maxOldGenerationSizeMb: 8192 },
    });
    const timer = setTimeout(() => {
      figures.error = `stopped after ${timeoutMs / 1000} s`;
      void worker.terminate();
    }, timeoutMs);
    worker.on('message', (message) => {
      if (message.key) figures[message.key] = withoutSamples(message.value);
      if (message.error) figures.error = message.error;
    });
    worker.on('error', (error) => {
      figures.error = String(error?.stack ?? error);
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      resolvePromise(figures);
    });
  });
}

/** Keeps results.json readable: samples only where there are few. */
function withoutSamples(value) {
  if (!value || typeof value !== 'object') return value;
  const { samples, ...rest } = value;
  return samples && samples.length <= 10 ? { ...rest, samples } : rest;
}

function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (modified)` : commit;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------

const documents = [];
for (const entries of sizes) {
  for (const format of formats) {
    const { file, text } = generate(entries, format);
    documents.push({ entries, format, file, text, bytes: Buffer.byteLength(text), chars: text.length });
  }
}
log(`documents in ${workDir}: ${documents.map((d) => `${d.entries} ${d.format} ${(d.bytes / 1024).toFixed(0)} KB`).join(', ')}`);

/** Rows of the action table added to the reference documents, to price the review checks. */
const actionRows = 200;
/** The reference document with a corrective-actions section holding an action table of `actionRows` rows. */
function withActionTable(document) {
  const lineBreak = document.text.includes('\r\n') ? '\r\n' : '\n';
  const heading = document.format === 'md' ? '## Action Items' : 'ACTION ITEMS:';
  const rows = Array.from({ length: actionRows }, (_, i) => {
    const status = i % 3 === 0 ? 'Done' : 'Open';
    const owner = i % 7 === 0 ? '' : `@owner${i % 13}`;
    const due = i % 5 === 0 ? '' : `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    return `| Add a check for failure ${i} | ${owner} | ${due} | OPS-${1000 + i} | ${status} |`;
  });
  const table = [heading, '', '| Action | Owner | Due | Ticket | Status |', '|---|---|---|---|---|', ...rows, ''].join(lineBreak);
  const text = `${document.text.replace(/\s*$/, '')}${lineBreak}${lineBreak}${table}`;
  const file = document.file.replace(/(\.postmortem\.\w+)$/, `-actions$1`);
  writeFileSync(file, text);
  return { ...document, file, text, bytes: Buffer.byteLength(text), chars: text.length, actionTable: true };
}
const reviewPairs = [];
for (const document of documents.filter((d) => d.entries === referenceEntries)) {
  reviewPairs.push({ without: document, with: withActionTable(document) });
}

for (const document of documents) {
  const plan = planFor(document.entries);
  log(`in-process analysis: ${document.entries} entries, ${document.format}`);
  document.inProcess = await runWorker('analysis', document.file, plan.workerTimeoutMs, document.entries >= 100_000);
  if (runAnchors) {
    log(`anchors: ${document.entries} entries, ${document.format}`);
    document.anchors = await runWorker('anchors', document.file, plan.workerTimeoutMs, document.entries >= 20_000);
  }
}

for (const pair of reviewPairs) {
  log(`in-process analysis: ${pair.with.entries} entries, ${pair.with.format}, with a ${actionRows}-item action table`);
  pair.with.inProcess = await runWorker('analysis', pair.with.file, planFor(pair.with.entries).workerTimeoutMs, false);
}

let startup;
let push;
if (runLsp) {
  log('LSP startup');
  startup = await measureStartup({ ours: serverScript, empty: emptyServerScript }, workDir, quick ? 3 : 11);
  // The other document open while the largest one is analysed.
  const smallText = generate(100, 'md', 'other-small').text;
  for (const document of documents) {
    // Responsiveness under load is measured once, on the largest Markdown document.
    const responsiveness = document.entries === Math.max(...sizes) && document.format === (formats.includes('md') ? 'md' : formats[0]);
    const plan = { ...planFor(document.entries), smallText, responsiveness };
    document.lsp = {};
    for (const [name, script] of [['empty', emptyServerScript], ['ours', serverScript]]) {
      log(`LSP ${name}: ${document.entries} entries, ${document.format}`);
      // Ours runs as the VS Code client starts it, with `gc()` for its idle collection.
      const nodeArgs = name === 'ours' ? ['--expose-gc'] : [];
      document.lsp[name] = await measureDocument(script, workDir, document.file, document.text, { ...plan, nodeArgs });
    }
  }
  const reference = documents.find((d) => d.entries === referenceEntries && d.format === 'md');
  if (reference) {
    push = {};
    for (const [name, script] of [['empty', emptyServerScript], ['ours', serverScript]]) {
      log(`LSP push diagnostics ${name}: ${reference.entries} entries, md`);
      push[name] = await measurePush(script, workDir, reference.file, reference.text, { ...planFor(reference.entries), pushEdits: quick ? 10 : 30 });
    }
  }
}

// The incident library: `postmortem stats` over a folder of generated postmortems. The server's
// indexing of the same folder joins this row through `measureServerIndexing` (see library.mjs).
let library;
// The server's indexing of the same folder (bench/library-index.mjs): initialize -> index complete
// through the client's file requests, then one file changed on disk at a time.
if (runLibrary) library = await measureLibrary({ files: libraryFiles, seed, repeats: quick ? 1 : 3, log, measureServerIndexing: (folder) => measureServerIndexing(folder, { changes: quick ? 10 : 40 }) });

// ---------------------------------------------------------------------------------------------
// Targets

const doc = (entries, format) => documents.find((d) => d.entries === entries && d.format === format);
const present = (value) => typeof value === 'number' && Number.isFinite(value);
const targets = [];
/** Adds a target; `cases` are [label, measured, limit] and the worst case decides. */
function target(description, cases, unit, format = (v) => fmt(v)) {
  const measured = cases.filter(([, value, limit]) => present(value) && present(limit));
  const missing = cases.length === 0 || measured.length < cases.length;
  const worst = measured.reduce((a, b) => (b[1] / b[2] > (a ? a[1] / a[2] : -Infinity) ? b : a), undefined);
  const met = missing ? (measured.some(([, v, l]) => v > l) ? false : null) : measured.every(([, v, l]) => v <= l);
  targets.push({
    description,
    met,
    worst: worst ? { case: worst[0], measured: worst[1], limit: worst[2], unit } : undefined,
    cases: cases.map(([label, value, limit]) => ({ case: label, measured: present(value) ? value : null, limit: present(limit) ? limit : null })),
    summary: worst ? `${worst[0]}: ${format(worst[1])} ${unit} (limit ${format(worst[2])})` : 'not measured',
  });
}

const ratio = (d) => d.inProcess?.full?.median / d.inProcess?.floor?.median;
target(
  `Review: full analysis with a ${actionRows}-item action table <= 1.15x without it (${fmtCount(referenceEntries)} entries)`,
  reviewPairs.map((pair) => [label(pair.without), pair.with.inProcess?.full?.median / pair.without.inProcess?.full?.median, 1.15]),
  'x',
);
target('Full analysis <= 4x the floor, every size', documents.map((d) => [label(d), ratio(d), 4]), 'x');
target('Full analysis <= 10x the floor, every size (hard limit)', documents.map((d) => [label(d), ratio(d), 10]), 'x');
target('Timestamp parsing <= 1 ms per 1,000 timestamps', documents.map((d) => [label(d), d.inProcess?.timestamps?.msPerThousand, 1]), 'ms');
const referenceDocs = documents.filter((d) => d.entries === referenceEntries);
target(
  'Edit -> diagnostics p50 <= floor p50 + 3 ms (2,000 entries)',
  referenceDocs.map((d) => [label(d), d.lsp?.ours?.editToDiagnostics?.p50, d.lsp?.empty?.editToDiagnostics?.p50 + 3]),
  'ms',
);
target(
  'Edit -> diagnostics p99 <= 2x floor p99 + 4 ms (2,000 entries)',
  referenceDocs.map((d) => [label(d), d.lsp?.ours?.editToDiagnostics?.p99, 2 * d.lsp?.empty?.editToDiagnostics?.p99 + 4]),
  'ms',
);
target('Timeline picture < 20 ms (2,000 entries, drawTimeline from a parsed model)', referenceDocs.map((d) => [label(d), d.inProcess?.picture?.median, 20]), 'ms');
target('Hover p50 <= 1 ms (2,000 entries)', referenceDocs.map((d) => [label(d), d.lsp?.ours?.hover?.p50, 1]), 'ms');
target('Hover p99 <= 5 ms (2,000 entries)', referenceDocs.map((d) => [label(d), d.lsp?.ours?.hover?.p99, 5]), 'ms');
target('documentSymbol p50 <= 5 ms (2,000 entries)', referenceDocs.map((d) => [label(d), d.lsp?.ours?.documentSymbol?.p50, 5]), 'ms');
const largest = documents.filter((d) => d.entries === Math.max(...sizes));
target(
  `First diagnostics <= 4x the transport floor (${fmtCount(Math.max(...sizes))} entries)`,
  largest.map((d) => [label(d), d.lsp?.ours?.firstDiagnosticsMs, 4 * d.lsp?.empty?.firstDiagnosticsMs]),
  'ms',
);
target(
  `Requests answered while analysis runs: hover in another document <= 100 ms (${fmtCount(Math.max(...sizes))} entries)`,
  largest.filter((d) => d.lsp?.ours?.responsiveness).map((d) => [label(d), d.lsp.ours.responsiveness.otherDocumentHover?.p50, 100]),
  'ms',
);
target(
  `Stale work cancelled: diagnostics after a 5-keystroke burst <= 1.5x one edit (${fmtCount(Math.max(...sizes))} entries)`,
  largest
    .filter((d) => d.lsp?.ours?.responsiveness)
    .map((d) => [label(d), d.lsp.ours.responsiveness.burstAfterLastKeystroke?.p50, 1.5 * d.lsp.ours.responsiveness.editToDiagnostics?.p50]),
  'ms',
);
target('Startup (spawn -> initialize) <= 1.3x the empty server', [['median', startup?.ours?.median, 1.3 * startup?.empty?.median]], 'ms');
const memoryDoc = doc(referenceEntries, 'md');
target(
  `Idle RSS with a ${memoryDoc ? fmtKb(memoryDoc.bytes) : '198 KB'} document <= empty server + 15 MB`,
  memoryDoc ? [[label(memoryDoc), mb(memoryDoc.lsp?.ours?.memoryIdle?.rss), mb(memoryDoc.lsp?.empty?.memoryIdle?.rss) + 15]] : [],
  'MB',
);
const bigMd = doc(Math.max(...sizes), 'md');
target(
  `Peak RSS on ${bigMd ? fmtMb(bigMd.bytes) : '10 MB'} <= empty server + 25x the file size`,
  bigMd ? [[label(bigMd), mb(bigMd.lsp?.ours?.memoryEnd?.peak), mb(bigMd.lsp?.empty?.memoryEnd?.peak) + (25 * bigMd.bytes) / 2 ** 20]] : [],
  'MB',
);
target(
  'Linear cost: full analysis at 100,000 / at 2,000 <= 1.3x the size ratio',
  formats.map((format) => {
    const small = doc(2000, format);
    const big = doc(100_000, format);
    return [format, big?.inProcess?.full?.median / small?.inProcess?.full?.median, (1.3 * big?.bytes) / small?.bytes];
  }),
  'x',
);
target(
  'Document symbols >= 10x faster than vscode-markdown-languageservice (Markdown)',
  documents
    .filter((d) => d.format === 'md')
    .map((d) => [label(d), d.inProcess?.outline?.median, d.anchors?.markdownSymbols?.median / 10]),
  'ms',
);

// ---------------------------------------------------------------------------------------------
// Output

function label(d) {
  return `${fmtCount(d.entries)} ${d.format}`;
}
function fmtCount(n) {
  return n.toLocaleString('en-US');
}
function mb(bytes) {
  return bytes / 2 ** 20;
}
function fmtKb(bytes) {
  return `${Math.round(bytes / 1000)} KB`;
}
function fmtMb(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
function fmt(value) {
  if (!present(value)) return '-';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
const pair = (a, b) => (present(a) || present(b) ? `${fmt(a)} / ${fmt(b)}` : '-');

const rows = [
  ['Document size', (d) => (d.bytes >= 1e6 ? fmtMb(d.bytes) : fmtKb(d.bytes))],
  ['In process (median ms)', null],
  ['  floor: split + timestamp regex', (d) => fmt(d.inProcess?.floor?.median)],
  ['  full analysis', (d) => fmt(d.inProcess?.full?.median) + (d.inProcess?.error ? '!' : '')],
  ['  full / floor (x)', (d) => fmt(ratio(d))],
  ['    parse (model)', (d) => fmt(d.inProcess?.parse?.median)],
  ['    diagnostics', (d) => fmt(d.inProcess?.check?.median)],
  ['    symbols', (d) => fmt(d.inProcess?.symbols?.median)],
  ['  timestamps (ms per 1,000)', (d) => fmt(d.inProcess?.timestamps?.msPerThousand)],
  ['  outline from scratch', (d) => fmt(d.inProcess?.outline?.median)],
  ['  timeline picture (SVG)', (d) => fmt(d.inProcess?.picture?.median)],
  ['  timeline picture / floor (x)', (d) => fmt(d.inProcess?.picture?.median / d.inProcess?.floor?.median)],
  ['  timeline picture / full analysis (x)', (d) => fmt(d.inProcess?.picture?.median / d.inProcess?.full?.median)],
  ['  md-languageservice symbols', (d) => fmt(d.anchors?.markdownSymbols?.median)],
  ['  md-languageservice / ours (x)', (d) => fmt(d.anchors?.markdownSymbols?.median / d.inProcess?.outline?.median)],
  ['  markdownlint', (d) => fmt(d.anchors?.markdownlint?.median)],
  ['LSP, ours / empty server (ms)', null],
  ['  didOpen -> first diagnostics', (d) => pair(d.lsp?.ours?.firstDiagnosticsMs, d.lsp?.empty?.firstDiagnosticsMs)],
  ['  edit -> diagnostics p50', (d) => pair(d.lsp?.ours?.editToDiagnostics?.p50, d.lsp?.empty?.editToDiagnostics?.p50)],
  ['  edit -> diagnostics p99', (d) => pair(d.lsp?.ours?.editToDiagnostics?.p99, d.lsp?.empty?.editToDiagnostics?.p99)],
  ['    edits measured', (d) => (d.lsp ? `${d.lsp.ours?.editToDiagnostics?.count ?? '-'} / ${d.lsp.empty?.editToDiagnostics?.count ?? '-'}` : '-')],
  ['  hover p50', (d) => pair(d.lsp?.ours?.hover?.p50, d.lsp?.empty?.hover?.p50)],
  ['  hover p99', (d) => pair(d.lsp?.ours?.hover?.p99, d.lsp?.empty?.hover?.p99)],
  ['  documentSymbol p50', (d) => pair(d.lsp?.ours?.documentSymbol?.p50, d.lsp?.empty?.documentSymbol?.p50)],
  ['  documentSymbol p99', (d) => pair(d.lsp?.ours?.documentSymbol?.p99, d.lsp?.empty?.documentSymbol?.p99)],
  ['  inlay hints p50 (60 lines)', (d) => pair(d.lsp?.ours?.inlayHints?.p50, d.lsp?.empty?.inlayHints?.p50)],
  ['  RSS idle (MB)', (d) => pair(mb(d.lsp?.ours?.memoryIdle?.rss), mb(d.lsp?.empty?.memoryIdle?.rss))],
  ['  RSS peak (MB)', (d) => pair(mb(d.lsp?.ours?.memoryEnd?.peak), mb(d.lsp?.empty?.memoryEnd?.peak))],
  ['  while analysing: hover elsewhere', (d) => pair(d.lsp?.ours?.responsiveness?.otherDocumentHover?.p50, d.lsp?.empty?.responsiveness?.otherDocumentHover?.p50)],
  ['  after 5-key burst -> diagnostics', (d) => pair(d.lsp?.ours?.responsiveness?.burstAfterLastKeystroke?.p50, d.lsp?.empty?.responsiveness?.burstAfterLastKeystroke?.p50)],
];

function renderTable() {
  const header = ['Entries / format', ...documents.map(label)];
  const body = rows.map(([name, cell]) => [name, ...documents.map((d) => (cell ? cell(d) : ''))]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const lines = [];
lines.push(`Postmortem benchmark: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, seed ${seed}, generator ${generatorLabel}, commit ${gitDescription()}, load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}${quick ? ', --quick' : ''}`);
if (startup) lines.push(`Startup, spawn -> initialize (median of ${startup.ours.samples.length}): ours ${fmt(startup.ours.median)} ms, empty server ${fmt(startup.empty.median)} ms`);
if (push?.ours && push?.empty) {
  lines.push(
    `Push diagnostics (clients without pull), ${fmtCount(referenceEntries)} md: didOpen -> first ${pair(push.ours.firstDiagnosticsMs, push.empty.firstDiagnosticsMs)} ms, ` +
      `edit -> diagnostics p50 ${pair(push.ours.editToDiagnostics?.p50, push.empty.editToDiagnostics?.p50)} ms (ours / empty)`,
  );
}
lines.push('');
lines.push(renderTable());
for (const pair of reviewPairs) {
  const without = pair.without.inProcess?.full?.median;
  const withTable = pair.with.inProcess?.full?.median;
  lines.push(`Review, ${label(pair.without)} + ${actionRows}-item action table: full analysis ${fmt(withTable)} ms against ${fmt(without)} ms without it (${fmt((withTable / without - 1) * 100)} % more)`);
}
const libraryLines = library ? libraryReport(library) : undefined;
if (libraryLines) {
  lines.push('');
  lines.push(...libraryLines.lines);
  for (const t of libraryLines.targets) target(t.description, [[`${library.files} files`, t.measured, t.limit]], t.unit);
  if (library.serverIndexing) {
    const { changeP50, changeP90 } = library.serverIndexing;
    lines.push(`  one file changed on disk -> index updated: p50 ${changeP50.toFixed(1)} ms, p90 ${changeP90.toFixed(1)} ms`);
    target('Library: a one-file change updates the index, p50 < 50 ms', [[`${library.files} files`, changeP50, 50]], 'ms');
    target(`Library: server indexing peak RSS < 300 MB (${library.files} files)`, [[`${library.files} files`, library.serverIndexing.peakRss / 2 ** 20, 300]], 'MB');
  }
}
lines.push('');
lines.push('Targets');
for (const t of targets) {
  const verdict = t.met === true ? 'met    ' : t.met === false ? 'NOT MET' : 'n/a    ';
  lines.push(`  ${verdict}  ${t.description}  [${t.summary}]`);
}
const problems = documents.flatMap((d) => [
  ...(d.inProcess?.error ? [`${label(d)} in process: ${d.inProcess.error.split('\n')[0]}`] : []),
  ...(d.anchors?.error ? [`${label(d)} anchors: ${d.anchors.error.split('\n')[0]}`] : []),
  ...Object.entries(d.lsp ?? {}).flatMap(([name, r]) => r.errors.map((e) => `${label(d)} LSP ${name}: ${e}`)),
]);
if (problems.length > 0) {
  lines.push('');
  lines.push('Problems');
  for (const problem of problems) lines.push(`  ${problem}`);
}
const elapsed = (Date.now() - startedAt) / 1000;
lines.push('');
lines.push(`Total ${elapsed.toFixed(0)} s. Figures: bench/results.json`);
console.log(lines.join('\n'));

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  commit: gitDescription(),
  seed,
  quick,
  elapsedSeconds: elapsed,
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  startup,
  push,
  documents: documents.map(({ text, file, ...rest }) => rest),
  library,
  targets,
};
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
