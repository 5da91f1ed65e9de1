import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, MessageType } from 'vscode-languageserver/node';
import { findProjectConfigForUri } from '../../server/src/node/projectConfig';
import { ProjectConfigRequest } from '../../server/src/projectConfig';
import { LspHarness, neovimLikeCapabilities, waitFor } from './harness';
import { plainTextDocument, readmeText } from './referenceDocuments';


suite('settings', () => {
  let harness: LspHarness;
  teardown(() => harness.dispose());

  test('pulls the postmortem section for the document', async () => {
    harness = await LspHarness.start({ configuration: () => ({}) });
    const uri = 'file:///work/a.postmortem';
    await harness.open(uri, 'postmortem', plainTextDocument.text);
    await harness.documentSymbols(uri);
    assert.deepEqual(harness.configurationRequests, [{ scopeUri: uri, section: 'postmortem' }]);
    await harness.foldingRanges(uri);
    assert.equal(harness.configurationRequests.length, 1, 'cached per document');
  });

  test('an invalid value is shown once, naming the setting, and the default is used', async () => {
    harness = await LspHarness.start({ configuration: () => ({ durationToleranceMinutes: 'soon', maxDocumentSize: -3 }) });
    for (const name of ['a', 'b']) {
      const uri = `file:///work/${name}.postmortem`;
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      assert.ok(((await harness.pullDiagnostics(uri)) as { items: unknown[] }).items.length > 0, 'maxDocumentSize fell back to the default');
    }
    const warnings = harness.shownMessages.filter((m) => m.type === MessageType.Warning);
    assert.equal(warnings.filter((m) => m.message.includes('"postmortem.durationToleranceMinutes"')).length, 1, JSON.stringify(warnings));
    assert.equal(warnings.filter((m) => m.message.includes('"postmortem.maxDocumentSize"')).length, 1, JSON.stringify(warnings));
    assert.ok(warnings[0]!.message.includes('using 5'), warnings[0]!.message);
  });

  test('files.include decides which Markdown files are postmortems by name', async () => {
    harness = await LspHarness.start({ configuration: () => ({ files: { include: ['README.md'] } }) });
    const uri = 'file:///work/README.md';
    await harness.open(uri, 'markdown', readmeText);
    assert.ok((await harness.documentSymbols(uri)).length > 0);
  });

  test('a configuration change clears the cache and asks pull clients to refresh', async () => {
    let include: string[] = [];
    harness = await LspHarness.start({ configuration: () => ({ files: { include } }) });
    const uri = 'file:///work/README.md';
    await harness.open(uri, 'markdown', readmeText);
    assert.deepEqual(await harness.documentSymbols(uri), []);
    include = ['*.md'];
    await harness.changeConfiguration();
    await waitFor('a diagnostics refresh request', () => (harness.diagnosticRefreshes > 0 ? true : undefined));
    assert.ok((await harness.documentSymbols(uri)).length > 0);
    assert.equal(harness.configurationRequests.length, 2);
  });

  test('clients that cannot be asked push settings with didChangeConfiguration', async () => {
    harness = await LspHarness.start({
      capabilities: { ...neovimLikeCapabilities, workspace: { ...neovimLikeCapabilities.workspace, configuration: false } },
    });
    const uri = 'file:///work/README.md';
    await harness.open(uri, 'markdown', readmeText);
    assert.deepEqual(await harness.documentSymbols(uri), []);
    await harness.changeConfiguration({ postmortem: { files: { include: ['README.md'] } } });
    assert.ok((await harness.documentSymbols(uri)).length > 0);
    assert.equal(harness.configurationRequests.length, 0);
  });

  suite('.postmortem.json', () => {
    let folder: string;
    setup(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-project-'));
    });
    teardown(() => fs.rmSync(folder, { recursive: true, force: true }));

    test('overrides the editor settings and is watched', async () => {
      fs.writeFileSync(path.join(folder, '.postmortem.json'), JSON.stringify({ 'files.include': ['notes.md'] }));
      harness = await LspHarness.start({ configuration: () => ({ files: { include: [] } }), host: { loadProjectConfig: findProjectConfigForUri } });
      await waitFor('the watcher registration', () =>
        harness.registrations.includes(DidChangeWatchedFilesNotification.method) ? true : undefined,
      );
      const uri = pathToFileURL(path.join(folder, 'sub', 'notes.md')).href;
      await harness.open(uri, 'markdown', readmeText);
      assert.ok((await harness.documentSymbols(uri)).length > 0, 'served by the project file');

      fs.writeFileSync(path.join(folder, '.postmortem.json'), JSON.stringify({ files: { include: ['other.md'] } }));
      await harness.client.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(path.join(folder, '.postmortem.json')).href, type: FileChangeType.Changed }],
      });
      assert.deepEqual(await harness.documentSymbols(uri), []);
    });

    test('a broken file is reported by path and the editor settings apply', async () => {
      fs.writeFileSync(path.join(folder, '.postmortem.json'), '{ "inlayHints": false, }');
      harness = await LspHarness.start({ configuration: () => ({}), host: { loadProjectConfig: findProjectConfigForUri } });
      const uri = pathToFileURL(path.join(folder, 'outage.postmortem')).href;
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      assert.ok((await harness.documentSymbols(uri)).length > 0);
      const warning = harness.shownMessages.find((m) => m.type === MessageType.Warning);
      assert.ok(warning?.message.includes(path.join(folder, '.postmortem.json')), JSON.stringify(harness.shownMessages));
      assert.match(warning!.message, /not valid JSON/);
    });
  });

  suite('.postmortem.json found by the client (VS Code, desktop and browser)', () => {
    const timezoneMissing = async (uri: string) => {
      const report = await harness.pullDiagnostics(uri);
      return report.kind === 'full' ? report.items.find((d) => d.code === 'timezone-missing') : undefined;
    };

    test('the server asks the client for a document on any scheme and applies the text it returns; the disk is not read', async () => {
      const asked: string[] = [];
      harness = await LspHarness.start({
        configuration: () => ({}),
        initializationOptions: { projectConfig: 'client' },
        host: { loadProjectConfig: () => Promise.reject(new Error('the server read the disk')) },
      });
      harness.client.onRequest(ProjectConfigRequest.type, ({ uri }) => {
        asked.push(uri);
        return { path: 'vscode-vfs://github/acme/ops/.postmortem.json', text: '\uFEFF{ "severities": { "timezone-missing": "error" } }' };
      });
      const uri = 'vscode-vfs://github/acme/ops/postmortems/outage.postmortem';
      await harness.open(uri, 'postmortem', plainTextDocument.text);
      assert.equal((await timezoneMissing(uri))?.severity, 1, 'Error, from the project file');
      assert.deepEqual(asked, [uri]);
      assert.deepEqual(harness.shownMessages, []);
    });

    test('no file (null), an unreadable file and broken JSON: the editor settings apply, and the problem is shown by path', async () => {
      const answers: Record<string, unknown> = {
        'vscode-test-web://mount/a.postmortem': null,
        'vscode-test-web://mount/b.postmortem': { path: 'vscode-test-web://mount/.postmortem.json', error: 'cannot be read (NoPermissions)' },
        'vscode-test-web://mount/c.postmortem': { path: '/work/ops/.postmortem.json', text: '{ "inlayHints": false, }' },
      };
      harness = await LspHarness.start({ configuration: () => ({}), initializationOptions: { projectConfig: 'client' } });
      harness.client.onRequest(ProjectConfigRequest.type, ({ uri }) => answers[uri] as null);
      for (const uri of Object.keys(answers)) {
        await harness.open(uri, 'postmortem', plainTextDocument.text);
        assert.equal((await timezoneMissing(uri))?.severity, 2, `${uri}: the default Warning`);
      }
      const shown = harness.shownMessages.map((m) => m.message);
      assert.ok(shown.some((m) => m.includes('vscode-test-web://mount/.postmortem.json') && m.includes('NoPermissions')), JSON.stringify(shown));
      assert.ok(shown.some((m) => m.includes('/work/ops/.postmortem.json') && /not valid JSON/.test(m)), JSON.stringify(shown));
    });
  });
});
