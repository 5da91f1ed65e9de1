import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { activeExtension, documentSymbols, waitFor } from './helpers';

const text = '# Postmortem\n\n## Timeline\n\n- 10:00 UTC deploy\n- 09:00 UTC rollback\n';

/** Language server processes started by this extension host: children running dist/server.js. */
function serverPids(): number[] {
	const listing = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
	return listing
		.split('\n')
		.map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
		.filter((match): match is RegExpExecArray => match !== null && Number(match[2]) === process.pid && /dist[\\/]server\.js/.test(match[3]!))
		.map((match) => Number(match[1]));
}

describe('the language server process dies', () => {
	it('the client restarts it, and diagnostics and the outline come back', async () => {
		await activeExtension();
		const document = await vscode.workspace.openTextDocument({ language: 'postmortem', content: text });
		await vscode.window.showTextDocument(document);
		const hasOrderDiagnostic = (): boolean => vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'timeline-order');
		await waitFor(hasOrderDiagnostic, undefined, 'diagnostics before the crash');
		const [before] = await waitFor(() => (serverPids().length === 1 ? serverPids() : undefined), undefined, 'one server process');

		process.kill(before!, 'SIGKILL');
		await waitFor(() => serverPids().every((pid) => pid !== before) && serverPids().length === 1, undefined, 'a new server process');

		// An edit makes sure the answers come from the new process, not a cache in the client.
		const edit = new vscode.WorkspaceEdit();
		edit.insert(document.uri, new vscode.Position(document.lineCount - 1, 0), '- 09:30 UTC paged\n');
		assert.ok(await vscode.workspace.applyEdit(edit));
		await waitFor(
			async () => (await documentSymbols(document.uri)).length > 0 && vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'timeline-order').length > 0,
			undefined,
			'outline and diagnostics from the restarted server',
		);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});
});
