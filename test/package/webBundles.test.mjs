// The browser build as packaged: the `browser` entry and its worker are in the .vsix, small enough
// for vscode.dev and github.dev to download before the first answer (the size of the whole .vsix
// is checked in vsix.test.mjs). Run after `npm run package` (`npm run test:package`). The build prints the same figures.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const vsix = fileURLToPath(new URL('../../postmortem.vsix', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const browserBundles = ['dist/browser/client.js', 'dist/browser/server.js'];
const KB = 1024;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The floor: the smallest browser client and worker the protocol libraries allow, bundled with the
 * build's browser options. A client that only starts a LanguageClient on a worker, and a worker that
 * only listens with TextDocuments: no feature of ours. What the real bundles weigh above this is ours.
 */
const floorEntries = {
  client: `import { LanguageClient } from 'vscode-languageclient/browser';
export function activate() {
  new LanguageClient('floor', 'floor', { documentSelector: [{ language: 'postmortem' }] }, new Worker('server.js')).start();
}`,
  server: `import { BrowserMessageReader, BrowserMessageWriter, createConnection, TextDocuments } from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
new TextDocuments(TextDocument).listen(connection);
connection.listen();`,
};

async function floorBytes() {
  let bytes = 0;
  for (const [name, contents] of Object.entries(floorEntries)) {
    const result = await esbuild.build({
      stdin: { contents, resolveDir: repoRoot, loader: 'ts', sourcefile: `floor-${name}.ts` },
      bundle: true,
      platform: 'browser',
      format: name === 'server' ? 'iife' : 'cjs',
      target: 'es2022',
      minify: true,
      write: false,
      external: ['vscode'],
      logLevel: 'silent',
    });
    bytes += result.outputFiles[0].contents.length;
  }
  return bytes;
}

/**
 * Limits. Compressed is what a browser downloads (the marketplace serves the files gzipped).
 * Minified, the two protocol libraries alone take about 575 KB (vscode-languageclient with its
 * protocol copy in the client, vscode-languageserver with its own in the worker: the floor, measured
 * below), so the minified limit is a ceiling above today's size that catches growth, and our own
 * share is held apart: what the bundles weigh above the floor. The ceiling was 850 KB until the
 * timeline picture, the incident library and the five language tables came in (854 KB with them).
 */
const limits = { compressed: 500 * KB, minified: 900 * KB, aboveFloor: 325 * KB };

function packaged(file) {
  return execFileSync('unzip', ['-p', vsix, `extension/${file}`], { maxBuffer: 64 * 1024 * 1024 });
}

suite('the browser build in postmortem.vsix', () => {
  suiteSetup(() => assert.ok(existsSync(vsix), 'postmortem.vsix exists (npm run package)'));

  test('package.json points `browser` at the packaged browser client; the worker is packaged beside it', () => {
    assert.equal(manifest.browser, './dist/browser/client.js');
    for (const bundle of browserBundles) assert.ok(packaged(bundle).length > 0, `${bundle} is packaged`);
  });

  test(`the browser bundles together: under ${limits.compressed / KB} KB gzipped, under ${limits.minified / KB} KB minified`, () => {
    let minified = 0;
    let compressed = 0;
    for (const bundle of browserBundles) {
      const bytes = packaged(bundle);
      const zipped = gzipSync(bytes, { level: 9 }).length;
      console.log(`      ${bundle}: ${(bytes.length / KB).toFixed(1)} KB minified, ${(zipped / KB).toFixed(1)} KB gzipped`);
      minified += bytes.length;
      compressed += zipped;
    }
    console.log(`      together: ${(minified / KB).toFixed(1)} KB minified, ${(compressed / KB).toFixed(1)} KB gzipped`);
    assert.ok(compressed < limits.compressed, `${compressed} bytes gzipped`);
    assert.ok(minified < limits.minified, `${minified} bytes minified`);
  });

  test(`above the floor of the protocol libraries, our own code adds under ${limits.aboveFloor / KB} KB minified`, async () => {
    const floor = await floorBytes();
    const ours = browserBundles.reduce((sum, bundle) => sum + packaged(bundle).length, 0);
    console.log(`      floor (libraries only): ${(floor / KB).toFixed(1)} KB minified; ours above it: ${((ours - floor) / KB).toFixed(1)} KB`);
    // The reason the minified limit is not 500 KB: the libraries alone pass it. Should they shrink
    // below it, this fails, and the minified limit above should come down to 500 KB.
    assert.ok(floor > 500 * KB, `the libraries alone take ${floor} bytes minified`);
    assert.ok(ours - floor < limits.aboveFloor, `${ours - floor} bytes above the floor`);
  });

  test('the bundles are minified: a few long lines each', () => {
    for (const bundle of browserBundles) {
      const lines = packaged(bundle).toString('utf8').split('\n').length;
      assert.ok(lines < 50, `${bundle} has ${lines} lines`);
    }
  });
});
