import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  ExecuteCommandRequest,
  FileChangeType,
  ShowDocumentRequest,
  DidChangeWatchedFilesNotification,
  WorkDoneProgressCreateRequest,
  WorkDoneProgressCancelNotification,
  WorkspaceFoldersRequest,
  WorkspaceSymbolRequest,
  type ProtocolConnection,
  type ShowDocumentParams,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import {
  ActionItemsRequest,
  IncidentsRequest,
  LibraryChangedNotification,
  ReadDirectoryRequest,
  ReadFilesRequest,
  RelatedIncidentsRequest,
} from '../../server/src/library/protocol';
import type { WorkspaceFiles } from '../../server/src/library/workspaceFiles';
import { nodeWorkspaceFiles } from '../../server/src/node/workspaceFiles';
import { fixturesDirectory } from '../paths';
import { LspHarness, vscodeLikeCapabilities, waitFor } from './harness';

const libraryFixture = path.join(fixturesDirectory, 'incident-library');
const settings = { review: { today: '2024-12-01' } };

/**
 * `folder` served as `${mount}/`, the way VS Code for the Web mounts its workspace: the folder is
 * the root of the URI's authority. A URI without a path is refused, as VS Code can neither list
 * it nor join names to it.
 */
function mountedFiles(mount: string, folder: string): WorkspaceFiles {
  const disk = pathToFileURL(folder).href;
  const toDisk = (uri: string) => (uri.startsWith(`${mount}/`) ? disk + uri.slice(mount.length) : undefined);
  const fromDisk = (uri: string) => mount + uri.slice(disk.length);
  return {
    async readDirectory(uri) {
      const onDisk = toDisk(uri);
      if (onDisk === undefined) return { error: `${uri} has no path` };
      const listing = await nodeWorkspaceFiles.readDirectory(onDisk);
      return listing.entries ? { entries: listing.entries.map((entry) => ({ ...entry, uri: fromDisk(entry.uri) })) } : listing;
    },
    readFiles(uris, maxBytes) {
      return Promise.all(
        uris.map(async (uri) => {
          const onDisk = toDisk(uri);
          return onDisk === undefined ? { uri, error: `${uri} has no path` } : { ...(await nodeWorkspaceFiles.readFiles([onDisk], maxBytes))[0]!, uri };
        }),
      );
    },
  };
}

/** A client that reads files for the server, as VS Code's does, and records the library's notifications. */
class LibraryClient {
  readonly changes: LibraryChangedNotification.Params[] = [];
  readonly progress: unknown[] = [];
  readonly shown: ShowDocumentParams[] = [];
  progressTokens: (string | number)[] = [];
  harness!: LspHarness;

  static async start(folders: string[], extra: { maxDocumentSize?: number; progress?: boolean; answerFolders?: boolean; mount?: string } = {}): Promise<LibraryClient> {
    const library = new LibraryClient();
    const files = extra.mount ? mountedFiles(extra.mount, folders[0]!) : nodeWorkspaceFiles;
    library.harness = await LspHarness.start({
      capabilities: {
        ...vscodeLikeCapabilities,
        window: { workDoneProgress: extra.progress === true, showDocument: { support: true } },
        workspace: { ...vscodeLikeCapabilities.workspace, workspaceFolders: extra.answerFolders === true },
      },
      initializationOptions: { workspaceFiles: 'client' },
      workspaceFolders: extra.mount ? [`${extra.mount}/`] : folders.map((folder) => pathToFileURL(folder).href),
      configuration: (item) => (item.section === 'postmortem' ? { ...settings, ...(extra.maxDocumentSize ? { maxDocumentSize: extra.maxDocumentSize } : {}) } : null),
      onClient: (client: ProtocolConnection) => {
        client.onRequest(ReadDirectoryRequest.type, ({ uri }) => files.readDirectory(uri));
        client.onRequest(ReadFilesRequest.type, async ({ uris, maxBytes }) => ({ files: await files.readFiles(uris, maxBytes) }));
        client.onRequest(WorkspaceFoldersRequest.type, () => folders.map((folder, index) => ({ uri: pathToFileURL(folder).href, name: `f${index}` })));
        client.onNotification(LibraryChangedNotification.type, (params) => {
          library.changes.push(params);
        });
        client.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
          library.progressTokens.push(token);
        });
        client.onNotification('$/progress', (params: unknown) => {
          library.progress.push(params);
        });
        client.onRequest(ShowDocumentRequest.type, (params) => {
          library.shown.push(params);
          return { success: true };
        });
      },
    });
    return library;
  }

  get client(): ProtocolConnection {
    return this.harness.client;
  }

  complete(timeoutMs = 10000): Promise<LibraryChangedNotification.Params> {
    return waitFor('the index to be complete', () => this.changes.find((change) => change.complete && change.uris === undefined), timeoutMs);
  }

  incidents(): Promise<IncidentsRequest.Result> {
    return this.client.sendRequest(IncidentsRequest.type, {});
  }
}

