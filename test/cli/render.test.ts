import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { drawTimeline } from '../../server/src/core/picture/drawTimeline';
import { createPostmortemService } from '../../server/src/core/service';
import { fixturesDirectory, markdownPostmortem, plainTextPostmortem, repoRoot } from '../paths';
import { allElements, readSvg } from '../unit/core/picture/svgReader';
import { makeTemporaryFolder, runCli, runProgram } from './runCli';

const pictureFixtures = path.join(fixturesDirectory, 'picture');
const service = createPostmortemService();

interface MermaidReading {
  readonly ok: boolean;
  readonly error?: string;
  readonly diagramType?: string;
  readonly title?: string;
  readonly tasks: { name: string; section: string; start: string; end: string; milestone: boolean; critical: boolean }[];
}

/** Mermaid's own reading of each diagram (see mermaidCheck.mjs), in one process for all. */
async function readWithMermaid(diagrams: readonly string[]): Promise<MermaidReading[]> {
  const run = await runProgram(process.execPath, [path.join(repoRoot, 'test', 'cli', 'mermaidCheck.mjs')], { input: JSON.stringify(diagrams), env: { TZ: 'UTC' } });
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as MermaidReading[];
}

/** A timeline of `count` entries, a minute apart from 08:00 UTC. */
function manyEntries(count: number): string {
  const entries = Array.from({ length: count }, (_, i) => {
    const minutes = 8 * 60 + (i % 900);
    return `- ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} UTC: Retry ${i} of the import`;
  });
  return ['# Postmortem: import retries', '', '## Timeline', '', ...entries, ''].join('\n');
}

