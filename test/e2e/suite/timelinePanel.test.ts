import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, documentSymbols, flattenSymbols, openFixture, revert, SERVER_DEADLINE_MS, waitFor } from './helpers';

/**
 * Postmortem: Show Timeline. The page inside the webview is out of the extension host's reach: it
 * reports what it rendered to the panel, which the tests read through `_postmortem.timelinePanel.state`,
 * and a click is simulated by sending the panel the message the page sends for one. The UI
 * journey (test/ui/journey.ts) clicks a mark for real.
 */

interface PanelState {
  readonly documentUri: string;
  readonly picture?: { svg: string; message?: string; marks: { id: string; line: number; label: string; placed: boolean; omitted?: boolean }[] };
  readonly rendered?: { markIds: string[]; current?: string; message?: string };
}

async function panelState(): Promise<PanelState | undefined> {
  return vscode.commands.executeCommand<PanelState | undefined>('_postmortem.timelinePanel.state');
}

/** Waits until the page has rendered a picture of `document` satisfying `check`. */
async function rendered(document: vscode.TextDocument, check: (state: Required<PanelState>) => void, what: string): Promise<Required<PanelState>> {
  return waitFor(
    async () => {
      const state = await panelState();
      assert.ok(state, 'the panel is open');
      assert.equal(state.documentUri, document.uri.toString());
      assert.ok(state.picture && state.rendered, `the page has rendered: ${JSON.stringify(state)}`);
      check(state as Required<PanelState>);
      return state as Required<PanelState>;
    },
    SERVER_DEADLINE_MS,
    what,
  );
}

function timelineTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('postmortem.timeline'));
}

async function closePanel(): Promise<void> {
  const tab = timelineTab();
  if (tab) await vscode.window.tabGroups.close(tab);
  await waitFor(async () => (await panelState()) === undefined, SERVER_DEADLINE_MS, 'the panel to close');
}

/** The marks the drawing has an element for. */
function drawnIds(state: Required<PanelState>): string[] {
  return state.picture.marks.filter((mark) => !mark.omitted).map((mark) => mark.id);
}

suite('timeline panel', () => {
  test('Show Timeline opens the drawing beside the editor, one mark per entry; a click reveals its line; the cursor highlights its entry; typing redraws', async () => {
    const document = await openFixture('outage-postmortem.md');
    await activeExtension();
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const entryLines = await waitFor(
      async () => {
        const lines = flattenSymbols(await documentSymbols(document.uri))
          .filter((symbol) => symbol.kind === vscode.SymbolKind.Event)
          .map((symbol) => symbol.range.start.line);
        return lines.length === 7 ? lines : undefined;
      },
      SERVER_DEADLINE_MS,
      'the outline to list the 7 entries',
    );

    try {
      await vscode.commands.executeCommand('postmortem.showTimeline');
      const opened = await rendered(
        document,
        (state) => {
          assert.match(state.picture.svg, /^<svg[\s>]/);
          assert.deepEqual(state.rendered.markIds, drawnIds(state), 'the page shows every mark of the drawing');
        },
        'the page to render the drawing',
      );
      assert.deepEqual(
        opened.picture.marks.map((mark) => mark.line),
        entryLines,
        'one mark per timeline entry, on the lines the outline gives them',
      );
      assert.equal(opened.rendered.markIds.length, 7);
      assert.equal(opened.rendered.current, undefined, 'the cursor is on no entry');
      const tab = timelineTab();
      assert.ok(tab, 'a webview tab');
      assert.equal(tab.label, 'Timeline: outage-postmortem.md');
      assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the editor');

      // A click on the fifth mark: the page sends this message.
      const target = opened.picture.marks[4]!;
      await vscode.commands.executeCommand('_postmortem.timelinePanel.receive', { type: 'reveal', line: target.line, focusEditor: true });
      const revealed = await waitFor(
        () => {
          const active = vscode.window.activeTextEditor;
          return active?.document === document && active.selection.active.line === target.line ? active : undefined;
        },
        SERVER_DEADLINE_MS,
        `the editor to reveal line ${target.line}`,
      );
      assert.ok(revealed.visibleRanges.some((range) => range.contains(new vscode.Position(target.line, 0))), 'the line is on screen');
      await rendered(document, (state) => assert.equal(state.rendered.current, target.id, 'the entry under the cursor is highlighted'), 'the highlight to follow the cursor');

      // Typing a new entry after the last one redraws the picture with it.
      const last = entryLines.at(-1)!;
      await revealed.edit((edit) => edit.insert(new vscode.Position(last + 1, 0), '\nOctober 23rd, 2023, 2:30 PM UTC - Review meeting scheduled.\n'));
      await rendered(document, (state) => assert.equal(state.rendered.markIds.length, 8, `8 marks: ${JSON.stringify(state.rendered.markIds)}`), 'the new entry to be drawn');
    } finally {
      await closePanel();
      await revert(document);
    }
  });

  test('Show Timeline on a document that is not a postmortem says there is nothing to draw', async () => {
    const document = await openFixture('README.md');
    await activeExtension();
    try {
      await vscode.commands.executeCommand('postmortem.showTimeline');
      const state = await rendered(document, (shown) => assert.match(shown.rendered.message ?? '', /not a postmortem/i), 'the page to say why nothing is drawn');
      assert.deepEqual(state.rendered.markIds, []);
    } finally {
      await closePanel();
    }
  });

  test('the panel follows the active editor to another postmortem, and stays when the editor shows something else', async () => {
    const first = await openFixture('outage-postmortem.md');
    await activeExtension();
    try {
      await vscode.commands.executeCommand('postmortem.showTimeline');
      await rendered(first, (state) => assert.equal(state.rendered.markIds.length, 7), 'the first postmortem drawn');
      const second = await openFixture('checkout-latency.postmortem.md');
      await rendered(second, (state) => assert.ok(state.rendered.markIds.length > 0, 'marks drawn'), 'the panel to follow to the second postmortem');
      assert.equal(timelineTab()?.label, 'Timeline: checkout-latency.postmortem.md');
      await openFixture('README.md');
      // The panel asked about the README as it came to the front; a redraw asked after it (what
      // the page's "ready" does) has its answer once the README's is in.
      await vscode.commands.executeCommand('_postmortem.timelinePanel.receive', { type: 'ready', width: 700 });
      assert.equal((await panelState())?.documentUri, second.uri.toString(), 'the panel stays on the postmortem');
    } finally {
      await closePanel();
    }
  });
});
