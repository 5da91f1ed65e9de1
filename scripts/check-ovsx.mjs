#!/usr/bin/env node
// Runs every check `ovsx publish` makes before it uploads, without publishing anything:
//   1. the licence check ovsx runs for open-vsx.org (`isLicenseOk`, which also validates the
//      manifest's name, publisher and version);
//   2. `ovsx publish` itself, packaging from the sources through vsce's createVSIX (manifest,
//      README, icon and file checks), pointed at the registry `https://open-vsx.invalid`: a
//      name that never resolves (RFC 2606), so the run ends at the upload with ENOTFOUND.
// ovsx has no dry-run or verify command (`verify-pat` checks a token online), and the
// registry's own checks (namespace ownership, the warnings it returns after a publish) need
// the network. Fails on any warning line or on any failure other than the expected ENOTFOUND.
// `npm run check:ovsx`; the package test runs it.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { isLicenseOk } = require('ovsx/lib/check-license');
const OFFLINE_REGISTRY = 'https://open-vsx.invalid';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
if (!(await isLicenseOk(root, manifest))) {
  console.error('ovsx: the extension has no licence (package.json "license" or a LICENSE file).');
  process.exit(1);
}
console.log(`ovsx licence check: ok (license ${manifest.license})`);

// ovsx packages into a temporary file; keep it in a folder of ours and remove it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ovsx-'));
try {
  const ovsx = path.join(root, 'node_modules', '.bin', 'ovsx');
  const run = spawnSync(ovsx, ['publish', '--no-dependencies', '--registryUrl', OFFLINE_REGISTRY, '--pat', 'offline-check'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: scratch, OVSX_PAT: '' },
  });
  const output = `${run.stdout}${run.stderr}`;
  console.log(output.trimEnd());
  const warnings = output.split('\n').filter((line) => /\bWARN(ING)?\b|^\s*!!/i.test(line));
  const packaged = /DONE\s+Packaged: .*\.vsix \((\d+) files?, [\d.]+ [KM]?B\)/.exec(output);
  const stoppedAtUpload = output.includes('ENOTFOUND open-vsx.invalid');
  if (warnings.length > 0 || !packaged || !stoppedAtUpload) {
    console.error(
      `\novsx checks failed: ${warnings.length} warning line(s)${packaged ? '' : ', no package was made'}${stoppedAtUpload ? '' : ', it did not stop at the offline upload'}.`,
    );
    process.exit(1);
  }
  console.log(`\novsx checks: no warnings; packaged ${packaged[1]} files; stopped at the upload to ${OFFLINE_REGISTRY} as intended.`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
