import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postmortemTemplates, type PostmortemSnippet } from '../../../../server/src/core/authoring/snippetCatalog';
import { expandSnippet, snippetTimeVariables } from '../../../../server/src/core/authoring/snippetSyntax';
import { completePostmortem } from '../../../../server/src/core/completion';
import { createPostmortemService } from '../../../../server/src/core/service';
import type { SectionKind } from '../../../../server/src/core/model';
import { fixturesDirectory } from '../../../paths';

/**
 * One document per template, made only from the snippet and a completion, as an author would:
 * expand the template on 2024-08-15, type a plausible value into each tab stop, then add one
 * more timeline entry with the entry completion. The files in test/fixtures/templates/ are
 * exactly that; `UPDATE_TEMPLATE_FIXTURES=1 npm run test:unit` rewrites them after a catalog change.
 */

const clock = { epochMs: Date.UTC(2024, 7, 15, 9, 0), utcOffsetMinutes: 0 };

/** What the author types into each tab stop, by template. */
const VALUES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  holberton: {
    1: 'Checkout outage after a load balancer change',
    2: '1 hour 45 minutes',
    3: '14:05',
    4: '15:50',
    5: 'EAT',
    7: 'The checkout service returned errors',
    8: 'customers could not pay for their orders and saw HTTP 502 pages',
    9: '35',
    10: 'A load balancer configuration change pointed checkout traffic at an empty backend pool.',
    11: 'Issue detected: the checkout 5xx-rate alert paged the on-call engineer.',
    12: '14:20',
    13: 'Actions taken: the on-call engineer restarted the checkout pods, assuming a memory leak.',
    14: '14:45',
    15: 'Misleading path: slow queries in the logs pointed at the database, which turned out to be healthy.',
    16: '15:10',
    17: 'Escalated to the platform team, who own the load balancer.',
    18: 'Resolved: the previous load balancer configuration was restored and checkout recovered.',
    19: 'A routine change renamed the checkout backend pool. The load balancer kept routing to the old name, a pool with no servers, so every checkout request failed once the old pool was drained.',
    20: 'The platform team rolled the load balancer back to the previous configuration. Error rates returned to normal within two minutes, and the renamed pool was then added back under both names.',
    21: 'Configuration changes to shared infrastructure need the same checks as code: validation before deploy and alerts that point at the failing component.',
    22: 'Add a health check that fails a backend pool with no healthy servers',
    23: '@jonas',
    24: '2024-08-30',
    25: 'Alert when the checkout 5xx rate stays above 1% for 5 minutes',
    26: '@amina',
    27: '2024-08-23',
    28: 'Validate load balancer configuration in CI before it can be pushed',
    29: '@li',
    30: '2024-09-13',
  },
  sre: {
    1: 'Checkout API outage',
    3: '@amina, @jonas',
    4: 'Final',
    5: 'SEV2',
    6: 'On 2024-08-15 the checkout API failed for 105 minutes after a load balancer configuration change sent its traffic to an empty backend pool. Rolling the change back ended the outage.',
    7: '35% of checkout requests failed; about 4,200 orders could not be placed.',
    8: 'The backend pool was renamed without updating the load balancer, which kept routing to the old, empty pool. Nothing validated the configuration before it was pushed.',
    9: 'A configuration push to every region at once.',
    10: 'The previous load balancer configuration was restored, then the pool was added back under both names.',
    11: 'The checkout 5xx-rate alert paged the on-call engineer 15 minutes after the start.',
    12: 'Validate load balancer configuration in CI',
    13: 'prevent',
    14: '@jonas',
    15: 'OPS-4521',
    16: '2024-08-30',
    17: 'Page on the 5xx rate after 5 minutes instead of 15',
    18: 'detect',
    19: '@amina',
    20: 'OPS-4522',
    21: '2024-08-23',
    22: 'The rollback was quick once the cause was known.',
    23: 'The change went to every region at once.',
    24: 'It happened on a weekday afternoon, not at peak.',
    25: 'UTC',
    26: '14:05',
    27: 'Outage begins: a load balancer configuration change is pushed to all regions.',
    28: '14:20',
    29: 'Detected: the checkout 5xx-rate alert pages the on-call engineer.',
    30: '15:42',
    31: 'Mitigated: the previous configuration is restored.',
    32: '15:50',
    33: 'Outage ends: the error rate is back to normal.',
  },
  pagerduty: {
    1: 'Checkout API outage',
    2: '@amina',
    4: 'Reviewed',
    5: 'SEV-2',
    6: 'For 105 minutes checkout requests failed after a load balancer change; rolling it back resolved the incident.',
    7: 'A routine change renamed the checkout backend pool, and the load balancer kept sending traffic to the old, empty one. The alert paged the on-call engineer, who first suspected the database before the platform team found the change.',
    8: 'The rename and the load balancer update were separate steps; nothing validated the configuration; the alert waited 15 minutes before paging.',
    9: 'The platform team restored the previous load balancer configuration.',
    10: '105 minutes',
    11: '4200',
    12: '37',
    13: '@amina',
    14: '@li',
    15: '@jonas (load balancer), @sara (database)',
    16: 'PDT',
    17: '14:05',
    18: 'Contributing factor begins: a load balancer configuration change is pushed.',
    19: 'https://deploys.example.com/4711',
    20: '14:20',
    21: 'Responders paged by the checkout 5xx-rate alert.',
    22: 'https://alerts.example.com/incidents/881',
    23: '14:35',
    24: 'Status page updated: checkout degraded.',
    25: 'https://status.example.com/incidents/42',
    26: '15:50',
    27: 'Incident resolved: previous configuration restored, error rate normal.',
    28: 'https://grafana.example.com/d/checkout',
    29: 'The rollback was quick once the cause was known.',
    30: 'The status page was updated 30 minutes after the page.',
    31: 'Validate load balancer configuration in CI',
    32: '@jonas',
    33: 'OPS-4521',
    34: '2024-08-30',
    35: 'Page on the 5xx rate after 5 minutes instead of 15',
    36: '@amina',
    37: 'OPS-4522',
    38: '2024-08-23',
  },
};