suite('postmortem render', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  test('svg (the default) to standard output: the core drawing of the file', async () => {
    const run = await runCli(['render', plainTextPostmortem]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const expected = drawTimeline(service.parse(fs.readFileSync(plainTextPostmortem, 'utf8')));
    assert.equal(run.stdout, `${expected.svg}\n`);
    const svg = readSvg(run.stdout.trim());
    assert.equal(allElements(svg).filter((e) => e.attributes.class?.startsWith('pm-mark')).length, expected.marks.length);
  });

  test('--width sets the picture width; standard input with "-"', async () => {
    const run = await runCli(['render', '-', '--width', '640'], { input: fs.readFileSync(markdownPostmortem, 'utf8') });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readSvg(run.stdout.trim()).attributes.width, '640');
  });

  test('html --out: a standalone page with no script and no remote content, the file replaced', async () => {
    const out = path.join(temporary.folder, 'timeline.html');
    fs.writeFileSync(out, 'old contents');
    const run = await runCli(['render', path.join(pictureFixtures, 'hostile-labels.md'), '--format', 'html', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const page = fs.readFileSync(out, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.ok(!/<script/i.test(page), 'no script element, even from the entries');
    assert.ok(!/\b(src|href)=/i.test(page), 'nothing loaded from anywhere');
    // The heading's markup is not part of its title; what is left is escaped.
    assert.match(page, /<title>Postmortem: alert\(&quot;title&quot;\) &amp; friends<\/title>/);
    assert.match(page, /prefers-color-scheme:dark/);
    const svgMarkup = /<svg[\s\S]*<\/svg>/.exec(page)![0];
    readSvg(svgMarkup);
    assert.match(page, /Entries as text \(6\)/);
  });

  test('mermaid: both seed-like documents give gantt charts Mermaid parses, each entry at its time', async () => {
    const files = [plainTextPostmortem, markdownPostmortem];
    const runs = await Promise.all(files.map((file) => runCli(['render', file, '--format', 'mermaid'])));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const readings = await readWithMermaid(runs.map((run) => run.stdout));
    for (const [index, reading] of readings.entries()) {
      assert.ok(reading.ok, reading.error);
      assert.equal(reading.diagramType, 'gantt');
      const marks = drawTimeline(service.parse(fs.readFileSync(files[index]!, 'utf8'))).marks;
      const entries = reading.tasks.filter((task) => task.section === 'Timeline');
      assert.equal(entries.length, marks.length);
      for (const [i, task] of entries.entries()) {
        assert.ok(task.milestone);
        // The mark's time ends in HH:MM (and a zone); Mermaid's start has the same clock time.
        const clock = /(\d\d:\d\d)(?: \S+)?$/.exec(marks[i]!.time!)![1];
        assert.equal(task.start.slice(11, 16), clock, `${task.name} at ${clock}`);
      }
      const incident = reading.tasks.filter((task) => task.section === 'Incident');
      assert.ok(incident.some((task) => task.critical && !task.milestone), 'the stated window is a critical bar');
      assert.ok(incident.some((task) => task.name === 'Detected'));
      assert.ok(incident.some((task) => task.name === 'Resolved'));
    }
    // The Markdown one is dated: its chart is on the day the document names.
    assert.equal(readings[1]!.tasks.find((task) => task.section === 'Timeline')!.start, '2023-10-23T11:26:00.000Z');
  });

  test('mermaid: edge cases parse, hostile text stays a task name, a midnight crossing moves to the next day', async () => {
    const names = ['hostile-labels.md', 'long-labels.md', 'midnight-crossing.md', 'months-span.md', 'one-entry.md', 'mixed-unplaced.md'];
    const runs = await Promise.all(names.map((name) => runCli(['render', path.join(pictureFixtures, name), '--format', 'mermaid'])));
    const many = await runCli(['render', '-', '--format', 'mermaid'], { input: manyEntries(10_000) });
    const readings = await readWithMermaid([...runs.map((run) => run.stdout), many.stdout]);
    for (const [index, reading] of readings.entries()) assert.ok(reading.ok, `${names[index] ?? '10,000 entries'}: ${reading.error}`);
    const [hostile, long, midnight, months, one, mixed, dense] = readings as [MermaidReading, MermaidReading, MermaidReading, MermaidReading, MermaidReading, MermaidReading, MermaidReading];

    const hostileNames = hostile.tasks.filter((t) => t.section === 'Timeline').map((t) => t.name);
    assert.equal(hostileNames.length, 6);
    assert.ok(hostileNames[0]!.includes('script') && !hostileNames[0]!.includes('<'), hostileNames[0]);
    assert.ok(hostileNames[1]!.startsWith('· section 2'), hostileNames[1]);
    assert.ok(!/[:;#%]/.test(hostileNames.join('')));
    assert.ok(long.tasks.every((t) => t.name.length <= 60));

    const crossing = midnight.tasks.filter((t) => t.section === 'Timeline').map((t) => t.start);
    assert.deepEqual(crossing, [
      '2000-01-01T23:05:00.000Z',
      '2000-01-01T23:48:00.000Z',
      '2000-01-02T00:10:00.000Z',
      '2000-01-02T00:55:00.000Z',
      '2000-01-02T01:15:00.000Z',
      '2000-01-02T01:40:00.000Z',
    ]);
    assert.equal(months.tasks.filter((t) => t.section === 'Timeline')[5]!.start, '2024-04-22T13:20:00.000Z');
    assert.equal(one.tasks.length, 2, 'the entry, and its detection');
    assert.equal(mixed.tasks.filter((t) => t.section === 'Timeline').length, 4);
    assert.match(runs[5]!.stderr, /1 entry without a readable time left out/);
    assert.equal(dense.tasks.filter((t) => t.section === 'Timeline').length, 300);
    assert.match(many.stderr, /9700 entries after the first 300 left out/);
    assert.ok(many.stdout.length < 50_000, `${many.stdout.length} characters: GitHub renders up to 50,000`);
  });

  test('nothing to draw: exit 1, the reason on stderr, nothing written', async () => {
    const out = path.join(temporary.folder, 'none.svg');
    const empty = await runCli(['render', '-', '--out', out], { input: '# Notes\n\nNo timeline here.\n' });
    assert.equal(empty.code, 1);
    assert.equal(empty.stdout, '');
    assert.match(empty.stderr, /No timeline entries to draw/);
    assert.ok(!fs.existsSync(out));
    const mermaid = await runCli(['render', path.join(pictureFixtures, 'unreadable-times.md'), '--format', 'mermaid']);
    assert.equal(mermaid.code, 1);
    assert.match(mermaid.stderr, /no timeline entry has a time that can be read/);
  });

  test('every time unreadable: the svg lists the entries apart, and says why on stderr', async () => {
    const run = await runCli(['render', path.join(pictureFixtures, 'unreadable-times.md')]);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /no timeline entry has a time that can be read \(3 listed apart\)/);
    assert.equal(allElements(readSvg(run.stdout.trim())).filter((e) => e.attributes.class === 'pm-unplaced').length, 3);
  });

  test('usage errors and unreadable files: exit 2', async () => {
    for (const args of [['render'], ['render', 'a.md', 'b.md'], ['render', 'a.md', '--format', 'png'], ['render', 'a.md', '--width', '12'], ['render', 'a.md', '--out'], ['render', 'a.md', '--colour']]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^postmortem: /);
    }
    const missing = await runCli(['render', path.join(temporary.folder, 'missing.md')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*missing\.md: no such file/);
    const folderOut = await runCli(['render', plainTextPostmortem, '--out', temporary.folder]);
    assert.equal(folderOut.code, 2);
    assert.match(folderOut.stderr, /cannot write .*: it is a directory/);
  });
});
