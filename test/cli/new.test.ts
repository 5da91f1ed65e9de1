import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postmortemTemplates } from '../../server/src/core/authoring/snippetCatalog';
import { parseSnippet, snippetVariables } from '../../server/src/core/authoring/snippetSyntax';
import { makeTemporaryFolder, runCli } from './runCli';

/** 2025-07-14 23:30 UTC: in Berlin (UTC+02:00 in summer) it is already the 15th. */
const clock = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 6, 14, 23, 30) / 1000), TZ: 'Europe/Berlin' };

suite('postmortem new', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  for (const [name, id] of [
    ['holberton', 'holberton'],
    ['google-sre', 'sre'],
    ['pagerduty', 'pagerduty'],
  ] as const) {
    for (const format of ['md', 'txt'] as const) {
      test(`--template ${name} --format ${format}: the catalog's template, its date placeholders filled with today's date`, async () => {
        const run = await runCli(['new', '--template', name, '--format', format], { env: clock });
        assert.equal(run.code, 0, run.stderr);
        const template = postmortemTemplates().find((t) => t.id === id && t.flavor === (format === 'md' ? 'markdown' : 'plaintext'))!;
        // Every literal line of the template is there, in order: it is the catalog's template, not a copy.
        const literal = template.body.split('\n').filter((line) => !/[$\\]/.test(line));
        let at = 0;
        for (const line of literal) {
          const found = run.stdout.indexOf(line, at);
          assert.ok(found >= 0, `"${line}" in order`);
          at = found + line.length;
        }
        assert.ok(!/\$\{?\d|\$CURRENT_/.test(run.stdout), 'no snippet syntax left');
        if (snippetVariables(parseSnippet(template.body)).includes('CURRENT_DATE')) assert.ok(run.stdout.includes('2025-07-15'), run.stdout);
        assert.equal(format === 'md', /^#{1,3} /m.test(run.stdout));
        // What it writes is a postmortem the checker reads without errors.
        const check = await runCli(['check', '-'], { input: run.stdout });
        assert.equal(check.code, 0, check.stdout);
      });
    }
  }

  test('a timeline stamped now carries the local UTC offset', async () => {
    const run = await runCli(['new', '--template', 'google-sre'], { env: clock });
    assert.match(run.stdout, /UTC\+02:00/);
    assert.match(run.stdout, /01:30/);
  });

  test('FILE: written there, a .txt name gets plain-text headings; a message on stderr', async () => {
    const run = await runCli(['new', '--template', 'holberton', 'outage.txt'], { cwd: temporary.folder, env: clock });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'Created outage.txt from the holberton template.\n');
    const text = fs.readFileSync(path.join(temporary.folder, 'outage.txt'), 'utf8');
    assert.ok(!/^#/m.test(text) && text.endsWith('\n'));
    assert.match(text, /2025-07-15/);
  });

  test('an existing FILE is never overwritten: exit 2, the file unchanged', async () => {
    const file = path.join(temporary.folder, 'postmortem.md');
    fs.writeFileSync(file, 'mine\n');
    const run = await runCli(['new', '--template', 'pagerduty', 'postmortem.md'], { cwd: temporary.folder, env: clock });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'postmortem: cannot create postmortem.md: it already exists; not overwritten\n');
    assert.equal(fs.readFileSync(file, 'utf8'), 'mine\n');
  });

  test('a FILE in a folder that does not exist: exit 2', async () => {
    const run = await runCli(['new', '--template', 'pagerduty', 'no/such/folder/pm.md'], { cwd: temporary.folder });
    assert.deepEqual([run.code, run.stderr], [2, 'postmortem: cannot create no/such/folder/pm.md: no such file\n']);
  });

  for (const [name, args, message] of [
    ['no template', ['new'], /^postmortem: new needs --template \(holberton, google-sre, pagerduty\)/],
    ['an unknown template', ['new', '--template', 'itil'], /^postmortem: --template must be one of holberton, google-sre, pagerduty; got "itil"/],
    ['an unknown format', ['new', '--template', 'holberton', '--format', 'html'], /^postmortem: --format must be md or txt for new; got "html"/],
    ['two files', ['new', '--template', 'holberton', 'a.md', 'b.md'], /^postmortem: new writes one file/],
  ] as const) {
    test(`${name}: a usage error, exit 2`, async () => {
      const run = await runCli([...args], { cwd: temporary.folder });
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.deepEqual(fs.readdirSync(temporary.folder), []);
    });
  }
});
