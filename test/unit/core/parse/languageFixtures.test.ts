import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClockTime, PostmortemDocument } from '../../../../server/src/core/model';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import { fixturesDirectory } from '../../../paths';

const languageFixtures = path.join(fixturesDirectory, 'languages');

function hhmm(time: ClockTime | undefined): string | undefined {
  return time && `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

function isoDate(date: { year?: number; month: number; day: number } | undefined): string | undefined {
  return date && `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Sections as `kind|level|title`, entries as `HH:MM date zone`, the window as start, end and stated minutes. */
function summarise(model: PostmortemDocument) {
  return {
    sections: model.allSections.map((s) => `${s.kind}|${s.level}|${s.title}`),
    times: model.timeline.entries.map((e) => [e.time ? hhmm(e.time) : 'date', isoDate(e.date), e.zone?.name].filter(Boolean).join(' ')),
    window: [hhmm(model.window.start) ?? null, hhmm(model.window.end) ?? null, model.window.statedDurationMinutes ?? null],
  };
}

suite('postmortems in other languages and hard time formats: the model as verified by reading them', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(languageFixtures, 'expected-model.json'), 'utf8')) as Record<string, ReturnType<typeof summarise>>;
  test('every fixture of the folder is pinned', () => {
    const files = fs.readdirSync(languageFixtures).filter((f) => f !== 'expected-model.json').sort();
    assert.deepEqual(Object.keys(expected).sort(), files);
  });
  for (const [file, expectation] of Object.entries(expected)) {
    test(file, () => {
      assert.deepEqual(summarise(parsePostmortem(fs.readFileSync(path.join(languageFixtures, file), 'utf8'))), expectation);
    });
  }
});
