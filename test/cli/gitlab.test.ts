import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliFixtures, copyFixture, makeTemporaryFolder, runCli } from './runCli';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

suite('postmortem check --format gitlab', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  test('a Code Quality report: description, check_name, fingerprint, severity, location.path and location.lines.begin', async () => {
    const run = await runCli(['check', '--format', 'gitlab', 'incidents', 'not-postmortems/notes.md'], { cwd: cliFixtures });
    assert.equal(run.code, 1, run.stderr);
    const issues = JSON.parse(run.stdout) as Issue[];
    for (const issue of issues) {
      assert.equal(typeof issue.description, 'string');
      assert.equal(typeof issue.check_name, 'string');
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
    }
    const invalid = issues.find((i) => i.check_name === 'invalid-time')!;
    assert.deepEqual([invalid.severity, invalid.location.path, invalid.location.lines.begin], ['major', 'incidents/login-errors.md', 11]);
    assert.equal(issues.find((i) => i.check_name === 'timezone-missing')!.severity, 'minor');
    assert.equal(issues.find((i) => i.check_name === 'missing-section')!.severity, 'info');
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique, even for the five missing sections on one line');
  });

  test('fingerprints are the same on another run and when lines are added above the problem', async () => {
    const folder = path.join(temporary.folder, 'work');
    fs.mkdirSync(folder);
    const file = copyFixture('incidents/login-errors.md', folder);
    const first = JSON.parse((await runCli(['check', '--format', 'gitlab', '.'], { cwd: folder })).stdout) as Issue[];
    const again = JSON.parse((await runCli(['check', '--format', 'gitlab', '.'], { cwd: folder })).stdout) as Issue[];
    assert.deepEqual(again, first);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('## Summary\n', '## Summary\n\nWritten on the day after.\n'));
    const shifted = JSON.parse((await runCli(['check', '--format', 'gitlab', '.'], { cwd: folder })).stdout) as Issue[];
    assert.deepEqual(shifted.map((i) => i.location.lines.begin), first.map((i) => i.location.lines.begin + 2));
    assert.deepEqual(shifted.map((i) => i.fingerprint), first.map((i) => i.fingerprint));
  });

  test('no problems: an empty array', async () => {
    const run = await runCli(['check', '--format', 'gitlab', 'clean'], { cwd: cliFixtures });
    assert.deepEqual([run.code, JSON.parse(run.stdout)], [0, []]);
  });
});
