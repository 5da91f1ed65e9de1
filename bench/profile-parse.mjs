#!/usr/bin/env node
// Where parse time goes: `parsePostmortem` on a generated document, by phase (what `parse`
// calls, inclusive), by function and by source line (self time), and the regular expressions
// run most often. Builds the parser straight from server/src with esbuild, so an edit to the
// parser shows on the next run without `tsc`.
//
//   node bench/profile-parse.mjs [--entries 2000] [--format md|txt] [--seed 1] [--compare 20000]
//                                [--interval 50] [--seconds 3] [--top 20] [--write out.cpuprofile]
//
// `--compare N` profiles a second size too and shows how each phase grows against the size:
// a phase growing faster than the document is quadratic somewhere.
//
// Times come from V8's sampling profiler: each figure is its share of the samples times the
// median parse time measured without the profiler, so the phases add up to the real parse time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { generatorPath } from './generatorPath.mjs';
import { median } from './stats.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback;
};
const entries = Number(option('entries', '2000'));
const compareEntries = option('compare', undefined) === undefined ? undefined : Number(option('compare'));
const format = option('format', 'md');
const seed = option('seed', '1');
const intervalMicros = Number(option('interval', '50'));
const profileSeconds = Number(option('seconds', '3'));
const top = Number(option('top', '20'));
const writeTo = option('write', undefined);
const generator = generatorPath;

