import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ActionItemsRequest,
  IncidentsRequest,
  LibraryChangedNotification,
  ReadDirectoryRequest,
  ReadFilesRequest,
  RelatedIncidentsRequest,
} from '../../../server/src/library/protocol';
import { repoRoot } from '../../paths';

/** The client cannot import the server, so the incident library's method names are checked here. */
suite('incident library method names', () => {
  test('the client speaks the methods the server declares', () => {
    const client = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'library', 'protocol.ts'), 'utf8');
    const used = [...client.matchAll(/'(postmortem\/[A-Za-z]+)'/g)].map((match) => match[1]).sort();
    const declared = [IncidentsRequest, ActionItemsRequest, RelatedIncidentsRequest, LibraryChangedNotification, ReadDirectoryRequest, ReadFilesRequest].map((message) => message.method).sort();
    assert.deepEqual(used, declared);
  });

  test('every view contributed in package.json is one the client registers', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { views: Record<string, { id: string }[]> } };
    const views = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'library', 'views.ts'), 'utf8');
    const contributed = Object.values(manifest.contributes.views).flat().map((view) => view.id);
    assert.deepEqual(contributed, ['postmortem.incidents', 'postmortem.actionItems']);
    for (const id of contributed) assert.ok(views.includes(`'${id}'`), `${id} is registered`);
  });
});
