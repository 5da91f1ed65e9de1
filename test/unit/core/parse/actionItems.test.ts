import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readActionItems, type ActionItem } from '../../../../server/src/core/parse/actionItems';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import { fixturesDirectory } from '../../../paths';

const reviewFixtures = path.join(fixturesDirectory, 'review');

function itemsOf(file: string): ActionItem[] {
  return [...readActionItems(parsePostmortem(fs.readFileSync(path.join(reviewFixtures, file), 'utf8'))).items];
}

/** One line per item: form, text, owner, due (ISO, else as written), ticket, done, type, priority. */
function describe(item: ActionItem): string {
  const due = item.due ? item.due.iso ?? `"${item.due.text}"` : '-';
  return [item.form, item.text, item.owner?.text ?? '-', due, item.ticket?.text ?? '-', String(item.done), item.type ?? '-', item.priority ?? '-'].join(' | ');
}

const expected: Record<string, string[]> = {
  // An Item | Owner | Status table with free-text statuses (a meeting transcript's follow-ups).
  'table-item-owner-status.md': [
    'table-row | Refuse destructive scripts when the target is production | Priya | - | - | false | - | -',
    'table-row | Add a dump-and-restore helper for one table | Marco | - | - | true | - | -',
    'table-row | Make slugs non-nullable | Marco | - | - | false | - | -',
    'table-row | Review who holds write access to production | Team | - | - | false | - | -',
    'table-row | Decide whether analysts get a read replica | - | - | - | false | - | -',
  ],
  // Google SRE: Action Item | Type | Owner | Bug, with **TODO**/**DONE** in the bug cell.
  'table-sre.md': [
    'table-row | Add jitter to cache expiry | jdoe | - | b/48213 | true | prevent | -',
    'table-row | Alert on cache hit ratio below 80% | asmith | - | b/48214 | false | detect | -',
    'table-row | Stage config pushes by region | ops-oncall | - | - | false | mitigate | -',
    'table-row | Write the cache runbook | - | - | Bug 48220 | false | process | -',
  ],
  // Kehoe: Action Item | Type | Who | Priority | Bug # | Due Date; a date without a year; a date that cannot exist.
  'table-kehoe.md': [
    'table-row | Turn on auto-renew for every zone | @lena | 2025-06-17 | OPS-311 | undefined | prevent | P0',
    'table-row | Monitor zone expiry 30 days ahead | @omar | 2025-06-30 | OPS-312 | undefined | detect | P1',
    'table-row | Move registrar contacts to a group mailbox | ops@example.org | "2025-02-30" | OPS-313 | undefined | process | P2',
  ],
  // Security working document: Priority | Status | Action name | Action owner | Estimated resolution | Link to Jira ticket.
  'table-security.md': [
    'table-row | Revoke and rotate every deploy key | @security/oncall | 2025-01-21 | https://tracker.example/browse/SEC-77 | true | - | High',
    'table-row | Scan forks for secrets nightly | Dana | 2025-02-15 | SEC-78 | false | - | Medium',
    'table-row | Move keys to the vault | Dana | "Q2 2025" | SEC-79 | undefined | - | Low',
  ],
  'task-list.md': [
    'task | Alert when a backup is older than 26 hours | @kim | 2024-10-20 | - | false | - | -',
    'task | Fix the expired storage credential | Ravi | 2024-10-11 | OPS-902 | true | - | -',
    'task | Restore-test one backup every week, assigned to Jo, by November 15 | Jo | 2024-11-15 | - | false | - | -',
    'task | Document the backup layout #412 | - | - | #412 | false | - | -',
  ],
  'bullets-links.md': [
    'bullet | Put user pods in a separate node pool <https://github.com/example-org/infra/issues/89> | - | - | https://github.com/example-org/infra/issues/89 | undefined | - | -',
    'bullet | Set limits on the monitoring stack ([#90](https://github.com/example-org/infra/issues/90)) | - | - | #90 | undefined | - | -',
    'bullet | Draw a dashboard of memory requests per pool (example-org/infra#91) | - | - | example-org/infra#91 | undefined | - | -',
    'bullet | Write down the overcommit ratio we accept | - | - | - | undefined | - | -',
  ],
  // "Improvements:" and "Tasks:" are categories, not items; the closing paragraph is not an item.
  'numbered-categories.md': [
    'numbered | Back-pressure: stop accepting jobs when the queue is past its limit. | - | - | - | undefined | - | -',
    'numbered | Visibility: show queue depth on the team dashboard. | - | - | - | undefined | - | -',
    'numbered | Alert on queue age: page when the oldest job is older than 10 minutes. | - | - | - | undefined | - | -',
    'numbered | Load test the consumer: replay a busy day against staging. | - | - | - | undefined | - | -',
  ],
  // Plain lines under a category, then Task:/Owner:/Due Date: blocks.
  'field-blocks.txt': [
    'line | Test proxy upgrades against a copy of production traffic. | - | - | - | undefined | - | -',
    'line | Keep the previous proxy build ready to roll back. | - | - | - | undefined | - | -',
    'fields | Pin the proxy version in the deploy scripts. | Platform Team | 2024-08-20 | - | undefined | - | -',
    'fields | Add a synthetic check through the proxy. | Monitoring Team | 2024-08-26 | - | undefined | - | -',
  ],
  // Bare checkboxes under "IMMEDIATE (Completed):", with indented Owner/Target/Status lines.
  'checkbox-blocks.txt': [
    'task | Reverted the ingress rule | - | - | - | true | - | -',
    'task | Checked the flow logs for connections | - | - | - | true | - | -',
    'task | Alert on security group changes | Platform Engineering | "Q2 2025" | - | false | - | -',
    'task | Shorten the posture scan interval | SecOps | 2025-04-30 | - | false | - | -',
  ],
  'inline-fields.txt': [
    'numbered | Switch to the fallback provider above 5% errors | bob | "2 weeks" | - | undefined | - | -',
    'numbered | Show provider status on the dashboard | charlie | 2024-02-17 | - | undefined | - | -',
    'numbered | Write the fallback runbook | alice | - | PAY-12 | undefined | - | -',
  ],
  // (DONE) at the end, **DONE**:/**TODO**:/**DOING** markers, types from "Process improvements".
  'markers.md': [
    'numbered | Email everybody when the site goes down (DONE) | - | - | - | true | process | -',
    'line | add the blog and the wiki to the uptime checks. | - | - | - | true | - | -',
    'line | export systemd unit states to the metrics system ([see issue](https://github.com/example-org/infra/issues/326)) | - | - | https://github.com/example-org/infra/issues/326 | false | - | -',
    'line | check free space before the nightly import (see #9959) | - | - | #9959 | false | - | -',
  ],
  // Plain lines; the introduction and the closing paragraph are not items.
  'plain-lines.txt': [
    "line | Monitor the emoji table's size and alert before it is full. | - | - | - | undefined | - | -",
    'line | Load test the picker before each release. | - | - | - | undefined | - | -',
    'line | Require a review before new emoji packs are added. | - | - | - | undefined | - | -',
  ],
  'priority-bullets.md': [
    'bullet | Include downloads in the staging smoke test | - | - | - | undefined | - | HIGH',
    'bullet | Automate the staging smoke tests | - | - | - | undefined | - | MEDIUM',
    'bullet | Write rules for which changes need a second reviewer | - | - | - | undefined | - | LOW',
  ],
  'ticket-tasks.txt': [
    'line | Patch the connection leak in the order service | - | - | #1234 | undefined | - | -',
    'line | Add connection pooling to the API | - | - | #1235 | undefined | - | -',
    'line | Load test the web stack monthly | - | - | #1236 | undefined | - | -',
  ],
  // Ragged rows, escaped pipes, <br>, an impossible date, an email and a team as owners; the
  // row with no action, the headerless one-word row, the HTML table and the empty table are skipped.
  'bad-input.md': [
    'table-row | Escape | pipes in cells | @org/platform-team | "2024-02-30" | OPS-1 | false | - | -',
    'table-row | A cell with two lines | bob@example.com | 2024-03-01 | - | undefined | - | -',
    'table-row | Too | many | "cells" | OPS-2 | true | - | -',
    'table-row | Rotate the signing key | - | 2024-03-09 | OPS-4 | undefined | - | -',
  ],
  'empty-actions.md': [],
};