// --- the parser, bundled from source with a source map back to the .ts files ------------------
const buildDir = mkdtempSync(join(tmpdir(), 'postmortem-profile-'));
const bundle = join(buildDir, 'parser.mjs');
const built = await esbuild.build({
  entryPoints: [join(repoRoot, 'server/src/core/parse/parser.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'node20',
  sourcemap: 'external',
  sourcesContent: true,
  write: false,
  outfile: bundle,
  logLevel: 'error',
});
writeFileSync(bundle, built.outputFiles.find((file) => file.path.endsWith('.mjs')).text);
const sourceMapPayload = JSON.parse(built.outputFiles.find((file) => file.path.endsWith('.map')).text);
const sourceMap = new SourceMap(sourceMapPayload);
const bundleUrl = pathToFileURL(bundle).href;
const { parsePostmortem } = await import(bundleUrl);
rmSync(buildDir, { recursive: true, force: true });

const timestampPattern = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/i;
let sink = 0;

function generate(count) {
  return execFileSync(process.execPath, [generator, '--entries', String(count), '--seed', seed, '--format', format], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

function timed(run, budgetMs, minRuns) {
  const samples = [];
  const started = performance.now();
  while (samples.length < minRuns || (performance.now() - started < budgetMs && samples.length < 200)) {
    const before = performance.now();
    run();
    samples.push(performance.now() - before);
  }
  return { median: median(samples), runs: samples.length };
}

// --- mapping profile frames back to the TypeScript sources ------------------------------------
function originalPosition(line, column) {
  const entry = sourceMap.findEntry(line, column);
  if (!entry?.originalSource) return undefined;
  const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(bundle), entry.originalSource);
  const sourceIndex = sourceMapPayload.sources.indexOf(entry.originalSource);
  const code = sourceMapPayload.sourcesContent?.[sourceIndex]?.split('\n')[entry.originalLine] ?? '';
  return { where: `${relative(join(repoRoot, 'server/src/core'), source)}:${entry.originalLine + 1}`, code };
}

/** `name file.ts:line` of a frame; esbuild renames clashing functions (`parse2`), the source does not. */
function frameKey(callFrame) {
  if (callFrame.functionName.startsWith('RegExp: ')) return callFrame.functionName;
  let name = callFrame.functionName || '(anonymous)';
  if (callFrame.url !== bundleUrl) return `${name} ${callFrame.url.replace(/^.*\//, '')}`.trim();
  const position = originalPosition(callFrame.lineNumber, callFrame.columnNumber);
  const renamed = /^(.*\D)\d+$/.exec(name);
  if (renamed && position && position.code.includes(renamed[1]) && !position.code.includes(name)) name = renamed[1];
  return `${name} ${position?.where ?? `bundle:${callFrame.lineNumber + 1}`}`;
}

/** `file.ts:line  code` for a 1-based line of the bundle (position ticks carry lines only). */
function lineKey(bundleLine) {
  const position = originalPosition(bundleLine - 1, 400);
  if (!position) return `bundle:${bundleLine}`;
  const code = position.code.trim();
  return `${position.where.padEnd(26)} ${code.length > 100 ? `${code.slice(0, 97)}...` : code}`;
}

// --- one document: time, profile, count ---------------------------------------------------------
async function profileDocument(count) {
  const text = generate(count);
  const lineCount = text.split(/\r?\n/).length;
  const floor = () => {
    for (const line of text.split(/\r?\n/)) if (timestampPattern.test(line)) sink++;
  };
  const parse = () => {
    sink += parsePostmortem(text).timeline.entries.length;
  };
  timed(parse, 500, 2); // warm-up
  timed(floor, 200, 3);
  const floorTime = timed(floor, 1000, 10);
  const parseTime = timed(parse, 2000, 3);
  const model = parsePostmortem(text);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  let profiledRuns = 0;
  const started = performance.now();
  while (profiledRuns < 3 || performance.now() - started < profileSeconds * 1000) {
    parse();
    profiledRuns++;
  }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();

  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0));
  }
  const inclusive = new Map();
  const inclusiveOf = (node) => {
    if (!inclusive.has(node.id)) {
      let total = selfMicros.get(node.id) ?? 0;
      for (const child of node.children ?? []) total += inclusiveOf(nodesById.get(child));
      inclusive.set(node.id, total);
    }
    return inclusive.get(node.id);
  };
  const childrenOf = (node) => (node.children ?? []).map((id) => nodesById.get(id));

  // Everything under the profiled `parsePostmortem` calls is parse time.
  const roots = profile.nodes.filter((node) => node.callFrame.functionName === 'parsePostmortem' && node.callFrame.url === bundleUrl);
  const rootMicros = roots.reduce((sum, node) => sum + inclusiveOf(node), 0);
  const toMs = (micros) => (micros / rootMicros) * parseTime.median;

  /** Inclusive time of the callees of `nodes`, merged by function, plus the nodes' own time. */
  const calleeTotals = (nodes) => {
    const totals = new Map([['(self)', 0]]);
    for (const node of nodes) {
      totals.set('(self)', totals.get('(self)') + (selfMicros.get(node.id) ?? 0));
      for (const child of childrenOf(node)) {
        const key = frameKey(child.callFrame);
        totals.set(key, (totals.get(key) ?? 0) + inclusiveOf(child));
      }
    }
    return new Map([...totals].map(([key, micros]) => [key, toMs(micros)]).sort((a, b) => b[1] - a[1]));
  };
  const calleesNamed = (nodes, key) => nodes.flatMap(childrenOf).filter((child) => frameKey(child.callFrame) === key);

  // Phases: what the internal `parse` (called by `parsePostmortem`) calls.
  const bodies = roots.flatMap(childrenOf).filter((node) => /^parse\d*$/.test(node.callFrame.functionName));
  const phaseParents = bodies.length > 0 ? bodies : roots;
  const phases = calleeTotals(phaseParents);
  const nested = new Map([...phases.keys()].filter((key) => key !== '(self)').map((key) => [key, calleeTotals(calleesNamed(phaseParents, key))]));

  const subtree = [];
  const collect = (node) => {
    subtree.push(node);
    childrenOf(node).forEach(collect);
  };
  roots.forEach(collect);
  const functions = new Map();
  const lines = new Map();
  let ticksTotal = 0;
  for (const node of subtree) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros > 0) {
      const key = frameKey(node.callFrame);
      functions.set(key, (functions.get(key) ?? 0) + toMs(micros));
    }
    for (const { line, ticks } of node.positionTicks ?? []) {
      ticksTotal += ticks;
      if (node.callFrame.url !== bundleUrl) continue;
      const key = lineKey(line);
      lines.set(key, (lines.get(key) ?? 0) + ticks);
    }
  }
  for (const [key, ticks] of lines) lines.set(key, (ticks / ticksTotal) * parseTime.median);

  return {
    count,
    text,
    lineCount,
    model,
    floorTime,
    parseTime,
    profiledRuns,
    profile,
    phases,
    nested,
    functions: [...functions].sort((a, b) => b[1] - a[1]),
    lines: [...lines].sort((a, b) => b[1] - a[1]),
  };
}

/**
 * Calls per regular expression in one parse, by wrapping the RegExp methods every string and
 * regex operation goes through (nested calls, such as `split` running `exec`, count once).
 * Wrapping them sends V8 down its slow regex paths for the rest of the process (restoring the
 * methods does not bring the fast paths back), so this runs last, after every timing.
 */
function countRegexCalls(text) {
  const stats = new Map();
  const methods = ['exec', 'test', Symbol.match, Symbol.matchAll, Symbol.replace, Symbol.search, Symbol.split];
  const originals = methods.map((method) => RegExp.prototype[method]);
  let depth = 0;
  methods.forEach((method, index) => {
    const original = originals[index];
    RegExp.prototype[method] = function counted(...callArgs) {
      if (depth > 0) return original.apply(this, callArgs);
      depth++;
      try {
        let stat = stats.get(this.source);
        if (!stat) {
          // Reading the caller runs regexes of its own; depth > 0 keeps them out of the count.
          stat = { calls: 0, caller: callerOf(new Error().stack) };
          stats.set(this.source, stat);
        }
        stat.calls++;
        return original.apply(this, callArgs);
      } finally {
        depth--;
      }
    };
  });
  try {
    parsePostmortem(text);
  } finally {
    methods.forEach((method, index) => {
      RegExp.prototype[method] = originals[index];
    });
  }
  return [...stats].sort((a, b) => b[1].calls - a[1].calls);
}

