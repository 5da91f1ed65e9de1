import * as assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/core/parse/parser';
import { analyseEverything, optionVariants } from './support/analyse';
import { ExceptionProbe } from './support/exceptionProbe';

/**
 * Counterexamples the property tests found, shrunk, kept as plain tests so they run on every
 * seed. Each runs the full check of `core.property.test.ts` on the document.
 */
const counterexamples: readonly { readonly found: string; readonly text: string }[] = [
  { found: 'heading title with two spaces before a supplementary-plane character', text: '### ??:??  10:00\u{10000}' },
  { found: 'heading title with a run of spaces', text: '## Root  Cause\n\nText.\n' },
];

suite('property counterexamples', () => {
  const probe = new ExceptionProbe();
  suiteSetup(() => probe.start());
  suiteTeardown(() => probe.stop());

  for (const { found, text } of counterexamples) {
    test(`${found}: ${JSON.stringify(text)}`, () => {
      probe.take();
      for (const options of optionVariants) analyseEverything(text, [], options, 'counterexamples');
      assert.deepEqual(probe.take(), []);
    });
  }

  test('a section title span covers the title as written, internal spaces included', () => {
    const text = '## Root  Cause\n';
    const [section] = parsePostmortem(text).allSections;
    assert.ok(section);
    assert.equal(text.slice(section.titleSpan.start, section.titleSpan.end), 'Root  Cause');
  });
});
