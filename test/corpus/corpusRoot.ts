import * as path from 'node:path';
import { repoRoot } from '../paths';

/**
 * The folder of documents the project does not own (seeds, the development corpus, later sets):
 * `POSTMORTEM_CORPUS` when set, else `../shared` beside the repository. Only the `corpus` test
 * layer reads it; every other layer runs on `test/fixtures/`.
 */
export const corpusRoot = path.resolve(process.env.POSTMORTEM_CORPUS ?? path.join(repoRoot, '..', 'shared'));
export const externalSeedsDirectory = path.join(corpusRoot, 'seeds');
export const devCorpusDirectory = path.join(corpusRoot, 'corpus', 'dev');
