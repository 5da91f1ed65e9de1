import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import { fixturesDirectory } from '../../../paths';
import { summariseModel } from '../../../modelSummary';

const languageFixtures = path.join(fixturesDirectory, 'languages');

suite('postmortems in other languages and hard time formats: the model as verified by reading them', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(languageFixtures, 'expected-model.json'), 'utf8')) as Record<string, ReturnType<typeof summariseModel>>;
  test('every fixture of the folder is pinned', () => {
    const files = fs.readdirSync(languageFixtures).filter((f) => f !== 'expected-model.json').sort();
    assert.deepEqual(Object.keys(expected).sort(), files);
  });
  for (const [file, expectation] of Object.entries(expected)) {
    test(file, () => {
      assert.deepEqual(summariseModel(parsePostmortem(fs.readFileSync(path.join(languageFixtures, file), 'utf8'))), expectation);
    });
  }
});
