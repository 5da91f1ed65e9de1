import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession } from 'playwright-core';
import type * as CodeServerModule from '../e2e/codeServer.mjs' with { 'resolution-mode': 'import' };
import type * as ProvisionModule from '../e2e/provision.mjs' with { 'resolution-mode': 'import' };
import type * as WebWorkbenchModule from '../web/webWorkbench.mjs' with { 'resolution-mode': 'import' };
import { waitFor } from '../e2e/waitFor';
import { expected, labelShowsTime, lineStartingWith, plainHeading, splitLines, twelveHourClock } from '../fixtures/expectations';
import { fixtureWorkspace, repoRoot } from '../fixtures/fixturePaths';
import { UI_DEADLINE_MS, Workbench } from './workbench';

/**
 * The web leg of the UI journey: the extension as vscode.dev and github.dev run it (its `browser`
 * entry, the server in a web worker), in VS Code for the Web 1.91.1 served offline by
 * @vscode/test-web, the fixture folder mounted as `vscode-test-web://mount/`. A person opens a
 * postmortem, reads the Outline and Problems; then the server worker is terminated, and later
 * crashes, and each time the client starts a new one that answers the next edit. Screenshots go
 * to test-results/ui-web/; `--update-readme-images` copies the README's picture to docs/images/.
 */

const DOCUMENT = 'incident-postmortem.txt';
const README_PICTURE = 'web-outline-problems.png';
/** The name the client gives each server worker (client/src/browser/extension.ts). */
const SERVER_WORKER_PREFIX = 'postmortem-server-';

/**
 * The extension's server workers, seen through the browser's DevTools protocol: Playwright lists
 * only a page's own workers, and the server worker is the extension host worker's child.
 */
class ServerWorkers {
	readonly #cdp: CDPSession;

	constructor(cdp: CDPSession) {
		this.#cdp = cdp;
	}

	/** The live server workers: target id and the name the client gave the worker. */
	async #list(): Promise<{ targetId: string; name: string }[]> {
		const { targetInfos } = await this.#cdp.send('Target.getTargets');
		return targetInfos
			.filter((target) => target.type === 'worker' && target.title.includes(SERVER_WORKER_PREFIX))
			.map((target) => ({ targetId: target.targetId, name: target.title.slice(target.title.indexOf(SERVER_WORKER_PREFIX)) }));
	}

	/** The one live server worker; waits for it (and for others to be gone). */
	async live(): Promise<{ targetId: string; name: string }> {
		return waitFor(
			async () => {
				const live = await this.#list();
				assert.equal(live.length, 1, `one live server worker, found ${live.map((worker) => worker.name).join(', ') || 'none'}`);
				return live[0]!;
			},
			UI_DEADLINE_MS,
			'one live server worker',
		);
	}

	/** Waits until the worker named `name` has ended and a new one lives; returns the new name. */
	async replacementOf(name: string): Promise<string> {
		const next = await waitFor(
			async () => {
				const live = await this.live();
				assert.notEqual(live.name, name, `a new server worker after ${name}`);
				return live;
			},
			UI_DEADLINE_MS,
			`a server worker to replace ${name}`,
		);
		return next.name;
	}

	/**
	 * Runs `expression` inside the worker, as typed into its DevTools console, and waits for its
	 * answer (or for the worker to go, for an expression that ends it) before detaching.
	 */
	async evaluate(targetId: string, expression: string): Promise<void> {
		const { sessionId } = await this.#cdp.send('Target.attachToTarget', { targetId, flatten: false });
		let onMessage: ((event: { sessionId?: string; message: string }) => void) | undefined;
		let onDetached: ((event: { sessionId?: string }) => void) | undefined;
		const answered = new Promise<void>((resolve) => {
			onMessage = (event) => {
				if (event.sessionId === sessionId && (JSON.parse(event.message) as { id?: number }).id === 1) resolve();
			};
			onDetached = (event) => {
				if (event.sessionId === sessionId) resolve();
			};
			this.#cdp.on('Target.receivedMessageFromTarget', onMessage);
			this.#cdp.on('Target.detachedFromTarget', onDetached);
		});
		try {
			const message = JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression } });
			await this.#cdp.send('Target.sendMessageToTarget', { sessionId, message });
			await waitFor(() => Promise.race([answered.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000))]), UI_DEADLINE_MS, `the worker to run ${expression}`);
		} finally {
			this.#cdp.off('Target.receivedMessageFromTarget', onMessage!);
			this.#cdp.off('Target.detachedFromTarget', onDetached!);
			await this.#cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
		}
	}
}

interface WebJourneyContext {
	workbench: Workbench;
	workers: ServerWorkers;
	readmePicture(fileName: string): Promise<void>;
}

