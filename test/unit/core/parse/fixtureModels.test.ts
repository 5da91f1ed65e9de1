import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import { fixtureModel } from '../../../modelSummary';
import { fixturesDirectory } from '../../../paths';

/**
 * The model of each fixture that has a pinned reading in test/fixtures/models/ (one JSON file
 * per fixture, named after it): sections with their kinds, entries with time, date and zone,
 * and the window, each checked by reading the fixture.
 */
suite('fixture models: sections, entries and window as read by hand', () => {
  const modelsDirectory = path.join(fixturesDirectory, 'models');
  const pinned = fs.readdirSync(modelsDirectory).filter((name) => name.endsWith('.json'));

  test('every pinned model names a fixture document', () => {
    assert.ok(pinned.length >= 6);
    for (const name of pinned) assert.ok(fs.existsSync(path.join(fixturesDirectory, 'documents', name.replace(/\.json$/, ''))), name);
  });

  for (const name of pinned) {
    const fixture = name.replace(/\.json$/, '');
    test(fixture, () => {
      const text = fs.readFileSync(path.join(fixturesDirectory, 'documents', fixture), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(modelsDirectory, name), 'utf8'));
      assert.deepEqual(fixtureModel(parsePostmortem(text)), expected);
    });
  }
});
