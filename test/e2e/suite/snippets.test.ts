import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, describeSymbols, documentSymbols, flattenSymbols, SERVER_DEADLINE_MS, waitFor } from './helpers';

/**
 * The template snippets in a real editor: offered by VS Code's snippet completion in both
 * languages, and, expanded by VS Code's snippet engine and typed into tab stop by tab stop, they
 * give exactly the documents in test/fixtures/templates/, which the server reads with every
 * section recognised and no errors.
 */

interface SnippetFileEntry {
  readonly prefix: string;
  readonly body: readonly string[];
}

interface TemplateValues {
  readonly tabStops: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly addedEntry: Readonly<Record<string, string>>;
}

const TEMPLATES = [
  { id: 'holberton', sections: ['Postmortem:', 'Issue Summary', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures'] },
  { id: 'sre', sections: ['Checkout API outage: Postmortem', 'Summary', 'Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection', 'Action Items', 'Lessons Learned', 'What went well', 'What went wrong', 'Where we got lucky', 'Timeline'] },
  { id: 'pagerduty', sections: ['Checkout API outage: Postmortem', 'Overview', 'What Happened', 'Contributing Factors', 'Resolution', 'Impact', 'Responders', 'Timeline', "How'd We Do?", 'What Went Well?', "What Didn't Go So Well?", 'Action Items'] },
] as const;

/**
 * A file of the extension's folder, read through VS Code: on the desktop from disk, in the
 * browser from the server that serves the extension under development.
 */
async function extensionFile(...parts: string[]): Promise<string> {
  const extension = await activeExtension();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, ...parts)));
}

/** test/fixtures/templates/ in the repository the extension is developed from (the workspace is a scratch copy). */
function templateFile(name: string): Promise<string> {
  return extensionFile('test', 'fixtures', 'templates', name);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function snippetPrefixesOffered(languageId: string): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument({ language: languageId, content: 'pm-' });
  await vscode.window.showTextDocument(document);
  // VS Code loads snippet files lazily; on a busy machine the first request may come back without them.
  const snippets = await waitFor(
    async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 3));
      const labels = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
      return labels.some((label) => label.startsWith('pm-')) ? labels : undefined;
    },
    SERVER_DEADLINE_MS,
    `the pm- snippets in a ${languageId} document`,
  );
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return snippets;
}

/** Sections the server outlines, by name without Markdown marks. */
async function outlinedSections(uri: vscode.Uri): Promise<string[]> {
  return flattenSymbols(await documentSymbols(uri))
    .filter((symbol) => symbol.kind !== vscode.SymbolKind.Event)
    .map((symbol) => symbol.name.replace(/^#+\s*/, '').replace(/:$/, ''));
}

suite('snippets', () => {
  test('every template is offered in postmortem documents (both flavours) and in Markdown (Markdown flavour)', async () => {
    await activeExtension();
    const postmortem = await snippetPrefixesOffered('postmortem');
    const markdown = await snippetPrefixesOffered('markdown');
    for (const { id } of TEMPLATES) {
      assert.ok(postmortem.includes(`pm-${id}`), `pm-${id} in postmortem: ${postmortem.join(', ')}`);
      assert.ok(postmortem.includes(`pm-${id}-txt`), `pm-${id}-txt in postmortem`);
      assert.ok(markdown.includes(`pm-${id}`), `pm-${id} in markdown: ${markdown.join(', ')}`);
      assert.ok(!markdown.includes(`pm-${id}-txt`), `no pm-${id}-txt in markdown`);
    }
    for (const prefix of ['pm-timeline', 'pm-entry', 'pm-action', 'pm-task']) {
      assert.ok(postmortem.includes(prefix) && markdown.includes(prefix), `${prefix} in both languages`);
    }
  });

  const readValues = async (): Promise<TemplateValues> => JSON.parse(await templateFile('values.json')) as TemplateValues;

  for (const { id, sections } of TEMPLATES) {
    for (const flavor of ['md', 'txt'] as const) {
      const prefix = flavor === 'md' ? `pm-${id}` : `pm-${id}-txt`;
      test(`${prefix}: expanded and filled in the editor, it is the fixture; the server reads every section and reports no error`, async () => {
        const snippets = JSON.parse(await extensionFile('snippets', 'postmortem.json')) as Record<string, SnippetFileEntry>;
        const snippet = Object.values(snippets).find((entry) => entry.prefix === prefix);
        assert.ok(snippet, `${prefix} in snippets/postmortem.json`);
        const fixture = await templateFile(`${id}.postmortem.${flavor}`);
        const values = await readValues();
        const typed = values.tabStops[id]!;

        const document = await vscode.workspace.openTextDocument({ language: 'postmortem' });
        const editor = await vscode.window.showTextDocument(document);
        await editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')));
        // Tab stop by tab stop, as an author would: type over the placeholder, then Tab.
        for (const index of Object.keys(typed).map(Number).sort((a, b) => a - b)) {
          await vscode.commands.executeCommand('type', { text: typed[index] });
          await vscode.commands.executeCommand('hideSuggestWidget');
          await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        }
        await vscode.commands.executeCommand('leaveSnippet');

        // The fixture has one more entry, added with the entry completion after the second one.
        const fixtureLines = fixture.split('\n');
        const addedLine = fixtureLines.findIndex((line) => line.includes(values.addedEntry[id]!));
        assert.equal(document.getText(), [...fixtureLines.slice(0, addedLine), ...fixtureLines.slice(addedLine + 1)].join('\n'), 'the filled-in snippet');

        const above = document.lineAt(addedLine - 1);
        await editor.edit((edit) => edit.insert(above.range.end, '\n'));
        const at = new vscode.Position(addedLine, 0);
        editor.selection = new vscode.Selection(at, at);
        const entry = await waitFor(async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
          return list.items.find((item) => item.kind === vscode.CompletionItemKind.Event);
        }, undefined, `the timeline entry completion in ${prefix}`);
        const insert = entry.insertText instanceof vscode.SnippetString ? entry.insertText : new vscode.SnippetString(String(entry.insertText));
        const range = entry.range instanceof vscode.Range ? entry.range : entry.range?.replacing;
        await editor.insertSnippet(insert, range ?? new vscode.Range(at, at));
        await vscode.commands.executeCommand('type', { text: values.addedEntry[id] });
        await vscode.commands.executeCommand('leaveSnippet');
        assert.equal(document.getText(), fixture, 'snippet plus completion give the fixture');

        await waitFor(async () => {
          const outlined = await outlinedSections(document.uri);
          for (const section of sections) {
            assert.ok(outlined.some((name) => name.toLowerCase().startsWith(section.toLowerCase())), `section "${section}" outlined:\n${describeSymbols(flattenSymbols(await documentSymbols(document.uri)))}`);
          }
          return true;
        }, undefined, `the outline of ${prefix}`);
        const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        assert.deepEqual(errors.map((d) => d.message), []);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      });
    }
  }
});
