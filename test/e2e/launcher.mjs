#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron would download: it accepts the
// same command line, runs the extension tests inside code-server's workbench in headless Chromium,
// relays the extension host's output and exits with the suite's exit code.
//
//   launcher.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//                [--user-data-dir=DIR] [--extensions-dir=DIR] [FOLDER | FILE.code-workspace]
//
// Other VS Code flags (--no-sandbox, --disable-gpu-sandbox, --skip-welcome, ...) are accepted and
// ignored. Environment: POSTMORTEM_CHROMIUM (browser), POSTMORTEM_E2E_TIMEOUT_MS (whole run,
// default 600000: the suite takes about 4 minutes on a busy 2-core machine),
// POSTMORTEM_E2E_VERBOSE=1 (relay code-server's own log as it happens).

import { ProvisionError, ensureCodeServer, requireChromium } from './provision.mjs';
import { exitGuard, relaySuite, spawnCodeServer, launchChromium } from './codeServer.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Workbench chatter that says nothing about the tests; shown with POSTMORTEM_E2E_VERBOSE=1. */
const WORKBENCH_NOISE = [
	/^Resolv(ing|ed) connection token/,
	/^Creating a socket/,
	/^Updating additional builtin extensions cache/,
	/^\[Service Worker\]/,
	/^ChatSessionStore:/,
	/ENOTFOUND open-vsx\.org/, // no marketplace offline
];

const VALUE_FLAGS = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'];

/** Parses test-electron's command line: `--name=value` or `--name value` for the flags we use. */
function parseLauncherArgs(argv) {
	const options = { extensionDevelopmentPath: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, target: undefined };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (!arg.startsWith('--')) {
			options.target = path.resolve(arg);
			continue;
		}
		const [flag, inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
		if (!VALUE_FLAGS.includes(flag)) continue;
		const value = inlineValue ?? argv[++index];
		if (value === undefined) throw new Error(`--${flag} needs a value`);
		if (flag === 'extensionDevelopmentPath') options.extensionDevelopmentPath.push(path.resolve(value));
		if (flag === 'extensionTestsPath') options.extensionTestsPath = path.resolve(value);
		if (flag === 'user-data-dir') options.userDataDir = path.resolve(value);
		if (flag === 'extensions-dir') options.extensionsDir = path.resolve(value);
	}
	if (options.extensionDevelopmentPath.length === 0 || !options.extensionTestsPath) {
		throw new Error('usage: launcher --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR] [FOLDER]');
	}
	return options;
}

/** The workbench URL that asks code-server to load the extension under development and run its tests. */
function workbenchTestUrl(origin, options) {
	const remote = (fsPath) => `vscode-remote://${new URL(origin).host}${pathToFileURL(fsPath).pathname}`;
	const payload = [
		...options.extensionDevelopmentPath.map((dir) => ['extensionDevelopmentPath', remote(dir)]),
		['extensionTestsPath', remote(options.extensionTestsPath)],
	];
	const url = new URL(origin);
	if (options.target?.endsWith('.code-workspace')) url.searchParams.set('workspace', options.target);
	else if (options.target) url.searchParams.set('folder', options.target);
	url.searchParams.set('payload', JSON.stringify(payload));
	return url.toString();
}

async function main() {
	const options = parseLauncherArgs(process.argv.slice(2));
	const timeoutMs = Number(process.env.POSTMORTEM_E2E_TIMEOUT_MS || 600_000);
	const verbose = process.env.POSTMORTEM_E2E_VERBOSE === '1';
	const chromiumPath = requireChromium();
	const codeServerEntry = ensureCodeServer({ log: (line) => console.error(line) }).entry;

	let server;
	const guard = exitGuard({ timeoutMs, timeoutMessage: () => (server ? `--- code-server log (tail) ---\n${server.logTail()}` : '') });
	const finish = guard.finish;

	// Directories the caller did not give are made fresh here and removed afterwards.
	const throwaway = (name) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), `postmortem-e2e-${name}-`));
		guard.onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
		return dir;
	};
	const userDataDir = options.userDataDir ?? throwaway('user-data');
	const extensionsDir = options.extensionsDir ?? throwaway('extensions');

	try {
		server = await spawnCodeServer({
			entry: codeServerEntry,
			userDataDir,
			extensionsDir,
			target: options.target,
			// Tests edit fixtures and revert them. VS Code for the Web saves after a delay by default,
			// so on a slow machine an edit made half-way through a test could reach the disk and a
			// later revert would restore it instead of the fixture.
			settings: { 'files.autoSave': 'off' },
			onOutput: verbose ? (text) => process.stderr.write(text) : undefined,
		});
		guard.onCleanup(() => server.stop());
		server.exited.then((code) => void finish(1, `launcher: code-server exited early (code ${code})\n${server.logTail()}`));
		await server.ready();

		const chromium = await launchChromium(chromiumPath);
		guard.onCleanup(() => chromium.close());
		const page = await chromium.browser.newPage();
		const { exited: suiteExit } = await relaySuite(page, { noise: verbose ? [] : WORKBENCH_NOISE });
		page.on('crash', () => void finish(1, 'launcher: the workbench page crashed'));
		await page.goto(workbenchTestUrl(server.origin, options));
		const code = await suiteExit;
		if (code !== 0 && !verbose) console.error(`--- code-server log (tail) ---\n${server.logTail()}`);
		await finish(code);
	} catch (error) {
		await finish(1, `launcher: ${error instanceof ProvisionError ? error.message : error?.stack ?? error}`);
	}
}

main().catch((error) => {
	console.error(`launcher: ${error?.message ?? error}`);
	process.exit(1);
});
