// Starting and stopping code-server and the headless Chromium that drives it, shared by the
// extension-host test launcher and the UI journey.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { format } from 'node:util';

/** Settings that keep the workbench quiet and deterministic under test. */
const BASE_USER_SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'security.workspace.trust.enabled': false,
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'update.mode': 'none',
	'telemetry.telemetryLevel': 'off',
	'editor.hover.delay': 300,
	// The web workbench saves after a 1 s delay by default. Tests edit fixtures and revert them;
	// on a loaded machine a save could land in between and leak the edit into later tests.
	'files.autoSave': 'off',
};

/** Chromium flags for a closed network: without them it keeps trying to reach Google's hosts. */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Polls `probe` until it returns a truthy value or the deadline passes. */
export async function pollUntil(probe, { timeoutMs, intervalMs = 100, what }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** A loopback port nobody listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Stops a whole process group: SIGTERM, then SIGKILL if it lingers; resolves once it is gone. */
export async function killProcessGroup(pgid, { graceMs = 3000 } = {}) {
	for (const signal of ['SIGTERM', 'SIGKILL']) {
		try {
			process.kill(-pgid, signal);
		} catch {
			return;
		}
		try {
			await pollUntil(() => !groupAlive(pgid), { timeoutMs: graceMs, intervalMs: 50, what: `process group ${pgid} to exit` });
			return;
		} catch {
			// still alive: escalate
		}
	}
	console.error(`warning: process group ${pgid} still present after SIGKILL`);
}

/** Runs a program in its own process group, keeping the last lines of its output. */
function spawnGroup(command, args, { onOutput, env } = {}) {
	const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
	const lines = [];
	const keep = (chunk) => {
		const text = chunk.toString();
		onOutput?.(text);
		lines.push(...text.split('\n').filter(Boolean));
		if (lines.length > 200) lines.splice(0, lines.length - 200);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
	child.once('error', (error) => lines.push(String(error)));
	return { child, exited, logTail: (count = 60) => lines.slice(-count).join('\n') };
}

function writeUserSettings(userDataDir, extraSettings) {
	const userDir = path.join(userDataDir, 'User');
	fs.mkdirSync(userDir, { recursive: true });
	fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...BASE_USER_SETTINGS, ...extraSettings }, null, 2));
}

function commonArgs(userDataDir, extensionsDir) {
	// `--config /dev/null` keeps code-server from writing ~/.config/code-server/config.yaml.
	return ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/**
 * Starts code-server on a free loopback port in its own process group. Returns as soon as the
 * process exists, so a caller can stop it whatever happens next; `ready()` waits for /healthz.
 * `stop()` kills the whole group (code-server leaves file watchers and extension hosts otherwise).
 */
export async function spawnCodeServer({ entry, userDataDir, extensionsDir, target, settings = {}, onOutput }) {
	writeUserSettings(userDataDir, settings);
	fs.mkdirSync(extensionsDir, { recursive: true });
	const port = await freePort();
	const args = [
		entry,
		...commonArgs(userDataDir, extensionsDir),
		'--bind-addr', `127.0.0.1:${port}`,
		'--auth', 'none',
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--disable-getting-started-override',
		...(target ? [target] : []),
	];
	const server = spawnGroup(process.execPath, args, { onOutput });
	const origin = `http://127.0.0.1:${port}`;
	let exitedEarly = false;
	server.exited.then(() => (exitedEarly = true));
	const ready = (timeoutMs = 60_000) =>
		pollUntil(
			async () => {
				if (exitedEarly) throw new Error(`code-server exited before answering /healthz:\n${server.logTail()}`);
				try {
					return (await fetch(`${origin}/healthz`)).ok;
				} catch {
					return false;
				}
			},
			{ timeoutMs, what: `code-server /healthz on ${origin}` },
		);
	return { origin, port, pid: server.child.pid, exited: server.exited, logTail: server.logTail, ready, stop: () => killProcessGroup(server.child.pid) };
}

/**
 * Installs a .vsix into an extensions folder with code-server's CLI. `onProcess` receives the
 * installer's process group id, so a caller's cleanup can stop it if the run ends meanwhile.
 */
export async function installExtension({ entry, userDataDir, extensionsDir, vsix, timeoutMs = 120_000, onProcess }) {
	const run = spawnGroup(process.execPath, [entry, ...commonArgs(userDataDir, extensionsDir), '--install-extension', vsix]);
	onProcess?.(run.child.pid);
	let timer;
	const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
	const code = await Promise.race([run.exited, timedOut]);
	clearTimeout(timer);
	await killProcessGroup(run.child.pid);
	if (code !== 0) throw new Error(`installing ${vsix} failed (${code}):\n${run.logTail()}`);
	return run.logTail();
}

/**
 * The one way out for a process that owns code-server and Chromium. `finish(code)` (normal end,
 * failure, deadline or signal, whichever comes first) runs the registered cleanups once, newest
 * first, then exits; later calls wait for that same cleanup rather than exiting under it.
 */
export function exitGuard({ timeoutMs, timeoutMessage }) {
	const cleanups = [];
	let finishing;
	let timer;
	const finish = (code, message) => {
		finishing ??= (async () => {
			clearTimeout(timer);
			if (message) console.error(message);
			for (const cleanup of cleanups.reverse()) {
				try {
					await cleanup();
				} catch (error) {
					console.error(`cleanup failed: ${error?.stack ?? error}`);
				}
			}
			process.exit(code);
		})();
		return finishing;
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => void finish(130, `received ${signal}: stopping code-server and Chromium`));
	}
	// A parent that went away closes our stdout; stop rather than leave code-server running.
	process.stdout.on('error', () => void finish(1));
	timer = setTimeout(() => void finish(1, `did not finish within ${timeoutMs} ms${timeoutMessage ? `\n${timeoutMessage()}` : ''}`), timeoutMs);
	return { onCleanup: (cleanup) => void cleanups.push(cleanup), finish };
}

/** Pids of this process's direct children, read from /proc. */
function childPids() {
	const children = new Set();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// Field 4 of /proc/PID/stat is the parent pid; the name field before it may hold spaces.
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (parent === process.pid) children.add(Number(entry));
		} catch {
			// the process ended while we looked
		}
	}
	return children;
}

/**
 * Headless Chromium via playwright-core. Signals are left to the caller, which must stop
 * code-server too. `close()` also waits for Chromium's whole process group (Playwright starts it
 * detached), so no renderer or zygote outlives the run.
 */
export async function launchChromium(executablePath) {
	const { chromium } = await import('playwright-core');
	const before = childPids();
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		args: CHROMIUM_ARGS,
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
	});
	const browserGroups = [...childPids()].filter((pid) => !before.has(pid));
	return {
		browser,
		close: async () => {
			await browser.close().catch(() => {});
			for (const pid of browserGroups) await killProcessGroup(pid);
		},
	};
}

/**
 * Readies `page` to run an extension-host suite before it loads the workbench: the workbench
 * hands the extension host's console calls to `codeAutomationLog` (their argument lists,
 * printf-style for mocha), relayed here minus lines matching `noise`, and the suite's exit code
 * to `codeAutomationExit`. Resolves with that code.
 */
export async function relaySuite(page, { noise = [] } = {}) {
	let resolveExit;
	const exited = new Promise((resolve) => (resolveExit = resolve));
	await page.exposeFunction('codeAutomationLog', (level, message) => {
		const text = Array.isArray(message) ? format(...message) : String(message);
		if (noise.some((pattern) => pattern.test(text))) return;
		(level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${text}\n`);
	});
	await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
	return { exited };
}

