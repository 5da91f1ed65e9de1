import * as assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/core/parse/parser';
import { analyseEverything, optionVariants } from './support/analyse';
import { ExceptionProbe } from './support/exceptionProbe';
import { checkEveryQuickFix, fixOptionVariants } from './support/fixes';

/**
 * Counterexamples the property tests found, shrunk, kept as plain tests so they run on every
 * seed. Each runs the full check of `core.property.test.ts` on the document.
 */
const counterexamples: readonly { readonly found: string; readonly text: string }[] = [
  { found: 'heading title with two spaces before a supplementary-plane character', text: '### ??:??  10:00\u{10000}' },
  { found: 'heading title with a run of spaces', text: '## Root  Cause\n\nText.\n' },
];

/** Documents on which a quick fix leaves its own finding in place. */
const quickFixCounterexamples: readonly { readonly found: string; readonly text: string }[] = [
  { found: 'a missing section added after an unclosed code fence lands inside the code', text: '## Timeline\n- 10:00 UTC deploy\n```bash\n' },
  { found: 'sorting a timeline whose sub-bullet quotes times', text: '## Timeline\n\n- 00:01: Deploy started\n- 00:00: Alerts\n    - status `23:35` → `00:05`\n- 00:02: Paged\n' },
  { found: 'sorting a timeline that mixes AM and PM', text: '## Timeline\n- 2:00 PM: a\n- 6:01 AM: b\n- 6:00 PM: c\n- 6:02 AM: d\n' },
  { found: 'the meridiem correction after an unreadable time', text: '## Timeline\n\n- 7:45 PM: c\n- 34:38: d\n- 12:00 PM: e\n' },
  { found: 'the meridiem correction across midnight', text: '## Timeline\n\n- 10:23 PM: a\n- 23:60: b\n- 12:00 PM: c\n- 12:01 AM: d\n- 12:02 AM: e\n' },
  { found: 'a zone added to a time that runs straight into a word', text: '## Timeline\n- about 10:15fw\n' },
  { found: 'a missing section added after an unclosed tilde fence', text: '\ufeff## Root Cause\n~~~' },
  { found: 'a missing section added after an unclosed HTML comment', text: 'Postmortem: The Great Emoji Outage of 2022\n<!--' },
  { found: 'a missing section added right under a line that reads as a shell pipe', text: '# Postmortem\n## Timeline\n- 10:00 UTC deploy\nb | c\n' },
  { found: 'a missing section added before a heading that follows a byte order mark', text: '\ufeff## 4. Next Steps / Action Items\r\naccess.\r\nTimeline:\r\n\r\n10:00 PMtjmrnrwqv - \r\n' },
  { found: 'a rewritten duration after which another phrase reads as the stated duration', text: 'Down from 10:00 to 10:45 UTC.\n- **Number words:** "three hours" (019), "nine hours" (058).\n' },
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

  for (const { found, text } of quickFixCounterexamples) {
    test(`quick fix: ${found}`, () => {
      for (const options of fixOptionVariants) checkEveryQuickFix(text, options, 'counterexamples');
    });
  }

  test('a section title span covers the title as written, internal spaces included', () => {
    const text = '## Root  Cause\n';
    const [section] = parsePostmortem(text).allSections;
    assert.ok(section);
    assert.equal(text.slice(section.titleSpan.start, section.titleSpan.end), 'Root  Cause');
  });
});
