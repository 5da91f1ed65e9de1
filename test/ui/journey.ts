import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CodeServerModule from '../e2e/codeServer.mjs' with { 'resolution-mode': 'import' };
import type * as ProvisionModule from '../e2e/provision.mjs' with { 'resolution-mode': 'import' };
import { expected, fixtureWorkspace, labelShowsTime, plainHeading, repoRoot } from '../fixtures/expectations';
import { waitFor } from '../e2e/waitFor';
import { UI_DEADLINE_MS, Workbench } from './workbench';

/**
 * A user's journey through the extension in a real VS Code workbench (code-server 4.100.3 in
 * headless Chromium), with the extension installed from the packaged postmortem.vsix as a user
 * installs it. Each step acts through the UI only, asserts what the screen shows, and leaves a
 * screenshot in test-results/ui/. Run after `npm run package`: `node out/test/ui/journey.js`.
 *
 * New behaviour is covered by appending a step to `steps`; a step may rely on the ones before it.
 */

interface JourneyContext {
	workbench: Workbench;
	/** A throwaway copy of test/fixtures/workspace, opened as the workspace folder. */
	workspace: string;
}

interface JourneyStep {
	name: string;
	/** Screenshot file name (without .png) saved after the step, pass or fail. */
	screenshot: string;
	run(context: JourneyContext): Promise<void>;
}

const OUTLINE_DOCUMENT = 'outage-postmortem.md';

const steps: JourneyStep[] = [
	{
		name: 'the workspace opens with the fixture files in the Explorer',
		screenshot: '01-workspace',
		async run({ workbench }) {
			await workbench.waitUntilLoaded();
			const expectedFiles = [OUTLINE_DOCUMENT, 'incident-postmortem.txt', 'README.md'];
			await waitFor(
				async () => {
					const entries = await workbench.explorerEntries();
					assert.ok(expectedFiles.every((name) => entries.some((entry) => entry.includes(name))), `the Explorer shows ${JSON.stringify(entries)}`);
					return true;
				},
				UI_DEADLINE_MS,
				`the Explorer to list ${expectedFiles.join(', ')}`,
			);
		},
	},
	{
		name: `${OUTLINE_DOCUMENT} (seed 003, Markdown) opens in an editor`,
		screenshot: '02-postmortem-open',
		async run({ workbench }) {
			await workbench.openFile(OUTLINE_DOCUMENT);
			await workbench.page.locator('.editor-instance .view-lines', { hasText: 'Issue Summary' }).waitFor();
		},
	},
	{
		name: 'the Outline view lists the timeline entries with their times',
		screenshot: '03-outline',
		async run({ workbench }) {
			await workbench.runCommand('Explorer: Focus on Outline View');
			// The Outline renders only the rows it has room for: fold the file tree away first.
			await workbench.collapseView('.explorer-folders-view');
			await workbench.resizeSideBar(640);
			const times = expected(OUTLINE_DOCUMENT).timeline!.map((entry) => entry.time);
			const headings = expected(OUTLINE_DOCUMENT).headings!;
			// The Outline refreshes as each symbol provider comes up: poll until it settles on both
			// the Markdown headings and the timeline entries.
			const rows = await waitFor(
				async () => {
					await workbench.expandOutline();
					const shown = await workbench.outlineRows();
					const missing = [
						...times.filter((time) => !shown.some((row) => labelShowsTime(row, time))),
						...headings.filter((heading) => !shown.some((row) => row.toLowerCase().includes(plainHeading(heading)))),
					];
					assert.deepEqual(missing, [], `the Outline shows ${JSON.stringify(shown, null, 1)}`);
					return shown;
				},
				UI_DEADLINE_MS,
				`the Outline to show entries at ${times.join(', ')} and the headings`,
			);
			console.log(`      Outline rows:\n${rows.map((row) => `        | ${row}`).join('\n')}`);
		},
	},
];

