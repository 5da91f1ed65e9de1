// Rewrites the SVG snapshots of the timeline picture (test/unit/snapshots/picture/) from the
// current build; run after `tsc -b` (npm run snapshots:update does both), then look at the
// changes, e.g. as PNGs with `node scripts/render-pictures.mjs`.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
execFileSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), 'out/test/unit/core/picture/snapshots.test.js'], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_SNAPSHOTS: '1' },
});
