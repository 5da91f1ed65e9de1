// Which postmortem generator the benchmark scripts run: POSTMORTEM_GENERATOR when set; else
// ../shared/bench/gen-postmortem.mjs beside the repository when it exists (the generator the
// figures in the README were measured with); else the project's own bench/generate.mjs, so the
// benchmark runs on a fresh clone too. Both take `--entries N --seed S --format md|txt`.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const sharedGenerator = resolve(repoRoot, '../shared/bench/gen-postmortem.mjs');

export const generatorPath =
  process.env.POSTMORTEM_GENERATOR ?? (existsSync(sharedGenerator) ? sharedGenerator : join(benchDir, 'generate.mjs'));

/** The generator as the benchmark header names it, relative to the repository. */
export const generatorLabel = relative(repoRoot, generatorPath) || generatorPath;
