import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../paths';

/**
 * The folder of documents the project does not own (seeds, the development corpus, later sets):
 * `POSTMORTEM_CORPUS` when set, else `../shared` beside the repository. Only the `corpus` test
 * layer reads it; every other layer runs on `test/fixtures/`. `scripts/test-all.mjs` resolves
 * the same path to decide whether the layer runs.
 */
export const corpusRoot = path.resolve(process.env.POSTMORTEM_CORPUS ?? path.join(repoRoot, '..', 'shared'));
export const externalSeedsDirectory = path.join(corpusRoot, 'seeds');
export const devCorpusDirectory = path.join(corpusRoot, 'corpus', 'dev');

/** Stops the layer with a message naming the folder when there is no corpus to read. */
export function requireCorpus(): void {
  if (!fs.existsSync(corpusRoot)) {
    throw new Error(`No corpus at ${corpusRoot}: set POSTMORTEM_CORPUS to the folder holding seeds/ and corpus/.`);
  }
}

/** A postmortem in the corpus: `name` is its path under the corpus root (`corpus/dev/x.md`). */
export interface CorpusDocument {
  readonly name: string;
  readonly text: string;
}

function readFolder(directory: string): CorpusDocument[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((name) => /\.(?:md|txt)$/.test(name) && name !== 'NOTES.md' && name !== 'README.md')
    .sort()
    .map((name) => ({
      name: path.relative(corpusRoot, path.join(directory, name)).split(path.sep).join('/'),
      text: fs.readFileSync(path.join(directory, name), 'utf8'),
    }));
}

/**
 * The seeds, then each folder of `corpus/` in name order (`dev`, and any set added later), every
 * `.md` and `.txt` document except the folders' own `NOTES.md`/`README.md`, sorted by name.
 */
export function corpusDocuments(): CorpusDocument[] {
  requireCorpus();
  const corpusFolder = path.join(corpusRoot, 'corpus');
  const sets = fs.existsSync(corpusFolder)
    ? fs
        .readdirSync(corpusFolder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return [...readFolder(externalSeedsDirectory), ...sets.flatMap((set) => readFolder(path.join(corpusFolder, set)))];
}
