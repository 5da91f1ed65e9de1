import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertPinnedFingerprints, fingerprintDocument, type Fingerprint } from '../outputFingerprint';
import { repoRoot } from '../paths';
import { corpusDocuments, corpusRoot } from './corpusRoot';

/**
 * Every output of every corpus document, and of documents from the shared generator at 100 and
 * 2,000 entries, pinned as hashes in `test/corpus/fingerprints.json` (hashes of outputs only: no
 * word of a document is kept). The companion of `test/unit/outputFingerprints.test.ts` for
 * documents the project does not own; `POSTMORTEM_CORPUS=… npm run snapshots:update` rewrites it.
 */
const fingerprintFile = path.join(repoRoot, 'test', 'corpus', 'fingerprints.json');

function sharedGeneratorDocuments(): { name: string; text: () => string }[] {
  const generator = path.join(corpusRoot, 'bench', 'gen-postmortem.mjs');
  if (!fs.existsSync(generator)) return [];
  return [100, 2000].flatMap((entries) =>
    ['md', 'txt'].map((format) => ({
      name: `generated/${entries}-entries.${format}`,
      text: () => execFileSync(process.execPath, [generator, '--entries', String(entries), '--seed', '1', '--format', format], { encoding: 'utf8', maxBuffer: 1 << 26 }),
    })),
  );
}

suite('every output of every corpus document is pinned', () => {
  test('fingerprints of the corpus and generated documents match test/corpus/fingerprints.json', function () {
    this.timeout(300_000);
    const documents = [...corpusDocuments().map(({ name, text }) => ({ name, text: () => text })), ...sharedGeneratorDocuments()];
    const actual: Record<string, Fingerprint> = {};
    for (const document of documents) actual[document.name] = fingerprintDocument(document.text());
    assertPinnedFingerprints(fingerprintFile, actual, 'POSTMORTEM_CORPUS=<folder> npm run snapshots:update');
  });
});
