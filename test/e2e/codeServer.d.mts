// Types for codeServer.mjs, so the TypeScript UI journey can use it.
import type { Browser, Page } from 'playwright-core';

export interface CodeServer {
	origin: string;
	port: number;
	pid: number;
	exited: Promise<number | string>;
	logTail(count?: number): string;
	ready(timeoutMs?: number): Promise<unknown>;
	stop(): Promise<void>;
}

export interface ExitGuard {
	onCleanup(cleanup: () => unknown): void;
	finish(code: number, message?: string): Promise<never>;
}

export function pollUntil<T>(probe: () => T | Promise<T>, options: { timeoutMs: number; intervalMs?: number; what: string }): Promise<T>;
export function freePort(): Promise<number>;
export function killProcessGroup(pgid: number, options?: { graceMs?: number }): Promise<void>;
export function spawnCodeServer(options: {
	entry: string;
	userDataDir: string;
	extensionsDir: string;
	target?: string;
	settings?: Record<string, unknown>;
	onOutput?: (text: string) => void;
}): Promise<CodeServer>;
export function installExtension(options: {
	entry: string;
	userDataDir: string;
	extensionsDir: string;
	vsix: string;
	timeoutMs?: number;
	onProcess?: (pgid: number) => void;
}): Promise<string>;
export function exitGuard(options: { timeoutMs: number; timeoutMessage?: () => string }): ExitGuard;
export function launchChromium(executablePath: string): Promise<{ browser: Browser; close(): Promise<void> }>;
export function relaySuite(page: Page, options?: { noise?: readonly RegExp[] }): Promise<{ exited: Promise<number> }>;
