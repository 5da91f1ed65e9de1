import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { drawTimeline, type TimelineDrawing } from '../../../../server/src/core/picture/drawTimeline';
import { markdownPostmortem, plainTextPostmortem } from '../../../paths';
import { lines, postmortem, service } from '../analysis/support';
import { allElements, overlaps, readSvg, textBoxes, type SvgElement } from './svgReader';

function draw(text: string, options?: Parameters<typeof drawTimeline>[1]): { drawing: TimelineDrawing; svg: SvgElement } {
  const drawing = drawTimeline(service.parse(text), options);
  return { drawing, svg: readSvg(drawing.svg) };
}

function byClass(svg: SvgElement, className: string): SvgElement[] {
  return allElements(svg).filter((element) => (element.attributes.class ?? '').split(' ').includes(className));
}

function texts(svg: SvgElement): string[] {
  return allElements(svg)
    .filter((element) => element.name === 'text')
    .map((element) => element.text);
}

/** A timeline of `count` entries a minute or more apart, from 09:00 on one day. */
function manyEntries(count: number, describe: (index: number) => string = (i) => `Step ${i} of the rollout checked`): string {
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    const minutes = 9 * 60 + Math.floor((i * 600) / count);
    const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    entries.push(`- 2024-05-02 ${hh}:${mm} UTC: ${describe(i)}`);
  }
  return postmortem('On 2024-05-02 the importer stalled.', ...entries);
}

