import * as path from 'node:path';

/** The repository root, found from the compiled file's place in `out/test/`. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** The two seed postmortems, read from `../shared/seeds` beside the repository. */
export const seedsDirectory = path.resolve(repoRoot, '..', 'shared', 'seeds');
export const seed000 = path.join(seedsDirectory, '000_de6a93873ce6ddf0.txt');
export const seed003 = path.join(seedsDirectory, '003_d40e422879d6fe45.txt');

export const fixturesDirectory = path.join(repoRoot, 'test', 'fixtures');
