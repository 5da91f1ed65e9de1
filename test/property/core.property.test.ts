import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { anyDocument } from './support/documents';
import { analyseEverything, optionVariants } from './support/analyse';
import { ExceptionProbe } from './support/exceptionProbe';
import { announceSeed, assertNoSoakFailures, count, describeFigures, propertyParameters, soakable } from './support/settings';

suite('property: the core on random documents', () => {
  const probe = new ExceptionProbe();
  const property = 'core never throws and stays in range';
  suiteSetup(() => {
    announceSeed();
    probe.start();
  });
  suiteTeardown(() => {
    probe.stop();
    console.log(`    ${describeFigures(property)}`);
  });

  test('parse, check, hover, completion, symbols, folding, quick fixes: no exception, every range inside the document on UTF-16 boundaries, the same result twice', () => {
    fc.assert(
      fc.property(
        anyDocument(),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom(...optionVariants.keys()),
        soakable(property, (text: string, randomOffsets: number[], variant: number) => {
          count(property, 'documents');
          count(property, 'characters', text.length);
          const options = optionVariants[variant]!;
          probe.take();
          const first = analyseEverything(text, randomOffsets, options);
          const second = analyseEverything(text, randomOffsets, options);
          assert.deepEqual(JSON.parse(JSON.stringify(second)), JSON.parse(JSON.stringify(first)), 'a second run gives the same results');
          const thrown = probe.take();
          assert.deepEqual(thrown, [], `exceptions thrown inside the server code (caught or not):\n${thrown.map((t) => `${t.location}: ${t.description}`).join('\n')}`);
        }),
      ),
      propertyParameters(property, 150),
    );
    assertNoSoakFailures(property);
  });
});
