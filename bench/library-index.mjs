#!/usr/bin/env node
// The server's part of the incident-library row of `npm run bench` (bench/bench.mjs passes
// `measureServerIndexing` to `measureLibrary` in bench/library.mjs, which generates the folder and
// measures the floor): the language server indexing the folder from `initialize` to the index
// being complete, reading it through the client requests as VS Code answers them
// (postmortem/readDirectory, postmortem/readFiles); then one file changed on disk at a time until
// the index has it; and the server's peak memory. Alone, with its own floor:
//
//   node bench/library-index.mjs [--count 10000] [--changes 40] [--seed 1]
import { promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLibrary } from './library.mjs';
import { LspClient } from './lsp-client.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');

function listFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.name.endsWith('.md') || entry.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

/** The floor: list, read every file, one regular expression over every line. */
function floor(folder) {
  const started = performance.now();
  let matches = 0;
  for (const file of listFiles(folder)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) if (/^\s*(?:#|\||-)|\d\d:\d\d/.test(line)) matches++;
  }
  return { ms: performance.now() - started, matches };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** The client side of the file requests, as VS Code's client answers them (client/src/library/workspaceFiles.ts). */
async function answer(method, params) {
  if (method === 'postmortem/readDirectory') {
    const dir = fileURLToPath(params.uri);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return { entries: entries.map((entry) => ({ name: entry.name, uri: pathToFileURL(join(dir, entry.name)).href, kind: entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other' })) };
  }
  const files = await Promise.all(
    params.uris.map(async (uri) => {
      const bytes = await fs.readFile(fileURLToPath(uri));
      return bytes.length > params.maxBytes ? { uri, tooLarge: true } : { uri, text: utf8.decode(bytes) };
    }),
  );
  return { files };
}

/**
 * Starts dist/server.js over stdio with `folder` as the workspace folder and measures it:
 * `{ median, peakRss }` as bench/library.mjs expects (ms from `initialize` to the index complete,
 * bytes), plus the index size and the p50/p90 of `changes` one-file changes.
 */
export async function measureServerIndexing(folder, { changes = 40 } = {}) {
  const client = new LspClient(join(repoRoot, 'dist/server.js'), { settings: { review: { today: '2025-06-01' } } });
  client.answerRequest = (method, params) => (method.startsWith('postmortem/read') ? answer(method, params) : undefined);
  const changed = [];
  client.notificationListeners.push((method, params, receivedAt) => {
    if (method === 'postmortem/libraryChanged') changed.push({ ...params, receivedAt });
  });
  const started = performance.now();
  const complete = client.waitForNotification('postmortem/libraryChanged', (params) => params.complete && params.uris === undefined, 600_000);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: { workspaceFiles: 'client' },
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'library' }],
  });
  client.notify('initialized', {});
  const { receivedAt } = await complete;
  const indexMs = receivedAt - started;
  const { result } = await client.request('postmortem/incidents', {});
  const indexed = result.incidents.length;

  // One file changed on disk at a time: from the watcher's event to the index having it.
  const files = listFiles(folder);
  const samples = [];
  for (let n = 0; n < changes; n++) {
    const file = files[(n * 7919) % files.length];
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/Severity: SEV\d/, `Severity: SEV${1 + (n % 4)}`));
    const sentAt = performance.now();
    const seen = client.waitForNotification('postmortem/libraryChanged', (params) => params.uris?.includes(uri), 30_000);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    samples.push((await seen).receivedAt - sentAt);
    writeFileSync(file, text);
  }
  const memory = client.memory();
  await client.stop();
  samples.sort((a, b) => a - b);
  return { median: indexMs, peakRss: memory.peak, indexed, changeP50: samples[Math.floor(samples.length / 2)], changeP90: samples[Math.floor(samples.length * 0.9)] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
  };
  const count = Number(option('count', '10000'));
  const folder = join(tmpdir(), `postmortem-bench-library-${count}`);
  generateLibrary(folder, count, Number(option('seed', '1')));
  const base = floor(folder);
  const run = await measureServerIndexing(folder, { changes: Number(option('changes', '40')) });
  const ratio = run.median / base.ms;
  const peakMb = run.peakRss === undefined ? undefined : run.peakRss / 2 ** 20;
  console.log(
    [
      `Incident library: ${count} files, ${run.indexed} postmortems indexed`,
      `  floor (read every file + one regex per line): ${base.ms.toFixed(0)} ms`,
      `  server: initialize -> index complete, reads through the client: ${run.median.toFixed(0)} ms (${ratio.toFixed(1)}x the floor) ${ratio <= 5 ? 'met' : 'NOT MET'} (<= 5x)`,
      `  one file changed on disk -> index updated: p50 ${run.changeP50.toFixed(1)} ms, p90 ${run.changeP90.toFixed(1)} ms ${run.changeP50 < 50 ? 'met' : 'NOT MET'} (p50 < 50 ms)`,
      `  server peak RSS: ${peakMb === undefined ? 'unknown' : `${peakMb.toFixed(0)} MB`} ${peakMb !== undefined && peakMb < 300 ? 'met' : 'NOT MET'} (< 300 MB)`,
    ].join('\n'),
  );
}