/** Opens a file from the Explorer, as a double-click does (the web workbench has no file search offline). */
async function openFromExplorer(workbench: Workbench, fileName: string): Promise<void> {
	await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().dblclick({ timeout: UI_DEADLINE_MS });
	await workbench.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: UI_DEADLINE_MS });
	await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_DEADLINE_MS });
}

/** Waits until the Outline shows every expected section and timeline entry of the document, plus `extraTimes`. */
async function outlineShowsDocument(workbench: Workbench, extraTimes: readonly string[] = []): Promise<string[]> {
	const expectation = expected(DOCUMENT);
	const times = [...expectation.timeline!.map((entry) => entry.time), ...extraTimes];
	const sections = expectation.sections!.map((section) => section.name.toLowerCase());
	return waitFor(
		async () => {
			await workbench.expandOutline();
			const shown = await workbench.outlineRows();
			const missing = [
				...times.filter((time) => !shown.some((row) => labelShowsTime(row, time))),
				...sections.filter((section) => !shown.some((row) => plainHeading(row).startsWith(section))),
			];
			assert.deepEqual(missing, [], `the Outline shows ${JSON.stringify(shown, null, 1)}`);
			return shown;
		},
		UI_DEADLINE_MS,
		`the Outline of ${DOCUMENT}`,
	);
}

/** Waits until the Problems view lists the document's timezone-missing warning. */
async function problemsShowWarning(workbench: Workbench): Promise<string[]> {
	return waitFor(
		async () => {
			const rows = await workbench.problemRows();
			assert.ok(rows.some((row) => /no time zone/i.test(row) && /timezone-missing/.test(row)), `Problems: ${JSON.stringify(rows)}`);
			return rows;
		},
		UI_DEADLINE_MS,
		'the Problems view to list the timezone-missing warning',
	);
}

/** The 1-based line of the section after the timeline, in the fixture as written. */
const NEXT_SECTION_LINE = lineStartingWith(splitLines(fs.readFileSync(path.join(fixtureWorkspace, DOCUMENT), 'utf8')), 'ROOT CAUSE AND RESOLUTION:', DOCUMENT) + 1;
let entriesAdded = 0;

/** Types a new last timeline entry at `time` (`11:5x PM`) above the next section, as an author adds one. */
async function addEntry(workbench: Workbench, time: string, what: string): Promise<void> {
	const page = workbench.page;
	// Ctrl+G: go to the line, which starts the next section, whether or not it is on screen.
	await page.keyboard.press('Control+G');
	const input = page.locator('.quick-input-widget .quick-input-box input');
	await input.waitFor({ timeout: UI_DEADLINE_MS });
	await input.fill(`:${NEXT_SECTION_LINE + entriesAdded}`);
	await page.keyboard.press('Enter');
	await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_DEADLINE_MS });
	await page.keyboard.type(`${time}: ${what}`);
	await page.keyboard.press('Enter');
	entriesAdded++;
}

const typedTimes: string[] = [];

/**
 * Ends the live server worker by running `expression` in it, waits for the client to start a
 * new one, then types a timeline entry (`time` in 24-hour form) and waits for the Outline to show it and for Problems to
 * list the warning again: answers only the new worker can give.
 */
async function endServerWorker({ workbench, workers }: WebJourneyContext, expression: string, entry: { time: string; what: string }): Promise<void> {
	const { targetId, name } = await workers.live();
	await workers.evaluate(targetId, expression);
	const next = await workers.replacementOf(name);
	console.log(`      ${name} ended; now ${next}`);
	await addEntry(workbench, twelveHourClock(entry.time), entry.what);
	typedTimes.push(entry.time);
	await outlineShowsDocument(workbench, typedTimes);
	await problemsShowWarning(workbench);
}

interface WebJourneyStep {
	name: string;
	screenshot: string;
	run(context: WebJourneyContext): Promise<void>;
}

