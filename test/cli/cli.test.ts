import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { markdownPostmortem, plainTextPostmortem, repoRoot } from '../paths';
import { runCli } from './runCli';

const textLine = /^(.+):(\d+):(\d+): (error|warning|information|hint) (\S+) (.+)$/;

suite('postmortem CLI', () => {
  let folder: string;
  setup(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-cli-'));
  });
  teardown(() => fs.rmSync(folder, { recursive: true, force: true }));

  suite('usage', () => {
    test('--version prints the package version', async () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
      const run = await runCli(['--version']);
      assert.equal(run.code, 0);
      assert.equal(run.stdout.trim(), version);
    });

    test('--help prints usage on stdout', async () => {
      const run = await runCli(['--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /Usage: postmortem check \[options\] <paths\.\.\.>/);
    });

    for (const [name, args] of [
      ['no arguments', []],
      ['an unknown command', ['lint', 'x.md']],
      ['check without files', ['check']],
      ['an unknown format', ['check', '--format', 'xml', plainTextPostmortem]],
      ['--format without a value', ['check', '--format']],
      ['an unknown option', ['check', '--no-such-option', plainTextPostmortem]],
    ] as const) {
      test(`${name}: exit 2 with usage on stderr`, async () => {
        const run = await runCli([...args]);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /Usage:/);
        assert.equal(run.stdout, '');
      });
    }
  });

  suite('--format json', () => {
    test('has exactly the documented shape', async () => {
      const run = await runCli(['check', '--format', 'json', plainTextPostmortem]);
      const reports = JSON.parse(run.stdout) as Record<string, unknown>[];
      assert.equal(reports.length, 1);
      const report = reports[0]!;
      assert.deepEqual(Object.keys(report), ['file', 'sections', 'timeline', 'window', 'diagnostics']);
      assert.equal(report.file, plainTextPostmortem);
      const keysOf = (list: unknown): string[][] => (list as Record<string, unknown>[]).map((item) => Object.keys(item));
      for (const keys of keysOf(report.sections)) assert.deepEqual(keys, ['kind', 'title', 'line', 'endLine', 'level']);
      for (const keys of keysOf(report.timeline)) assert.deepEqual(keys, ['line', 'column', 'time', 'date', 'zone', 'text']);
      assert.deepEqual(Object.keys(report.window as object), ['start', 'end', 'startDate', 'endDate', 'statedDurationMinutes', 'durationSource']);
      // "from 7:15 PM to 9:05 PM" states 110 minutes by its start and end.
      assert.deepEqual([(report.window as Record<string, unknown>).statedDurationMinutes, (report.window as Record<string, unknown>).durationSource], [110, 'start-end']);
      for (const keys of keysOf(report.diagnostics)) {
        assert.deepEqual(keys, ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      }
    });

    test('incident-postmortem.txt: sections, 24-hour times and the window', async () => {
      const run = await runCli(['check', '--format=json', plainTextPostmortem]);
      const [report] = JSON.parse(run.stdout) as {
        sections: { kind: string; title: string; line: number; endLine: number; level: number }[];
        timeline: { line: number; column: number; time: string | null; date: string | null; zone: string | null; text: string }[];
        window: { start: string | null; end: string | null; startDate: string | null; endDate: string | null };
      }[];
      const topLevel = report!.sections.filter((s) => s.level === Math.min(...report!.sections.map((x) => x.level)));
      assert.deepEqual(topLevel.map((s) => s.kind), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
      const timeline = report!.sections.find((s) => s.kind === 'timeline')!;
      assert.deepEqual([timeline.title, timeline.line], ['TIMELINE', 4]);
      assert.deepEqual(report!.timeline.map((e) => e.time), ['19:15', '19:22', '19:40', '20:05', '20:35', '20:50', '21:05']);
      assert.deepEqual(report!.timeline[0], {
        line: 5,
        column: 1,
        time: '19:15',
        date: null,
        zone: null,
        text: report!.timeline[0]!.text,
      });
      assert.match(report!.timeline[0]!.text, /^Synthetic login checks started failing/);
      assert.deepEqual([report!.window.start, report!.window.end], ['19:15', '21:05']);
      for (const section of report!.sections) assert.ok(section.endLine >= section.line, section.title);
    });

    test('outage-postmortem.md: dated, zoned entries and the stated window', async () => {
      const run = await runCli(['check', '--format', 'json', markdownPostmortem]);
      const [report] = JSON.parse(run.stdout) as {
        sections: { kind: string }[];
        timeline: { time: string; date: string; zone: string }[];
        window: { start: string; end: string };
      }[];
      assert.deepEqual(report!.sections.map((s) => s.kind), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
      assert.deepEqual(report!.timeline.map((e) => e.time), ['11:26', '11:41', '12:10', '12:35', '13:05', '13:50', '14:05']);
      assert.ok(report!.timeline.every((e) => e.date === '2023-10-23' && e.zone === 'UTC'), JSON.stringify(report!.timeline));
      assert.deepEqual([report!.window.start, report!.window.end], ['11:20', '14:05']);
    });

    test('positions are 1-based and agree with the text format', async () => {
      const json = JSON.parse((await runCli(['check', '--format', 'json', plainTextPostmortem])).stdout) as {
        diagnostics: { line: number; column: number; severity: string; code: string; message: string }[];
      }[];
      const text = (await runCli(['check', plainTextPostmortem])).stdout.trim().split('\n');
      const diagnostics = json[0]!.diagnostics;
      assert.ok(diagnostics.length > 0, 'the plain-text reference has findings (no time zone)');
      assert.deepEqual(
        text,
        diagnostics.map((d) => `${plainTextPostmortem}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`),
      );
      assert.ok(diagnostics.every((d) => d.line >= 1 && d.column >= 1));
    });
  });

  suite('text format and exit codes', () => {
    test('warnings only: one line per finding, exit 0', async () => {
      const run = await runCli(['check', plainTextPostmortem]);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.ok(lines.length > 0);
      for (const line of lines) {
        const match = textLine.exec(line);
        assert.ok(match, line);
        assert.equal(match[1], plainTextPostmortem);
        assert.notEqual(match[4], 'error');
      }
      assert.ok(lines.some((line) => / warning timezone-missing /.test(line)), run.stdout);
    });

    test('an error-severity finding: exit 1 (severity raised by .postmortem.json)', async () => {
      const file = path.join(folder, 'outage.txt');
      fs.copyFileSync(plainTextPostmortem, file);
      fs.writeFileSync(path.join(folder, '.postmortem.json'), JSON.stringify({ severities: { 'timezone-missing': 'error' } }));
      const run = await runCli(['check', 'outage.txt'], { cwd: folder });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^outage\.txt:\d+:\d+: error timezone-missing /m);
    });

    test('a finding turned off by .postmortem.json is not reported', async () => {
      const file = path.join(folder, 'outage.txt');
      fs.copyFileSync(plainTextPostmortem, file);
      fs.writeFileSync(path.join(folder, '.postmortem.json'), JSON.stringify({ severities: { 'timezone-missing': 'off' } }));
      const run = await runCli(['check', file]);
      assert.doesNotMatch(run.stdout, /timezone-missing/);
    });

    test('an invalid .postmortem.json value is a warning on stderr naming the key', async () => {
      const file = path.join(folder, 'outage.txt');
      fs.copyFileSync(plainTextPostmortem, file);
      fs.writeFileSync(path.join(folder, '.postmortem.json'), JSON.stringify({ durationToleranceMinutes: 'lots' }));
      const run = await runCli(['check', file]);
      assert.equal(run.code, 0);
      assert.match(run.stderr, /\.postmortem\.json: "durationToleranceMinutes" must be a number/);
    });

    test('an unreadable file and an empty folder: messages on stderr, the other files still checked, exit 2', async () => {
      const missing = path.join(folder, 'missing.md');
      const run = await runCli(['check', '--format', 'json', missing, markdownPostmortem, folder]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such file`));
      assert.match(run.stderr, /no Markdown or plain-text files in /);
      const reports = JSON.parse(run.stdout) as { file: string }[];
      assert.deepEqual(reports.map((r) => r.file), [markdownPostmortem]);
    });

    test('"-" reads standard input', async () => {
      const run = await runCli(['check', '--format', 'json', '-'], { input: fs.readFileSync(markdownPostmortem, 'utf8') });
      assert.equal(run.code, 0, run.stderr);
      const [report] = JSON.parse(run.stdout) as { file: string; timeline: unknown[] }[];
      assert.equal(report!.file, '-');
      assert.equal(report!.timeline.length, 7);
    });

    test('columns count UTF-16 units and ignore a byte-order mark', async () => {
      const file = path.join(folder, 'emoji.txt');
      // Two emoji are four UTF-16 units: the title after them starts at column 6 (column 4 in code points).
      const text = fs.readFileSync(plainTextPostmortem, 'utf8').replace(/^TIMELINE:/m, '😀😀 TIMELINE:');
      fs.writeFileSync(file, `\uFEFF${text}`);
      const run = await runCli(['check', '--format', 'json', file]);
      const [report] = JSON.parse(run.stdout) as {
        sections: { kind: string; title: string; line: number }[];
        diagnostics: { code: string; line: number; column: number; endLine: number; endColumn: number }[];
      }[];
      const first = report!.sections[0]!;
      assert.deepEqual([first.kind, first.title, first.line], ['summary', 'Duration', 1], 'the mark is not text');
      const missingZone = report!.diagnostics.find((d) => d.code === 'timezone-missing');
      assert.deepEqual(
        missingZone && [missingZone.line, missingZone.column, missingZone.endLine, missingZone.endColumn],
        [4, 6, 4, 14],
        'the finding underlines the title "TIMELINE", end exclusive',
      );
    });
  });
});
