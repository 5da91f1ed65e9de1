import * as assert from 'node:assert/strict';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { LspHarness } from './harness';

/** One finding per cause: the other places travel as the diagnostic's related information. */
suite('diagnostics: one finding per cause, its other places related', () => {
  let harness: LspHarness;
  setup(async () => {
    harness = await LspHarness.start();
  });
  teardown(() => harness.dispose());

  test('an ambiguous date on every entry of a log is one diagnostic whose related information lists the repeats', async () => {
    const uri = 'file:///work/backup-log.txt';
    const text = ['04/03/2024 10:15 UTC Backup starts.', '04/03/2024 10:42 UTC Backup fails.', '04/03/2024 11:20 UTC Backup restarted.', ''].join('\n');
    await harness.open(uri, 'postmortem', text);
    const report = (await harness.pullDiagnostics(uri)) as FullDocumentDiagnosticReport;
    const ambiguous = report.items.filter((d) => d.code === 'ambiguous-date');
    assert.equal(ambiguous.length, 1);
    assert.deepEqual(ambiguous[0]!.range.start, { line: 0, character: 0 });
    const related = ambiguous[0]!.relatedInformation ?? [];
    assert.deepEqual(related.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]), [
      [uri, 1, 0],
      [uri, 2, 0],
    ]);
    assert.equal(report.items.filter((d) => d.code === 'missing-section').length, 1);
  });
});
