import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timelinePictureMethod } from '../../../client/src/timelinePicture';
import { ServerCommands } from '../../../server/src/features/commands';
import { TimelinePictureRequest } from '../../../server/src/features/timelinePicture';
import { repoRoot } from '../../paths';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus?: { commandPalette?: { command: string; when?: string }[] };
  };
}

/** The client cannot import the server, so the ids it sends and registers are checked here. */
suite('command ids', () => {
  const client = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'commands.ts'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

  test('the client asks the server by the ids the server announces', () => {
    const used = [...client.matchAll(/'(postmortem\.server\.[A-Za-z]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(used, Object.values(ServerCommands).sort());
  });

  test('every palette command is contributed, registered by the client, and never a server id', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).filter((id) => ['postmortem.newPostmortem', 'postmortem.insertTimelineEntry', 'postmortem.sortTimeline'].includes(id));
    assert.deepEqual(contributed, ['postmortem.newPostmortem', 'postmortem.insertTimelineEntry', 'postmortem.sortTimeline']);
    for (const id of contributed) {
      assert.ok(client.includes(`registerCommand('${id}'`), `${id} is registered by the client`);
      assert.ok(!(Object.values(ServerCommands) as string[]).includes(id), `${id} is not also a server command`);
    }
  });

  test('palette `when` clauses use context keys the client sets', () => {
    for (const entry of manifest.contributes.menus?.commandPalette ?? []) {
      assert.ok(manifest.contributes.commands.some((c) => c.command === entry.command), `${entry.command} is contributed`);
      for (const key of (entry.when ?? '').match(/postmortem\.[A-Za-z]+/g) ?? []) {
        assert.ok(client.includes(`'${key}'`), `${key} is set by the client`);
      }
    }
  });

  test('Show Timeline is contributed and registered by the client, which asks for the picture by the method the server handles', () => {
    const panel = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'timelinePanel.ts'), 'utf8');
    assert.ok(manifest.contributes.commands.some((c) => c.command === 'postmortem.showTimeline'));
    assert.ok(panel.includes(`registerCommand('postmortem.showTimeline'`));
    assert.equal(timelinePictureMethod, TimelinePictureRequest.method);
  });
});
