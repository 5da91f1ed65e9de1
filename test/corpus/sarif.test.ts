import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../cli/runCli';
import { assertValidSarif } from '../cli/sarifSchema';
import { corpusDocuments, corpusRoot, requireCorpus } from './corpusRoot';

requireCorpus();

suite('corpus: SARIF', () => {
  test('the SARIF log of the seeds and every corpus document validates against the SARIF 2.1.0 schema', async function () {
    this.timeout(60_000);
    const files = corpusDocuments().map((document) => path.join(corpusRoot, document.name));
    const run = await runCli(['check', '--format', 'sarif', ...files]);
    assert.notEqual(run.code, 2, run.stderr);
    const [sarifRun] = assertValidSarif(run.stdout).runs;
    assert.equal(sarifRun!.artifacts.length, files.length, 'one artifact per document');
    assert.ok(sarifRun!.results.length > 0, 'the corpus has findings');
  });
});