/** The zero-based line of the fixture `postmortems/<name>` holding `needle`. */
const fixtureLine = (name: string, needle: string) => fs.readFileSync(path.join(libraryFixture, 'postmortems', name), 'utf8').split('\n').findIndex((line) => line.includes(needle));
const fileName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

suite('incident library over the protocol', () => {
  let library: LibraryClient;
  teardown(async () => {
    await library?.harness.dispose();
  });

  test('indexes the postmortems of the workspace folder through the client, and only them', async () => {
    library = await LibraryClient.start([libraryFixture]);
    await library.complete();
    const { incidents, complete, skipped } = await library.incidents();
    assert.equal(complete, true);
    assert.deepEqual(
      incidents.map((incident) => `${incident.date} ${incident.severity} ${incident.title}`),
      [
        '2024-11-19 SEV3 Image uploads rejected',
        '2024-10-21 SEV1 API gateway certificate expiry',
        '2024-09-05 SEV2 Origin overload after a full CDN purge',
        '2024-08-11 SEV3 NOTIFICATIONS QUEUE BACKLOG',
        '2024-06-30 SEV1 Checkout pool exhaustion during the summer sale',
        '2024-05-27 SEV2 Login failures from a DNS change',
        '2024-04-18 SEV3 Slow search after the index grew',
        '2024-03-02 SEV1 Checkout outage',
        '2024-02-14 SEV1 Payments gateway certificate expired',
        '2024-01-09 SEV2 Checkout errors during a database failover',
      ],
    );
    // The README and the stand-up notes are Markdown but not postmortems.
    assert.ok(!incidents.some((incident) => /README|standup/.test(incident.uri)));
    const outage = incidents.find((incident) => incident.title === 'Checkout outage')!;
    assert.deepEqual([outage.durationMinutes, outage.ttdMinutes, outage.ttrMinutes], [70, 4, 70]);
    assert.deepEqual(outage.services, ['checkout', 'postgres']);
    assert.equal('terms' in outage, false, 'the search terms stay in the server');
    assert.deepEqual(skipped, { binary: 0, tooLarge: 0, unreadable: 0, symlinkedFolders: 0, notUtf8: 0 });
  });

  test('a workspace folder at the root of its authority, as VS Code for the Web mounts one, is listed from its root', async () => {
    library = await LibraryClient.start([libraryFixture], { mount: 'vscode-test-web://mount' });
    await library.complete();
    const { incidents, skipped } = await library.incidents();
    assert.equal(incidents.length, 10);
    assert.deepEqual(incidents.map((incident) => incident.uri).filter((uri) => !/^vscode-test-web:\/\/mount\/(?:postmortems|team)\/[^/]+$/.test(uri)), []);
    assert.equal(skipped.unreadable, 0);
  });

  test('action items grouped by state and by owner, with their lines', async () => {
    library = await LibraryClient.start([libraryFixture]);
    await library.complete();
    const byState = await library.client.sendRequest(ActionItemsRequest.type, { groupBy: 'state' });
    assert.deepEqual(
      byState.groups.map((group) => `${group.label} ${group.items.length}`),
      ['overdue 8', 'open 4', 'done 6'],
    );
    const pooler = byState.groups[0]!.items.find((item) => item.ticket === 'OPS-130')!;
    assert.deepEqual(
      { owner: pooler.owner, due: pooler.due, line: pooler.line, file: fileName(pooler.uri), incident: pooler.incidentTitle },
      { owner: 'dana', due: '2024-04-15', line: fixtureLine('2024-03-02-checkout-outage.md', 'OPS-130'), file: '2024-03-02-checkout-outage.md', incident: 'Checkout outage' },
    );
    const byOwner = await library.client.sendRequest(ActionItemsRequest.type, { groupBy: 'owner' });
    assert.deepEqual(
      byOwner.groups.map((group) => `${group.label} ${group.items.length}`),
      ['dana 3', 'kim 3', 'lee 3', 'omar 3', 'priya 3', 'sam 2', '(no owner) 1'],
    );
  });

  test('related incidents: earlier postmortems sharing services and root-cause words, best first', async () => {
    library = await LibraryClient.start([libraryFixture]);
    await library.complete();
    const uriOf = (name: string) => pathToFileURL(path.join(libraryFixture, 'postmortems', name)).href;
    const pool = await library.client.sendRequest(RelatedIncidentsRequest.type, { textDocument: { uri: uriOf('2024-06-30-checkout-pool-exhaustion.md') } });
    assert.deepEqual(pool.related.slice(0, 2).map((related) => fileName(related.incident.uri)).sort(), ['2024-01-09-checkout-db-failover.md', '2024-03-02-checkout-outage.md']);
    assert.ok(pool.related.every((related) => related.incident.date! <= '2024-06-30'), 'only earlier incidents');
    const certificate = await library.client.sendRequest(RelatedIncidentsRequest.type, { textDocument: { uri: uriOf('2024-10-21-api-gateway-certificate.md') } });
    assert.equal(fileName(certificate.related[0]!.incident.uri), '2024-02-14-payments-certificate-expiry.md');
    assert.ok(certificate.related[0]!.sharedTerms.includes('certificate'));
  });

  test('a code lens on the root-cause heading names the similar incidents and opens them', async () => {
    library = await LibraryClient.start([libraryFixture]);
    await library.complete();
    const file = path.join(libraryFixture, 'postmortems', '2024-06-30-checkout-pool-exhaustion.md');
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    await library.harness.open(uri, 'markdown', text);
    const rootCauseLine = text.split('\n').indexOf('## Root Cause');
    const lenses = (await library.client.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const similar = lenses.filter((lens) => lens.range.start.line === rootCauseLine);
    const related = await library.client.sendRequest(RelatedIncidentsRequest.type, { textDocument: { uri } });
    assert.ok(related.related.length >= 2);
    assert.deepEqual(
      similar.map((lens) => lens.command!.arguments![0].uri),
      related.related.map((entry) => entry.incident.uri),
    );
    assert.match(similar[0]!.command!.title, /^Similar: 2024-0[13]-0\d Checkout/);
    const shown = await library.client.sendRequest(ExecuteCommandRequest.type, { command: similar[0]!.command!.command, arguments: similar[0]!.command!.arguments });
    assert.equal(shown, true);
    assert.equal(library.shown[0]!.uri, similar[0]!.command!.arguments![0].uri);
  });

  test('workspace symbols find postmortems by title and date, and their sections and action items', async () => {
    library = await LibraryClient.start([libraryFixture]);
    await library.complete();
    const symbols = async (query: string) => ((await library.client.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? []) as SymbolInformation[];
    assert.deepEqual((await symbols('certificate')).filter((symbol) => symbol.containerName === undefined).map((symbol) => symbol.name), [
      '2024-10-21 API gateway certificate expiry',
      '2024-02-14 Payments gateway certificate expired',
    ]);
    assert.deepEqual((await symbols('2024-03')).map((symbol) => symbol.name), ['2024-03-02 Checkout outage']);
    const pooler = await symbols('connection pooler');
    assert.equal(pooler.length, 1);
    assert.equal(pooler[0]!.containerName, '2024-03-02 Checkout outage');
    assert.equal(pooler[0]!.location.range.start.line, fixtureLine('2024-03-02-checkout-outage.md', 'OPS-130'));
    const rootCauses = (await symbols('root cause')).filter((symbol) => symbol.containerName !== undefined);
    assert.equal(rootCauses.length, 10);
  });

  suite('on disk', () => {
    let folder: string;
    setup(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-library-'));
      fs.cpSync(libraryFixture, folder, { recursive: true });
    });
    teardown(() => fs.rmSync(folder, { recursive: true, force: true }));

    test('a file changed, created or deleted on disk updates the index', async () => {
      library = await LibraryClient.start([folder]);
      await library.complete();
      const file = path.join(folder, 'postmortems', '2024-03-02-checkout-outage.md');
      const uri = pathToFileURL(file).href;
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Severity: SEV1', 'Severity: SEV2').replace('| Open |', '| Done |'));
      await library.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
      await waitFor('the change', () => library.changes.find((change) => change.uris?.includes(uri)));
      const changed = (await library.incidents()).incidents.find((incident) => incident.uri === uri)!;
      assert.equal(changed.severity, 'SEV2');
      assert.deepEqual(changed.actionItems.map((item) => item.state), ['done', 'done']);

      const created = path.join(folder, 'postmortems', '2024-12-01-queue.md');
      fs.copyFileSync(path.join(folder, 'postmortems', '2024-05-27-login-dns.md'), created);
      fs.rmSync(file);
      await library.client.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [
          { uri: pathToFileURL(created).href, type: FileChangeType.Created },
          { uri, type: FileChangeType.Deleted },
        ],
      });
      await waitFor('the creation', () => library.changes.find((change) => change.uris?.includes(pathToFileURL(created).href)));
      const uris = (await library.incidents()).incidents.map((incident) => incident.uri);
      assert.ok(uris.includes(pathToFileURL(created).href));
      assert.ok(!uris.includes(uri));
      assert.equal(uris.length, 10);
    });

    test('an open document is indexed from the editor text, not the disk', async () => {
      library = await LibraryClient.start([folder]);
      await library.complete();
      const file = path.join(folder, 'postmortems', '2024-04-18-search-latency.md');
      const uri = pathToFileURL(file).href;
      await library.harness.open(uri, 'markdown', fs.readFileSync(file, 'utf8').replace('# Slow search after the index grew', '# Slow search, edited'));
      await waitFor('the open document', () => library.changes.find((change) => change.uris?.includes(uri)));
      assert.equal((await library.incidents()).incidents.find((incident) => incident.uri === uri)!.title, 'Slow search, edited');
      await library.harness.close(uri);
      await waitFor('the file again', () => library.changes.filter((change) => change.uris?.includes(uri)).length >= 2 ? true : undefined);
      assert.equal((await library.incidents()).incidents.find((incident) => incident.uri === uri)!.title, 'Slow search after the index grew');
    });

    test('binary, huge, non-UTF-8 and unreadable files and folder links are skipped with counts', async function () {
      const bad = path.join(folder, 'postmortems');
      fs.writeFileSync(path.join(bad, 'binary-postmortem.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0xff]));
      fs.writeFileSync(path.join(bad, 'huge-postmortem.md'), `# Huge\n\n${'x'.repeat(300_000)}\n`);
      const latin1 = fs.readFileSync(path.join(bad, '2024-05-27-login-dns.md'), 'utf8').replace('# Login failures from a DNS change', '# Login failures: caf\u00e9 DNS');
      fs.writeFileSync(path.join(bad, '2024-05-28-latin1.md'), Buffer.from(latin1, 'latin1'));
      fs.symlinkSync(folder, path.join(bad, 'loop'), 'dir');
      const unreadable = path.join(bad, 'locked-postmortem.md');
      fs.writeFileSync(unreadable, '# Locked\n');
      fs.chmodSync(unreadable, 0o000);
      const canLock = (() => {
        try {
          fs.readFileSync(unreadable);
          return false;
        } catch {
          return true;
        }
      })();
      library = await LibraryClient.start([folder], { maxDocumentSize: 200_000 });
      await library.complete();
      const { incidents, skipped } = await library.incidents();
      assert.deepEqual(skipped, { binary: 1, tooLarge: 1, unreadable: canLock ? 1 : 0, symlinkedFolders: 1, notUtf8: 1 });
      assert.ok(incidents.some((incident) => incident.title === 'Login failures: caf\uFFFD DNS'), 'read with a replacement character');
      assert.equal(incidents.length, canLock ? 11 : 12);
    });

    test('a large folder reports $/progress, and cancelling it stops indexing with the index incomplete', async () => {
      for (let index = 0; index < 150; index++) {
        fs.copyFileSync(path.join(folder, 'postmortems', '2024-03-02-checkout-outage.md'), path.join(folder, 'postmortems', `copy-${index}.md`));
      }
      library = await LibraryClient.start([folder], { progress: true });
      await library.complete();
      assert.equal(library.progressTokens.length, 1);
      const kinds = library.progress.map((params) => (params as { value: { kind: string } }).value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds.at(-1), 'end');
      assert.ok(kinds.includes('report'));
      assert.equal((await library.incidents()).incidents.length, 160);
      await library.harness.dispose();

      // Enough files that the run is still going when the cancel arrives, however loaded the machine.
      for (let index = 150; index < 1500; index++) {
        fs.copyFileSync(path.join(folder, 'postmortems', '2024-03-02-checkout-outage.md'), path.join(folder, 'postmortems', `copy-${index}.md`));
      }
      library = await LibraryClient.start([folder], { progress: true });
      const token = await waitFor('progress', () => library.progressTokens[0]);
      await library.client.sendNotification(WorkDoneProgressCancelNotification.type, { token });
      await waitFor('the end of the run', () => (library.progress.some((params) => (params as { value: { kind: string } }).value.kind === 'end') ? true : undefined));
      const result = await library.incidents();
      assert.equal(result.complete, false);
    });

    test('folders asked of the client with workspace/workspaceFolders', async () => {
      library = await LibraryClient.start([folder], { answerFolders: true });
      await library.complete();
      assert.equal((await library.incidents()).incidents.length, 10);
    });
  });
});
