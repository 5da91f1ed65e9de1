// Rewrites the snapshots from the current build; run after `tsc -b` (npm run snapshots:update does
// both), then look at the changes:
// - the SVG drawings of the timeline picture (test/unit/snapshots/picture/; see them as PNGs with
//   `node scripts/render-pictures.mjs`);
// - the output fingerprints of the project's documents (test/unit/snapshots/fingerprints.json) and,
//   when POSTMORTEM_CORPUS names the shared folder, of the corpus (test/corpus/fingerprints.json).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tests = ['out/test/unit/core/picture/snapshots.test.js', 'out/test/unit/outputFingerprints.test.js'];
if (process.env.POSTMORTEM_CORPUS) tests.push('out/test/corpus/fingerprints.test.js');
execFileSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), ...tests], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_SNAPSHOTS: '1' },
});
