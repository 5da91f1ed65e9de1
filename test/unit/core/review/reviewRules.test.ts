import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveOptions } from '../../../../server/src/core/config';
import { readImpact, impactFigures } from '../../../../server/src/core/analysis/impact';
import { createPostmortemService } from '../../../../server/src/core/service';
import { fixturesDirectory } from '../../../paths';

const service = createPostmortemService();
const read = (file: string) => fs.readFileSync(path.join(fixturesDirectory, 'review', file), 'utf8');
const options = (raw: Record<string, unknown>) => resolveOptions(raw).options;
const today = (day: string, raw: Record<string, unknown> = {}) => options({ ...raw, review: { today: day, ...((raw.review as object) ?? {}) } });

function findings(text: string, opts = today('2025-01-01'), code?: string) {
  return service
    .check(service.parse(text), opts)
    .filter((f) => code === undefined || f.code === code)
    .map((f) => `${f.code} ${f.severity} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`);
}

suite('review rules', () => {
  suite('action-item-overdue', () => {
    test('an open item past its due date: a warning on the due date as written', () => {
      const text = read('task-list.md');
      assert.deepEqual(findings(text, today('2024-11-16'), 'action-item-overdue'), [
        'action-item-overdue warning "2024-10-20"',
        'action-item-overdue warning "November 15"',
      ]);
      const [finding] = service.check(service.parse(text), today('2024-11-16')).filter((f) => f.code === 'action-item-overdue');
      assert.match(finding!.message, /was due on 2024-10-20, 27 days ago, and is still open/);
    });

    test('not on the due day, not for done items, not when the date cannot exist', () => {
      assert.deepEqual(findings(read('task-list.md'), today('2024-10-20'), 'action-item-overdue'), []);
      assert.deepEqual(findings(read('table-kehoe.md'), today('2026-01-01'), 'action-item-overdue').length, 2, '2025-02-30 is not a date');
      assert.deepEqual(findings(read('table-security.md'), today('2026-01-01'), 'action-item-overdue'), ['action-item-overdue warning "2025-02-15"']);
    });

    test('today comes from review.today; turned off by review.overdue', () => {
      assert.equal(findings(read('task-list.md'), today('2024-10-21'), 'action-item-overdue').length, 1);
      assert.deepEqual(findings(read('task-list.md'), today('2030-01-01', { review: { overdue: false } }), 'action-item-overdue'), []);
    });
  });

  suite('action-item-owner, -due, -ticket and the profiles', () => {
    test('without a profile: owner and due required (information), ticket not', () => {
      const codes = findings(read('table-sre.md'), today('2024-11-03')).map((f) => f.split(' ').slice(0, 2).join(' '));
      assert.deepEqual(codes.filter((c) => c.startsWith('action-item')), [
        'action-item-due information',
        'action-item-due information',
        'action-item-due information',
        'action-item-owner information',
      ]);
    });

    test('the SRE profile requires owners and tickets, not due dates; done items are not reported', () => {
      const sre = today('2024-11-03', { profile: 'google-sre' });
      assert.deepEqual(findings(read('table-sre.md'), sre).filter((f) => f.startsWith('action-item')), [
        'action-item-ticket information "Stage config pushes by region"',
        'action-item-owner information "Write the cache runbook"',
      ]);
    });

    test('the Holberton profile requires neither; the review.require* settings override the profile', () => {
      assert.deepEqual(findings(read('plain-lines.txt'), today('2024-01-01', { profile: 'holberton' })).filter((f) => f.startsWith('action-item')), []);
      const ticketOnly = today('2024-01-01', { profile: 'holberton', review: { requireTicket: true } });
      assert.equal(findings(read('plain-lines.txt'), ticketOnly, 'action-item-ticket').length, 3);
      const noOwner = today('2024-01-01', { review: { requireOwner: false, requireDueDate: null } });
      assert.deepEqual(findings(read('plain-lines.txt'), noOwner, 'action-item-owner'), []);
      assert.equal(findings(read('plain-lines.txt'), noOwner, 'action-item-due').length, 3);
    });

    test('severities and suppression work as for every code', () => {
      const raised = today('2024-01-01', { severities: { 'action-item-owner': 'warning', 'action-item-due': 'off' } });
      const got = findings(read('ticket-tasks.txt'), raised).filter((f) => f.startsWith('action-item'));
      assert.deepEqual(got.map((f) => f.split(' ').slice(0, 2).join(' ')), ['action-item-owner warning', 'action-item-owner warning', 'action-item-owner warning']);
      const suppressed = `<!-- postmortem-disable action-item-owner action-item-due -->\n${read('ticket-tasks.txt')}`;
      assert.deepEqual(findings(suppressed).filter((f) => f.startsWith('action-item')), []);
    });
  });

  suite('no-action-items', () => {
    test('a section with only prose: a warning on its title', () => {
      assert.deepEqual(findings(read('empty-actions.md'), undefined, 'no-action-items'), ['no-action-items warning "Action Items"']);
    });
    test('an empty section too, and off with review.requireActionItems', () => {
      const text = '# T\n\n## Summary\n\nx\n\n## Action Items\n';
      assert.deepEqual(findings(text, undefined, 'no-action-items'), ['no-action-items warning "Action Items"']);
      assert.deepEqual(findings(text, today('2025-01-01', { review: { requireActionItems: false } }), 'no-action-items'), []);
    });
  });

  suite('blame-language', () => {
    test('blame, never neutral facts, quotes, code or negations', () => {
      assert.deepEqual(findings(read('blame.md'), undefined, 'blame-language'), [
        'blame-language information "human error"',
        'blame-language information "should have checked"',
        'blame-language information "failed to verify"',
        'blame-language information "\'s fault"',
        'blame-language information "Be more careful"',
      ]);
    });

    test('the message says why and asks a systems question', () => {
      const finding = service.check(service.parse(read('blame.md'))).find((f) => f.code === 'blame-language')!;
      assert.match(finding.message, /"human error" names a person as the cause .* Ask what made the action possible, and what would have caught it/);
    });

    test('the word list: add and remove', () => {
      const custom = today('2025-01-01', { review: { blameWords: { add: ['dropped the ball'], remove: ['human error', 'be more careful'] } } });
      const text = `${read('blame.md')}\nOps dropped the ball on the rollout.\n`;
      assert.deepEqual(findings(text, custom, 'blame-language').map((f) => f.split('"')[1]), ['should have checked', 'failed to verify', "'s fault", 'dropped the ball']);
    });

    test('subjects that are systems are facts', () => {
      const text = '# T\n\n## Summary\n\nThe job failed to start. Nginx failed to bind the port. The replica could have been promoted sooner. We failed to notice the alert.\n';
      assert.deepEqual(findings(text, undefined, 'blame-language'), []);
    });
  });

  suite('impact-unquantified', () => {
    test('who was affected but no measure: information on the impact heading', () => {
      assert.deepEqual(findings(read('empty-actions.md'), undefined, 'impact-unquantified'), ['impact-unquantified information "Impact"']);
    });

    test('a percentage, a count, money or a duration quantifies it', () => {
      for (const measure of ['12% of users', '1,800 users', 'for 3 hours', '$4,000 in refunds', 'an error rate of 7%']) {
        const text = `# T\n\n## Impact\n\nUsers could not check out: ${measure}.\n`;
        assert.deepEqual(findings(text, undefined, 'impact-unquantified'), [], measure);
      }
    });

    test('the summary\'s impact line when there is no impact section; figures as written', () => {
      const text = '# T\n\nIssue Summary:\nImpact: 37% of users saw errors and 1,200 orders were delayed for 2 hours.\n';
      const impact = readImpact(service.parse(text));
      assert.deepEqual(impact?.figures, ['37%', '1,200 orders', '2 hours']);
      assert.deepEqual(impactFigures('HTTP/1.1 500 Internal Server Error and 502 Bad Gateway errors'), []);
    });

    test('an unfilled template and a statement about systems only are not reported', () => {
      assert.deepEqual(findings('# T\n\n## Impact\n\n[How many % of the users were affected?]\n', undefined, 'impact-unquantified'), []);
      assert.deepEqual(findings('# T\n\n## Impact\n\nThe website was inaccessible.\n', undefined, 'impact-unquantified'), []);
    });
  });

  suite('settings', () => {
    test('invalid review settings are named and replaced', () => {
      const { problems, options: resolved } = resolveOptions({ review: { today: '2024-02-30', requireOwner: 'yes', blameWords: { add: [3] } }, ticketUrl: 'ftp://x' });
      assert.deepEqual(problems.map((p) => p.key).sort(), ['review.blameWords.add', 'review.requireOwner', 'review.today', 'ticketUrl']);
      assert.equal(resolved['review.today'], undefined);
      assert.equal(resolved.ticketUrl, undefined);
    });

    test('flat dotted keys and nested objects both work', () => {
      assert.equal(resolveOptions({ 'review.today': '2024-05-01' }).options['review.today'], '2024-05-01');
      assert.equal(resolveOptions({ review: { today: '2024-05-01' } }).options['review.today'], '2024-05-01');
      assert.deepEqual(resolveOptions({ review: { today: '2024-05-01', unknown: 1 } }).problems.map((p) => p.key), ['review']);
    });
  });
});
