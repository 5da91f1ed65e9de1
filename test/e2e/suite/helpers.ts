import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'postmortem-tools.postmortem';

/** How long a test waits for the language server to produce what it asserts on. */
export const SERVER_DEADLINE_MS = 30_000;

export interface ExpectedTimelineEntry {
	/** 24-hour clock time, `HH:MM`. */
	time: string;
	/** The text the entry's line starts with: locates the entry in the document. */
	linePrefix: string;
}

export interface ExpectedSection {
	/** What the section's symbol is called (compared ignoring case and Markdown `#` marks). */
	name: string;
	linePrefix: string;
}

export interface ExpectedDocument {
	languageId: string;
	sections?: ExpectedSection[];
	timelineSection?: string;
	headings?: string[];
	timeline?: ExpectedTimelineEntry[];
	notAPostmortem?: boolean;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** The expectations every editor layer shares (test/fixtures/expectations.json). */
export const expectations: Record<string, ExpectedDocument> = JSON.parse(
	fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'expectations.json'), 'utf8'),
).documents;

export function expected(fileName: string): ExpectedDocument {
	const document = expectations[fileName];
	assert.ok(document, `test/fixtures/expectations.json has no entry for ${fileName}`);
	return document;
}

/**
 * Polls `probe` until it returns without throwing (and not `undefined`/`false`), then returns its
 * value. At the deadline the last assertion error is rethrown, so a failure says what was wrong,
 * not only that time ran out.
 */
export async function waitFor<T>(
	probe: () => T | Promise<T>,
	timeoutMs = SERVER_DEADLINE_MS,
	description = 'condition',
): Promise<Exclude<T, undefined | false>> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
			lastError = new Error(`${description}: not yet (${String(value)})`);
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			if (lastError instanceof Error) {
				lastError.message = `after ${timeoutMs} ms waiting for ${description}: ${lastError.message}`;
				throw lastError;
			}
			throw new Error(`after ${timeoutMs} ms waiting for ${description}: ${String(lastError)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export function fixtureUri(fileName: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the tests run with test/fixtures/workspace open as the workspace folder');
	return vscode.Uri.joinPath(folder.uri, fileName);
}

/** Opens a fixture in an editor, as a user would, and returns its document. */
export async function openFixture(fileName: string): Promise<vscode.TextDocument> {
	const document = await vscode.workspace.openTextDocument(fixtureUri(fileName));
	await vscode.window.showTextDocument(document, { preview: false });
	return document;
}

/** The extension, activated: activation is what starts the language client. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
	const extension = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test instance`);
	await waitFor(() => extension.isActive, SERVER_DEADLINE_MS, `${EXTENSION_ID} to activate`);
	return extension;
}

export type OutlineSymbol = vscode.DocumentSymbol;

/** Every symbol of a tree, parents before children, in document order. */
export function flattenSymbols(symbols: readonly OutlineSymbol[]): OutlineSymbol[] {
	return symbols.flatMap((symbol) => [symbol, ...flattenSymbols(symbol.children ?? [])]);
}

/** What `vscode.executeDocumentSymbolProvider` returns: all providers' top-level symbols, merged. */
export async function documentSymbols(uri: vscode.Uri): Promise<OutlineSymbol[]> {
	const symbols = await vscode.commands.executeCommand<OutlineSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
	return symbols ?? [];
}

export async function foldingRanges(uri: vscode.Uri): Promise<vscode.FoldingRange[]> {
	const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', uri);
	return ranges ?? [];
}

/** The line number of the one line that starts with `prefix`. */
export function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
	const lines: number[] = [];
	for (let line = 0; line < document.lineCount; line++) {
		if (document.lineAt(line).text.startsWith(prefix)) lines.push(line);
	}
	assert.equal(lines.length, 1, `exactly one line of ${path.basename(document.uri.fsPath)} should start with ${JSON.stringify(prefix)}`);
	return lines[0]!;
}

/** `22:05` -> `10:05 PM`: entries may be labelled with the time as normalised or as written. */
export function twelveHourClock(time: string): string {
	const [hours, minutes] = time.split(':').map(Number) as [number, number];
	const hour12 = hours % 12 === 0 ? 12 : hours % 12;
	return `${hour12}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** True when the symbol's label (name or detail) shows the clock time, in either notation. */
export function symbolShowsTime(symbol: OutlineSymbol, time: string): boolean {
	const label = `${symbol.name} ${symbol.detail ?? ''}`.toUpperCase();
	return label.includes(time) || label.includes(twelveHourClock(time));
}

/** Symbols whose range starts on `line`. */
export function symbolsStartingOn(symbols: readonly OutlineSymbol[], line: number): OutlineSymbol[] {
	return symbols.filter((symbol) => symbol.range.start.line === line);
}

export function describeSymbols(symbols: readonly OutlineSymbol[]): string {
	return symbols.map((symbol) => `${symbol.range.start.line}: ${symbol.name}${symbol.detail ? ` (${symbol.detail})` : ''}`).join('\n');
}

/** Diagnostics the extension published for a document (other extensions' are left out). */
export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source?.toLowerCase().includes('postmortem'));
}

/** A symbol's name without Markdown `#` marks or a trailing colon, lower-cased, for comparisons. */
export function plainName(symbol: OutlineSymbol): string {
	return symbol.name.replace(/^#+\s*/, '').replace(/:\s*$/, '').trim().toLowerCase();
}
