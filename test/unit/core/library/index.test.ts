import * as assert from 'node:assert/strict';
import { IncidentIndex } from '../../../../server/src/core/library/index';
import { fixtureSummaries, makeSummary } from './support';

suite('library: the incident index', () => {
  function fixtureIndex(): IncidentIndex {
    const index = new IncidentIndex();
    for (const summary of fixtureSummaries().values()) index.set(summary);
    return index;
  }

  test('lists summaries newest first, undated last; set replaces, delete removes', () => {
    const index = new IncidentIndex();
    index.set(makeSummary({ uri: 'a', date: '2024-01-01' }));
    index.set(makeSummary({ uri: 'b' }));
    index.set(makeSummary({ uri: 'c', date: '2024-03-01' }));
    assert.deepEqual(index.all().map((s) => s.uri), ['c', 'a', 'b']);
    index.set(makeSummary({ uri: 'a', date: '2025-01-01' }));
    assert.equal(index.size, 3);
    assert.deepEqual(index.all().map((s) => s.uri), ['a', 'c', 'b']);
    assert.equal(index.delete('c'), true);
    assert.equal(index.delete('c'), false);
    assert.deepEqual(index.all().map((s) => s.uri), ['a', 'b']);
  });

  test('action items across postmortems, filtered by state and owner', () => {
    const index = fixtureIndex();
    const all = index.actionItems();
    assert.equal(all.length, 18);
    const overdue = index.actionItems({ states: ['overdue'] });
    assert.ok(overdue.every((item) => item.state === 'overdue'));
    assert.deepEqual(
      overdue.map((item) => item.ticket),
      ['CHK-200', 'EDGE-40', 'EDGE-41', 'BIL-55', 'EDGE-31', 'CHK-140', 'DNS-8', 'DNS-9', 'CHK-102'],
    );
    const tomas = index.actionItems({ owner: 'TOMAS' });
    assert.deepEqual(
      tomas.map((item) => [item.ticket, item.incidentDate]),
      [
        ['CHK-200', '2024-08-15'],
        ['CHK-202', '2024-08-15'],
        ['CHK-140', '2024-03-02'],
        ['CHK-102', '2024-01-09'],
      ],
    );
    assert.equal(index.actionItems({ owner: '@tomas', states: ['open'] }).length, 1);
  });

  test('related incidents: the expected earlier neighbours, best first', () => {
    const index = fixtureIndex();
    const names = (uri: string) => index.related(uri).map((related) => related.summary.uri);
    assert.deepEqual(names('2024-08-15-checkout-latency.md'), ['2024-03-02-checkout-pool-during-sale.md', '2024-01-09-checkout-connection-pool.md']);
    assert.deepEqual(names('2024-03-02-checkout-pool-during-sale.md'), ['2024-01-09-checkout-connection-pool.md']);
    assert.equal(names('2024-07-03-certificate-renewal-job.md')[0], '2024-04-20-expired-cdn-certificate.md');
    assert.deepEqual(names('2024-01-09-checkout-connection-pool.md'), [], 'nothing earlier');
    assert.deepEqual(names('2024-05-11-billing-queue-backlog.txt'), [], 'nothing alike');
    const best = index.related('2024-08-15-checkout-latency.md')[0]!;
    assert.deepEqual(best.sharedServices, ['checkout-api', 'orders-db']);
    assert.ok(best.sharedTerms.includes('connection'));
    assert.ok(best.score > index.related('2024-08-15-checkout-latency.md')[1]!.score);
  });

  test('related incidents follow changes: a deleted neighbour goes, a new one comes', () => {
    const index = fixtureIndex();
    index.delete('2024-03-02-checkout-pool-during-sale.md');
    assert.deepEqual(
      index.related('2024-08-15-checkout-latency.md').map((r) => r.summary.uri),
      ['2024-01-09-checkout-connection-pool.md'],
    );
    index.set(makeSummary({ uri: 'later.md', date: '2025-01-01', services: ['checkout-api'], terms: ['reporting', 'replica', 'connection'] }));
    assert.ok(!index.related('2024-08-15-checkout-latency.md').some((r) => r.summary.uri === 'later.md'), 'later incidents are not "before"');
    assert.equal(index.related('later.md')[0]!.summary.uri, '2024-08-15-checkout-latency.md');
    assert.equal(index.related('later.md', 1).length, 1);
    assert.deepEqual(index.related('missing.md'), []);
  });

  test('workspace symbols: incidents by date and title, sections and action items by words', () => {
    const index = fixtureIndex();
    assert.deepEqual(
      index.workspaceSymbols('2024-08').map((s) => [s.kind, s.name]),
      [['incident', '2024-08-15 Checkout latency: orders-db connections saturated']],
    );
    const certificate = index.workspaceSymbols('certificate expiry');
    assert.deepEqual(
      certificate.map((s) => [s.kind, s.name, s.line]),
      [
        ['action', 'Extend certificate expiry monitoring to every gateway', 28],
        ['action', 'Monitor certificate expiry on every public domain', 26],
      ],
    );
    assert.equal(certificate[0]!.containerName, '2024-07-03 Certificate renewal job failed; API certificate expired');
    assert.ok(index.workspaceSymbols('root cause').every((s) => s.kind === 'section' && s.name === 'Root Cause'));
    assert.equal(index.workspaceSymbols('').length, 8);
    assert.equal(index.workspaceSymbols('', 3).length, 3);
  });
});
