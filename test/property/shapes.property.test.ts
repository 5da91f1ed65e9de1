import * as fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { analyseEverything, optionVariants } from './support/analyse';
import { ExceptionProbe } from './support/exceptionProbe';
import { lineBreak } from './support/documents';
import { count, describeFigures, propertyParameters } from './support/settings';

/**
 * Status-page updates, export fields, stated windows, time-led sections and later timeline
 * sections, mixed and broken up: whatever the combination, the core never throws and keeps
 * every range inside the document.
 */
const shapeLines = [
  'Resolved - This incident has been resolved. Mar 4, 21:05 UTC',
  'Investigating - We see errors. Oct 17, 10:02 UTC',
  '**Monitoring** - A fix is out.',
  'Mar 4, 20:40 UTC',
  'Identified - ',
  'Update - 12:00',
  '| Started at | 2024-11-02 23:48 UTC |',
  '| Resolved at | 2024-11-03 01:12 UTC |',
  '| Duration | 1h 24m |',
  'Started at: 25:99',
  'Duration — ',
  'On 12 May 2024 (starting 09:40 UTC) the outage lasted for 35 minutes, then another 2 hours.',
  'Between 23:10 and 00:45 UTC on 5 June 2024 logins failed.',
  'From 23:40 UTC on 2 March 2024 to 01:15 UTC on 3 March 2024.',
  '## Investigation',
  '## Timeline, day 2 (CEST)',
  '## Timeline, day 0',
  '## Follow-up timeline, 4 September',
  '### 08:15 UTC - First failures',
  'Future:',
  'Next steps:',
  '08:30 UTC checked the pods',
  '04/03/2024 10:15 Backup starts.',
  '- 2024-07-08 16:10 UTC - Alert fires.',
  'from 9:10 AM to 10:25 AM',
  '12:15 AM pagers',
  '',
  '# Outage',
  '## Summary',
  '## Timeline',
];

const shapeDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...shapeLines), fc.constantFrom(...shapeLines).map((line) => line.slice(0, Math.ceil(line.length / 2)))), { maxLength: 40 }), lineBreak)
  .map(([lines, brk]) => lines.join(brk));

suite('property: the new document shapes', () => {
  const property = 'shapes never throw and stay in range';
  // Exceptions caught inside the core (a rule that throws loses its findings) count too.
  const probe = new ExceptionProbe();
  suiteSetup(() => probe.start());
  suiteTeardown(() => {
    probe.stop();
    console.log(`    ${describeFigures(property)}`);
  });

  test('status updates, export fields, stated windows and timelines in other sections: no exception, every range inside', () => {
    fc.assert(
      fc.property(shapeDocument, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom(...optionVariants.keys()), (text, offsets, variant) => {
        count(property, 'documents');
        probe.take();
        analyseEverything(text, offsets, optionVariants[variant]!, property);
        const thrown = probe.take();
        assert.deepEqual(thrown, [], thrown.map((t) => `${t.location}: ${t.description}`).join('\n'));
      }),
      propertyParameters(property, 200),
    );
  });
});
