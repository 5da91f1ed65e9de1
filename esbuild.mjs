// Bundles the extension client, the language server and the CLI into dist/.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--dev` adds source maps.
import * as esbuild from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';

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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', banner: shebang },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: shebang },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // Maps left by an earlier --dev build would no longer match the bundles.
  if (!dev) await Promise.all(builds.map((options) => rm(`${options.outfile}.map`, { force: true })));
  // The binaries run directly from a checkout (`./dist/cli.js check ...`), not only through npm's bin links.
  await Promise.all(['dist/server.js', 'dist/cli.js'].map((file) => chmod(file, 0o755)));
}