/** The description typed into the entry added by completion after the second timeline entry. */
const ADDED_ENTRY: Readonly<Record<string, string>> = {
  holberton: 'The on-call engineer opened an incident channel and asked the platform team to stand by.',
  sre: 'The on-call engineer opens an incident and starts checking recent changes.',
  pagerduty: 'Incident commander assigned; incident channel opened.',
};

const service = createPostmortemService();

function buildTemplateFixture(template: PostmortemSnippet): string {
  const values = VALUES[template.id]!;
  const expanded = expandSnippet(template.body, { variables: snippetTimeVariables(new Date(clock.epochMs), clock.utcOffsetMinutes), values });
  // A new line after the second entry, then the entry completion there.
  const second = service.parse(expanded).timeline.entries[1]!;
  const at = second.span.end;
  const withLine = `${expanded.slice(0, at)}\n${expanded.slice(at)}`;
  const entry = completePostmortem(service.parse(withLine), at + 1, { clock }).find((item) => item.kind === 'timeline-entry');
  assert.ok(entry, `${template.prefix}: the entry completion is offered after the second entry`);
  const inserted = expandSnippet(entry.insertText, { values: { 1: ADDED_ENTRY[template.id]! } });
  return withLine.slice(0, entry.replace.start) + inserted + withLine.slice(entry.replace.end);
}

function templateFixturePath(template: PostmortemSnippet): string {
  return path.join(fixturesDirectory, 'templates', `${template.id}.postmortem.${template.flavor === 'markdown' ? 'md' : 'txt'}`);
}

const expectedKinds: Record<string, SectionKind[][]> = {
  holberton: [['title'], ['summary'], ['timeline'], ['root-cause', 'resolution'], ['corrective-actions']],
  sre: [['title'], ['summary'], ['impact'], ['root-cause'], ['root-cause'], ['resolution'], ['detection'], ['corrective-actions'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['timeline']],
  pagerduty: [['title'], ['summary'], ['summary'], ['root-cause'], ['resolution'], ['impact'], ['other'], ['timeline'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['corrective-actions']],
};

suite('documents written from the templates', () => {
  for (const template of postmortemTemplates()) {
    const file = templateFixturePath(template);

    test(`${path.basename(file)} is the ${template.prefix} snippet filled in, plus one completed entry`, () => {
      const built = buildTemplateFixture(template);
      if (process.env.UPDATE_TEMPLATE_FIXTURES === '1') {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, built);
      }
      assert.equal(fs.readFileSync(file, 'utf8'), built, `${file} is stale`);
    });

    test(`${path.basename(file)}: every section recognised, every timeline line an entry, no warnings`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const document = service.parse(text);
      assert.deepEqual(document.allSections.map((s) => s.kinds), expectedKinds[template.id]);
      const entries = document.timeline.entries;
      assert.equal(entries.length, template.id === 'holberton' ? 6 : 5);
      assert.ok(entries.every((e) => e.time && e.zone && e.text.length > 10), 'every entry has a time, a zone and a description');
      const minutes = entries.map((e) => e.minutes!);
      assert.deepEqual(minutes, [...minutes].sort((a, b) => a - b), 'in time order');
      const findings = service.check(document).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), []);
    });
  }
});
