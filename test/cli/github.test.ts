import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeData, escapeProperty } from '../../server/src/cli/github';
import { cliFixtures, makeTemporaryFolder, runCli } from './runCli';

/** `::level props::message`, props as `key=value` pairs separated by commas. */
const command = /^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$/;

function parseCommands(stdout: string): { level: string; properties: Record<string, string>; message: string }[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = command.exec(line);
      assert.ok(match, `a workflow command: ${line}`);
      const properties = Object.fromEntries(match[2]!.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
      return { level: match[1]!, properties, message: match[3]! };
    });
}

suite('postmortem check --format github', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  test('one workflow command per problem, with file, line, col, endLine, endColumn and the code as title', async () => {
    const run = await runCli(['check', '--format', 'github', 'incidents'], { cwd: cliFixtures });
    assert.equal(run.code, 1, run.stderr);
    const commands = parseCommands(run.stdout);
    assert.deepEqual(commands.find((c) => c.properties.title === 'invalid-time'), {
      level: 'error',
      properties: { file: 'incidents/login-errors.md', line: '11', col: '3', endLine: '11', endColumn: '11', title: 'invalid-time' },
      message: '13:40 PM is not a valid time: hour 13 is past 12 on the 12-hour clock; 1:40 PM was probably meant',
    });
    assert.deepEqual(
      commands.map((c) => `${c.level} ${c.properties.file} ${c.properties.title}`),
      [
        'warning incidents/login-errors.md timezone-missing',
        'error incidents/login-errors.md invalid-time',
        'warning incidents/payments-latency.md duplicate-section',
        'warning incidents/plain/dns-incident.txt timezone-missing',
      ],
    );
  });

  test('information and hints are notices', async () => {
    const run = await runCli(['check', '--format', 'github', 'not-postmortems/notes.md'], { cwd: cliFixtures });
    const commands = parseCommands(run.stdout);
    assert.ok(commands.length > 0);
    assert.ok(commands.every((c) => c.level === 'notice' && c.properties.title === 'missing-section'));
    const config = path.join(temporary.folder, 'hints.json');
    fs.writeFileSync(config, JSON.stringify({ severities: { 'duplicate-section': 'hint' } }));
    const hint = await runCli(['check', '--format', 'github', '--config', config, 'incidents/payments-latency.md'], { cwd: cliFixtures });
    assert.deepEqual(
      parseCommands(hint.stdout).map((c) => `${c.level} ${c.properties.title}`),
      ['notice duplicate-section'],
    );
  });

  test('a message with %, : and , keeps them, escaping only %; a file name with them is escaped as a property', async () => {
    const folder = path.join(temporary.folder, 'q3: 100%, eu');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(cliFixtures, 'incidents', 'payments-latency.md'), path.join(folder, 'payments.md'));
    const run = await runCli(['check', '--format', 'github', '.'], { cwd: temporary.folder });
    assert.equal(run.code, 0, run.stderr);
    const line = run.stdout.split('\n').find((l) => l.includes('duplicate-section'))!;
    assert.equal(
      line,
      '::warning file=q3%3A 100%25%2C eu/payments.md,line=21,col=4,endLine=21,endColumn=32,title=duplicate-section::The section "Root Cause: ledger, 100%25 CPU" appears twice; the first is above',
    );
    parseCommands(run.stdout);
  });

  test('escaping follows the Actions toolkit: %, CR and LF in data; also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    // % first: an escape is never escaped again.
    assert.equal(escapeData('%0A'), '%250A');
  });

  test('standard input: no file property', async () => {
    const input = fs.readFileSync(path.join(cliFixtures, 'incidents', 'login-errors.md'), 'utf8');
    const run = await runCli(['check', '--format', 'github', '-'], { cwd: cliFixtures, input });
    const commands = parseCommands(run.stdout);
    assert.ok(commands.length === 2 && commands.every((c) => !('file' in c.properties)), run.stdout);
  });

  test('no problems: no output', async () => {
    const run = await runCli(['check', '--format', 'github', 'clean'], { cwd: cliFixtures });
    assert.deepEqual([run.code, run.stdout], [0, '']);
  });
});
