import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkDocument } from '../../server/src/core/analysis/check';
import { readImpact } from '../../server/src/core/analysis/impact';
import { DiagnosticCodes } from '../../server/src/core/analysis/rules/rule';
import { resolveOptions } from '../../server/src/core/config';
import { applyEdits, normaliseEdits } from '../../server/src/core/edits/textEdits';
import { readActionItems } from '../../server/src/core/parse/actionItems';
import { createPostmortemService } from '../../server/src/core/service';
import { anyDocument, lineBreak } from './support/documents';
import { ExceptionProbe } from './support/exceptionProbe';
import { assertSpan } from './support/ranges';
import { announceSeed, assertNoSoakFailures, count, describeFigures, propertyParameters, soakable } from './support/settings';

const service = createPostmortemService();

/** The review's rules: each must never throw and keep its ranges inside the document. */
const reviewCodes = [
  DiagnosticCodes.actionItemOwner,
  DiagnosticCodes.actionItemDue,
  DiagnosticCodes.actionItemTicket,
  DiagnosticCodes.actionItemOverdue,
  DiagnosticCodes.noActionItems,
  DiagnosticCodes.blameLanguage,
  DiagnosticCodes.impactUnquantified,
];

const reviewOptions = [
  resolveOptions({ review: { today: '2024-06-01', requireTicket: true } }).options,
  resolveOptions({ profile: 'google-sre', ticketUrl: 'https://tracker.example/browse/{id}', review: { blameWords: { add: ['dropped the ball', '|'], remove: ['human error'] } } }).options,
  resolveOptions({ profile: 'holberton', review: { today: '1999-12-31', blameLanguage: false } }).options,
];

/** Lines that action sections, impact statements and blame checks read, with their broken forms. */
const reviewLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '## Action Items',
    '## Corrective and Preventative Measures',
    'Follow-up actions:',
    '## Impact',
    'Impact: some users could not log in.',
    'Impact: 37% of users and 1,200 orders for 2 hours.',
    '| Action | Owner | Due | Ticket | Status |',
    '|---|---|---|---|---|',
    '| Item | Owner | Status |',
    '| Escape \\| pipes | @org/team | 2024-02-30 | OPS-1 | Open |',
    '| A cell with<br>two lines | bob@example.com | 2024-03-01 |',
    '| Too | many | cells | OPS-2 | Done | extra |',
    '|||',
    '| | | |',
    '<table><tr><td>x</td></tr></table>',
    '- [ ] Add a canary (owner: @li, due 2024-05-01)',
    '- [x] Rotate keys (owner: Ravi, due Jan 10, OPS-902)',
    '- [] Restore-test backups, assigned to Jo, by November 15',
    '[✓] Reverted the rule',
    '  Owner: Platform Engineering',
    '  Target: Q2 2025',
    '  Status: Design phase',
    'Task: Pin the version.',
    'Owner: Platform Team',
    'Due Date: Aug 20, 2024',
    '**TODO**: export unit states (#9959)',
    '1. Email everybody (DONE)',
    '- **HIGH** Include downloads in the smoke test',
    'IMMEDIATE (Completed):',
    'The root cause was human error. Sam should have checked it, and he',
    'failed to verify the backup. It was Sam\'s fault.',
    '> "operator should have checked" quoted',
    '`careless loop`',
    'Be more careful when deploying.',
    'The job failed to start.',
  ),
  fc.string({ maxLength: 40 }).map((s) => `| ${s} | @${s} | ${s} |`),
  fc.string({ maxLength: 40 }).map((s) => `- [ ] ${s} owner: ${s} due ${s}`),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `${s}\u{1F600}${s}`),
);

const reviewDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.array(reviewLine, { minLength: 1, maxLength: 40 }), lineBreak).map(([lines, br]) => lines.join(br)) },
  { weight: 1, arbitrary: fc.tuple(anyDocument(), fc.array(reviewLine, { maxLength: 12 }), lineBreak).map(([doc, lines, br]) => `${doc}${br}## Action Items${br}${lines.join(br)}`) },
);

suite('property: the review on random documents', () => {
  const probe = new ExceptionProbe();
  const property = 'review never throws and stays in range';
  suiteSetup(() => {
    announceSeed();
    probe.start();
  });
  suiteTeardown(() => {
    probe.stop();
    console.log(`    ${describeFigures(property)}`);
  });

  test('every review rule, the action items, impact, lenses, links, completion and action fixes: no exception, every span inside the document', () => {
    fc.assert(
      fc.property(
        reviewDocument,
        fc.constantFrom(0, 1, 2),
        fc.array(fc.nat(), { maxLength: 6 }),
        soakable(property, (text: string, variant: number, offsets: number[]) => {
          count(property, 'documents');
          const options = reviewOptions[variant]!;
          probe.take();
          const model = service.parse(text);
          for (const code of reviewCodes) {
            for (const finding of checkDocument(model, options, code)) {
              count(property, code);
              assertSpan(text, finding.span, `${code} finding`);
              for (const fix of service.quickFixes(model, finding, options)) {
                fix.edits.forEach((edit, i) => assertSpan(text, edit.span, `${code} fix "${fix.title}" edit ${i}`));
                assert.equal(normaliseEdits(fix.edits).length, fix.edits.length, `${code} fix "${fix.title}": overlapping edits`);
                const edited = applyEdits(text, fix.edits);
                assert.ok(edited !== text, `${code} fix "${fix.title}" changes the text`);
                service.check(service.parse(edited), options);
              }
            }
          }
          const actions = readActionItems(model);
          for (const item of actions.items) {
            count(property, 'items');
            for (const span of [item.span, item.lineSpan, item.textSpan, item.owner?.span, item.due?.span, item.ticket?.span, item.status?.span, item.checkbox, item.marker, ...(item.cells ?? [])]) {
              assertSpan(text, span, `item "${item.text}"`);
            }
            assert.ok(item.span.start <= item.lineSpan.start && item.lineSpan.start <= item.textSpan.start, `item "${item.text}": spans nest`);
            const done = service.markActionDone(model, item.lineSpan.start);
            if (done) assertSpan(text, done.span, 'mark done');
          }
          const impact = readImpact(model);
          if (impact) {
            assertSpan(text, impact.span, 'impact');
            assertSpan(text, impact.anchor, 'impact anchor');
          }
          for (const lens of service.actionLenses(model, options)) assertSpan(text, lens.span, `lens ${lens.title}`);
          for (const link of service.ticketLinks(model, options)) {
            assertSpan(text, link.span, 'ticket link');
            assert.match(link.target, /^https:\/\//);
          }
          for (const raw of offsets) {
            const offset = text.length === 0 ? 0 : raw % (text.length + 1);
            for (const fix of service.actionItemActions(model, offset, options)) fix.edits.forEach((edit) => assertSpan(text, edit.span, `action "${fix.title}"`));
            for (const item of service.actionCompletions(model, offset, options)) assertSpan(text, item.replace, 'completion');
            service.hover(model, offset, options);
          }
          const thrown = probe.take();
          assert.deepEqual(thrown, [], `exceptions thrown inside the server code (caught or not):\n${thrown.map((t) => `${t.location}: ${t.description}`).join('\n')}`);
        }),
      ),
      propertyParameters(property, 200),
    );
    assertNoSoakFailures(property);
  });
});