async function loadModules(): Promise<{ codeServer: typeof CodeServerModule; provision: typeof ProvisionModule }> {
	// The helpers are plain ES modules beside the sources (they also run before any build).
	const load = (file: string) => import(pathToFileURL(path.join(repoRoot, 'test', 'e2e', file)).href);
	return { codeServer: await load('codeServer.mjs'), provision: await load('provision.mjs') };
}

async function main(): Promise<void> {
	const { codeServer, provision } = await loadModules();
	const timeoutMs = Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000);
	let server: CodeServerModule.CodeServer | undefined;
	const guard = codeServer.exitGuard({ timeoutMs, timeoutMessage: () => (server ? `--- code-server log (tail) ---\n${server.logTail()}` : '') });

	try {
		const vsix = path.join(repoRoot, 'postmortem.vsix');
		assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
		const chromiumPath = provision.requireChromium();
		const { entry } = provision.ensureCodeServer();

		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ui-'));
		guard.onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
		const workspace = path.join(scratch, 'workspace');
		fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
		const userDataDir = path.join(scratch, 'user-data');
		const extensionsDir = path.join(scratch, 'extensions');

		await codeServer.installExtension({
			entry,
			userDataDir,
			extensionsDir,
			vsix,
			onProcess: (pgid) => guard.onCleanup(() => codeServer.killProcessGroup(pgid)),
		});
		const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith('postmortem-tools.postmortem-'));
		assert.equal(installed.length, 1, `the .vsix installed one extension folder; found ${fs.readdirSync(extensionsDir).join(', ')}`);

		server = await codeServer.spawnCodeServer({
			entry,
			userDataDir,
			extensionsDir,
			settings: { 'outline.collapseItems': 'alwaysExpand', 'editor.minimap.enabled': false },
		});
		const started = server;
		guard.onCleanup(() => started.stop());
		await started.ready();

		const chromium = await codeServer.launchChromium(chromiumPath);
		guard.onCleanup(() => chromium.close());
		const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 860 } });
		const screenshotDir = path.join(repoRoot, 'test-results', 'ui');
		fs.rmSync(screenshotDir, { recursive: true, force: true });
		const workbench = new Workbench(page, screenshotDir);
		await page.goto(`${started.origin}/?folder=${encodeURIComponent(workspace)}`);

		const failed = await runSteps({ workbench, workspace });
		await guard.finish(failed ? 1 : 0);
	} catch (error) {
		// A missing prerequisite is reported as what to install, not as a stack trace.
		const report = error instanceof provision.ProvisionError ? error.message : error instanceof Error ? error.stack : String(error);
		await guard.finish(1, `ui journey: ${report}`);
	}
}

/** Runs the steps in order, stopping at the first failure; returns whether one failed. */
async function runSteps(context: JourneyContext): Promise<boolean> {
	console.log(`\n  UI journey (code-server, extension installed from postmortem.vsix)`);
	let passed = 0;
	let failure: { step: JourneyStep; error: unknown } | undefined;
	for (const step of steps) {
		const started = Date.now();
		try {
			await step.run(context);
			passed++;
			console.log(`    ✔ ${step.name} (${Date.now() - started}ms)`);
		} catch (error) {
			failure = { step, error };
			console.log(`    ✖ ${step.name}`);
		}
		const shot = await context.workbench.screenshot(step.screenshot).catch((error: unknown) => `(no screenshot: ${String(error)})`);
		console.log(`      screenshot: ${path.relative(repoRoot, shot)}`);
		if (failure) break;
	}
	const notRun = steps.length - passed - (failure ? 1 : 0);
	console.log(`\n  ${passed} passing, ${failure ? 1 : 0} failing${notRun ? `, ${notRun} not run (after the failure)` : ''}`);
	if (failure) {
		const { error } = failure;
		console.log(`\n  ✖ ${failure.step.name}:\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	}
	return failure !== undefined;
}

void main();
