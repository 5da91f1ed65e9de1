import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, completionItems, openFixture, openWithoutTrailingSection, positionOf, revert, waitFor } from './helpers';

suite('completion and snippets', () => {
	test('incident-postmortem.txt: on a new line in the timeline, an entry snippet 5 minutes after the entry above', async () => {
		const document = await openFixture('incident-postmortem.txt');
		await activeExtension();
		const editor = await vscode.window.showTextDocument(document);
		try {
			// A new empty line under the 7:22 PM entry, as a user pressing Enter there makes.
			const endOfEntry = document.lineAt(positionOf(document, '7:22 PM:').line).range.end;
			assert.ok(await editor.edit((edit) => edit.insert(endOfEntry, '\n')));
			const cursor = new vscode.Position(endOfEntry.line + 1, 0);

			const entry = await waitFor(async () => {
				const items = await completionItems(document.uri, cursor);
				const found = items.find((item) => item.kind === vscode.CompletionItemKind.Event);
				assert.ok(found, `an entry among ${items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).join(', ')}`);
				return found;
			}, undefined, 'the timeline entry completion');
			assert.ok(entry.insertText instanceof vscode.SnippetString, 'the entry is a snippet');
			assert.equal(entry.insertText.value, '7:27 PM: ${1:What happened}$0');

			await editor.insertSnippet(entry.insertText, cursor);
			assert.equal(document.lineAt(cursor.line).text, '7:27 PM: What happened');
		} finally {
			await revert(document);
		}
	});

	test('outage-postmortem.md without its last section: at the end, the missing section comes first, as a heading of the same level', async () => {
		const heading = '### Corrective and Preventative Measures';
		const { document, editor, kept: cut } = await openWithoutTrailingSection('outage-postmortem.md', heading);
		try {
			const end = document.positionAt(cut.length);
			const sections = await waitFor(async () => {
				const items = (await completionItems(document.uri, end)).filter((item) => item.kind === vscode.CompletionItemKind.Module);
				assert.ok(items.length > 0, 'section completions');
				return items.sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1));
			}, undefined, 'the section completions');
			const [first] = sections;
			assert.equal(first!.label, heading, `sections offered: ${sections.map((item) => String(item.label)).join(', ')}`);
			assert.equal(first!.detail, 'Missing required section: corrective actions');
			assert.ok(first!.insertText instanceof vscode.SnippetString);

			await editor.insertSnippet(first!.insertText, end);
			await vscode.commands.executeCommand('type', { text: 'Add a health check to every backend pool.' });
			assert.equal(document.getText(), `${cut}${heading}\n\nAdd a health check to every backend pool.`);
		} finally {
			await revert(document);
		}
	});
});
