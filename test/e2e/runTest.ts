import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * Runs the extension-host suite with the stock `runTests`. VS Code desktop cannot be downloaded
 * here, so `vscodeExecutablePath` points at a launcher that accepts the same command line and runs
 * the suite inside code-server's workbench (see test/e2e/launcher.mjs); `runTests` then skips its
 * download. The workspace, user-data and extensions folders are fresh for every run.
 */
async function main(): Promise<void> {
	const repoRoot = path.resolve(__dirname, '..', '..', '..');
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-e2e-'));
	// Tests edit documents (and revert them); a copy keeps the fixtures safe from a stray save.
	const workspace = path.join(scratch, 'workspace');
	fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
	// The incident library's views list the postmortems of the whole workspace: ten of them here.
	fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'incident-library'), path.join(workspace, 'library'), { recursive: true });
	try {
		await runTests({
			vscodeExecutablePath: path.join(repoRoot, 'test', 'e2e', 'launcher.mjs'),
			extensionDevelopmentPath: repoRoot,
			extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
			launchArgs: [
				workspace,
				`--user-data-dir=${path.join(scratch, 'user-data')}`,
				`--extensions-dir=${path.join(scratch, 'extensions')}`,
			],
		});
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
