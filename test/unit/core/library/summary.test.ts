import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeStats, statsGroupings } from '../../../../server/src/core/library/stats';
import { looksLikePostmortem, normaliseSeverity, summarizePostmortem, type PostmortemSummary } from '../../../../server/src/core/library/summary';
import { fixtureSummaries, libraryFixtures } from './support';

suite('library: postmortem summaries', () => {
  const summaries = fixtureSummaries();

  test('title, date, severity and services come from the document', () => {
    const latency = summaries.get('2024-08-15-checkout-latency.md')!;
    assert.equal(latency.title, 'Checkout latency: orders-db connections saturated');
    assert.equal(latency.titleLine, 0);
    assert.equal(latency.date, '2024-08-15');
    assert.equal(latency.severity, 'SEV1');
    assert.deepEqual(latency.services, ['checkout-api', 'orders-db']);
  });

  test('durations follow the hover: TTD, TTM, TTR from the start; duration from start to end', () => {
    const latency = summaries.get('2024-08-15-checkout-latency.md')!;
    // 13:00 start, 13:25 alert, 14:30 mitigated, 15:00 fully restored.
    assert.equal(latency.ttdMinutes, 25);
    assert.equal(latency.ttmMinutes, 90);
    assert.equal(latency.ttrMinutes, 120);
    assert.equal(latency.durationMinutes, 120);
  });

  test('what a document does not say is unknown, never zero', () => {
    const stale = summaries.get('2024-09-30-search-index-rebuild.md')!;
    assert.equal(stale.severity, undefined);
    assert.equal(stale.durationMinutes, undefined);
    assert.equal(stale.ttdMinutes, undefined);
    assert.equal(stale.ttmMinutes, undefined);
    assert.equal(stale.ttrMinutes, undefined);
    assert.deepEqual(stale.services, []);
    // No date in the text: the file name gives it.
    assert.equal(stale.date, '2024-09-30');
    const dns = summaries.get('2024-02-14-dns-resolver-cache.md')!;
    assert.equal(dns.ttmMinutes, 70, 'the partial recovery is the mitigation');
    const billing = summaries.get('2024-05-11-billing-queue-backlog.txt')!;
    assert.equal(billing.ttmMinutes, undefined);
  });

  test('action items carry owner, due date, ticket, line and state as of today', () => {
    const pool = summaries.get('2024-01-09-checkout-connection-pool.md')!;
    assert.deepEqual(pool.actionItems, [
      { text: 'Cap the total connection pool per service in the deploy check', line: 28, owner: '@mira', due: '2024-02-01', ticket: 'CHK-101', state: 'done' },
      { text: 'Alert on orders-db connections above 80% of the limit', line: 29, owner: '@tomas', due: '2024-02-15', ticket: 'CHK-102', state: 'overdue' },
      { text: 'Document pool sizing for checkout-api', line: 30, owner: '@mira', due: '2030-01-31', ticket: 'CHK-103', state: 'open' },
    ]);
    const before = summarizePostmortem('x.md', '# T\n\n## Action Items\n\n- [ ] Fix it (owner: @a, due 2024-02-15)\n', { today: '2024-02-15' });
    assert.equal(before.actionItems[0]!.state, 'open', 'due today is not overdue yet');
    const after = summarizePostmortem('x.md', '# T\n\n## Action Items\n\n- [ ] Fix it (owner: @a, due 2024-02-15)\n', { today: '2024-02-16' });
    assert.equal(after.actionItems[0]!.state, 'overdue');
  });

  test('plain text: a first line is the title, labels give the rest', () => {
    const billing = summaries.get('2024-05-11-billing-queue-backlog.txt')!;
    assert.equal(billing.title, 'Billing emails delayed: queue backlog after a consumer crash');
    assert.equal(billing.severity, 'SEV3');
    assert.deepEqual(billing.services, ['billing-worker', 'message-queue']);
    assert.equal(billing.ttdMinutes, 335);
    assert.deepEqual(
      billing.actionItems.map((item) => item.state),
      ['overdue', 'done'],
    );
  });

  test('findings are counted by severity; sections are listed with their lines', () => {
    const latency = summaries.get('2024-08-15-checkout-latency.md')!;
    const total = latency.findings.errors + latency.findings.warnings + latency.findings.information + latency.findings.hints;
    assert.ok(latency.findings.warnings >= 1, 'the overdue item is a warning');
    assert.ok(total >= latency.findings.warnings);
    assert.deepEqual(
      latency.sections.filter((section) => section.kind !== 'title').map((section) => [section.title, section.line]),
      [
        ['Summary', 6],
        ['Timeline', 10],
        ['Root Cause', 20],
        ['Action Items', 24],
      ],
    );
    const uncounted = summarizePostmortem('x.md', '# T\n\n## Action Items\n\n- [ ] Fix it (due 2024-02-15)\n', { today: '2025-01-01', countFindings: false });
    assert.deepEqual(uncounted.findings, { errors: 0, warnings: 0, information: 0, hints: 0 });
  });

  test('without findings and terms (as postmortem stats and actions summarise) every other field is the same, and so are the statistics', () => {
    const folder = path.join(libraryFixtures, 'postmortems');
    const full: PostmortemSummary[] = [];
    const light: PostmortemSummary[] = [];
    for (const name of fs.readdirSync(folder).sort()) {
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      full.push(summarizePostmortem(name, text, { today: '2024-10-01' }));
      light.push(summarizePostmortem(name, text, { today: '2024-10-01', countFindings: false, searchTerms: false }));
    }
    assert.ok(full.some((summary) => summary.terms.length > 0 && summary.findings.warnings > 0), 'the fixtures have terms and findings to leave out');
    assert.deepEqual(
      light,
      full.map((summary) => ({ ...summary, findings: { errors: 0, warnings: 0, information: 0, hints: 0 }, terms: [] })),
    );
    for (const by of statsGroupings) assert.deepEqual(computeStats(light, { by, today: '2024-10-01', longest: 5 }), computeStats(full, { by, today: '2024-10-01', longest: 5 }));
  });

  test('terms are lower-cased words of the title, summary and root cause, without stop words', () => {
    const latency = summaries.get('2024-08-15-checkout-latency.md')!;
    assert.ok(latency.terms.includes('orders-db'));
    assert.ok(latency.terms.includes('replica'), 'from the root cause');
    assert.ok(!latency.terms.includes('the'));
    assert.ok(!latency.terms.includes('paged'), 'timeline words are not terms');
  });

  test('front matter gives the title; without any title the file name does', () => {
    const front = summarizePostmortem('a/b.md', '---\ntitle: "Queue stall"\ndate: 2023-04-05\n---\n\n## Summary\n\nIt stalled.\n', { today: '2024-01-01' });
    assert.equal(front.title, 'Queue stall');
    assert.equal(front.titleLine, 1);
    assert.equal(front.date, '2023-04-05');
    const bare = summarizePostmortem('file:///x/2023-02-03-cache%20miss.md', '', { today: '2024-01-01' });
    assert.equal(bare.title, '2023-02-03-cache miss');
    assert.equal(bare.date, '2023-02-03');
    assert.equal(bare.durationMinutes, undefined);
    assert.deepEqual(bare.actionItems, []);
  });

  test('a single timed entry gives no duration (start and end are the same moment)', () => {
    const one = summarizePostmortem('x.md', '# T\n\n## Summary\n\nA blip.\n\n## Timeline\n\n- 10:00 Alert fired\n', { today: '2024-01-01' });
    assert.equal(one.durationMinutes, undefined);
  });

  test('severities are normalised', () => {
    assert.equal(normaliseSeverity('Sev 1'), 'SEV1');
    assert.equal(normaliseSeverity('sev-2 (major)'), 'SEV2');
    assert.equal(normaliseSeverity('P2 (High)'), 'P2');
    assert.equal(normaliseSeverity('critical'), 'Critical');
    assert.equal(normaliseSeverity('whatever'), undefined);
  });

  test('looksLikePostmortem reads content the way the editor does', () => {
    assert.equal(looksLikePostmortem('# Notes\n\nHow we write postmortems.\n'), false);
    assert.equal(looksLikePostmortem('# Outage\n\n## Summary\n\nDown.\n\n## Timeline\n\n- 10:00 Down\n'), true);
  });
});
