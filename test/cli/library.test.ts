import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturesDirectory } from '../paths';
import { makeTemporaryFolder, runCli } from './runCli';

/** Eight postmortems of a made-up shop and a note that is not one (see test/unit/core/library). */
const library = path.join(fixturesDirectory, 'library');
const today = ['--today', '2024-10-01'];

interface StatsJson {
  by: string;
  periods: { key: string; incidents: number; duration: { median?: number; unknown: number }; actions: { open: number; overdue: number } }[];
  total: { incidents: number; ttr: { median?: number; p90?: number; known: number; unknown: number }; actions: { total: number; open: number; overdue: number; done: number } };
  excluded: { outsideRange: number; undated: number };
  files: Record<string, number>;
}

interface ActionsJson {
  counts: { listed: number; open: number; overdue: number; done: number };
  items: { file: string; line: number; state: string; owner: string | null; due: string | null; ticket: string | null; text: string; incident: { title: string; date: string | null } }[];
}

suite('postmortem stats and actions: the incident library', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  test('stats as text: a row per quarter, the unknowns, the longest incidents and the files read', async () => {
    const run = await runCli(['stats', '.', '--by', 'quarter', ...today], { cwd: library });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'Incidents by quarter: 8 postmortems, 2024-01-09 to 2024-09-30; action items as of 2024-10-01');
    const row = (period: string) => lines.find((line) => line.startsWith(`${period} `))?.split(/\s{2,}/);
    assert.deepEqual(row('2024-Q1'), ['2024-Q1', '3', 'SEV1 1 · SEV2 2', '1h05m / 1h29m', '12m / 18m', '1h05m / 1h29m', '5 / 4']);
    assert.deepEqual(row('2024-Q3'), ['2024-Q3', '3', 'SEV1 1 · SEV2 1 · unknown 1', '1h25m / 1h53m (1?)', '23m / 25m (1?)', '1h25m / 1h53m (1?)', '5 / 3']);
    assert.ok(lines.includes('Unknown, left out of medians and never counted as zero: duration 1 of 8, TTD 1 of 8, TTM 4 of 8, TTR 1 of 8'));
    assert.match(run.stdout, /1\. +6 h +2024-05-11 +SEV3 +Billing emails delayed/);
    assert.ok(lines.includes('Action items: 18 (12 open, 9 of them overdue; 6 done)'));
    assert.ok(lines.includes('9 files read: 8 postmortems; passed over: 1 not a postmortem'));
  });

  test('stats as JSON, by severity, with a date range', async () => {
    const run = await runCli(['stats', 'postmortems', '--format', 'json', '--by', 'severity', '--since', '2024-02-01', '--until=2024-07-31', ...today], { cwd: library });
    assert.equal(run.code, 0, run.stderr);
    const stats = JSON.parse(run.stdout) as StatsJson;
    assert.equal(stats.by, 'severity');
    assert.deepEqual(
      stats.periods.map((p) => [p.key, p.incidents]),
      [
        ['SEV1', 1],
        ['SEV2', 2],
        ['SEV3', 2],
      ],
    );
    assert.deepEqual(stats.excluded, { outsideRange: 3, undated: 0 });
    assert.equal(stats.total.incidents, 5);
    assert.deepEqual(stats.total.ttr, { known: 5, unknown: 0, median: 50, p90: 260, min: 25, max: 370 });
    assert.equal(stats.files.postmortems, 8);
  });

  test('stats as CSV: a row per month and a total; unknown medians are empty, not 0', async () => {
    const run = await runCli(['stats', '.', '--format', 'csv', ...today], { cwd: library });
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.trimEnd().split('\r\n').map((line) => line.split(','));
    const header = rows[0]!;
    assert.equal(header[0], 'period');
    const september = rows.find((row) => row[0] === '2024-09')!;
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    assert.equal(cell(september, 'incidents'), '1');
    assert.equal(cell(september, 'duration_median_minutes'), '');
    assert.equal(cell(september, 'duration_unknown'), '1');
    assert.equal(cell(rows.at(-1)!, 'period'), 'total');
    assert.equal(cell(rows.at(-1)!, 'actions_overdue'), '9');
    assert.match(run.stderr, /9 files read: 8 postmortems/);
  });

  test('stats as HTML: one page, inline SVG charts, no script, nothing fetched', async () => {
    const run = await runCli(['stats', '.', '--format', 'html', ...today], { cwd: library });
    assert.equal(run.code, 0, run.stderr);
    const html = run.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script|<link|src="http|href="http|@import|url\(/i);
    assert.equal((html.match(/<svg /g) ?? []).length, 2, 'the trend chart and the severity chart');
    assert.match(html, /Time to resolve and time to detect, median per month/);
    assert.equal((html.match(/<td class="late nowrap">/g) ?? []).length, 9, 'a row per overdue action item');
    assert.match(html, /229 d<\/td><td>@tomas<\/td><td class="nowrap">CHK-102/);
    assert.ok(html.includes('9 files read: 8 postmortems; passed over: 1 not a postmortem'));
  });

  test('actions: all, --open, --overdue, --owner; --fail-on-overdue exits 1', async () => {
    const all = await runCli(['actions', '.', '--format', 'json', ...today], { cwd: library });
    assert.equal(all.code, 0, all.stderr);
    const listed = JSON.parse(all.stdout) as ActionsJson;
    assert.deepEqual(listed.counts, { listed: 18, open: 12, overdue: 9, done: 6 });
    assert.deepEqual(listed.items[0], {
      file: 'postmortems/2024-09-30-search-index-rebuild.md',
      line: 18,
      incident: { title: 'Search results stale after an index rebuild', date: '2024-09-30' },
      text: 'Swap the alias only after the rebuild catches up',
      state: 'open',
      owner: '@ines',
      due: null,
      ticket: null,
    });
    assert.deepEqual(listed.items[1], {
      file: 'postmortems/2024-08-15-checkout-latency.md',
      line: 29,
      incident: { title: 'Checkout latency: orders-db connections saturated', date: '2024-08-15' },
      text: 'Move reporting to a read replica',
      state: 'overdue',
      owner: '@tomas',
      due: '2024-09-01',
      ticket: 'CHK-200',
    });
    const open = JSON.parse((await runCli(['actions', '.', '--open', '--format', 'json', ...today], { cwd: library })).stdout) as ActionsJson;
    assert.equal(open.items.length, 12);
    assert.ok(open.items.every((item) => item.state !== 'done'));
    const mine = await runCli(['actions', '.', '--owner', 'tomas', '--open', ...today], { cwd: library });
    assert.equal(mine.code, 0);
    assert.match(mine.stdout, /^4 action items: 4 open, 3 of them overdue; 0 done \(as of 2024-10-01\)$/m);
    assert.match(mine.stdout, /postmortems\/2024-03-02-checkout-pool-during-sale\.md:29 +overdue +due 2024-04-01, overdue by 183 days +@tomas +CHK-140 +Load test checkout/);
    const nag = await runCli(['actions', '.', '--overdue', '--fail-on-overdue', ...today], { cwd: library });
    assert.equal(nag.code, 1);
    const calm = await runCli(['actions', '.', '--overdue', '--fail-on-overdue', '--today', '2024-01-10'], { cwd: library });
    assert.equal(calm.code, 0, 'nothing was overdue yet');
    const statsNag = await runCli(['stats', '.', '--fail-on-overdue', ...today], { cwd: library });
    assert.equal(statsNag.code, 1);
  });

  test('actions as CSV: a row per item, fields quoted where needed', async () => {
    const run = await runCli(['actions', 'postmortems/2024-07-03-certificate-renewal-job.md', '--format', 'csv', ...today], { cwd: library });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      'file,line,incident_date,incident_title,state,due,owner,ticket,action\r\n' +
        'postmortems/2024-07-03-certificate-renewal-job.md,28,2024-07-03,Certificate renewal job failed; API certificate expired,overdue,2024-07-20,@sana,EDGE-40,Alert when a renewal job fails twice\r\n' +
        'postmortems/2024-07-03-certificate-renewal-job.md,29,2024-07-03,Certificate renewal job failed; API certificate expired,overdue,2024-08-01,@paul,EDGE-41,Extend certificate expiry monitoring to every gateway\r\n',
    );
  });

  test('globs and .gitignore: ignored postmortems are not counted', async () => {
    const folder = path.join(temporary.folder, 'repo');
    fs.cpSync(path.join(library, 'postmortems'), path.join(folder, 'postmortems'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.gitignore'), 'postmortems/2024-0[12]-*\n');
    const run = await runCli(['stats', '.', '--format', 'json', ...today], { cwd: folder });
    assert.equal((JSON.parse(run.stdout) as StatsJson).total.incidents, 6);
    const glob = await runCli(['stats', 'postmortems/*-checkout-*.md', '--format', 'json', ...today], { cwd: folder });
    assert.equal((JSON.parse(glob.stdout) as StatsJson).total.incidents, 2, 'the January checkout postmortem is ignored');
  });

  test('bad input is passed over and counted; the run goes on', async () => {
    const folder = temporary.folder;
    fs.cpSync(path.join(library, 'postmortems', '2024-08-15-checkout-latency.md'), path.join(folder, 'good.md'));
    fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0xff]));
    // Past the size the configuration sets (and so past postmortem.maxDocumentSize).
    fs.writeFileSync(path.join(folder, '.postmortem.json'), JSON.stringify({ maxDocumentSize: 4000 }));
    fs.writeFileSync(path.join(folder, 'huge.md'), `# Huge\n\n## Summary\n\n${'Long. '.repeat(2000)}\n\n## Timeline\n\n- 10:00 Down\n`);
    // Not valid UTF-8: read with the bad bytes replaced.
    const latin1 = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' outage\n\n**Severity:** SEV3\n\n## Summary\n\nThe caf\xe9 app was down.\n\n## Timeline\n\n- 10:00 Alert fired\n- 10:30 Service restored\n', 'latin1')]);
    fs.writeFileSync(path.join(folder, 'latin1.md'), latin1);
    fs.symlinkSync('loop-b.md', path.join(folder, 'loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(folder, 'loop-b.md'));
    fs.symlinkSync('.', path.join(folder, 'folder-loop'));
    fs.symlinkSync('missing.md', path.join(folder, 'dangling.md'));
    fs.mkdirSync(path.join(folder, 'notes'));
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(folder, 'notes', `note-${i}.md`), `# Note ${i}\n\nNothing to see.\n`);
    // A folder's links are not followed; links named on the command line are read.
    const run = await runCli(['stats', '.', 'loop-a.md', 'dangling.md', 'folder-loop', ...today], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    const counts = run.stdout.trimEnd().split('\n').at(-1);
    assert.equal(
      counts,
      '610 files read: 2 postmortems; passed over: 600 not postmortems, 2 binary, 2 past postmortem.maxDocumentSize, 2 unreadable, 2 reached again through a link; 1 postmortem not valid UTF-8, read with the bad bytes replaced',
    );
    const json = JSON.parse((await runCli(['stats', '.', '--format', 'json', '--by', 'severity', ...today], { cwd: folder })).stdout) as StatsJson;
    assert.deepEqual(
      json.periods.map((p) => p.key),
      ['SEV1', 'SEV3'],
    );
  });

  test('a named pipe named on the command line is counted unreadable at once, not waited on', async () => {
    const folder = temporary.folder;
    fs.cpSync(path.join(library, 'postmortems', '2024-08-15-checkout-latency.md'), path.join(folder, 'good.md'));
    execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
    const run = await runCli(['stats', 'good.md', 'pipe.md', ...today], { cwd: folder });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trimEnd().split('\n').at(-1), '2 files read: 1 postmortem; passed over: 1 unreadable');
  });

  test('worker threads give the same statistics as the main thread', async () => {
    const inMain = await runCli(['stats', '.', '--format', 'json', '--jobs', '0', ...today], { cwd: library });
    const inWorkers = await runCli(['stats', '.', '--format', 'json', '--jobs', '2', ...today], { cwd: library });
    assert.equal(inWorkers.code, 0, inWorkers.stderr);
    assert.equal(inWorkers.stdout, inMain.stdout);
  });

  test('usage errors exit 2', async () => {
    for (const args of [
      ['stats', '.', '--by', 'week'],
      ['stats', '.', '--since', '2024-13-01'],
      ['stats', '.', '--since', '2024-05-01', '--until', '2024-01-01'],
      ['stats', '.', '--format', 'sarif'],
      ['actions', '.', '--format', 'html'],
      ['actions', '--overdue'],
      ['actions', '.', '--today', 'tomorrow'],
      ['stats', '-'],
    ]) {
      const run = await runCli(args, { cwd: library });
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^postmortem: /, args.join(' '));
    }
    const missing = await runCli(['stats', 'no-such-folder/*.md', ...today], { cwd: library });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no Markdown or plain-text files match no-such-folder\/\*\.md/);
  });
});
