// The packaged extension holds the bundles and the declarative contributions only: no tests,
// sources, source maps, fixtures or dependencies. Run after `npm run package` (`npm run test:package`).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const vsix = fileURLToPath(new URL('../../postmortem.vsix', import.meta.url));

const forbidden = [
  { what: 'a source map', test: (f) => f.endsWith('.map') },
  { what: 'a test', test: (f) => /(^|\/)(test|tests|__tests__)\//.test(f) || /\.test\.[cm]?[jt]s$/.test(f) },
  { what: 'a fixture or corpus file', test: (f) => /(^|\/)(fixtures?|corpus|seeds)\//.test(f) },
  { what: 'TypeScript source', test: (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') },
  { what: 'a dependency folder', test: (f) => f.startsWith('node_modules/') },
  { what: 'compiler output', test: (f) => f.startsWith('out/') },
  { what: 'a benchmark', test: (f) => f.startsWith('bench/') },
  { what: 'an environment or credentials file', test: (f) => /(^|\/)\.env|\.pem$|\.key$|\.npmrc$/.test(f) },
];

suite('postmortem.vsix contents', () => {
  let files = [];
  suiteSetup(() => {
    assert.ok(existsSync(vsix), 'postmortem.vsix exists (npm run package)');
    files = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' })
      .split('\n')
      .filter((name) => name.startsWith('extension/') && !name.endsWith('/'))
      .map((name) => name.slice('extension/'.length));
    console.log(`    ${files.length} files: ${files.join(', ')}`);
  });

  test('holds the manifest and the bundles', () => {
    for (const required of ['package.json', 'dist/client.js', 'dist/server.js']) assert.ok(files.includes(required), `${required} is packaged`);
  });

  test('holds no tests, sources, source maps, fixtures, dependencies or credentials', () => {
    const problems = files.flatMap((file) => forbidden.filter((rule) => rule.test(file)).map((rule) => `${file}: ${rule.what}`));
    assert.deepEqual(problems, []);
  });

  test('the bundles carry no source map reference', () => {
    for (const bundle of files.filter((f) => f.endsWith('.js'))) {
      const text = execFileSync('unzip', ['-p', vsix, `extension/${bundle}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.doesNotMatch(text, /sourceMappingURL=/, `${bundle} points at a source map`);
    }
  });
});
