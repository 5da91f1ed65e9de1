import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { labelShowsTime, plainHeading, splitLines } from '../../fixtures/expectations';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'postmortem-tools.postmortem';

/** How long a test waits for the language server to produce what it asserts on. */
export const SERVER_DEADLINE_MS = 30_000;

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

/** The document's lines, for the line lookups in ../../fixtures/expectations. */
export function linesOf(document: vscode.TextDocument): string[] {
	return splitLines(document.getText());
}

/** True when the symbol's name or detail shows the clock time, in either notation. */
export function symbolShowsTime(symbol: OutlineSymbol, time: string): boolean {
	return labelShowsTime(`${symbol.name} ${symbol.detail ?? ''}`, time);
}

/** Symbols whose range starts on `line`. */
export function symbolsStartingOn(symbols: readonly OutlineSymbol[], line: number): OutlineSymbol[] {
	return symbols.filter((symbol) => symbol.range.start.line === line);
}

export function describeSymbols(symbols: readonly OutlineSymbol[]): string {
	return symbols.map((symbol) => `${symbol.range.start.line}: ${symbol.name}${symbol.detail ? ` (${symbol.detail})` : ''}`).join('\n');
}

/** A symbol's name without Markdown `#` marks or a trailing colon, lower-cased. */
export function plainName(symbol: OutlineSymbol): string {
	return plainHeading(symbol.name);
}
