#!/usr/bin/env node
// The incident-library row of `npm run bench`: `postmortem stats` over a folder of generated
// postmortems, against the floor of reading every file and running one regex per line, both in
// a child process of their own, with their peak memory (RSS). `bench/bench.mjs` calls
// `measureLibrary`; alone:
//
//   node bench/library.mjs [--files 10000] [--seed 1] [--jobs 0,2]
//
// The server's indexing of the same folder belongs in the same row: `measureLibrary` takes a
// `measureServerIndexing(folder)` function returning `{ median, peakRss }` (ms, bytes), whose
// figures are put against the same floor; without one that part is reported as not measured.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const cli = join(repoRoot, 'dist', 'cli.js');

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const services = ['checkout-api', 'orders-db', 'auth', 'search', 'payments', 'edge-proxy', 'cdn', 'billing-worker', 'message-queue', 'dns', 'api-gateway', 'notifications', 'reporting', 'inventory'];
const causes = [
  ['connection pool exhausted', 'the pool was sized for normal traffic and every request waited for a database connection'],
  ['certificate expired', 'the renewal job failed silently and the certificate expired'],
  ['bad deploy', 'a configuration change shipped without a canary and broke request routing'],
  ['disk full', 'logs filled the root volume and the service could not write its state'],
  ['queue backlog', 'a malformed message crashed the consumers and the queue grew a backlog'],
  ['memory leak', 'a cache without eviction grew until the process ran out of memory'],
  ['dns failure', 'the resolver cached failed lookups for a day after a name server restart'],
  ['rate limit', 'an upstream provider started rejecting requests above a new rate limit'],
];
const owners = ['@mira', '@tomas', '@ines', '@paul', '@sana', '@lee', '@kim', '@ravi', 'Jo', 'Ana'];
const pad = (n) => String(n).padStart(2, '0');

/** One postmortem: Markdown or plain text, with or without severity, services, timeline and action table. */
export function generateLibraryPostmortem(random, index) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const year = 2020 + Math.floor(random() * 6);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const [cause, because] = pick(causes);
  const affected = [...new Set([pick(services), pick(services)])];
  const markdown = random() < 0.7;
  const severity = random() < 0.85 ? pick(['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV4', 'P1', 'P2']) : undefined;
  const start = 60 * Math.floor(random() * 22) + Math.floor(random() * 60);
  const detect = Math.floor(random() ** 2 * 120);
  const mitigate = detect + 5 + Math.floor(random() ** 2 * 240);
  const resolve = mitigate + Math.floor(random() ** 3 * 600);
  const at = (offset) => {
    const minute = (start + offset) % 1440;
    return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
  };
  const heading = (level, text) => (markdown ? `${'#'.repeat(level)} ${text}` : level === 1 ? text : `${text}:`);
  const label = (name, value) => (markdown ? `**${name}:** ${value}` : `${name}: ${value}`);
  const lines = [heading(1, `${affected[0]} ${cause} (incident ${index})`), ''];
  lines.push(label('Date', date));
  if (severity) lines.push(label('Severity', severity));
  if (random() < 0.8) lines.push(label('Services', affected.join(', ')));
  lines.push('', heading(2, 'Summary'), '', `Requests to ${affected.join(' and ')} failed because of a ${cause}. Users saw errors and slow pages until the service was restored.`, '');
  if (random() < 0.9) {
    lines.push(heading(2, 'Timeline'), '', markdown ? 'All times UTC.' : 'All times in UTC.', '');
    const bullet = markdown ? '- ' : '';
    lines.push(`${bullet}${at(0)} Change rolled out to ${affected[0]}`);
    lines.push(`${bullet}${at(detect)} Error-rate alert fired; on-call paged`);
    for (let i = 0; i < Math.floor(random() * 6); i++) lines.push(`${bullet}${at(detect + 1 + i)} Investigation continued on ${pick(services)}`);
    lines.push(`${bullet}${at(mitigate)} Change rolled back; errors dropped`);
    if (random() < 0.8) lines.push(`${bullet}${at(resolve)} Service fully restored`);
    lines.push('');
  }
  lines.push(heading(2, 'Root Cause'), '', `The ${cause}: ${because}.`, '');
  const actions = Math.floor(random() * 7);
  if (actions > 0) {
    lines.push(heading(2, 'Action Items'), '');
    if (markdown) lines.push('| Action | Owner | Due | Ticket | Status |', '|---|---|---|---|---|');
    for (let i = 0; i < actions; i++) {
      const due = random() < 0.85 ? `${year + (month > 9 ? 1 : 0)}-${pad(((month + 2) % 12) + 1)}-${pad(1 + Math.floor(random() * 28))}` : '';
      const owner = random() < 0.9 ? pick(owners) : '';
      const done = random() < 0.5;
      const ticket = `OPS-${1000 + index * 10 + i}`;
      const text = `Prevent the ${cause} on ${pick(services)} (step ${i + 1})`;
      if (markdown) lines.push(`| ${text} | ${owner} | ${due} | ${ticket} | ${done ? 'Done' : 'Open'} |`);
      else lines.push(`- ${done ? '[x]' : '[ ]'} ${text} (${[owner && `owner: ${owner}`, due && `due ${due}`, ticket].filter(Boolean).join(', ')})`);
    }
    lines.push('');
  }
  return { name: `${date}-incident-${index}.${markdown ? 'md' : 'txt'}`, text: lines.join('\n') };
}