/** The first frame of `stack` in the bundle, as `function file.ts:line`. */
function callerOf(stack) {
  for (const frame of stack.split('\n').slice(1)) {
    const match = /at (?:(\S+) \()?(file:\/\/[^)]+):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (!match || match[2] !== bundleUrl) continue;
    return frameKey({ functionName: match[1] ?? '', url: bundleUrl, lineNumber: Number(match[3]) - 1, columnNumber: Number(match[4]) - 1 });
  }
  return '?';
}

// --- report ---------------------------------------------------------------------------------------
const output = [];
const out = (line = '') => output.push(line);
const fmtMs = (ms) => ms.toFixed(2).padStart(9);
const pct = (ms, total) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
const shorten = (text, length) => (text.length > length ? `${text.slice(0, length - 3)}...` : text);

const main = await profileDocument(entries);
const total = main.parseTime.median;
out(
  `parsePostmortem, ${entries.toLocaleString('en-US')} entries ${format} (${(main.text.length / 1024).toFixed(0)} KB, ` +
    `${main.lineCount.toLocaleString('en-US')} lines; read ${main.model.timeline.entries.length} entries, ${main.model.allSections.length} sections)`,
);
out(
  `  parse ${total.toFixed(2)} ms (median of ${main.parseTime.runs}); floor ${main.floorTime.median.toFixed(3)} ms ` +
    `(split + one timestamp regex per line); parse / floor = ${(total / main.floorTime.median).toFixed(1)}x`,
);
out(`  CPU profile of ${main.profiledRuns} parses, sampled every ${intervalMicros} us; times are per parse`);
out();
out('Phases: what parse() calls, inclusive (indented: their biggest callees)');
for (const [key, ms] of main.phases) {
  if (ms / total < 0.003) continue;
  out(`${fmtMs(ms)} ms ${pct(ms, total)}  ${key}`);
  if (ms / total < 0.05) continue;
  for (const [nestedKey, nestedMs] of [...(main.nested.get(key) ?? [])].slice(0, 6)) {
    if (nestedMs / total >= 0.01) out(`${fmtMs(nestedMs)} ms ${pct(nestedMs, total)}      ${nestedKey}`);
  }
}
out();
out(`Functions by self time (top ${top})`);
for (const [key, ms] of main.functions.slice(0, top)) out(`${fmtMs(ms)} ms ${pct(ms, total)}  ${key}`);
out();
out(`Hottest source lines, self time (top ${top}; short regex runs count on the line that starts them)`);
for (const [key, ms] of main.lines.slice(0, top)) out(`${fmtMs(ms)} ms ${pct(ms, total)}  ${key}`);

if (compareEntries !== undefined) {
  const other = await profileDocument(compareEntries);
  const sizeRatio = other.text.length / main.text.length;
  const timeRatio = other.parseTime.median / total;
  out();
  out(
    `Growth from ${entries.toLocaleString('en-US')} to ${compareEntries.toLocaleString('en-US')} entries: size x${sizeRatio.toFixed(1)}, ` +
      `parse ${total.toFixed(1)} -> ${other.parseTime.median.toFixed(1)} ms (x${timeRatio.toFixed(1)}), ` +
      `floor x${(other.floorTime.median / main.floorTime.median).toFixed(1)}`,
  );
  out(`  phase                                          ms @${String(entries).padEnd(7)} ms @${String(compareEntries).padEnd(7)} growth  vs size`);
  const keys = new Set([...main.phases.keys(), ...other.phases.keys()]);
  const rows = [...keys].map((key) => [key, main.phases.get(key) ?? 0, other.phases.get(key) ?? 0]).sort((a, b) => b[2] - a[2]);
  for (const [key, before, after] of rows) {
    if (after / other.parseTime.median < 0.005 && before / total < 0.005) continue;
    const growth = before > 0 ? after / before : Infinity;
    const verdict = growth > sizeRatio * 1.5 ? '  <- superlinear' : '';
    out(`  ${shorten(key, 44).padEnd(44)} ${fmtMs(before)} ${fmtMs(after)}    x${growth.toFixed(1).padEnd(6)} ${(growth / sizeRatio).toFixed(2)}${verdict}`);
  }
}

out();
out(`Regular expressions by calls per parse (top ${top})`);
out('     calls  per line  pattern  <- first caller');
for (const [pattern, stat] of countRegexCalls(main.text).slice(0, top)) {
  out(`${String(stat.calls).padStart(10)} ${(stat.calls / main.lineCount).toFixed(2).padStart(9)}  /${shorten(pattern, 70)}/  <- ${stat.caller}`);
}

console.log(output.join('\n'));
if (writeTo) {
  writeFileSync(writeTo, JSON.stringify(main.profile));
  console.log(`\nCPU profile of the ${entries}-entry runs written to ${writeTo} (Chrome DevTools > Performance > Load profile, or speedscope).`);
}
if (sink < 0) console.log(sink);
