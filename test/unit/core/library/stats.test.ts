import * as assert from 'node:assert/strict';
import { computeStats, distribution, groupKeys, percentile } from '../../../../server/src/core/library/stats';
import { fixtureSummaries, makeSummary } from './support';

suite('library: statistics', () => {
  test('percentiles interpolate between ranks', () => {
    assert.equal(percentile([], 50), undefined);
    assert.equal(percentile([7], 90), 7);
    assert.equal(percentile([10, 20], 50), 15);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9.1);
    assert.equal(percentile([1, 2, 3, 4, 5], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5], 100), 5);
  });

  test('unknown values are counted apart, never as zero', () => {
    assert.deepEqual(distribution([undefined, 30, undefined, 10]), { known: 2, unknown: 2, median: 20, p90: 28, min: 10, max: 30 });
    assert.deepEqual(distribution([undefined]), { known: 0, unknown: 1 });
    assert.deepEqual(distribution([0, 0]), { known: 2, unknown: 0, median: 0, p90: 0, min: 0, max: 0 }, 'a measured zero stays');
  });

  test('periods: month, quarter, severity, service', () => {
    const summary = makeSummary({ uri: 'a', date: '2024-08-15', severity: 'SEV1', services: ['api', 'db'] });
    assert.deepEqual(groupKeys(summary, 'month'), ['2024-08']);
    assert.deepEqual(groupKeys(summary, 'quarter'), ['2024-Q3']);
    assert.deepEqual(groupKeys(makeSummary({ uri: 'b', date: '2024-12-31' }), 'quarter'), ['2024-Q4']);
    assert.deepEqual(groupKeys(summary, 'severity'), ['SEV1']);
    assert.deepEqual(groupKeys(summary, 'service'), ['api', 'db']);
    const bare = makeSummary({ uri: 'c' });
    assert.deepEqual([groupKeys(bare, 'month'), groupKeys(bare, 'severity'), groupKeys(bare, 'service')], [['undated'], ['unknown'], ['unknown']]);
  });

  test('the fixture library by quarter', () => {
    const stats = computeStats(fixtureSummaries().values(), { by: 'quarter', today: '2024-10-01' });
    assert.deepEqual(
      stats.periods.map((p) => [p.key, p.incidents]),
      [
        ['2024-Q1', 3],
        ['2024-Q2', 2],
        ['2024-Q3', 3],
      ],
    );
    const q1 = stats.periods[0]!;
    // Durations 65, 95, 40; TTR 65, 95, 40; TTD 12, 19, 7.
    assert.deepEqual(q1.duration, { known: 3, unknown: 0, median: 65, p90: 89, min: 40, max: 95 });
    assert.equal(q1.ttd.median, 12);
    assert.deepEqual(q1.severities, { SEV2: 2, SEV1: 1 });
    assert.deepEqual(
      q1.longest.map((i) => [i.uri, i.durationMinutes]),
      [
        ['2024-02-14-dns-resolver-cache.md', 95],
        ['2024-01-09-checkout-connection-pool.md', 65],
        ['2024-03-02-checkout-pool-during-sale.md', 40],
      ],
    );
    assert.deepEqual(q1.actions, { total: 8, open: 5, overdue: 4, done: 3 });
    const q3 = stats.periods[2]!;
    assert.equal(q3.duration.unknown, 1, 'the stale-search incident has no duration');
    assert.equal(q3.duration.known, 2);
    assert.equal(stats.total.incidents, 8);
    assert.deepEqual(stats.total.actions, { total: 18, open: 12, overdue: 9, done: 6 });
    assert.deepEqual(stats.excluded, { outsideRange: 0, undated: 0 });
  });

  test('overdue is judged on the day given, not on the day of the summary', () => {
    const summaries = [...fixtureSummaries('2024-01-01').values()];
    const early = computeStats(summaries, { by: 'month', today: '2024-01-01' });
    assert.equal(early.total.actions.overdue, 0);
    const later = computeStats(summaries, { by: 'month', today: '2031-06-01' });
    // Every open item is overdue by then but the one without a due date.
    assert.equal(later.total.actions.overdue, later.total.actions.open - 1);
  });

  test('since and until keep a range and count what they leave out', () => {
    const summaries = [...fixtureSummaries().values(), makeSummary({ uri: 'undated.md' })];
    const stats = computeStats(summaries, { by: 'month', since: '2024-03-01', until: '2024-07-31', today: '2024-10-01' });
    assert.deepEqual(stats.periods.map((p) => p.key), ['2024-03', '2024-04', '2024-05', '2024-07']);
    assert.deepEqual(stats.excluded, { outsideRange: 4, undated: 1 });
    const all = computeStats(summaries, { by: 'month', today: '2024-10-01' });
    assert.equal(all.periods.at(-1)!.key, 'undated');
  });

  test('by severity: weightiest first, unknown last; by service: an incident under each service', () => {
    const summaries = [...fixtureSummaries().values()];
    const bySeverity = computeStats(summaries, { by: 'severity', today: '2024-10-01' });
    assert.deepEqual(bySeverity.periods.map((p) => [p.key, p.incidents]), [
      ['SEV1', 2],
      ['SEV2', 3],
      ['SEV3', 2],
      ['unknown', 1],
    ]);
    const byService = computeStats(summaries, { by: 'service', today: '2024-10-01' });
    assert.deepEqual(byService.periods.slice(0, 2).map((p) => [p.key, p.incidents]), [
      ['checkout-api', 3],
      ['edge-proxy', 3],
    ]);
    assert.equal(byService.periods.at(-1)!.key, 'unknown');
    assert.equal(byService.total.incidents, 8, 'the total counts each incident once');
  });
});
