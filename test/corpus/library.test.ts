import * as assert from 'node:assert/strict';
import { IncidentIndex } from '../../server/src/core/library/index';
import { computeStats } from '../../server/src/core/library/stats';
import { isIsoDay, summarizePostmortem } from '../../server/src/core/library/summary';
import { runCli } from '../cli/runCli';
import { corpusDocuments, devCorpusDirectory, requireCorpus } from './corpusRoot';

suite('corpus: the incident library', () => {
  suiteSetup(requireCorpus);

  test('every document summarises with durations that are unknown or measured, never invented', () => {
    const index = new IncidentIndex();
    for (const { name, text } of corpusDocuments()) {
      const summary = summarizePostmortem(name, text, { today: '2026-12-01' });
      const lines = text.split(/\r\n|\r|\n/).length;
      if (summary.date !== undefined) assert.ok(isIsoDay(summary.date), `${name}: date ${summary.date}`);
      assert.ok(summary.durationMinutes === undefined || summary.durationMinutes > 0, `${name}: duration ${summary.durationMinutes}`);
      for (const value of [summary.ttdMinutes, summary.ttmMinutes, summary.ttrMinutes]) assert.ok(value === undefined || value >= 0, `${name}: ${value}`);
      for (const item of summary.actionItems) assert.ok(item.line >= 0 && item.line < lines, `${name}: line ${item.line}`);
      assert.ok(summary.title.trim() !== '', name);
      index.set(summary);
    }
    for (const summary of index.all()) {
      for (const related of index.related(summary.uri)) {
        assert.notEqual(related.summary.uri, summary.uri);
        if (summary.date && related.summary.date) assert.ok(related.summary.date <= summary.date);
      }
    }
    const stats = computeStats(index.all(), { by: 'quarter', today: '2026-12-01' });
    assert.equal(stats.total.incidents, index.size);
    assert.equal(
      stats.periods.reduce((sum, period) => sum + period.incidents, 0),
      index.size,
    );
  });

  test('postmortem stats and actions read the development corpus without passing over a postmortem', async () => {
    const stats = await runCli(['stats', devCorpusDirectory, '--today', '2026-12-01']);
    assert.equal(stats.code, 0, stats.stderr);
    assert.match(stats.stdout, /\n\d+ files read: \d+ postmortems(; passed over: \d+ not (a postmortem|postmortems))?\n$/);
    const actions = await runCli(['actions', devCorpusDirectory, '--today', '2026-12-01', '--format', 'json']);
    assert.equal(actions.code, 0, actions.stderr);
    const listed = JSON.parse(actions.stdout) as { counts: { listed: number; open: number; done: number } };
    assert.equal(listed.counts.listed, listed.counts.open + listed.counts.done);
  });
});
