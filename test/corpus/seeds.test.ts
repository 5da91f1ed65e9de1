import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClockTime } from '../../server/src/core/model';
import { parsePostmortem } from '../../server/src/core/parse/parser';
import { createPostmortemService } from '../../server/src/core/service';
import { externalSeedsDirectory, requireCorpus } from './corpusRoot';

requireCorpus();
/** The two postmortems the project started from: its first acceptance criteria. */
const seed000 = fs.readFileSync(path.join(externalSeedsDirectory, '000_de6a93873ce6ddf0.txt'), 'utf8');
const seed003 = fs.readFileSync(path.join(externalSeedsDirectory, '003_d40e422879d6fe45.txt'), 'utf8');
const service = createPostmortemService();

function hhmm(time: ClockTime | undefined): string | undefined {
  return time && `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

function hoverAt(text: string, needle: string): string | undefined {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not found`);
  return service.hover(service.parse(text), at + 1)?.markdown;
}

suite('the seeds', () => {
  test('seed 000: Label: and ALL-CAPS headings, a 12-hour timeline without zone, the summary range as window', () => {
    const model = parsePostmortem(seed000);
    assert.deepEqual(model.sections.map((s) => s.kind), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
    assert.equal(model.sections[1]!.style, 'caps');
    assert.deepEqual(model.sections[2]!.children.map((c) => c.kind), ['root-cause', 'resolution']);
    assert.deepEqual(model.sections[3]!.children.map((c) => c.kind), ['corrective-actions', 'corrective-actions']);
    assert.deepEqual(model.timeline.entries.map((e) => hhmm(e.time)), ['22:00', '22:05', '22:20', '22:45', '23:20', '23:30', '23:45']);
    assert.ok(model.timeline.entries.every((e) => e.zone === undefined && e.date === undefined));
    assert.deepEqual([hhmm(model.window.start), hhmm(model.window.end)], ['22:00', '23:45']);
  });

  test('seed 000: only a timezone-missing warning (and its three action items lack owner and date); the last entry is 1 h 45 min after the stated start', () => {
    assert.deepEqual(service.check(service.parse(seed000)).map((f) => `${f.severity} ${f.code}`), ['warning timezone-missing', ...Array.from({ length: 3 }, () => ['information action-item-due', 'information action-item-owner']).flat()]);
    assert.match(hoverAt(seed000, '11:45 PM:')!, /`T\+1h45m`: 1 h 45 min since the start \(10:00 PM, the stated start\)/);
  });

  test('seed 003: Markdown, the ### Timeline a sibling of ## Issue Summary, dated entries in UTC', () => {
    const model = parsePostmortem(seed003);
    assert.deepEqual(model.allSections.map((s) => `${s.kind}|${s.level}`), ['summary|2', 'timeline|2', 'root-cause|2', 'corrective-actions|2']);
    const entries = model.timeline.entries;
    assert.deepEqual(entries.map((e) => hhmm(e.time)), ['14:32', '14:45', '15:15', '15:30', '16:00', '17:45', '18:00']);
    assert.ok(entries.every((e) => e.zone?.name === 'UTC' && e.date?.year === 2024 && e.date.month === 8 && e.date.day === 15));
    assert.deepEqual([hhmm(model.window.start), hhmm(model.window.end), model.window.zone?.name], ['14:30', '18:00', 'UTC']);
  });

  test('seed 003: no error or warning; the last entry is the resolution, 3 h 30 min after the stated start', () => {
    assert.deepEqual(service.check(service.parse(seed003)).filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    const hover = hoverAt(seed003, '6:00 PM UTC -')!;
    assert.match(hover, /`T\+3h30m`: 3 h 30 min since the start \(2:30 PM, the stated start\)/);
    assert.match(hover, /This entry is the resolution/);
  });
});
