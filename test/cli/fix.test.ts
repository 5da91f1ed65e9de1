import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodeIo, type CliIo } from '../../server/src/cli/io';
import { runCli as runCliInProcess } from '../../server/src/cli/run';
import { cliFixtures, copyFixture, listFiles, makeTemporaryFolder, runCli } from './runCli';

/** What the two safe fixes in every `fix/` fixture do: an AM/PM slip and an impossible time. */
function expectedAfterFix(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  assert.ok(text.includes('12:10 AM - Rebuild') && text.includes('13:10 PM - Fresh'));
  return Buffer.from(text.replace('12:10 AM - Rebuild', '12:10 PM - Rebuild').replace('13:10 PM - Fresh', '1:10 PM - Fresh'), 'latin1');
}

const lineEndingCases = [
  ['lf.md', 'LF'],
  ['crlf.txt', 'CRLF'],
  ['bom.md', 'a byte-order mark and LF'],
  ['bom-crlf.txt', 'a byte-order mark and CRLF'],
  ['mixed.md', 'mixed LF and CRLF'],
] as const;

suite('postmortem check --fix', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  for (const [name, description] of lineEndingCases) {
    test(`${description}: the safe fixes are applied, every other byte is kept, and a second --fix changes nothing`, async () => {
      const file = copyFixture(`fix/${name}`, temporary.folder);
      const before = fs.readFileSync(file);
      const run = await runCli(['check', '--fix', name], { cwd: temporary.folder });
      assert.equal(run.code, 0, run.stderr);
      const after = fs.readFileSync(file);
      assert.ok(after.equals(expectedAfterFix(before)), after.toString());
      assert.equal(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), name.startsWith('bom'));
      assert.equal(after.toString('latin1').split('\r\n').length, before.toString('latin1').split('\r\n').length, 'as many CRLF as before');
      const line = name.endsWith('.txt') ? [10, 12] : [13, 15];
      assert.equal(
        run.stderr,
        `${name}:${line[0]}:${name.endsWith('.txt') ? 1 : 3}: fixed timeline-order: Change to 12:10 PM\n` +
          `${name}:${line[1]}:${name.endsWith('.txt') ? 1 : 3}: fixed invalid-time: Change to 1:10 PM\n` +
          'postmortem: applied 2 fixes in 1 file\n',
      );
      assert.equal(run.stdout, '', 'the fixed problems are gone: nothing left to report');

      const mtime = fs.statSync(file).mtimeMs;
      const second = await runCli(['check', '--fix', name], { cwd: temporary.folder });
      assert.deepEqual([second.code, second.stderr, second.stdout], [0, 'postmortem: nothing to fix\n', '']);
      assert.ok(fs.readFileSync(file).equals(after));
      assert.equal(fs.statSync(file).mtimeMs, mtime, 'not even rewritten');
      assert.deepEqual(listFiles(temporary.folder), [name], 'no temporary file left');
    });
  }

  test('a folder: only the files that change are written; the permission bits are kept', async () => {
    const folder = copyFixture('fix', temporary.folder);
    const clean = copyFixture('clean/api-timeouts.postmortem.md', folder);
    fs.chmodSync(path.join(folder, 'lf.md'), 0o640);
    const cleanInode = fs.statSync(clean).ino;
    const cleanMtime = fs.statSync(clean).mtimeMs;
    const run = await runCli(['check', '--fix', 'fix'], { cwd: temporary.folder });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /postmortem: applied 10 fixes in 5 files\n$/);
    assert.deepEqual([fs.statSync(clean).ino, fs.statSync(clean).mtimeMs], [cleanInode, cleanMtime]);
    assert.equal(fs.statSync(path.join(folder, 'lf.md')).mode & 0o777, 0o640);
    assert.equal(listFiles(folder).length, 6);
  });

  test('the problems left after fixing are reported, in any format, and set the exit status', async () => {
    const file = path.join(temporary.folder, 'login.md');
    fs.copyFileSync(path.join(cliFixtures, 'incidents', 'login-errors.md'), file);
    const run = await runCli(['check', '--fix', '--format', 'json', 'login.md'], { cwd: temporary.folder });
    assert.equal(run.code, 0, 'the only error, 13:40 PM, was fixed');
    const [report] = JSON.parse(run.stdout) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(report!.diagnostics.map((d) => d.code), ['timezone-missing']);
    assert.match(fs.readFileSync(file, 'utf8'), /^- 1:40 PM: Old certificate chain restored/m);
  });

  test('a symbolic link: the file it points to is fixed and the link stays a link', async () => {
    const target = copyFixture('fix/lf.md', temporary.folder);
    const link = path.join(temporary.folder, 'link.md');
    fs.symlinkSync('lf.md', link);
    const before = fs.readFileSync(target);
    const run = await runCli(['check', '--fix', 'link.md'], { cwd: temporary.folder });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.ok(fs.readFileSync(target).equals(expectedAfterFix(before)));
  });

  suite('--dry-run', () => {
    test('prints a unified diff that git applies, and writes nothing', async () => {
      const folder = copyFixture('fix', temporary.folder);
      const before = Object.fromEntries(listFiles(folder).map((f) => [f, fs.readFileSync(path.join(folder, f))]));
      const run = await runCli(['check', '--fix', '--dry-run', 'fix/lf.md', 'fix/crlf.txt'], { cwd: temporary.folder });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^--- a\/fix\/lf\.md\n\+\+\+ b\/fix\/lf\.md\n@@ -10,9 \+10,9 @@\n/);
      assert.match(run.stdout, /^-- 12:10 AM - Rebuild restarted on a larger node\n\+- 12:10 PM - Rebuild restarted on a larger node\n/m);
      assert.match(run.stdout, /^-13:10 PM - Fresh index live; resolved\r\n\+1:10 PM - Fresh index live; resolved\r\n/m, 'CRLF lines keep their CR');
      assert.match(run.stderr, /^fix\/lf\.md:13:3: would fix timeline-order: Change to 12:10 PM$/m);
      assert.match(run.stderr, /postmortem: would apply 4 fixes in 2 files\n$/);
      for (const [file, bytes] of Object.entries(before)) assert.ok(fs.readFileSync(path.join(folder, file)).equals(bytes), `${file} unchanged`);
      assert.deepEqual(listFiles(folder), Object.keys(before));

      fs.writeFileSync(path.join(temporary.folder, 'fixes.patch'), run.stdout);
      execFileSync('git', ['apply', '--whitespace=nowarn', 'fixes.patch'], { cwd: temporary.folder });
      assert.ok(fs.readFileSync(path.join(folder, 'lf.md')).equals(expectedAfterFix(before['lf.md']!)));
      assert.ok(fs.readFileSync(path.join(folder, 'crlf.txt')).equals(expectedAfterFix(before['crlf.txt']!)));
    });

    test('standard input: the diff of what --fix would change', async () => {
      const input = fs.readFileSync(path.join(cliFixtures, 'fix', 'lf.md'), 'utf8');
      const run = await runCli(['check', '--fix', '--dry-run', '-'], { cwd: temporary.folder, input });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^--- a\/-\n\+\+\+ b\/-\n/);
    });

    test('nothing to fix: no output, exit as for check', async () => {
      const run = await runCli(['check', '--fix', '--dry-run', 'clean'], { cwd: cliFixtures });
      assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', 'postmortem: nothing to fix\n']);
    });
  });

  suite('bad input', () => {
    test('a read-only file is not written: a message naming it, exit 2, the other files still fixed', async () => {
      const folder = copyFixture('fix', temporary.folder);
      const readOnly = path.join(folder, 'lf.md');
      fs.chmodSync(readOnly, 0o444);
      const before = fs.readFileSync(readOnly);
      const crlfBefore = fs.readFileSync(path.join(folder, 'crlf.txt'));
      const run = await runCli(['check', '--fix', 'fix'], { cwd: temporary.folder });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^postmortem: fix\/lf\.md: not fixed: the file is read-only$/m);
      assert.match(run.stderr, /postmortem: applied 8 fixes in 4 files; 1 file not fixed\n$/);
      assert.ok(fs.readFileSync(readOnly).equals(before));
      assert.ok(fs.readFileSync(path.join(folder, 'crlf.txt')).equals(expectedAfterFix(crlfBefore)));
      assert.equal(listFiles(folder).length, 5, 'no temporary file left');
      assert.match(run.stdout, /^fix\/lf\.md:15:3: error invalid-time /m, 'the unfixed file is reported as it is');
    });

    test('a file changed on disk between reading and writing is not overwritten', async () => {
      const file = copyFixture('fix/bom-crlf.txt', temporary.folder);
      const concurrent = 'Someone else saved this meanwhile.\n';
      const real = createNodeIo();
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        ...real,
        cwd: temporary.folder,
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        // An editor saves the file right after the CLI has read it.
        readSource: async (name) => {
          const source = await real.readSource(name);
          fs.writeFileSync(name, concurrent);
          return source;
        },
      };
      const code = await runCliInProcess(['check', '--fix', 'bom-crlf.txt'], io);
      assert.equal(code, 2);
      assert.equal(stderr, 'postmortem: bom-crlf.txt: not fixed: it changed on disk since it was read\npostmortem: applied 0 fixes in 0 files; 1 file not fixed\n');
      assert.equal(fs.readFileSync(file, 'utf8'), concurrent);
      assert.deepEqual(listFiles(temporary.folder), ['bom-crlf.txt']);
      assert.match(stdout, /error invalid-time/);
    });

    test('a file that is not valid UTF-8 is not fixed', async () => {
      const file = path.join(temporary.folder, 'latin1.md');
      const bytes = Buffer.concat([fs.readFileSync(path.join(cliFixtures, 'fix', 'lf.md')), Buffer.from('Caf\xe9\n', 'latin1')]);
      fs.writeFileSync(file, bytes);
      const run = await runCli(['check', '--fix', 'latin1.md'], { cwd: temporary.folder });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^postmortem: latin1\.md: not fixed: it is not valid UTF-8$/m);
      assert.ok(fs.readFileSync(file).equals(bytes));
    });

    test('--fix with standard input and no --dry-run, and --dry-run without --fix, are usage errors', async () => {
      for (const args of [['check', '--fix', '-'], ['check', '--dry-run', 'clean']]) {
        const run = await runCli(args, { cwd: cliFixtures });
        assert.equal(run.code, 2, args.join(' '));
        assert.match(run.stderr, /^postmortem: (--fix cannot write to standard input|--dry-run goes with --fix)/);
      }
    });
  });
});
