// The packaged extension holds the bundles, the declarative contributions and what the
// Marketplace and Open VSX show (icon, README, CHANGELOG, licence), nothing else: no tests,
// sources, source maps, fixtures or dependencies. vsce and ovsx package it without a warning.
// Run after `npm run package` (`npm run test:package`).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const vsix = join(root, 'postmortem.vsix');
const vsce = join(root, 'node_modules', '.bin', 'vsce');
/**
 * The .vsix is about 690 KB: five bundles of 100 to 140 KB each once compressed (the desktop client
 * and server, the CLI, the browser client and its worker; the analysis core, with the timeline
 * picture, the incident library and the language tables, is in three of them) and the README.
 * It was held under 640 KB until those three features came in. A bundle that doubles or a stray
 * folder shows up here.
 */
const MAX_VSIX_BYTES = 768 * 1024;
/** The Marketplace's limit on keywords (tags). */
const MAX_KEYWORDS = 30;
/** The placeholder only the publisher can replace (docs/PUBLISHING.md). */
const PLACEHOLDER = 'TODO(publisher)';

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

  test('vsce ls lists the icon, the CHANGELOG and the schema, and the .vsix holds them', () => {
    const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    console.log(`    vsce ls: ${listed.join(', ')}`);
    for (const file of ['images/icon.png', 'CHANGELOG.md', 'schemas/postmortem.schema.json', 'README.md', 'LICENSE']) {
      assert.ok(listed.includes(file), `vsce ls lists ${file}`);
    }
    // vsce renames the Marketplace's documents inside the package.
    for (const file of ['images/icon.png', 'changelog.md', 'schemas/postmortem.schema.json', 'readme.md', 'LICENSE.txt']) {
      assert.ok(files.includes(file), `the .vsix holds ${file}`);
    }
    const manifest = execFileSync('unzip', ['-p', vsix, 'extension.vsixmanifest'], { encoding: 'utf8' });
    assert.match(manifest, /<Icon>extension\/images\/icon\.png<\/Icon>/);
  });

  test(`the .vsix is at most ${MAX_VSIX_BYTES} bytes`, () => {
    const bytes = statSync(vsix).size;
    console.log(`    postmortem.vsix: ${bytes} bytes`);
    assert.ok(bytes <= MAX_VSIX_BYTES, `${bytes} bytes`);
  });

  test('the manifest carries the Marketplace fields, and the icon is a 128x128 PNG', () => {
    const manifest = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }));
    assert.equal(manifest.icon, 'images/icon.png');
    const png = execFileSync('unzip', ['-p', vsix, 'extension/images/icon.png']);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'width and height from the IHDR chunk');
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme));
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length > 0 && manifest.keywords.length <= MAX_KEYWORDS, `${manifest.keywords?.length} keywords`);
    assert.ok(manifest.description.length >= 40, 'a description that says what it does');
    assert.equal(manifest.engines.vscode, '^1.91.0');
    for (const contribution of manifest.contributes.jsonValidation) {
      assert.ok(files.includes(contribution.url.replace(/^\.\//, '')), `${contribution.url} is packaged`);
    }
  });

  test(`"${PLACEHOLDER}" is only in the repository, bugs and homepage URLs, which share one base`, () => {
    const text = readFileSync(join(root, 'package.json'), 'utf8');
    const manifest = JSON.parse(text);
    const base = manifest.repository.url.replace(/\.git$/, '');
    assert.equal(manifest.bugs.url, `${base}/issues`);
    assert.equal(manifest.homepage, `${base}#readme`);
    const marked = [manifest.repository.url, manifest.bugs.url, manifest.homepage].filter((url) => url.includes(PLACEHOLDER)).length;
    assert.equal(text.split(PLACEHOLDER).length - 1, marked, `no ${PLACEHOLDER} elsewhere in package.json`);
  });

  test("the packaged README's relative links and images point into the repository", () => {
    const readme = execFileSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8' });
    const base = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');
    const targets = [...readme.matchAll(/\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g)].map((m) => m[1]);
    assert.ok(targets.length > 0);
    const relative = targets.filter((target) => !/^(https:|#)/.test(target));
    assert.deepEqual(relative, [], 'every link is absolute or an anchor');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0);
    for (const image of images) assert.ok(image.startsWith(`${base}/raw/HEAD/`) && image.endsWith('.png'), image);
  });

  suite('publishing checks (offline)', function () {
    this.timeout(180_000);

    test('vsce package prints no warning', () => {
      const scratch = mkdtempSync(join(tmpdir(), 'postmortem-vsce-'));
      try {
        const run = spawnSync(vsce, ['package', '--no-dependencies', '-o', join(scratch, 'check.vsix')], { cwd: root, encoding: 'utf8' });
        const output = `${run.stdout}${run.stderr}`;
        assert.equal(run.status, 0, output);
        assert.deepEqual(output.split('\n').filter((line) => /WARN/i.test(line)), [], output);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });

    test("ovsx's checks before upload pass with no warning (scripts/check-ovsx.mjs)", () => {
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'check-ovsx.mjs')], { cwd: root, encoding: 'utf8' });
      const output = `${run.stdout}${run.stderr}`;
      assert.equal(run.status, 0, output);
      assert.match(output, /ovsx checks: no warnings/);
    });
  });
});
