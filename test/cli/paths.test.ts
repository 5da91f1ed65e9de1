import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliFixtures, copyFixture, makeTemporaryFolder, runCli } from './runCli';

/** The files a JSON report covers. */
function filesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { file: string }[]).map((r) => r.file);
}

suite('postmortem check: files, folders and globs', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  test('a folder is searched recursively for postmortems, by name or by content; other Markdown is left out', async () => {
    const run = await runCli(['check', '--format', 'json', 'incidents'], { cwd: cliFixtures });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(filesOf(run.stdout), [
      'incidents/login-errors.md',
      'incidents/payments-latency.md',
      'incidents/plain/dns-incident.txt',
      'incidents/queue-backlog.postmortem.md',
    ]);
  });

  test('a file named on the command line is checked even when it is not a postmortem', async () => {
    const run = await runCli(['check', '--format', 'json', 'incidents/notes.md'], { cwd: cliFixtures });
    assert.deepEqual(filesOf(run.stdout), ['incidents/notes.md']);
  });

  test('--only-postmortems: named files that are not postmortems are skipped too, without an error', async () => {
    const run = await runCli(['check', '--format', 'json', '--only-postmortems', 'incidents/notes.md', 'clean/api-timeouts.postmortem.md'], { cwd: cliFixtures });
    assert.deepEqual([run.code, run.stderr, filesOf(run.stdout)], [0, '', ['clean/api-timeouts.postmortem.md']]);
  });

  test('a glob: its matches, sorted; quoted so the CLI expands it (** crosses folders)', async () => {
    const run = await runCli(['check', '--format', 'json', 'incidents/**/*.txt', 'clean/*.md'], { cwd: cliFixtures });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(filesOf(run.stdout), ['incidents/plain/dns-incident.txt', 'clean/api-timeouts.postmortem.md']);
  });

  test('a file reached twice is checked once', async () => {
    const run = await runCli(['check', '--format', 'json', 'clean', 'clean/api-timeouts.postmortem.md', 'clean/*.md'], { cwd: cliFixtures });
    assert.deepEqual(filesOf(run.stdout), ['clean/api-timeouts.postmortem.md']);
  });

  test('.gitignored files and folders are skipped (nested .gitignore files, ! patterns, .git/info/exclude); node_modules always', async () => {
    const root = temporary.folder;
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.gitignore'), 'drafts/\n*.draft.md\n');
    fs.mkdirSync(path.join(root, '.git', 'info'));
    fs.writeFileSync(path.join(root, '.git', 'info', 'exclude'), '*.local.md\n');
    for (const folder of ['docs/drafts', 'docs/old', 'node_modules/pkg', 'docs/kept']) fs.mkdirSync(path.join(root, folder), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs', 'old', '.gitignore'), '*.md\n!keep-postmortem.md\n');
    const source = fs.readFileSync(path.join(cliFixtures, 'clean', 'api-timeouts.postmortem.md'));
    for (const file of ['docs/a-postmortem.md', 'docs/drafts/b-postmortem.md', 'docs/c-postmortem.draft.md', 'docs/old/d-postmortem.md', 'docs/old/keep-postmortem.md', 'node_modules/pkg/e-postmortem.md', 'docs/kept/f-postmortem.md', 'docs/g-postmortem.local.md']) {
      fs.writeFileSync(path.join(root, file), source);
    }
    // Run from a sub-folder: the rules are still read from the repository root down.
    const run = await runCli(['check', '--format', 'json', '.'], { cwd: path.join(root, 'docs') });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(filesOf(run.stdout), ['a-postmortem.md', 'kept/f-postmortem.md', 'old/keep-postmortem.md']);
    const glob = await runCli(['check', '--format', 'json', 'docs/**/*.md'], { cwd: root });
    assert.deepEqual(filesOf(glob.stdout), ['docs/a-postmortem.md', 'docs/kept/f-postmortem.md', 'docs/old/keep-postmortem.md']);
  });

  test('files.include in the configuration makes a file a postmortem by its name', async () => {
    const folder = path.join(temporary.folder, 'reports');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'notes.md'), fs.readFileSync(path.join(cliFixtures, 'not-postmortems', 'notes.md')));
    fs.writeFileSync(path.join(temporary.folder, '.postmortem.json'), JSON.stringify({ 'files.include': ['reports/*.md'] }));
    const run = await runCli(['check', '--format', 'json', 'reports'], { cwd: temporary.folder });
    assert.deepEqual(filesOf(run.stdout), ['reports/notes.md']);
  });

  suite('bad input', () => {
    test('a glob that matches nothing: a message naming it, exit 2, the other paths still checked', async () => {
      const run = await runCli(['check', '--format', 'json', 'nowhere/**/*.md', 'clean'], { cwd: cliFixtures });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'postmortem: no Markdown or plain-text files match nowhere/**/*.md\n');
      assert.deepEqual(filesOf(run.stdout), ['clean/api-timeouts.postmortem.md']);
    });

    test('a folder without postmortems: a message naming it, exit 2', async () => {
      const run = await runCli(['check', 'not-postmortems'], { cwd: cliFixtures });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^postmortem: no postmortems in not-postmortems \(Markdown and text files are checked when their name or content says they are postmortems\)\n$/);
      assert.equal(run.stdout, '');
    });

    test('a folder without Markdown or text files, and a glob matching only other files: exit 2', async () => {
      fs.writeFileSync(path.join(temporary.folder, 'diagram.png'), '');
      const run = await runCli(['check', '.', '*.png'], { cwd: temporary.folder });
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'postmortem: no Markdown or plain-text files in .\npostmortem: no Markdown or plain-text files match *.png\n');
    });

    test('a path that does not exist and is not a glob: cannot read it, exit 2', async () => {
      const run = await runCli(['check', 'missing.md'], { cwd: temporary.folder });
      assert.deepEqual([run.code, run.stderr], [2, 'postmortem: cannot read missing.md: no such file\n']);
    });

    test('an option after -- is a path', async () => {
      const file = copyFixture('clean/api-timeouts.postmortem.md', temporary.folder);
      fs.renameSync(file, path.join(temporary.folder, '--fix'));
      const run = await runCli(['check', '--format', 'json', '--', '--fix'], { cwd: temporary.folder });
      assert.deepEqual([run.code, filesOf(run.stdout)], [0, ['--fix']]);
    });
  });
});
