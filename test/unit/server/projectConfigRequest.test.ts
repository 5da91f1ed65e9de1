import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectConfigRequest, clientSuppliesProjectConfig, projectConfigFileName } from '../../../server/src/projectConfig';
import { repoRoot } from '../../paths';

/** The client cannot import the server, so the request it answers is checked against the server's here. */
suite('.postmortem.json request between client and server', () => {
  const client = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'projectConfig.ts'), 'utf8');
  const startClient = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'startClient.ts'), 'utf8');

  test('the client answers the method the server sends, for the file name the server reads', () => {
    assert.ok(client.includes(`export const projectConfigMethod = '${ProjectConfigRequest.method}';`), 'the method');
    assert.ok(client.includes(`const projectConfigFileName = '${projectConfigFileName}';`), 'the file name');
  });

  test('the client announces it the way the server looks for it', () => {
    assert.match(startClient, /projectConfig: 'client'/);
    assert.equal(clientSuppliesProjectConfig({ projectConfig: 'client' }), true);
    for (const other of [undefined, null, {}, { projectConfig: true }, 'client']) assert.equal(clientSuppliesProjectConfig(other), false, JSON.stringify(other));
  });
});
