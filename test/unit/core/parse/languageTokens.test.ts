import * as assert from 'node:assert/strict';
import { compileLanguages, languageCodes, languageTables, withLanguages } from '../../../../server/src/core/languages';
import { kindsOfTitle } from '../../../../server/src/core/parse/sectionKinds';
import { findClockTimes, findDates, findDurations } from '../../../../server/src/core/parse/timeTokens';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import { resolveOptions } from '../../../../server/src/core/config';

const hhmm = (text: string) => findClockTimes(text).map((t) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`);
const ymd = (text: string) => findDates(text).map((d) => `${d.year ?? '?'}-${d.month}-${d.day}`);

suite('language tables', () => {
  test('one table per language, each with section titles for every required kind', () => {
    assert.deepEqual([...languageCodes], ['pt', 'es', 'fr', 'de', 'ja']);
    for (const table of languageTables) {
      const kinds = new Set(table.sections.flatMap(([k]) => k));
      for (const kind of ['summary', 'timeline', 'root-cause', 'resolution', 'corrective-actions'] as const) assert.ok(kinds.has(kind), `${table.code} names ${kind}`);
    }
  });

  const titles: Array<[string, string[]]> = [
    ['Resumo', ['summary']], ['Linha do tempo', ['timeline']], ['Causa raiz', ['root-cause']], ['Ações corretivas', ['corrective-actions']], ['Causa raiz e resolução', ['root-cause', 'resolution']],
    ['Resumen', ['summary']], ['Cronología', ['timeline']], ['Causa raíz', ['root-cause']], ['Acciones correctivas', ['corrective-actions']],
    ['Résumé', ['summary']], ['Chronologie', ['timeline']], ['Cause racine', ['root-cause']], ['Actions correctives', ['corrective-actions']],
    ['Zusammenfassung', ['summary']], ['Zeitlinie', ['timeline']], ['Ablauf', ['timeline']], ['Ursache', ['root-cause']], ['Maßnahmen', ['corrective-actions']], ['MASSNAHMEN', ['corrective-actions']],
    ['1. 概要', ['summary']], ['2. 経緯', ['timeline']], ['根本原因', ['root-cause']], ['再発防止策', ['corrective-actions']],
    ['Conclusion', ['other']], ['Causalidade', ['other']],
  ];
  for (const [title, kinds] of titles) test(`"${title}" is ${kinds.join(' + ')}`, () => assert.deepEqual(kindsOfTitle(title), kinds));

  test('a language left out of postmortem.languages is not read', () => {
    withLanguages(compileLanguages(['pt']), () => {
      assert.deepEqual(kindsOfTitle('Zeitlinie'), ['other']);
      assert.deepEqual(kindsOfTitle('Linha do tempo'), ['timeline']);
      assert.deepEqual(hhmm('14.30 Uhr'), []);
      assert.deepEqual(hhmm('14h30'), ['14:30']);
    });
  });
});

suite('time and date formats of other languages', () => {
  test('Portuguese, Spanish, French: 14h30, 14 h 30, 10h47, and a bare 16h after a range word', () => {
    assert.deepEqual(hhmm('das 14h30 às 16h'), ['14:30', '16:00']);
    assert.deepEqual(hhmm('de 14 h 10 à 16 h 40'), ['14:10', '16:40']);
    assert.deepEqual(hhmm('On 2024-03-17 10h47 CEST'), ['10:47']);
  });
  test('a length is not a time: durou 2h30, 48h, 2h30m', () => {
    assert.deepEqual(hhmm('o incidente durou 2h30'), []);
    assert.deepEqual(hhmm('dentro de 48h'), []);
    assert.deepEqual(hhmm('took 2h30m'), []);
    assert.deepEqual(hhmm('we had 2h to fix it'), []);
  });
  test('German: 14.30 Uhr, 16 Uhr, 16:00 Uhr (the word taken into the time)', () => {
    assert.deepEqual(hhmm('von 14.30 Uhr bis 16 Uhr'), ['14:30', '16:00']);
    const [time] = findClockTimes('16:00 Uhr - Meldung');
    assert.deepEqual(time!.span, { start: 0, end: 9 });
    assert.deepEqual(hhmm('Version 3.14 ist aktiv'), []);
  });
  test('Japanese: 午後3時, 15時20分, 8 時 18 分頃 (approximate), 3時半, but not 2時間', () => {
    assert.deepEqual(hhmm('午後3時に発報'), ['15:00']);
    assert.deepEqual(hhmm('15時20分'), ['15:20']);
    assert.deepEqual(hhmm('3時半'), ['03:30']);
    assert.deepEqual(hhmm('2時間停止'), []);
    assert.equal(findClockTimes('8 時 18 分頃')[0]!.approximate, true);
  });
  test('military: 0930hrs, 1430Z, and 1430 right after 04-Mar-24; a year alone is not a time', () => {
    assert.deepEqual(hhmm('from 0930hrs'), ['09:30']);
    assert.deepEqual(hhmm('at 1430Z'), ['14:30']);
    assert.deepEqual(hhmm('04-Mar-24 1430 gateway down'), ['14:30']);
    assert.deepEqual(hhmm('in 2024 we had 1430 users'), []);
  });
  test('month names: 5 de março de 2024, 12 de septiembre de 2024, 1er mars 2024, 5. März 2024; a short name needs a year', () => {
    assert.deepEqual(ymd('5 de março de 2024'), ['2024-3-5']);
    assert.deepEqual(ymd('12 de septiembre de 2024'), ['2024-9-12']);
    assert.deepEqual(ymd('le 1er mars 2024'), ['2024-3-1']);
    assert.deepEqual(ymd('Am 5. März 2024'), ['2024-3-5']);
    assert.deepEqual(ymd('5 set. 2024'), ['2024-9-5']);
    assert.deepEqual(ymd('5 out of 10 servers'), []);
  });
  test('numeric and Japanese dates: 7.10.2025, 2024年3月5日, 令和7年10月31日, 令和元年; 04-Mar-24', () => {
    assert.deepEqual(ymd('7.10.2025 - 16:00 Uhr'), ['2025-10-7']);
    assert.deepEqual(ymd('version 1.2.3'), []);
    assert.deepEqual(ymd('2024年3月5日'), ['2024-3-5']);
    assert.deepEqual(ymd('令和 7 年 10 月 31 日（金）'), ['2025-10-31']);
    assert.deepEqual(ymd('令和元年5月1日'), ['2019-5-1']);
    assert.deepEqual(ymd('04-Mar-24'), ['2024-3-4']);
  });
  test('a summary of characters outside the basic plane ends (the duration scan steps over whole characters)', () => {
    assert.equal(parsePostmortem('## Resumo\n\u{1F600}\u{1F600} durou \u{10000}\n').window.statedDurationMinutes, undefined);
  });
  test('durations in the English scan are unchanged', () => {
    assert.deepEqual(findDurations('lasted 2 hours').map((d) => d.minutes), [120]);
  });
});

suite('times read from their neighbours and the front matter', () => {
  const times = (text: string) => parsePostmortem(text).timeline.entries.map((e) => `${e.time!.hour}:${String(e.time!.minute).padStart(2, '0')}+${e.dayOffset}`);
  test('a morning-to-afternoon run on a 12-hour clock: 1:05 after 12:20 is 13:05', () => {
    assert.deepEqual(times('## Timeline\n- 11:40 a\n- 12:20 b\n- 1:05 c\n- 2:30 d\n'), ['11:40+0', '12:20+0', '13:05+0', '14:30+0']);
  });
  test('an evening-to-morning run: a bare 12:20 after 11:55 PM is past midnight', () => {
    assert.deepEqual(times('## Timeline\n- 11:55 PM a\n- 12:20 b\n- 1:05 AM c\n'), ['23:55+0', '0:20+1', '1:05+1']);
  });
  test('a 24-hour timeline is left as written', () => {
    assert.deepEqual(times('## Timeline\n- 12:20 a\n- 13:05 b\n- 01:10 c\n'), ['12:20+0', '13:05+0', '1:10+0']);
  });
  test('a front-matter timestamp dates a timeline of times; a bare front-matter date does not', () => {
    const dated = parsePostmortem('---\nstarted_at: 2024-10-21T08:40:00Z\n---\n## Timeline\n- 08:40 a\n- 09:00 b\n');
    assert.deepEqual(dated.timeline.entries.map((e) => e.date && `${e.date.year}-${e.date.month}-${e.date.day}`), ['2024-10-21', '2024-10-21']);
    const published = parsePostmortem('---\ndate: 2023-09-08\n---\n## Timeline\n- 08:40 a\n- 09:00 b\n');
    assert.deepEqual(published.timeline.entries.map((e) => e.date), [undefined, undefined]);
  });
});

suite('postmortem.languages', () => {
  test('the parse reads only the languages it is given', () => {
    const parse = parsePostmortem;
    const text = '## Zeitlinie\n- 14.30 Uhr Meldung\n- 15.00 Uhr behoben\n';
    assert.deepEqual(parse(text).allSections.map((s) => s.kind), ['timeline']);
    assert.ok(!parse(text, undefined, ['pt']).allSections.some((s) => s.kind === 'timeline'));
    assert.deepEqual(parse(text, undefined, ['de']).timeline.entries.length, 2);
  });
  test('the option is validated: unknown codes are rejected, the default is every language', () => {
    assert.deepEqual([...resolveOptions({ languages: ['de', 'ja'] }).options.languages], ['de', 'ja']);
    const rejected = resolveOptions({ languages: ['xx'] });
    assert.deepEqual([...rejected.options.languages], [...languageCodes]);
    assert.equal(rejected.problems[0]?.key, 'languages');
  });
});

suite('window field labels of every language: one table', () => {
  const windowOf = (text: string, languages?: Parameters<typeof parsePostmortem>[2]) => {
    const window = parsePostmortem(text, undefined, languages).window;
    const hhmmOf = (t: { hour: number; minute: number } | undefined) => t && `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
    return [hhmmOf(window.start), hhmmOf(window.end), window.statedDurationMinutes];
  };
  test('an export table with Portuguese field labels', () => {
    const text = '# Incidente\n\n| Campo | Valor |\n| --- | --- |\n| Início | 5 de março de 2024 14h30 |\n| Fim | 16h10 |\n| Duração | 1 hora e 40 minutos |\n';
    assert.deepEqual(windowOf(text), ['14:30', '16:10', 100]);
  });
  test('German labels in bold list items, the end stated before the start', () => {
    const text = '# Störung\n\n- **Ende:** 09:35 Uhr\n- **Beginn:** 08:10 Uhr\n- **Dauer:** 85 Minuten\n';
    assert.deepEqual(windowOf(text), ['08:10', '09:35', 85]);
  });
  test('Japanese labels with a full-width colon', () => {
    const text = '1. 概要\n\n発生日時：2024年3月5日 15時20分\n復旧日時：2024年3月5日 16時05分\n継続時間：45分\n';
    assert.deepEqual(windowOf(text), ['15:20', '16:05', 45]);
  });
  test('English labels with a subject and a date/time label read as before', () => {
    assert.deepEqual(windowOf('# INC\n\nOutage start date / time: 2024-03-05 10:00 UTC\nIncident ended at: 2024-03-05 11:30 UTC\n'), ['10:00', '11:30', undefined]);
  });
  test('a language left out of postmortem.languages adds no labels', () => {
    const text = '# Störung\n\nBeginn: 08:10\nEnde: 09:35\n';
    assert.deepEqual(windowOf(text, ['de']), ['08:10', '09:35', undefined]);
    assert.deepEqual(windowOf(text, ['pt']), [undefined, undefined, undefined]);
  });
});
