import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits } from '../../server/src/core/edits/textEdits';
import { createPostmortemService } from '../../server/src/core/service';
import { anyDocument } from './support/documents';
import { ExceptionProbe } from './support/exceptionProbe';
import { assertLineBreaksPreserved, checkEveryQuickFix, fixOptionVariants as optionVariants } from './support/fixes';
import { incidentDocument } from './support/incidents';
import { announceSeed, assertNoSoakFailures, count, describeFigures, propertyParameters, soakable } from './support/settings';

const service = createPostmortemService();

const documents = fc.oneof({ weight: 4, arbitrary: incidentDocument }, { weight: 1, arbitrary: anyDocument() });

suite('property: quick fixes', () => {
  const probe = new ExceptionProbe();
  const fixProperty = 'quick fixes apply cleanly and remove their finding';
  const fixAllProperty = 'fix-all reaches a fixed point';
  suiteSetup(() => {
    announceSeed();
    probe.start();
  });
  suiteTeardown(() => {
    probe.stop();
    console.log(`    ${describeFigures(fixProperty)}`);
    console.log(`    ${describeFigures(fixAllProperty)}`);
  });

  test('every quick fix applies, keeps the line breaks, and its finding is gone afterwards', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom(...optionVariants.keys()), soakable(fixProperty, (text: string, variant: number) => {
        const options = optionVariants[variant]!;
        count(fixProperty, 'documents');
        probe.take();
        checkEveryQuickFix(text, options, fixProperty);
        const thrown = probe.take();
        assert.deepEqual(thrown, [], thrown.map((t) => `${t.location}: ${t.description}`).join('\n'));
      })),
      propertyParameters(fixProperty, 200),
    );
    assertNoSoakFailures(fixProperty);
  });

  test('fix-all: applying it again and again converges within a few rounds, then changes nothing', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom(...optionVariants.keys()), soakable(fixAllProperty, (text: string, variant: number) => {
        const options = optionVariants[variant]!;
        count(fixAllProperty, 'documents');
        let current = text;
        for (let round = 1; ; round++) {
          const edits = service.fixAll(service.parse(current), options);
          if (edits.length === 0) {
            count(fixAllProperty, `reached the fixed point after ${round - 1} rounds`);
            break;
          }
          assert.ok(round <= 5, `fix-all still edits after 5 rounds:\n${JSON.stringify(edits)}\n--- text:\n${current}`);
          assertLineBreaksPreserved(current, edits, `fix-all round ${round}`);
          const next = applyEdits(current, edits);
          assert.notEqual(next, current, `fix-all round ${round} offers edits that change nothing`);
          current = next;
          count(fixAllProperty, 'edits applied', edits.length);
        }
      })),
      propertyParameters(fixAllProperty, 150),
    );
    assertNoSoakFailures(fixAllProperty);
  });
});
