// The browser build as packaged: the `browser` entry and its worker are in the .vsix, small enough
// for vscode.dev and github.dev to download before the first answer (the size of the whole .vsix
// is checked in vsix.test.mjs). Run after `npm run package` (`npm run test:package`). The build prints the same figures.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const vsix = fileURLToPath(new URL('../../postmortem.vsix', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const browserBundles = ['dist/browser/client.js', 'dist/browser/server.js'];
const KB = 1024;

/**
 * Limits. Compressed is what a browser downloads (the marketplace serves the files gzipped).
 * Minified, the two Microsoft protocol libraries alone take about 570 KB (vscode-languageclient
 * with its protocol copy in the client, vscode-languageserver with its own in the worker), so the
 * minified limit is a ceiling a little above today's size (776 KB with the review checks, 796 KB
 * with the timeline picture) that catches growth.
 */
const limits = { compressed: 500 * KB, minified: 850 * KB };

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

  test('the bundles are minified: a few long lines each', () => {
    for (const bundle of browserBundles) {
      const lines = packaged(bundle).toString('utf8').split('\n').length;
      assert.ok(lines < 50, `${bundle} has ${lines} lines`);
    }
  });
});
