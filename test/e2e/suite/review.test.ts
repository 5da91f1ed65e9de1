import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, applyCodeAction, codeActions, diagnosticCode, hoverTexts, openFixture, positionOf, postmortemDiagnostics, revert, waitFor } from './helpers';

/**
 * The review of action items in the editor. The fixture's folder has a .postmortem.json that
 * fixes "today" (`review.today`: 2024-11-16) and the ticket URL template, so the overdue
 * figures do not depend on the day the tests run.
 */
const FIXTURE = 'review/certificate-expiry.postmortem.md';

const convertedList = [
  '| Action | Owner | Due | Ticket | Status |',
  '| --- | --- | --- | --- | --- |',
  '| Renew certificates automatically | @kim | 2024-10-20 | OPS-101 | Open |',
  '| Replace the expired certificate | Ravi | 2024-10-11 | OPS-100 | Done |',
  '| Alert 30 days before any certificate expires | @ana | 2024-12-01 |  | Open |',
  '| Document the renewal runbook |  |  |  | Open |',
];

/**
 * Puts the fixture back as written, on disk too: a workbench that saves automatically may have
 * saved an edit before the test could revert it.
 */
async function restore(document: vscode.TextDocument, original: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => {
    edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    edit.setEndOfLine(vscode.EndOfLine.LF);
  });
  await document.save();
  await revert(document);
  assert.equal(document.getText(), original, 'the fixture is back as written');
}

async function diagnosticWithCode(document: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  return waitFor(() => postmortemDiagnostics(document.uri).find((diagnostic) => diagnosticCode(diagnostic) === code), undefined, `the ${code} diagnostic`);
}

suite('review of action items', () => {
  test('an overdue open item: a warning on its due date', async () => {
    const document = await openFixture(FIXTURE);
    await activeExtension();
    const overdue = await diagnosticWithCode(document, 'action-item-overdue');
    const due = positionOf(document, '2024-10-20', 0);
    assert.equal(overdue.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([overdue.range.start.line, overdue.range.start.character, overdue.range.end.line, overdue.range.end.character], [due.line, due.character, due.line, due.character + '2024-10-20'.length]);
    assert.match(overdue.message, /"Renew certificates automatically" was due on 2024-10-20, 27 days ago, and is still open/);
    assert.equal(postmortemDiagnostics(document.uri).filter((d) => diagnosticCode(d) === 'action-item-overdue').length, 1, 'the done item and the item due later are not overdue');
  });

  test('the hover on an item shows "overdue by N days", the owner, the ticket and the state', async () => {
    const document = await openFixture(FIXTURE);
    await activeExtension();
    const texts = await waitFor(
      async () => {
        const found = (await hoverTexts(document.uri, positionOf(document, 'Renew certificates'))).join('\n');
        assert.match(found, /overdue by/);
        return found;
      },
      undefined,
      'the action item hover',
    );
    assert.match(texts, /Due: 2024-10-20 \(overdue by 27 days\)/);
    assert.match(texts, /Owner: @kim/);
    assert.match(texts, /State: open/);
    assert.match(texts, /https:\/\/tracker\.example\/browse\/OPS-101/);
  });

  test('the code lens over the action section counts actions, open, overdue and items without owner', async () => {
    const document = await openFixture(FIXTURE);
    await activeExtension();
    const heading = positionOf(document, '## Action Items', 0).line;
    const lenses = await waitFor(
      async () => {
        const found = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
        const titles = found.filter((lens) => lens.range.start.line === heading).map((lens) => lens.command?.title ?? '');
        assert.ok(titles.length > 0, 'a lens on the action heading');
        return found;
      },
      undefined,
      'the action section code lens',
    );
    assert.deepEqual(lenses.filter((lens) => lens.range.start.line === heading).map((lens) => lens.command?.title), ['4 actions · 3 open · 1 overdue · 1 without owner']);
    const overdueLine = positionOf(document, 'Renew certificates').line;
    const markDone = lenses.find((lens) => lens.range.start.line === overdueLine);
    assert.equal(markDone?.command?.title, 'Mark done');
    assert.equal(markDone?.command?.command, 'postmortem.server.markActionDone');
  });

  test('the ticket key links to the tracker through postmortem.ticketUrl', async () => {
    const document = await openFixture(FIXTURE);
    await activeExtension();
    const links = await waitFor(
      async () => {
        const found = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri)) ?? [];
        assert.ok(found.some((link) => link.target?.toString(true).includes('OPS-101')), `links: ${found.map((l) => l.target?.toString(true)).join(', ')}`);
        return found;
      },
      undefined,
      'the ticket links',
    );
    const ticket = positionOf(document, 'OPS-101', 0);
    const link = links.find((l) => l.range.start.line === ticket.line && l.range.start.character === ticket.character);
    assert.ok(link, 'a link exactly on OPS-101');
    assert.equal(link.range.end.character, ticket.character + 'OPS-101'.length);
    assert.equal(link.target?.toString(true), 'https://tracker.example/browse/OPS-101');
  });

  for (const eol of ['LF', 'CRLF'] as const) {
    test(`convert the task list to an action table (${eol}): the expected text, line breaks kept`, async () => {
      const document = await openFixture(FIXTURE);
      await activeExtension();
      const editor = await vscode.window.showTextDocument(document);
      const original = document.getText();
      try {
        if (eol === 'CRLF') {
          assert.ok(await editor.edit((edit) => edit.setEndOfLine(vscode.EndOfLine.CRLF)));
          assert.equal(document.eol, vscode.EndOfLine.CRLF);
        }
        const lineBreak = eol === 'CRLF' ? '\r\n' : '\n';
        const before = document.getText();
        const owner = await waitFor(
          () => postmortemDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'action-item-owner' && d.range.start.line === positionOf(document, 'Document the renewal').line),
          undefined,
          'the action-item-owner diagnostic after the line breaks changed',
        );
        const convert = await waitFor(
          async () => {
            // On the item that lacks an owner, the lightbulb's refactorings include the conversion.
            const actions = await codeActions(document.uri, owner.range, 'refactor.rewrite');
            const found = actions.find((action) => action.title.startsWith('Convert the 4 actions to an action table'));
            assert.ok(found, `among: ${actions.map((a) => a.title).join(', ')}`);
            return found;
          },
          undefined,
          'the convert-to-table fix',
        );
        await applyCodeAction(convert);
        const listStart = before.indexOf('- [ ] Renew');
        assert.equal(document.getText(), before.slice(0, listStart) + convertedList.join(lineBreak) + lineBreak);
        await waitFor(
          () => postmortemDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'action-item-overdue' && d.range.start.line === positionOf(document, '| Renew').line),
          undefined,
          'the overdue warning on the converted row',
        );
      } finally {
        await restore(document, original);
      }
    });
  }
});
