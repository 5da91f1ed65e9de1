import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { labelShowsTime, plainHeading, splitLines } from '../../fixtures/expectations';
import { waitFor } from '../waitFor';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'postmortem-tools.postmortem';

/** How long a test waits for the language server to produce what it asserts on. */
export const SERVER_DEADLINE_MS = 30_000;

export { waitFor };

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

/** The position of the first `needle` in the document, `offset` characters into it. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
	const at = document.getText().indexOf(needle);
	assert.ok(at >= 0, `${JSON.stringify(needle)} not found in ${document.uri.path}`);
	return document.positionAt(at + offset);
}

/** The extension's diagnostics for a document (VS Code pulls them; other extensions' are left out). */
export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postmortem');
}

/** A diagnostic's code as a string (VS Code may wrap it as `{ value, target }`). */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
	const code = diagnostic.code;
	return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** The plain text of every hover the providers give at `position`. */
export async function hoverTexts(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
	const hovers = (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, position)) ?? [];
	return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

/** Code actions at a range, of a kind (`quickfix`, `source.fixAll`), as the lightbulb lists them. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
	const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
	return actions.filter((action): action is vscode.CodeAction => !('command' in action && typeof action.command === 'string'));
}

/** Applies a code action's edit through the workspace, as choosing it in the editor does. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
	assert.ok(action.edit, `code action "${action.title}" carries an edit`);
	assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace.applyEdit accepted "${action.title}"`);
}

export async function completionItems(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
	const list = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', uri, position);
	return list?.items ?? [];
}

export async function inlayHints(uri: vscode.Uri, range: vscode.Range): Promise<vscode.InlayHint[]> {
	return (await vscode.commands.executeCommand<vscode.InlayHint[] | undefined>('vscode.executeInlayHintProvider', uri, range)) ?? [];
}

/** An inlay hint's label as shown. */
export function hintLabel(hint: vscode.InlayHint): string {
	return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

/**
 * Undoes a test's unsaved edits: reverts the document to what is on disk, so later tests see the
 * fixture as written.
 */
export async function revert(document: vscode.TextDocument): Promise<void> {
	await vscode.window.showTextDocument(document, { preview: false });
	await vscode.commands.executeCommand('workbench.action.files.revert');
	await waitFor(() => !document.isDirty, SERVER_DEADLINE_MS, `${document.uri.path} to be reverted`);
}

/**
 * Opens a fixture and deletes it from `heading` to the end, as an author who has not written that
 * section yet. Returns the text kept; the caller reverts the document when done.
 */
export async function openWithoutTrailingSection(fileName: string, heading: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor; kept: string }> {
	const document = await openFixture(fileName);
	await activeExtension();
	const editor = await vscode.window.showTextDocument(document);
	const original = document.getText();
	const kept = original.slice(0, original.indexOf(heading));
	const deleted = await editor.edit((edit) => edit.delete(new vscode.Range(document.positionAt(kept.length), document.positionAt(original.length))));
	if (!deleted) {
		await revert(document);
		throw new Error(`could not delete "${heading}" and what follows from ${fileName}`);
	}
	return { document, editor, kept };
}

