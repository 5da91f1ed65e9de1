import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, waitFor } from './helpers';

/** The palette commands, run as the palette runs them, on untitled postmortem documents. */

async function openPostmortem(content: string): Promise<vscode.TextEditor> {
  await activeExtension();
  const document = await vscode.workspace.openTextDocument({ language: 'postmortem', content });
  return vscode.window.showTextDocument(document);
}

async function closeActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('commands', () => {
  test('Insert Timeline Entry: an entry stamped now, in the timeline zone and format, with the cursor after it', async () => {
    const editor = await openPostmortem('## Summary\n\nDown.\n\n## Timeline\n\nAll times in UTC.\n\n- 00:00 - first sign of trouble\n\n## Root Cause\n\nA bad deploy.\n');
    const before = new Date();
    await waitFor(async () => {
      await vscode.commands.executeCommand('postmortem.insertTimelineEntry');
      return editor.document.lineCount > 14;
    }, undefined, 'the entry to be inserted');
    const line = editor.document.lineAt(9).text;
    const match = /^- (\d\d):(\d\d) - $/.exec(line);
    assert.ok(match, `a new entry line, got ${JSON.stringify(line)} in:\n${editor.document.getText()}`);
    const stamped = Number(match[1]) * 60 + Number(match[2]);
    const utcNow = before.getUTCHours() * 60 + before.getUTCMinutes();
    assert.ok(Math.abs(stamped - utcNow) <= 1 || Math.abs(stamped - utcNow) >= 1439, `stamped ${line} at UTC ${before.toISOString()}`);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [9, line.length], 'the cursor waits for the description');
    await closeActive();
  });

  test('Sort Timeline: entries in time order, the same edit as the quick fix', async () => {
    const editor = await openPostmortem('## Timeline\n\n- 10:20 UTC - fixed\n- 10:00 UTC - alert\n- 10:10 UTC - paged\n');
    await waitFor(async () => {
      await vscode.commands.executeCommand('postmortem.sortTimeline');
      return editor.document.getText() === '## Timeline\n\n- 10:00 UTC - alert\n- 10:10 UTC - paged\n- 10:20 UTC - fixed\n';
    }, undefined, 'the timeline to be sorted');
    await closeActive();
  });

  test('New Postmortem: the chosen template expanded in a new untitled postmortem', async () => {
    await activeExtension();
    const running = vscode.commands.executeCommand('postmortem.newPostmortem');
    // The first template (Holberton/ALX) is selected when the quick pick opens; accept it.
    const editor = await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && active.document.languageId === 'postmortem' && active.document.getText().includes('## Issue Summary') ? active : undefined;
    }, undefined, 'the template in a new editor');
    await running;
    const text = editor.document.getText();
    assert.match(text, /^# Postmortem: Short title of the outage\n/);
    assert.match(text, /\*\*Duration:\*\* 45 minutes, from \d\d:\d\d to \d\d:\d\d UTC[+-]\d\d:\d\d on \d{4}-\d\d-\d\d\./, 'snippet variables resolved');
    assert.equal(editor.document.getText(editor.selection), 'Short title of the outage', 'the first tab stop is selected');
    await vscode.commands.executeCommand('leaveSnippet');
    await closeActive();
  });
});