/** Writes `count` postmortems into `folder` (emptied first), in sub-folders by year. */
export function generateLibrary(folder, count, seed = 1) {
  rmSync(folder, { recursive: true, force: true });
  const random = mulberry32(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { name, text } = generateLibraryPostmortem(random, i);
    const year = join(folder, name.slice(0, 4));
    if (!existsSync(year)) mkdirSync(year, { recursive: true });
    writeFileSync(join(year, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}

/** The floor: read every file under `folder` and test one regex per line, in a child process. */
const floorScript = `
const fs = require('node:fs'), path = require('node:path');
const started = performance.now();
let lines = 0, hits = 0;
const walk = (folder) => { for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
  const full = path.join(folder, entry.name);
  if (entry.isDirectory()) walk(full);
  else { for (const line of fs.readFileSync(full, 'utf8').split(/\\r\\n|\\r|\\n/)) { lines++; if (/^#{1,6}\\s|\\d{1,2}:\\d{2}/.test(line)) hits++; } }
} };
walk(process.argv[1]);
process.stdout.write(JSON.stringify({ ms: performance.now() - started, lines, hits }));
`;

/** Runs a Node child and returns its wall time (spawn to exit) and peak RSS; `-e` scripts or files. */
function runNode(nodeArgs, args) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    // The peak RSS of the whole process (worker threads included), read as it exits.
    const child = spawn(process.execPath, ['--require', join(benchDir, 'peak-rss.cjs'), ...nodeArgs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const peak = /peak-rss (\d+)/.exec(stderr);
      if (code !== 0 && code !== 1) reject(new Error(`exit ${code}: ${stderr.slice(0, 500)}`));
      else resolvePromise({ ms, peakRss: peak ? Number(peak[1]) : undefined, stdout });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

/**
 * The library row: generates `files` postmortems, then measures (median of `repeats`, after a
 * warm-up read that fills the page cache) the floor and `postmortem stats` with each `--jobs`
 * setting (0: the main thread; N: N worker threads), plus the server's indexing when a measurer is given.
 */
export async function measureLibrary({ files = 10_000, seed = 1, repeats = 3, jobs = ['0', '2'], measureServerIndexing, log = () => {} } = {}) {
  const folder = join(tmpdir(), 'postmortem-bench-library');
  log(`library: generating ${files} postmortems in ${folder}`);
  const generated = generateLibrary(folder, files, seed);
  const floorRuns = [];
  await runNode(['-e', floorScript], [folder]);
  for (let i = 0; i < repeats; i++) floorRuns.push(await runNode(['-e', floorScript], [folder]));
  const floor = { median: median(floorRuns.map((r) => r.ms)), peakRss: Math.max(...floorRuns.map((r) => r.peakRss ?? 0)) };
  log(`library: floor ${floor.median.toFixed(0)} ms`);
  const stats = {};
  for (const setting of jobs) {
    const runs = [];
    for (let i = 0; i < repeats; i++) {
      const args = [cli, 'stats', folder, '--format', 'json', '--today', '2026-01-01', '--jobs', setting];
      runs.push(await runNode([], args));
    }
    const counted = JSON.parse(runs[0].stdout).total.incidents;
    stats[setting] = { median: median(runs.map((r) => r.ms)), peakRss: Math.max(...runs.map((r) => r.peakRss ?? 0)), incidents: counted };
    log(`library: stats --jobs ${setting}: ${stats[setting].median.toFixed(0)} ms, ${counted} incidents`);
  }
  const serverIndexing = measureServerIndexing ? await measureServerIndexing(folder) : undefined;
  return { files: generated.files, bytes: generated.bytes, floor, stats, ...(serverIndexing ? { serverIndexing } : {}) };
}

/** Lines for the bench report and the targets (5x the floor, peak RSS < 300 MB). */
export function libraryReport(library) {
  const mbOf = (bytes) => (bytes / 2 ** 20).toFixed(0);
  const lines = [`Library, ${library.files.toLocaleString('en')} postmortems (${mbOf(library.bytes)} MB): floor (read + one regex per line) ${library.floor.median.toFixed(0)} ms, ${mbOf(library.floor.peakRss)} MB peak`];
  for (const [setting, figures] of Object.entries(library.stats)) {
    lines.push(`  postmortem stats --jobs ${setting}: ${figures.median.toFixed(0)} ms (${(figures.median / library.floor.median).toFixed(1)}x the floor), ${mbOf(figures.peakRss)} MB peak, ${figures.incidents} incidents`);
  }
  if (library.serverIndexing) lines.push(`  server indexing (initialize -> index complete): ${library.serverIndexing.median.toFixed(0)} ms (${(library.serverIndexing.median / library.floor.median).toFixed(1)}x the floor), ${mbOf(library.serverIndexing.peakRss)} MB peak`);
  else lines.push('  server indexing: not measured');
  const best = Object.values(library.stats).reduce((a, b) => (b.median < a.median ? b : a));
  const targets = [
    { description: `Library: postmortem stats <= 5x the floor (${library.files} files)`, measured: best.median / library.floor.median, limit: 5, unit: 'x' },
    { description: `Library: postmortem stats peak RSS < 300 MB (${library.files} files)`, measured: Math.max(...Object.values(library.stats).map((s) => s.peakRss)) / 2 ** 20, limit: 300, unit: 'MB' },
    {
      description: `Library: server indexing <= 5x the floor (${library.files} files)`,
      measured: library.serverIndexing ? library.serverIndexing.median / library.floor.median : undefined,
      limit: 5,
      unit: 'x',
    },
  ];
  return { lines, targets };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
  const library = await measureLibrary({
    files: Number(option('files', '10000')),
    seed: Number(option('seed', '1')),
    jobs: option('jobs', '0,2').split(','),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  const { lines, targets } = libraryReport(library);
  console.log(lines.join('\n'));
  for (const t of targets) console.log(`  ${t.measured === undefined ? 'n/a    ' : t.measured <= t.limit ? 'met    ' : 'NOT MET'}  ${t.description}${t.measured === undefined ? '' : ` [${t.measured.toFixed(1)} ${t.unit}, limit ${t.limit}]`}`);
}
