import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, waitFor } from './helpers';

describe('UTF-16 positions in the editor', () => {
	it('emoji before a timestamp: diagnostics and hovers cover exactly the time', async () => {
		await activeExtension();
		const content = '😀😀 10:00 PM deploy\n## Timeline\n\n😀😀 10:00 PM deploy\n👩‍💻 9:00 PM rollback 🇺🇸\n';
		const document = await vscode.workspace.openTextDocument({ language: 'postmortem', content });
		await vscode.window.showTextDocument(document);
		const order = await waitFor(
			() => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'timeline-order' || (typeof d.code === 'object' && d.code.value === 'timeline-order')),
			undefined,
			'a timeline-order diagnostic',
		);
		assert.equal(document.getText(order.range), '9:00 PM');
		const hovers = await waitFor(
			async () => {
				const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(3, 7));
				return found.find((hover) => hover.range !== undefined);
			},
			undefined,
			'a hover on the first timeline time',
		);
		assert.equal(document.getText(hovers.range!), '10:00 PM');
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});
});