suite('drawTimeline', () => {
  suite('seed-like documents', () => {
    for (const file of [plainTextPostmortem, markdownPostmortem]) {
      test(`${file.split(/[\\/]/).pop()}: every entry is a mark with its line, and labels never overlap`, () => {
        const text = fs.readFileSync(file, 'utf8');
        const model = service.parse(text);
        const { drawing, svg } = draw(text);
        assert.equal(drawing.message, undefined);
        assert.equal(drawing.marks.length, model.timeline.entries.length);
        const documentLines = text.split(/\r\n|\r|\n/);
        for (const [index, mark] of drawing.marks.entries()) {
          assert.equal(mark.id, `pm-entry-${index}`);
          assert.ok(mark.placed);
          assert.ok(mark.time, 'placed marks carry their time');
          assert.ok(documentLines[mark.line]!.includes(mark.label.replace(/…$/, '').slice(0, 10)), `line ${mark.line} holds "${mark.label}"`);
          const element = allElements(svg).find((e) => e.attributes.id === mark.id);
          assert.ok(element, `element ${mark.id}`);
          assert.equal(element.attributes['data-line'], String(mark.line));
          assert.equal(element.attributes.tabindex, '0');
          assert.equal(element.attributes.role, 'button');
        }
        assert.deepEqual(overlaps(textBoxes(svg)), []);
      });
    }

    test('the stated window is shaded, detection and resolution are marked, and the long gap is shown', () => {
      const { svg } = draw(fs.readFileSync(plainTextPostmortem, 'utf8'));
      assert.equal(byClass(svg, 'pm-window').length, 1);
      assert.equal(byClass(svg, 'pm-milestone').length, 2);
      assert.ok(texts(svg).some((t) => /^Detected \+0 min$/.test(t)), texts(svg).join(' | '));
      assert.ok(texts(svg).includes('Resolved +1 h 50 min'), texts(svg).join(' | '));
      assert.ok(texts(svg).includes('Incident 19:15–21:05, 1 h 50 min'));
      // 8:05 PM to 8:35 PM without an entry.
      assert.ok(texts(svg).includes('30 min gap'), texts(svg).join(' | '));
      assert.equal(byClass(svg, 'pm-gap').length, 1);
    });

    test('axis ticks read as clock times and the zone is named', () => {
      const { svg } = draw(fs.readFileSync(markdownPostmortem, 'utf8'));
      const ticks = byClass(svg, 'pm-muted').map((e) => e.text);
      assert.ok(ticks.length >= 4, ticks.join(' '));
      for (const tick of ticks) assert.match(tick, /^\d\d:\d\d$/);
      assert.match(texts(svg)[0]!, /times in UTC/);
    });
  });

  suite('bad input', () => {
    test('no timeline: nothing to draw, with a message', () => {
      const drawing = drawTimeline(service.parse('# Notes\n\nNothing happened here.\n'));
      assert.equal(drawing.svg, '');
      assert.deepEqual(drawing.marks, []);
      assert.match(drawing.message!, /No timeline entries to draw/);
    });

    test('one entry: an axis around it', () => {
      const { drawing, svg } = draw(postmortem('The job failed once.', '- 14:02 UTC: Nightly export failed'));
      assert.equal(drawing.marks.length, 1);
      assert.ok(byClass(svg, 'pm-mark').length === 1);
      assert.ok(byClass(svg, 'pm-muted').length >= 3, 'ticks either side');
    });

    test('every time unreadable: the entries are listed apart with why, and the message says so', () => {
      const { drawing, svg } = draw(postmortem('Bad clock.', '- 25:10: Pager went off', '- 13:00 PM: Rolled back'));
      assert.match(drawing.message!, /no timeline entry has a time that can be read/);
      assert.equal(byClass(svg, 'pm-mark').length, 0);
      const listed = byClass(svg, 'pm-unplaced');
      assert.equal(listed.length, 2);
      assert.ok(drawing.marks.every((mark) => !mark.placed && mark.time === undefined));
      assert.match(texts(svg).join('\n'), /Line \d+: Pager went off — the time “25:10” cannot be read/);
      assert.equal(listed[0]!.attributes['data-line'], String(drawing.marks[0]!.line));
    });

    test('an unreadable entry among good ones is listed under the axis', () => {
      const { drawing, svg } = draw(postmortem('Mixed.', '- 10:00 UTC: Alert fired', '- 99:99 UTC: Something', '- 10:30 UTC: Fixed'));
      assert.equal(drawing.message, undefined);
      assert.deepEqual(
        drawing.marks.map((m) => m.placed),
        [true, false, true],
      );
      assert.equal(byClass(svg, 'pm-unplaced').length, 1);
      assert.ok(texts(svg)[0]!.includes('1 not placed'));
    });

    test('a <script> in an entry is text, never markup', () => {
      const { drawing, svg } = draw(postmortem('Odd.', '- 10:00 UTC: <script>alert("x")</script> & <b>bold</b>', '- 10:20 UTC: Done'));
      assert.ok(!drawing.svg.includes('<script'));
      assert.ok(!drawing.svg.includes('<b>'));
      assert.ok(texts(svg).some((t) => t.includes('<script>alert("x")')));
      assert.equal(allElements(svg).filter((e) => e.name === 'script').length, 0);
    });

    test('labels of 2,000 characters are shortened; the markup stays small', () => {
      const long = 'word '.repeat(400).trim();
      const { drawing, svg } = draw(postmortem('Long.', `- 10:00 UTC: ${long}`, `- 10:05 UTC: ${long}`, `- 11:00 UTC: ${long}`));
      for (const mark of drawing.marks) assert.ok(mark.label.length < 60, mark.label);
      assert.ok(drawing.svg.length < 10_000, `${drawing.svg.length}`);
      assert.deepEqual(overlaps(textBoxes(svg)), []);
    });

    test('10,000 entries: bounded markup, no overlapping labels, every entry accounted for', () => {
      const { drawing, svg } = draw(manyEntries(10_000));
      assert.equal(drawing.marks.length, 10_000);
      assert.ok(drawing.svg.length < 1_000_000, `${drawing.svg.length} characters`);
      const drawn = byClass(svg, 'pm-mark');
      assert.ok(drawn.length <= 2000 && drawn.length > 100, `${drawn.length} marks`);
      assert.equal(drawing.marks.filter((m) => !m.omitted).length, drawn.length);
      assert.deepEqual(overlaps(textBoxes(svg)), []);
      assert.ok(Number(svg.attributes.height) < 600, `height ${svg.attributes.height}`);
    });

    test('entries spread over months: the ticks are dates', () => {
      const { svg } = draw(
        postmortem('A slow leak.', '- 2024-01-03 10:00 UTC: Memory growth first seen', '- 2024-02-14 08:00 UTC: Ticket opened', '- 2024-04-20 16:30 UTC: Leak fixed'),
      );
      const days = byClass(svg, 'pm-day').filter((e) => e.name === 'text').map((e) => e.text);
      assert.ok(days.length >= 3, days.join(' '));
      for (const day of days) assert.match(day, /^(Jan|Feb|Mar|Apr|May) \d+$/);
      // Weeks between entries are this timeline's pace, not gaps.
      assert.equal(byClass(svg, 'pm-gap').length, 0);
      assert.deepEqual(overlaps(textBoxes(svg)), []);
    });

    test('a midnight crossing without dates: the day boundary is drawn and labelled', () => {
      const { svg } = draw(postmortem('Overnight.', '- 23:10: Disk alert', '- 23:50: Volume grown', '- 00:20: Writes resumed'));
      const boundaries = byClass(svg, 'pm-day');
      assert.ok(boundaries.some((e) => e.name === 'line'));
      assert.ok(boundaries.some((e) => e.name === 'text' && e.text === 'Day 2'), boundaries.map((e) => e.text).join(','));
    });

    test('CRLF and emoji: lines are counted as the editor counts them', () => {
      const text = lines('# Outage 🔥', '', '## Timeline', '', '- 10:00 UTC: 🔥 Alert fired', '- 10:30 UTC: ✅ Resolved').replace(/\n/g, '\r\n');
      const { drawing } = draw(text);
      assert.deepEqual(
        drawing.marks.map((m) => m.line),
        [4, 5],
      );
    });
  });

  suite('options', () => {
    test('highlightLine marks the entry on that line as current', () => {
      const text = postmortem('Short.', '- 10:00 UTC: Alert fired', '- 10:20 UTC: Rolled back', '- 10:40 UTC: Resolved');
      const target = drawTimeline(service.parse(text)).marks[1]!;
      const { svg } = draw(text, { highlightLine: target.line });
      const current = byClass(svg, 'pm-current');
      assert.equal(current.length, 1);
      assert.equal(current[0]!.attributes.id, target.id);
      assert.equal(byClass(draw(text, { highlightLine: 0 }).svg, 'pm-current').length, 0);
    });

    test('width sets the drawing size, within bounds', () => {
      const text = fs.readFileSync(markdownPostmortem, 'utf8');
      assert.equal(draw(text, { width: 600 }).svg.attributes.width, '600');
      assert.equal(draw(text, { width: 10 }).svg.attributes.width, '320');
      assert.equal(draw(text, { width: 1e9 }).svg.attributes.width, '4096');
      assert.equal(draw(text, { width: Number.NaN }).svg.attributes.width, '960');
    });
  });

  test('colours come only from theme variables with fallbacks', () => {
    const markup = drawTimeline(service.parse(fs.readFileSync(plainTextPostmortem, 'utf8'))).svg;
    const style = /<style>([\s\S]*)<\/style>/.exec(markup)![1]!;
    for (const [, property, value] of style.matchAll(/\b(fill|stroke)\s*:\s*([^;}]+)/g)) {
      if (value === 'none') continue;
      assert.match(value!, /^var\(--vscode-[\w-]+,/, `${property}: ${value}`);
    }
    // No colour outside the style block.
    assert.ok(!/\s(fill|stroke)="/.test(markup.replace(/<style>[\s\S]*<\/style>/, '')));
  });

  test('property: for any timeline, marks match entries and no two texts overlap', () => {
    const entry = fc.record({
      hour: fc.integer({ min: 0, max: 26 }),
      minute: fc.integer({ min: 0, max: 59 }),
      words: fc.array(fc.constantFrom('db', 'Failover', 'WWWWW', 'rollback', '<tag>', '&', 'i', 'ü', '🔥', 'MMMM', 'retry'), { minLength: 0, maxLength: 30 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 80 }), fc.integer({ min: 300, max: 1400 }), (entries, width) => {
        const timeline = entries.map((e) => `- ${String(e.hour).padStart(2, '0')}:${String(e.minute).padStart(2, '0')} UTC: ${e.words.join(' ')}`);
        const model = service.parse(postmortem('Generated.', ...timeline));
        const drawing = drawTimeline(model, { width });
        assert.equal(drawing.marks.length, model.timeline.entries.length);
        if (drawing.svg === '') return;
        const svg = readSvg(drawing.svg);
        assert.deepEqual(overlaps(textBoxes(svg)), []);
        for (const box of textBoxes(svg)) assert.ok(box.left >= 0 && box.right <= Number(svg.attributes.width) + 0.5, `${box.text} inside`);
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});
