// Bundles the extension client, the language server and the CLI into dist/, and the browser
// client and server (vscode.dev, github.dev) into dist/browser/.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--dev` adds source maps.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { chmod, readFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');
const { version, repository } = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
// The repository's web address (the CLI's SARIF links to the diagnostics doc there): `repository.url` without `git+` and `.git`.
const repositoryUrl = String((typeof repository === 'string' ? repository : repository?.url) ?? '')
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: dev ? 'linked' : false,
  minify: !dev,
  // Not `keepNames`: it renames every function at creation through Object.defineProperty, and
  // the analysis creates closures in its inner loops; it cost the server a quarter of its time.
  keepNames: false,
  logLevel: 'warning',
  define: { POSTMORTEM_VERSION: JSON.stringify(version), POSTMORTEM_REPOSITORY: JSON.stringify(repositoryUrl) },
};

const shebang = { js: '#!/usr/bin/env node' };

/**
 * Fails a browser build that would take in a Node module: a built-in (`fs`, `node:path`...) or a
 * package's Node entry (`vscode-languageserver/node`, `vscode-jsonrpc/node`...). Browsers have
 * neither; esbuild's `platform: 'browser'` alone would only leave the built-ins unresolved.
 */
const noNodeModules = {
  name: 'no-node-modules',
  setup(build) {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    build.onResolve({ filter: /.*/ }, ({ path, importer }) => {
      const root = path.startsWith('node:') ? path : path.split('/')[0];
      if (builtins.has(path) || builtins.has(root) || /^vscode-[\w-]+\/node$/.test(path) || /[\\/]lib[\\/]node[\\/]/.test(importer)) {
        return { errors: [{ text: `a Node module reaches the browser bundle: ${path} (imported by ${importer})` }] };
      }
      return undefined;
    });
  },
};

/** The browser bundles: the same sources as the Node ones, from their browser entry points. */
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  plugins: [noNodeModules],
  metafile: true,
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', banner: shebang },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: shebang },
  { ...browser, entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/client.js', external: ['vscode'] },
  // A classic worker script: an IIFE, since a worker has no CommonJS `require` or `exports`.
  { ...browser, entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', format: 'iife' },
  // The timeline panel's page script (client/src/timelinePanel.ts loads it into the webview).
  { ...browser, entryPoints: ['client/src/webview/timelineView.ts'], outfile: 'dist/webview/timelineView.js', format: 'iife', metafile: false },
];

/**
 * Prints the browser bundles' sizes: vscode.dev and github.dev download them (compressed, as
 * served) before the first answer. `test/package/webBundles.test.mjs` holds them to their limits.
 */
function printBrowserSizes(results) {
  let raw = 0;
  let compressed = 0;
  for (const { metafile } of results) {
    for (const file of Object.keys(metafile?.outputs ?? {})) {
      const bytes = readFileSync(file);
      const zipped = gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      compressed += zipped;
      console.log(`${file.padEnd(24)} ${kb(bytes.length)} minified, ${kb(zipped)} gzipped`);
    }
  }
  console.log(`${'browser bundles'.padEnd(24)} ${kb(raw)} minified, ${kb(compressed)} gzipped (limits: 900 KB, 500 KB gzipped; see test/package/webBundles.test.mjs)`);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1).padStart(6)} KB`;
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  printBrowserSizes(results);
  // Maps left by an earlier --dev build would no longer match the bundles.
  if (!dev) await Promise.all(builds.map((options) => rm(`${options.outfile}.map`, { force: true })));
  // The binaries run directly from a checkout (`./dist/cli.js check ...`), not only through npm's bin links.
  await Promise.all(['dist/server.js', 'dist/cli.js'].map((file) => chmod(file, 0o755)));
}