const steps: WebJourneyStep[] = [
	{
		name: 'VS Code for the Web opens the fixture folder from vscode-test-web://mount/',
		screenshot: '01-workspace',
		async run({ workbench }) {
			await workbench.waitUntilLoaded();
			await waitFor(
				async () => (await workbench.explorerEntries()).some((entry) => entry.includes(DOCUMENT)),
				UI_DEADLINE_MS,
				`the Explorer to list ${DOCUMENT}`,
			);
		},
	},
	{
		name: `${DOCUMENT}: the Outline lists its sections and timeline entries, Problems its timezone-missing warning`,
		screenshot: '02-outline-problems',
		async run({ workbench, workers, readmePicture }) {
			await openFromExplorer(workbench, DOCUMENT);
			await workbench.runCommand('Explorer: Focus on Outline View');
			await workbench.collapseView('.explorer-folders-view');
			// Wide enough for the Outline to show each entry's time beside its text.
			await workbench.resizeSideBar(560);
			const rows = await outlineShowsDocument(workbench);
			console.log(`      Outline rows:\n${rows.map((row) => `        | ${row}`).join('\n')}`);
			await workbench.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
			const problems = await problemsShowWarning(workbench);
			console.log(`      Problems: ${problems.join(' | ')}`);
			await workbench.page.locator('.squiggly-warning').first().waitFor({ timeout: UI_DEADLINE_MS });
			const { name } = await workers.live();
			console.log(`      server worker: ${name}`);
			// Back to the editor, as a reader would, so the Problems row is not drawn selected.
			await workbench.clickText('Duration:');
			await workbench.page.mouse.move(1, 1);
			await readmePicture(README_PICTURE);
		},
	},
	{
		name: 'the server worker is terminated: the client starts a new one, which outlines the next edit',
		screenshot: '03-worker-terminated',
		// `close()` from inside ends the worker as `terminate()` from outside does: no goodbye.
		run: (context) => endServerWorker(context, 'self.close()', { time: '23:50', what: 'Status page updated' }),
	},
	{
		name: 'an uncaught error in the server worker ends it: the client starts a new one, which outlines the next edit',
		screenshot: '04-worker-crashed',
		run: (context) => endServerWorker(context, "setTimeout(() => { throw new Error('an error nothing catches'); }, 0)", { time: '23:55', what: 'All clear given' }),
	},
];

async function loadModules(): Promise<{ codeServer: typeof CodeServerModule; provision: typeof ProvisionModule; web: typeof WebWorkbenchModule }> {
	// The helpers are plain ES modules beside the sources (they also run before any build).
	const load = (file: string) => import(pathToFileURL(path.join(repoRoot, 'test', file)).href);
	return { codeServer: await load('e2e/codeServer.mjs'), provision: await load('e2e/provision.mjs'), web: await load('web/webWorkbench.mjs') };
}

async function main(): Promise<void> {
	const { codeServer, provision, web } = await loadModules();
	const guard = codeServer.exitGuard({ timeoutMs: Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000) });
	try {
		const chromiumPath = provision.requireChromium();
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ui-web-'));
		guard.onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
		const workspace = path.join(scratch, 'workspace');
		fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
		fs.mkdirSync(path.join(workspace, '.vscode'));
		fs.writeFileSync(
			path.join(workspace, '.vscode', 'settings.json'),
			JSON.stringify({ 'files.autoSave': 'off', 'outline.collapseItems': 'alwaysExpand', 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'workbench.startupEditor': 'none' }),
		);
		const server = await web.startWebServer({ folder: workspace });
		guard.onCleanup(() => server.close());
		const chromium = await codeServer.launchChromium(chromiumPath);
		guard.onCleanup(() => chromium.close());
		const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 860 } });
		const screenshotDir = path.join(repoRoot, 'test-results', 'ui-web');
		fs.rmSync(screenshotDir, { recursive: true, force: true });
		const workbench = new Workbench(page, screenshotDir);
		const workers = new ServerWorkers(await chromium.browser.newBrowserCDPSession());
		await page.goto(server.url);

		const updateReadmeImages = process.argv.includes('--update-readme-images');
		const readmePicture = async (fileName: string): Promise<void> => {
			const shot = await workbench.screenshot(`readme-${path.parse(fileName).name}`);
			if (updateReadmeImages) fs.copyFileSync(shot, path.join(repoRoot, 'docs', 'images', fileName));
			console.log(`      README picture: ${path.relative(repoRoot, shot)}${updateReadmeImages ? ` -> docs/images/${fileName}` : ''}`);
		};

		console.log(`\n  UI journey, web leg (VS Code for the Web ${server.version}, the extension's browser build)`);
		let passed = 0;
		let failure: { step: WebJourneyStep; error: unknown } | undefined;
		for (const step of steps) {
			const started = Date.now();
			try {
				await step.run({ workbench, workers, readmePicture });
				passed++;
				console.log(`    ✔ ${step.name} (${Date.now() - started}ms)`);
			} catch (error) {
				failure = { step, error };
				console.log(`    ✖ ${step.name}`);
			}
			const shot = await workbench.screenshot(step.screenshot).catch((error: unknown) => `(no screenshot: ${String(error)})`);
			console.log(`      screenshot: ${path.relative(repoRoot, shot)}`);
			if (failure) break;
		}
		const notRun = steps.length - passed - (failure ? 1 : 0);
		console.log(`\n  ${passed} passing, ${failure ? 1 : 0} failing${notRun ? `, ${notRun} not run (after the failure)` : ''}`);
		if (failure) console.log(`\n  ✖ ${failure.step.name}:\n    ${failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error)}`);
		await guard.finish(failure ? 1 : 0);
	} catch (error) {
		const report = error instanceof provision.ProvisionError ? error.message : error instanceof Error ? error.stack : String(error);
		await guard.finish(1, `ui journey (web): ${report}`);
	}
}

void main();
