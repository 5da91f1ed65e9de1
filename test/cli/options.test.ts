import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliFixtures, copyFixture, makeTemporaryFolder, runCli } from './runCli';

suite('postmortem check: --config, --fail-level and --help', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  suite('--config', () => {
    test('replaces the discovered .postmortem.json for every file', async () => {
      copyFixture('incidents/plain/dns-incident.txt', temporary.folder);
      fs.writeFileSync(path.join(temporary.folder, '.postmortem.json'), JSON.stringify({ severities: { 'timezone-missing': 'off' } }));
      fs.writeFileSync(path.join(temporary.folder, 'ci.json'), JSON.stringify({ severities: { 'timezone-missing': 'error' } }));
      const discovered = await runCli(['check', 'dns-incident.txt'], { cwd: temporary.folder });
      assert.deepEqual([discovered.code, discovered.stdout], [0, '']);
      const given = await runCli(['check', '--config', 'ci.json', 'dns-incident.txt'], { cwd: temporary.folder });
      assert.equal(given.code, 1);
      assert.match(given.stdout, /^dns-incident\.txt:6:1: error timezone-missing /);
    });

    test('--config=FILE, with a profile: the profile\'s required sections are asked for', async () => {
      fs.writeFileSync(path.join(temporary.folder, 'sre.json'), JSON.stringify({ profile: 'google-sre' }));
      const run = await runCli(['check', `--config=${path.join(temporary.folder, 'sre.json')}`, 'clean'], { cwd: cliFixtures });
      assert.match(run.stdout, /information missing-section No lessons learned section/);
    });

    for (const [name, contents, message] of [
      ['missing', undefined, /^postmortem: cannot use --config missing\.json: no such file\n$/],
      ['not JSON', '{ "severities": ', /^postmortem: cannot use --config bad\.json: it is not valid JSON \(.+\)\n$/],
      ['not an object', '["error"]', /^postmortem: cannot use --config bad\.json: it must hold a JSON object\n$/],
    ] as const) {
      test(`a --config file that is ${name}: a clear message, exit 2, nothing checked`, async () => {
        if (contents !== undefined) fs.writeFileSync(path.join(temporary.folder, 'bad.json'), contents);
        const run = await runCli(['check', '--config', contents === undefined ? 'missing.json' : 'bad.json', path.join(cliFixtures, 'clean')], { cwd: temporary.folder });
        assert.equal(run.code, 2);
        assert.match(run.stderr, message);
        assert.equal(run.stdout, '');
      });
    }

    test('an invalid value in a --config file is a warning naming the file and the key', async () => {
      fs.writeFileSync(path.join(temporary.folder, 'ci.json'), JSON.stringify({ durationToleranceMinutes: 'lots', colour: 'blue' }));
      const run = await runCli(['check', '--config', 'ci.json', path.join(cliFixtures, 'clean')], { cwd: temporary.folder });
      assert.equal(run.code, 0);
      const file = path.join(temporary.folder, 'ci.json');
      assert.ok(run.stderr.includes(`postmortem: warning: ${file}: "durationToleranceMinutes" must be a number`), run.stderr);
      assert.ok(run.stderr.includes(`postmortem: warning: ${file}: "colour" is not a postmortem setting; ignoring it.`), run.stderr);
    });
  });

  suite('--fail-level', () => {
    // login-errors.md: an error and a warning; dns-incident.txt: a warning; notes.md: information only.
    for (const [level, file, code] of [
      ['error', 'incidents/login-errors.md', 1],
      ['error', 'incidents/plain/dns-incident.txt', 0],
      ['warning', 'incidents/plain/dns-incident.txt', 1],
      ['warning', 'not-postmortems/notes.md', 0],
      ['information', 'not-postmortems/notes.md', 1],
      ['hint', 'clean/api-timeouts.postmortem.md', 0],
    ] as const) {
      test(`${level}: ${file} exits ${code}`, async () => {
        const run = await runCli(['check', '--fail-level', level, file], { cwd: cliFixtures });
        assert.equal(run.code, code, run.stderr);
      });
    }

    test('the default is error', async () => {
      assert.equal((await runCli(['check', 'incidents/plain/dns-incident.txt'], { cwd: cliFixtures })).code, 0);
    });

    test('an unknown level is a usage error', async () => {
      const run = await runCli(['check', '--fail-level', 'fatal', 'clean'], { cwd: cliFixtures });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^postmortem: --fail-level must be one of error, warning, information, hint; got "fatal"/);
    });
  });

  test('--help lists every command, format and option', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.code, 0);
    for (const word of ['check', 'new', '--format', 'text', 'json', 'sarif', 'github', 'gitlab', '--fix', '--dry-run', '--config', '--fail-level', '--only-postmortems', '--template', 'holberton', 'google-sre', 'pagerduty', 'md|txt', 'Exit status']) {
      assert.ok(run.stdout.includes(word), word);
    }
  });

  test('an unknown format lists the known ones', async () => {
    const run = await runCli(['check', '--format', 'xml', 'clean'], { cwd: cliFixtures });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^postmortem: --format must be one of text, json, sarif, github, gitlab; got "xml"/);
  });
});
