import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturesDirectory } from './paths';

/**
 * Every postmortem-like document the project owns, sorted by name, as `{ name, text }`: the
 * fixture workspace (the two reference postmortems, a `.postmortem.md` file and a README that is
 * not a postmortem), the expanded templates, and `test/fixtures/documents/` (a newest-first status
 * page, an SRE report with table timeline and action items, a German plain-text report with 24-hour
 * times, a bold-label report with a BOM and CRLF line breaks). Tests that need realistic variety
 * run over these; tests over documents the project does not own live in the `corpus` layer.
 */
export function projectDocuments(): { name: string; text: string }[] {
  const folders = ['workspace', 'templates', 'documents'];
  return folders.flatMap((folder) => {
    const directory = path.join(fixturesDirectory, folder);
    return fs
      .readdirSync(directory)
      .filter((name) => /\.(?:md|txt)$/.test(name))
      .sort()
      .map((name) => ({ name: `${folder}/${name}`, text: fs.readFileSync(path.join(directory, name), 'utf8') }));
  });
}