suite('action items', () => {
  for (const [file, items] of Object.entries(expected)) {
    test(`${file}: every item with its fields`, () => {
      assert.deepEqual(itemsOf(file).map(describe), items);
    });
  }

  test('every fixture of the review folder is covered', () => {
    const files = fs.readdirSync(reviewFixtures).filter((f) => !f.startsWith('blame'));
    assert.deepEqual(files.sort(), Object.keys(expected).sort());
  });

  test('spans: the text span covers the action as written, inside the item', () => {
    for (const file of Object.keys(expected)) {
      const text = fs.readFileSync(path.join(reviewFixtures, file), 'utf8');
      for (const item of readActionItems(parsePostmortem(text)).items) {
        assert.ok(item.span.start <= item.textSpan.start && item.textSpan.end <= item.span.end, `${file}: ${item.text}`);
        if (item.due) assert.equal(text.slice(item.due.span.start, item.due.span.end).includes(item.due.text.slice(0, 4)), true, `${file}: due ${item.due.text}`);
        if (item.ticket) assert.equal(text.slice(item.ticket.span.start, item.ticket.span.end), item.ticket.text);
      }
    }
  });

  test('CRLF line breaks read the same items', () => {
    for (const file of Object.keys(expected)) {
      const text = fs.readFileSync(path.join(reviewFixtures, file), 'utf8');
      const crlf = readActionItems(parsePostmortem(text.replace(/\n/g, '\r\n'))).items.map(describe);
      assert.deepEqual(crlf, expected[file], file);
    }
  });

  test('a date without a year after the incident is read in the next year', () => {
    const text = '# Late renewal\n\n## Summary\n\nOn 2024-12-20 the certificate expired.\n\n## Timeline\n\n- 2024-12-20 10:00 UTC expired\n\n## Action Items\n\n- [ ] Automate renewal (owner: @ana, due Jan 10)\n';
    const [item] = readActionItems(parsePostmortem(text)).items;
    assert.equal(item?.due?.iso, '2025-01-10');
  });

  test('sections that are not corrective actions give no items; a follow-up section does', () => {
    const text = '# T\n\n## Lessons learned\n\n- [ ] not an action here\n\n## Follow-up actions\n\n- [ ] Add a canary (owner: @li)\n';
    assert.deepEqual(readActionItems(parsePostmortem(text)).items.map((item) => item.text), ['Add a canary']);
  });
});
