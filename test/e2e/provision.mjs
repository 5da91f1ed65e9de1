#!/usr/bin/env node
// Installs code-server (the VS Code build the real-editor tests run in) into a cache folder beside
// the project, the way @vscode/test-electron caches VS Code, and checks the system packages the
// tests need. Idempotent: a finished install is detected and reused.
//
// Run directly (`node test/e2e/provision.mjs`) or import { ensureCodeServer, requireChromium }.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

/** code-server pins @vscode/ripgrep 1.15.11, whose postinstall downloads rg unless this cache holds it. */
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
/** The npm registry ships the same rg binary inside this package, so no download is needed. */
const RIPGREP_NPM_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the cached install lives and how to start it. */
export function codeServerPaths(root = projectRoot) {
	const installDir = path.join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
	return {
		installDir,
		entry: path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
		marker: path.join(installDir, '.installed'),
	};
}

export class ProvisionError extends Error {}

function commandExists(name) {
	return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Path of the Chromium the tests drive; throws naming the package when it is absent. */
export function requireChromium() {
	const chromium = process.env.POSTMORTEM_CHROMIUM || '/usr/bin/chromium';
	if (!fs.existsSync(chromium)) {
		throw new ProvisionError(
			`Chromium not found at ${chromium}. Install it: apt-get install -y --no-install-recommends chromium ` +
				'(or set POSTMORTEM_CHROMIUM to a Chromium executable).',
		);
	}
	return chromium;
}

/** The native modules inside code-server (kerberos, node-pty, ...) are compiled on install. */
function requireNativeBuildTools() {
	const missing = [];
	for (const tool of ['make', 'g++', 'python3']) {
		if (!commandExists(tool)) missing.push(tool);
	}
	if (missing.length > 0) {
		throw new ProvisionError(
			`Build tools missing (${missing.join(', ')}), needed to compile code-server's native modules. ` +
				'Install them: apt-get install -y build-essential python3',
		);
	}
	if (!fs.existsSync('/usr/include/gssapi/gssapi.h') || !commandExists('krb5-config')) {
		throw new ProvisionError(
			"Kerberos headers missing: code-server's `kerberos` module cannot build. Install them: apt-get install -y libkrb5-dev",
		);
	}
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new ProvisionError(
			`The offline code-server install is prepared for linux-x64 only (this is ${process.platform}-${process.arch}).`,
		);
	}
}

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
		throw new ProvisionError(`\`${command} ${args.join(' ')}\` failed (exit ${result.status}):\n${output}`);
	}
	return result.stdout;
}

/** Puts the rg archive where @vscode/ripgrep's postinstall looks before it tries the network. */
function seedRipgrepCache(tmpDir) {
	const cacheDir = path.join(tmpDir, RIPGREP_CACHE_DIR);
	const archive = path.join(cacheDir, RIPGREP_ARCHIVE);
	if (fs.existsSync(archive)) return;
	const unpackDir = path.join(tmpDir, 'ripgrep-package');
	fs.rmSync(unpackDir, { recursive: true, force: true });
	fs.mkdirSync(unpackDir, { recursive: true });
	fs.mkdirSync(cacheDir, { recursive: true });
	const tarball = run('npm', ['pack', '--silent', RIPGREP_NPM_PACKAGE], { cwd: unpackDir }).trim().split('\n').pop();
	run('tar', ['xzf', tarball], { cwd: unpackDir });
	const binDir = path.join(unpackDir, 'package', 'bin');
	if (!fs.existsSync(path.join(binDir, 'rg'))) {
		throw new ProvisionError(`${RIPGREP_NPM_PACKAGE} did not contain bin/rg`);
	}
	run('tar', ['czf', archive, '-C', binDir, 'rg']);
}

/**
 * Ensures code-server is installed in the cache folder and returns its paths.
 * Installs into a staging folder and renames it on success, so an interrupted install is never
 * mistaken for a finished one.
 */
export function ensureCodeServer({ log = (line) => console.log(line) } = {}) {
	const paths = codeServerPaths();
	if (fs.existsSync(paths.marker) && fs.existsSync(paths.entry)) return paths;

	requireNativeBuildTools();
	const staging = `${paths.installDir}.partial`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.rmSync(paths.installDir, { recursive: true, force: true });
	const tmpDir = path.join(staging, 'tmp');
	fs.mkdirSync(tmpDir, { recursive: true });
	fs.writeFileSync(
		path.join(staging, 'package.json'),
		JSON.stringify({ name: 'code-server-cache', private: true }, null, 2),
	);

	log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(projectRoot, paths.installDir)} (first run only, about 2 minutes)...`);
	const started = Date.now();
	seedRipgrepCache(tmpDir);
	run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
		cwd: staging,
		env: {
			...process.env,
			TMPDIR: tmpDir,
			// node-pty's postinstall runs `npx node-gyp`; the machine's npm config answers "no" to npx prompts.
			npm_config_yes: 'true',
			// code-server's postinstall refuses to run as root without it.
			npm_config_unsafe_perm: 'true',
		},
	});
	if (!fs.existsSync(path.join(staging, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) {
		throw new ProvisionError('code-server installed without out/node/entry.js; the install is incomplete.');
	}
	fs.rmSync(tmpDir, { recursive: true, force: true });
	fs.writeFileSync(path.join(staging, '.installed'), `${new Date().toISOString()}\n`);
	fs.renameSync(staging, paths.installDir);
	log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
	return paths;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		requireChromium();
		const paths = ensureCodeServer();
		console.log(`code-server ${CODE_SERVER_VERSION} ready: ${paths.entry}`);
	} catch (error) {
		console.error(error instanceof ProvisionError ? `provision: ${error.message}` : error);
		process.exit(1);
	}
}
