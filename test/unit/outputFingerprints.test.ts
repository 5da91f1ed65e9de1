import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertPinnedFingerprints, changedOutputs, fingerprintDocument, type Fingerprint } from '../outputFingerprint';
import { fixturesDirectory, repoRoot } from '../paths';

/**
 * Every output of every document the project owns (each fixture, and generated documents of two
 * sizes in both formats), pinned as hashes in `test/unit/snapshots/fingerprints.json`. A change
 * meant to keep results (a faster parser, an incremental path) must pass this unchanged; after a
 * change meant to alter results, `npm run snapshots:update` rewrites the file and its diff shows
 * which documents and which kinds of output moved.
 */
const fingerprintFile = path.join(repoRoot, 'test', 'unit', 'snapshots', 'fingerprints.json');

function fixtureDocuments(directory: string): { name: string; text: () => string }[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return fixtureDocuments(full);
      if (!/\.(?:md|txt)$/.test(entry.name)) return [];
      return [{ name: path.relative(fixturesDirectory, full).split(path.sep).join('/'), text: () => fs.readFileSync(full, 'utf8') }];
    });
}

function generatedDocuments(): { name: string; text: () => string }[] {
  const generator = path.join(repoRoot, 'bench', 'generate.mjs');
  return [30, 300].flatMap((entries) =>
    ['md', 'txt'].flatMap((format) =>
      [1, 2].map((seed) => ({
        name: `generated/${entries}-entries-seed-${seed}.${format}`,
        text: () => execFileSync(process.execPath, [generator, '--entries', String(entries), '--seed', String(seed), '--format', format], { encoding: 'utf8' }),
      })),
    ),
  );
}

suite('every output of every project document is pinned', () => {
  test('fingerprints of the fixtures and generated documents match test/unit/snapshots/fingerprints.json', function () {
    this.timeout(120_000);
    const documents = [...fixtureDocuments(fixturesDirectory), ...generatedDocuments()];
    const actual: Record<string, Fingerprint> = {};
    for (const document of documents) actual[document.name] = fingerprintDocument(document.text());
    assert.ok(documents.length >= 40, `${documents.length} documents read`);
    assertPinnedFingerprints(fingerprintFile, actual, 'npm run snapshots:update');
  });

  test('a fingerprint moves when an output moves', () => {
    const text = '# Outage\n\n## Timeline\n\n- 10:00 UTC alert fired\n- 10:20 UTC rolled back\n';
    const before = fingerprintDocument(text);
    const after = fingerprintDocument(text.replace('10:20', '09:20'));
    const changed = changedOutputs(before, after);
    for (const kind of ['model', 'default.findings', 'default.hovers', 'sortTimeline', 'picture']) assert.ok(changed.includes(kind), `${kind} among ${changed.join(', ')}`);
    assert.deepEqual(changedOutputs(before, fingerprintDocument(text)), [], 'the same text, the same fingerprint');
  });
});
