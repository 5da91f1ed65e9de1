import * as assert from 'node:assert/strict';
import { LineReadMemo } from '../../../../server/src/core/parse/lineReadMemo';
import { parsePostmortem, parsePostmortemInSteps } from '../../../../server/src/core/parse/parser';
import { runToEnd } from '../../../../server/src/core/steps';
import { projectDocuments } from '../../../projectDocuments';
import { largeTimeline } from '../../../protocol/largeDocument';
import { seededRandom } from '../../../seededRandom';

/** What authors type into a timeline: times, zones, dates, separators, line breaks. */
const typed = ['1', '0', ':', '5', ' ', 'PM', ' UTC', '-', '—', '\n', '\r\n', '- 10:', '**', 'Aug 3, ', 'x', '<br />', '\n- 23:59 '];

function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.35 && text.length > 0) {
    const length = 1 + Math.floor(random() * 12);
    return text.slice(0, at) + text.slice(at + length);
  }
  return text.slice(0, at) + typed[Math.floor(random() * typed.length)]! + text.slice(at);
}

suite('the line-read memo', () => {
  const documents = [
    ...projectDocuments(),
    { name: 'generated timeline', text: largeTimeline(300) },
    { name: 'repeated lines and status updates', text: '# Outage\n\n## Timeline\n\n- 10:00 UTC deploy\n- 10:00 UTC deploy\n  - note\n  - note\n10:05 UTC: up<br />10:07 UTC: down<br />10:09 UTC: up\n- 10:00 UTC deploy\n' },
    { name: 'no timeline heading, CRLF', text: 'Incident\r\n\r\n10:00 PM alert\r\n10:05 PM paged\r\n10:20 PM fixed\r\n10:20 PM fixed\r\n' },
  ];

  test('models are identical with and without it over random edit sequences (seeded)', () => {
    for (const [index, document] of documents.entries()) {
      const seed = 1000 + index;
      const random = seededRandom(seed);
      const memo = new LineReadMemo();
      let text = document.text;
      assert.deepEqual(parsePostmortem(text, memo), parsePostmortem(text), `${document.name}, seed ${seed}: first parse`);
      for (let edit = 1; edit <= 40; edit++) {
        text = randomEdit(text, random);
        const stepped = edit % 5 === 0;
        const withMemo = stepped ? runToEnd(parsePostmortemInSteps(text, memo)) : parsePostmortem(text, memo);
        assert.deepEqual(withMemo, parsePostmortem(text), `${document.name}, seed ${seed}, edit ${edit}`);
      }
    }
  });

  test('a parse abandoned half-way leaves the memo usable', () => {
    const memo = new LineReadMemo();
    const text = largeTimeline(9_000);
    const abandoned = parsePostmortemInSteps(text, memo);
    for (let i = 0; i < 4; i++) abandoned.next();
    abandoned.return(undefined as never);
    const edited = text.replace('- 00:10', '- 00:11');
    assert.deepEqual(parsePostmortem(edited, memo), parsePostmortem(edited));
  });

  test('reads moved by an edit carry their spans to the new offsets', () => {
    const memo = new LineReadMemo();
    const text = '# Outage\n\n## Timeline\n\n- 10:00 UTC deploy\n- 10:05 UTC rollback\n';
    parsePostmortem(text, memo);
    const edited = `# Outage, the long title\n${text.slice('# Outage\n'.length)}`;
    const model = parsePostmortem(edited, memo);
    const second = model.timeline.entries[1]!;
    assert.equal(edited.slice(second.time!.span.start, second.time!.span.end), '10:05');
    assert.equal(edited.slice(second.ownZone!.span.start, second.ownZone!.span.end), 'UTC');
  });
});
