import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findProjectConfig, findProjectConfigForUri } from '../../../server/src/node/projectConfig';

describe('.postmortem.json discovery', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the nearest file walking up from the folder', async () => {
    const deep = path.join(root, 'a', 'b', 'c');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{"inlayHints": false}');
    fs.writeFileSync(path.join(root, 'a', '.postmortem.json'), '\uFEFF{"durationToleranceMinutes": 9}');
    const found = await findProjectConfig(deep);
    assert.equal(found?.path, path.join(root, 'a', '.postmortem.json'));
    assert.deepEqual(found?.raw, { durationToleranceMinutes: 9 });
  });

  it('reports a file that is not JSON instead of throwing', async () => {
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{ inlayHints: false, }');
    const found = await findProjectConfig(root);
    assert.equal(found?.raw, undefined);
    assert.match(found?.error ?? '', /not valid JSON/);
  });

  it('never evaluates the file', async () => {
    const marker = path.join(root, 'evaluated');
    fs.writeFileSync(path.join(root, '.postmortem.json'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`);
    const found = await findProjectConfig(root);
    assert.ok(found?.error);
    assert.equal(fs.existsSync(marker), false);
  });

  it('skips a folder of that name', async () => {
    fs.mkdirSync(path.join(root, 'x', '.postmortem.json'), { recursive: true });
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{}');
    assert.equal((await findProjectConfig(path.join(root, 'x')))?.path, path.join(root, '.postmortem.json'));
  });

  it('maps file URIs to their folder and ignores other schemes', async () => {
    fs.writeFileSync(path.join(root, '.postmortem.json'), '{"inlayHints": true}');
    const uri = pathToFileURL(path.join(root, 'outage postmortem.md')).href;
    assert.equal((await findProjectConfigForUri(uri))?.path, path.join(root, '.postmortem.json'));
    assert.equal(await findProjectConfigForUri('untitled:Untitled-1'), undefined);
  });
});
