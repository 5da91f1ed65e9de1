#!/usr/bin/env node
// `npm run test:web`: the extension-host suite (test/e2e/suite/) in VS Code for the Web. The suite
// files are bundled unchanged for the browser extension host (a web worker: no Node, no `require`
// but `vscode`), with the fixture workspace mounted as `vscode-test-web://mount/`; the extension
// runs from its `browser` entry, its server in a web worker. Same assertions, same fixtures.
//
// Environment: POSTMORTEM_CHROMIUM (browser), POSTMORTEM_WEB_TIMEOUT_MS (whole run, default 300000),
// POSTMORTEM_E2E_GREP (only the tests whose title matches, as in test:e2e).

import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitGuard, launchChromium, relaySuite } from '../e2e/codeServer.mjs';
import { ProvisionError, requireChromium } from '../e2e/provision.mjs';
import { repoRoot, startWebServer } from './webWorkbench.mjs';

const suiteDirectory = path.join(repoRoot, 'test', 'e2e', 'suite');

/**
 * Suite files that cannot run in the browser, and why. Everything else in test/e2e/suite/ runs.
 */
export const desktopOnly = {
	'restart.test.ts': 'finds the server process with `ps` and kills it (child_process, process.kill); in the browser the server is a web worker, terminated and crashed by the web leg of the UI journey instead',
	'timelinePanel.test.ts': 'waits for the webview page of Show Timeline to report what it rendered; webviews do not load in this setup (their service worker cannot register on the *.localhost webview origin). The picture\'s request runs in the browser through previewPicture.test.ts',
};

/** Workbench chatter that says nothing about the tests. */
const NOISE = [/^\[Extension Host\] /, /^\[Service Worker\]/, /^Ignoring fetching additional builtin extensions/, /^Unable to read file '[^']*' \((?:Canceled|CodeExpectedError: ENOPRO)/, /^Updating additional builtin extensions cache/, /^\s+at .*workbench\.web\.main\.js/];

/**
 * mocha's browser build is a UMD script inside an ES module package: given its own `module`, it
 * hands the mocha instance over as a default export instead of assigning the bundle's exports.
 */
const mochaBrowserBuild = {
	name: 'mocha-browser-build',
	setup(build) {
		build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async ({ path: file }) => ({
			contents: `const module = { exports: {} }; const exports = module.exports;\n${await fs.promises.readFile(file, 'utf8')}\nexport default module.exports;`,
			loader: 'js',
		}));
	},
};

/**
 * Bundles every suite file for the browser extension host with mocha's browser build. `node:assert`
 * becomes the `assert` package (the same API, without Node); nothing else of Node is allowed in.
 */
async function bundleSuite(outfile) {
	const files = fs.readdirSync(suiteDirectory).filter((name) => name.endsWith('.test.ts') && !(name in desktopOnly)).sort();
	const entry = `
		const mocha = require('mocha/mocha.js').default;
		function run() {
			mocha.setup({ ui: 'bdd' });
			mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: ${Number(process.env.POSTMORTEM_E2E_TEST_TIMEOUT_MS || 60_000)}${process.env.POSTMORTEM_E2E_GREP ? `, grep: ${JSON.stringify(process.env.POSTMORTEM_E2E_GREP)}` : ''} });
			${files.map((name) => `require('./${name}');`).join('\n\t\t\t')}
			return new Promise((resolve, reject) => mocha.run((failures) => (failures > 0 ? reject(new Error(failures + ' extension-host test(s) failed')) : resolve())));
		}
		module.exports = { run };`;
	await esbuild.build({
		stdin: { contents: entry, resolveDir: suiteDirectory, sourcefile: 'web-suite.js', loader: 'js' },
		bundle: true,
		outfile,
		absWorkingDir: repoRoot,
		platform: 'browser',
		format: 'cjs',
		target: 'es2022',
		external: ['vscode'],
		alias: { 'node:assert/strict': './test/web/strictAssert.cjs' },
		// The `util` package behind `assert` reads process.env at load, and `assert` asks
		// process.stderr how wide to draw a failed comparison; a worker has no `process`.
		define: { 'process.env.NODE_DEBUG': 'false', 'process.env': '{}', 'process.stderr': 'undefined', 'process.emitWarning': 'undefined' },
		plugins: [mochaBrowserBuild],
		logLevel: 'warning',
	});
	return files;
}

async function main() {
	const timeoutMs = Number(process.env.POSTMORTEM_WEB_TIMEOUT_MS || 300_000);
	const chromiumPath = requireChromium();
	const guard = exitGuard({ timeoutMs });
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-web-'));
	guard.onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
	try {
		// The tests must be served from inside the extension's folder.
		const suiteFile = path.join(repoRoot, 'out', 'test', 'web', 'suite.js');
		const files = await bundleSuite(suiteFile);
		console.log(`suite files in the browser: ${files.join(', ')}`);
		for (const [file, why] of Object.entries(desktopOnly)) console.log(`desktop only: ${file}: ${why}`);
		// Tests edit documents (and revert them); a copy keeps the fixtures safe from a stray save.
		const workspace = path.join(scratch, 'workspace');
		fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
		// The incident library's views list the postmortems of the whole workspace, as on the desktop.
		fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'incident-library'), path.join(workspace, 'library'), { recursive: true });
		// VS Code for the Web saves edits after a delay by default; the tests revert their edits
		// to what the fixture says, as on the desktop, where nothing is saved unasked.
		fs.mkdirSync(path.join(workspace, '.vscode'));
		fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }));

		const server = await startWebServer({ folder: workspace, extensionTestsPath: suiteFile });
		guard.onCleanup(() => server.close());
		console.log(`VS Code for the Web ${server.version} at ${server.url}`);
		const chromium = await launchChromium(chromiumPath);
		guard.onCleanup(() => chromium.close());
		const page = await chromium.browser.newPage();
		const { exited: suiteExit } = await relaySuite(page, { noise: NOISE });
		page.on('crash', () => void guard.finish(1, 'web: the workbench page crashed'));
		await page.goto(server.url);
		await guard.finish(await suiteExit);
	} catch (error) {
		await guard.finish(1, `web: ${error instanceof ProvisionError ? error.message : error?.stack ?? error}`);
	}
}

main();
