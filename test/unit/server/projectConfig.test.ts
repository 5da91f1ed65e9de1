import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findProjectConfig, findProjectConfigForUri } from '../../../server/src/node/projectConfig';

suite('.postmortem.json discovery', () => {
  let root: string;
  setup(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-config-'));
  });
  teardown(() => fs.rmSync(root, { recursive: true, force: true }));

  test('finds the nearest file walking up from the folder', async () => {
    const deep = path.join(root, 'a', 'b', 'c');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{"inlayHints": false}');
    fs.writeFileSync(path.join(root, 'a', '.postmortem.json'), '\uFEFF{"durationToleranceMinutes": 9}');
    const found = await findProjectConfig(deep);
    assert.equal(found?.path, path.join(root, 'a', '.postmortem.json'));
    assert.deepEqual(found?.raw, { durationToleranceMinutes: 9 });
  });

  test('reports a file that is not JSON instead of throwing', async () => {
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{ inlayHints: false, }');
    const found = await findProjectConfig(root);
    assert.equal(found?.raw, undefined);
    assert.match(found?.error ?? '', /not valid JSON/);
  });

  test('never evaluates the file', async () => {
    const marker = path.join(root, 'evaluated');
    fs.writeFileSync(path.join(root, '.postmortem.json'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`);
    const found = await findProjectConfig(root);
    assert.ok(found?.error);
    assert.equal(fs.existsSync(marker), false);
  });

  test('skips a folder of that name', async () => {
    fs.mkdirSync(path.join(root, 'x', '.postmortem.json'), { recursive: true });
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{}');
    assert.equal((await findProjectConfig(path.join(root, 'x')))?.path, path.join(root, '.postmortem.json'));
  });

  test('maps file URIs to their folder and ignores other schemes', async () => {
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{"inlayHints": true}');
    const uri = pathToFileURL(path.join(root, 'outage postmortem.md')).href;
    assert.equal((await findProjectConfigForUri(uri))?.path, path.join(root, '.postmortem.json'));
    assert.equal(await findProjectConfigForUri('untitled:Untitled-1'), undefined);
  });
});
