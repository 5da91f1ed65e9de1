import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Entry point the extension host calls (`--extensionTestsPath`), under @vscode/test-electron and
 * under the code-server launcher alike: runs every `*.test.js` beside this file with mocha and
 * rejects when any test fails, which makes the workbench exit with a non-zero code.
 *
 * A feature adds its tests as a new `<feature>.test.ts` in this folder; nothing here changes.
 */
export async function run(): Promise<void> {
	// mocha is an ES module package; its CommonJS build is what a synchronous `require` of the
	// test files (which `require('vscode')`) needs, and dynamic import reaches it from CommonJS.
	const { default: Mocha } = await import('mocha');
	const mocha = new Mocha({
		ui: 'tdd',
		reporter: 'spec',
		color: false,
		timeout: Number(process.env.POSTMORTEM_E2E_TEST_TIMEOUT_MS || 60_000),
		// POSTMORTEM_E2E_GREP runs only the tests whose title matches (when chasing one failure).
		...(process.env.POSTMORTEM_E2E_GREP ? { grep: process.env.POSTMORTEM_E2E_GREP } : {}),
	});
	// Test files may also be written with describe/it: both interfaces' globals are defined.
	Mocha.interfaces.bdd(mocha.suite);
	const testFiles = fs
		.readdirSync(__dirname)
		.filter((name) => name.endsWith('.test.js'))
		.sort();
	for (const file of testFiles) mocha.addFile(path.join(__dirname, file));

	const failures = await new Promise<number>((resolve) => mocha.run(resolve));
	if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
	if (testFiles.length === 0) throw new Error(`no *.test.js files found in ${__dirname}`);
}
