import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { languageTables } from '../../server/src/core/languages';
import { parsePostmortem } from '../../server/src/core/parse/parser';
import { createPostmortemService } from '../../server/src/core/service';
import { ExceptionProbe } from './support/exceptionProbe';
import { propertySeed } from './support/settings';

/** Every word of every language table, and the new time and date shapes, with their fragments. */
const words: string[] = [
  ...languageTables.flatMap((t) => [
    ...t.sections.flatMap(([, titles]) => titles),
    ...Object.keys(t.months),
    ...Object.keys(t.shortMonths),
    ...t.startLabels,
    ...t.endLabels,
    ...t.durationWords,
    ...t.rangeJoiners,
    ...t.rangeOpeners,
    ...t.hourUnits,
    ...t.minuteUnits,
    ...t.dayUnits,
  ]),
  '14h30', '14 h 30', '16h', '14.30 Uhr', '16 Uhr', '午後3時', '15時20分', '8 時 18 分頃', '2024年3月5日', '令和7年10月31日', '令和 元 年',
  '7.10.2025', '04-Mar-24', '1430', '0930hrs', '1430Z', '12:20', '1:05', '11:55 PM', 'de', 'às', '1er', 'º', '.', ':', '：', '-', '–', '## ', '- ', '1. ', '\n', ' ', '年', '月', '日', '時', 'h', 'Uhr', '---\ndate: 2024-10-21T08:40:00Z\n---\n',
];

suite('language tables and new time shapes: property', () => {
  const probe = new ExceptionProbe();
  suiteSetup(() => probe.start());
  suiteTeardown(() => probe.stop());
  const service = createPostmortemService();

  test('documents built from the tables parse and check without an exception, every span inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 80 }), fc.array(fc.constantFrom('', ' ', '\n', '\n\n', ': ', ' - '), { maxLength: 80 }), (picked, glue) => {
        const text = picked.map((word, i) => word + (glue[i] ?? ' ')).join('');
        probe.take();
        const model = parsePostmortem(text);
        const findings = service.check(model);
        const spans = [
          ...model.allSections.flatMap((s) => [s.span, s.headingSpan, s.titleSpan]),
          ...model.timeline.entries.flatMap((e) => [e.span, e.lineSpan, ...(e.time ? [e.time.span] : []), ...(e.date ? [e.date.span] : [])]),
          ...findings.map((f) => f.span),
        ];
        for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${JSON.stringify(span)} in ${JSON.stringify(text)}`);
        assert.deepEqual(probe.take(), []);
      }),
      { seed: propertySeed, numRuns: 300 },
    );
  });

  test('a line of the new shapes repeated: work grows with the text (entries counted, not timed)', () => {
    // Linearity is measured in bench/adversarial.mjs; here the count of entries must follow the count of lines.
    const line = '- 14h30 às 16h de 5 de março de 2024, 14.30 Uhr, 午後3時15分, 04-Mar-24 1430 alerta\n';
    const small = parsePostmortem(`## Linha do tempo\n${line.repeat(200)}`).timeline.entries.length;
    const large = parsePostmortem(`## Linha do tempo\n${line.repeat(2000)}`).timeline.entries.length;
    assert.equal(small, 200);
    assert.equal(large, 2000);
  });
});
