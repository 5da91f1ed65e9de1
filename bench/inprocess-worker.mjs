// In-process measurements of one document, run in a worker thread so the driver can stop a
// measurement that runs past its time limit. Each figure is posted as soon as it is known.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { measure } from './stats.mjs';

const require = createRequire(import.meta.url);
const { file, task, uri, slow } = workerData;
const text = readFileSync(file, 'utf8');
const post = (key, value) => parentPort.postMessage({ key, value });

// Fewer runs on the largest documents: a single run there already takes long enough to be stable.
const runs = slow ? { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 4000 } : { warmup: 3, warmupMs: 1000, minRuns: 7, maxRuns: 60, budgetMs: 2500 };

/** What any line-oriented tool must do at least: split into lines and look for a time on each. */
const timestampPattern = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/i;
let sink = 0;
function floor() {
  let found = 0;
  for (const line of text.split(/\r?\n/)) if (timestampPattern.test(line)) found++;
  sink += found;
}

async function analysis() {
  const out = new URL('../out/server/src/', import.meta.url);
  const { createPostmortemService } = require(new URL('core/service.js', out).pathname);
  const { defaultOptions } = require(new URL('core/options.js', out).pathname);
  const { toDiagnostic } = require(new URL('convert.js', out).pathname);
  const { buildOutline } = require(new URL('features/documentSymbols.js', out).pathname);
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const service = createPostmortemService();
  // Analyse at every size: the default size cap would turn analysis off for the largest files.
  const options = { ...defaultOptions, maxDocumentSize: Number.MAX_SAFE_INTEGER };

  post('floor', measure(floor, runs));

  const parts = { parse: [], check: [], symbols: [] };
  let counts;
  const full = () => {
    const t0 = performance.now();
    const model = service.parse(text);
    const t1 = performance.now();
    const textDocument = TextDocument.create(uri, 'postmortem', 1, text);
    const diagnostics = service.check(model, options).map((finding) => toDiagnostic(textDocument, finding));
    const t2 = performance.now();
    const symbols = buildOutline({ textDocument, model, options, analyse: true });
    const t3 = performance.now();
    parts.parse.push(t1 - t0);
    parts.check.push(t2 - t1);
    parts.symbols.push(t3 - t2);
    counts = { entries: model.timeline.entries.length, sections: model.allSections.length, diagnostics: diagnostics.length, symbols: symbols.length };
  };
  const total = measure(full, runs);
  // The warm-up runs recorded parts too; keep those of the timed runs.
  const measured = (samples) => samples.slice(samples.length - total.runs);
  post('full', { ...total, counts });
  for (const [name, samples] of Object.entries(parts)) post(name, summarise(measured(samples)));

  post('timestamps', measureTimestamps(require, out, service));

  // The timeline picture from a parsed model: what the LSP request and `render` add to a parse.
  const { drawTimeline } = require(new URL('core/picture/drawTimeline.js', out).pathname);
  const pictureModel = service.parse(text);
  let pictureBytes = 0;
  const picture = measure(() => {
    const drawing = drawTimeline(pictureModel);
    pictureBytes = drawing.svg.length;
    sink += drawing.marks.length;
  }, runs);
  post('picture', { ...picture, bytes: pictureBytes });

  // The outline alone, from scratch, for the comparison with the Markdown language service.
  post('outline', measure(() => {
    const model = service.parse(text);
    buildOutline({ textDocument: TextDocument.create(uri, 'postmortem', 1, text), model, options, analyse: true });
  }, runs));
}

function countSymbols(symbols) {
  return symbols.reduce((count, symbol) => count + 1 + countSymbols(symbol.children ?? []), 0);
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.ceil(sorted.length / 2) - 1], runs: samples.length, samples };
}

/**
 * Timestamp parsing: every timeline entry's timestamp as written (its date, time and zone, e.g.
 * `August 15th, 2024, 2:32 PM UTC`) read again by the scanners the parser uses.
 */
function measureTimestamps(require, out, service) {
  const tokens = require(new URL('core/parse/timeTokens.js', out).pathname);
  const { findDates, findClockTimes, findZones } = tokens;
  if (typeof findDates !== 'function' || typeof findClockTimes !== 'function' || typeof findZones !== 'function') {
    return { error: 'timeTokens no longer exports findDates/findClockTimes/findZones' };
  }
  const model = service.parse(text);
  const stamps = [];
  for (const entry of model.timeline.entries) {
    if (!entry.time) continue;
    const spans = [entry.time.span, entry.ownDate?.span, entry.ownZone?.span].filter(Boolean);
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    stamps.push({ text: text.slice(start, end), start });
  }
  if (stamps.length === 0) return { count: 0 };
  const result = measure(() => {
    for (const stamp of stamps) {
      sink += findDates(stamp.text, stamp.start).length;
      sink += findClockTimes(stamp.text, stamp.start).length;
      sink += findZones(stamp.text, stamp.start, 'entry').length;
    }
  }, runs);
  return { ...result, count: stamps.length, msPerThousand: (result.median / stamps.length) * 1000, examples: stamps.slice(0, 3).map((s) => s.text) };
}

async function anchors() {
  const { createLanguageService, githubSlugifier, LogLevel } = await import('vscode-markdown-languageservice');
  const { default: MarkdownIt } = await import('markdown-it');
  const { lint } = await import('markdownlint/sync');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const markdownIt = MarkdownIt({ html: true });
  const noDocuments = { dispose() {} };
  const event = () => noDocuments;
  const workspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: event,
    onDidCreateMarkdownDocument: event,
    onDidDeleteMarkdownDocument: event,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  const languageService = createLanguageService({
    workspace,
    parser: { slugifier: githubSlugifier, tokenize: async (document) => markdownIt.parse(document.getText(), {}) },
    logger: { level: LogLevel.Off, log() {} },
  });
  const token = { isCancellationRequested: false, onCancellationRequested: () => noDocuments };
  // A new URI each run: the service caches per URI, and each run must read the document afresh.
  let version = 0;
  const samples = [];
  let symbolCount = 0;
  const symbolsOnce = async () => {
    const document = TextDocument.create(`${uri}?run=${++version}`, 'markdown', 1, text);
    const before = performance.now();
    const symbols = await languageService.getDocumentSymbols(document, {}, token);
    samples.push(performance.now() - before);
    sink += symbols.length;
    symbolCount = countSymbols(symbols);
  };
  for (let i = 0; i < runs.warmup; i++) await symbolsOnce();
  samples.length = 0;
  const started = performance.now();
  while (samples.length < runs.minRuns || (samples.length < runs.maxRuns && performance.now() - started < runs.budgetMs)) await symbolsOnce();
  post('markdownSymbols', { ...summarise(samples), symbols: symbolCount });
  languageService.dispose?.();

  // markdownlint takes seconds from 2,000 entries on: an anchor needs few runs.
  const lintRuns = slow ? { warmup: 0, minRuns: 1, maxRuns: 1 } : { warmup: 1, minRuns: 3, maxRuns: 15, budgetMs: 1500 };
  post('markdownlint', measure(() => {
    const result = lint({ strings: { document: text }, handleRuleFailures: true });
    sink += result.document?.length ?? 0;
  }, lintRuns));
}

try {
  if (task === 'analysis') await analysis();
  else if (task === 'anchors') await anchors();
  else throw new Error(`unknown task ${task}`);
  parentPort.postMessage({ done: true, sink });
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
}
