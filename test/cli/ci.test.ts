import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../paths';
import { cliFixtures, installBinShim, makeTemporaryFolder, runProgram, type Run } from './runCli';

interface ActionStep {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as Action;

/** Replaces the `${{ ... }}` expressions the action uses, as the runner would. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return repoRoot;
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    assert.ok(input !== undefined && input in action.inputs, `a declared input: ${expression}`);
    return inputs[input] ?? action.inputs[input]!.default ?? '';
  });
}

/**
 * Runs the composite action's steps in order as the runner does: each `run` script with bash
 * (`bash -e`, GitHub's default for `shell: bash`), its `env` and working folder, the inputs
 * substituted. Stops at the first failing step, whose result it returns.
 */
async function runAction(inputs: Record<string, string>, workspace: string): Promise<Run> {
  let last: Run = { code: 0, stdout: '', stderr: '' };
  for (const step of action.runs.steps) {
    assert.equal(step.shell, 'bash');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, inputs)]));
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : workspace;
    last = await runProgram('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run, inputs)], { cwd, env });
    if (last.code !== 0) return last;
  }
  return last;
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
  types?: string[];
}

suite('CI wiring', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  suite('GitHub Action (action.yml)', () => {
    test('a composite action with inputs paths, fail-level and config that checks with --format github', () => {
      assert.equal(action.runs.using, 'composite');
      assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-level', 'paths']);
      assert.equal(action.inputs['fail-level']!.default, 'error');
      assert.match(action.runs.steps.at(-1)!.run, /check --format github/);
    });

    test('default inputs on a folder with an invalid time: annotations for every problem, the step fails (exit 1)', async () => {
      fs.cpSync(path.join(cliFixtures, 'incidents'), path.join(temporary.folder, 'incidents'), { recursive: true });
      const run = await runAction({}, temporary.folder);
      assert.equal(run.code, 1, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.length, 4);
      assert.ok(lines.includes('::error file=incidents/login-errors.md,line=11,col=3,endLine=11,endColumn=11,title=invalid-time::13:40 PM is not a valid time: hour 13 is past 12 on the 12-hour clock; 1:40 PM was probably meant'), run.stdout);
      assert.equal(run.stderr, '');
    });

    test('paths on several lines with a quoted-free glob, fail-level warning: the glob reaches the CLI unexpanded', async () => {
      fs.cpSync(path.join(cliFixtures, 'incidents'), path.join(temporary.folder, 'incidents'), { recursive: true });
      fs.cpSync(path.join(cliFixtures, 'clean'), path.join(temporary.folder, 'clean'), { recursive: true });
      const clean = await runAction({ paths: 'clean\n', 'fail-level': 'warning' }, temporary.folder);
      assert.deepEqual([clean.code, clean.stdout], [0, '']);
      const warnings = await runAction({ paths: 'clean\nincidents/**/*.txt', 'fail-level': 'warning' }, temporary.folder);
      assert.equal(warnings.code, 1, warnings.stderr);
      assert.equal(warnings.stdout, '::warning file=incidents/plain/dns-incident.txt,line=6,col=1,endLine=6,endColumn=9,title=timezone-missing::The timeline "TIMELINE" gives times (10:00 PM and 3 more) but no time zone, on the entries, the heading or in the summary\n');
    });

    test('the config input replaces the discovered configuration', async () => {
      fs.cpSync(path.join(cliFixtures, 'incidents', 'plain'), path.join(temporary.folder, 'plain'), { recursive: true });
      fs.writeFileSync(path.join(temporary.folder, 'strict.json'), JSON.stringify({ severities: { 'timezone-missing': 'error' } }));
      const run = await runAction({ paths: 'plain', config: 'strict.json' }, temporary.folder);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^::error file=plain\/dns-incident\.txt,.*title=timezone-missing::/);
    });

    test('a path with shell syntax is a path, not code', async () => {
      const run = await runAction({ paths: '$(touch injected) `touch injected2`' }, temporary.folder);
      assert.equal(run.code, 2);
      assert.deepEqual(fs.readdirSync(temporary.folder), []);
      assert.match(run.stderr, /^postmortem: no Markdown or plain-text files match \$\(touch$/m);
      assert.match(run.stderr, /^postmortem: cannot read `touch: no such file$/m);
    });

    test('a folder without postmortems: exit 2 with the reason', async () => {
      fs.cpSync(path.join(cliFixtures, 'not-postmortems'), path.join(temporary.folder, 'docs'), { recursive: true });
      const run = await runAction({}, temporary.folder);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^postmortem: no postmortems in \./);
    });
  });

  suite('pre-commit hook (.pre-commit-hooks.yaml)', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    const hook = hooks.find((h) => h.id === 'postmortem')!;

    test('a node hook whose entry is the package\'s postmortem bin, for Markdown, text and .postmortem files', () => {
      assert.equal(hook.language, 'node');
      assert.equal(hook.entry, 'postmortem check');
      const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
      assert.equal(manifest.bin.postmortem, './dist/cli.js');
      const files = new RegExp(hook.files);
      assert.deepEqual(
        ['a.md', 'b.txt', 'c.postmortem', 'docs/d.markdown', 'e.png', 'f.json', 'md', 'g.md.bak'].filter((f) => files.test(f)),
        ['a.md', 'b.txt', 'c.postmortem', 'docs/d.markdown'],
      );
    });

    test('npm pack runs no script: pre-commit reads the tarball name from its standard output', async () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; scripts: Record<string, string> };
      for (const script of ['prepack', 'prepare', 'postpack']) assert.equal(manifest.scripts[script], undefined, script);
      const run = await runProgram('npm', ['pack', '--dry-run'], { cwd: repoRoot });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, `${manifest.name}-${manifest.version}.tgz\n`);
    });

    test('npm pack, which pre-commit installs the hook from, holds the CLI bundle', async () => {
      const run = await runProgram('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
      assert.equal(run.code, 0, run.stderr);
      const [pack] = JSON.parse(run.stdout) as { files: { path: string }[] }[];
      const files = pack!.files.map((f) => f.path);
      assert.ok(files.includes('dist/cli.js') && files.includes('package.json'), files.join(', '));
      assert.ok(!files.some((f) => f.startsWith('server/') || f.startsWith('test/')), 'no sources or tests');
    });

    /** Runs the entry as pre-commit does: the staged files its `files` pattern selects appended, the bin on PATH. */
    async function runHook(stagedFiles: readonly string[], cwd: string): Promise<Run> {
      const selected = stagedFiles.filter((f) => new RegExp(hook.files).test(f));
      const bin = installBinShim(temporary.folder);
      const [command, ...args] = hook.entry.split(' ');
      return runProgram(command!, [...args, ...(hook.args ?? []), ...selected], { cwd, env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
    }

    test('staged files with an invalid time: the problems printed, exit 1 (the commit is stopped)', async () => {
      const run = await runHook(['incidents/login-errors.md', 'incidents/notes.md', 'incidents/queue-backlog.postmortem.md', 'images/diagram.png'], cliFixtures);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(
        run.stdout,
        'incidents/login-errors.md:7:4: warning timezone-missing The timeline "Timeline" gives times (1:05 PM and 3 more) but no time zone, on the entries, the heading or in the summary\n' +
          'incidents/login-errors.md:11:3: error invalid-time 13:40 PM is not a valid time: hour 13 is past 12 on the 12-hour clock; 1:40 PM was probably meant\n',
      );
    });

    test('staged Markdown that is not a postmortem (a README, notes) is left alone: no output, exit 0', async () => {
      assert.deepEqual(hook.args, ['--only-postmortems']);
      const run = await runHook(['incidents/notes.md', 'not-postmortems/checklist.txt'], cliFixtures);
      assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', '']);
    });

    test('staged files with warnings only: exit 0 (the commit goes ahead)', async () => {
      const run = await runHook(['incidents/plain/dns-incident.txt', 'clean/api-timeouts.postmortem.md'], cliFixtures);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^incidents\/plain\/dns-incident\.txt:6:1: warning timezone-missing /);
    });
  });

  suite('GitLab CI job (README)', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = /^### GitLab CI\n[\s\S]*?```yaml\n([\s\S]*?)```/m.exec(readme)?.[1];

    test('the README has a GitLab CI job that uploads a Code Quality report', () => {
      assert.ok(block, 'a yaml block under "### GitLab CI"');
      const jobs = parseYaml(block) as Record<string, { script: string[]; artifacts: { when: string; reports: { codequality: string } } }>;
      const job = Object.values(jobs).find((j) => j.artifacts?.reports?.codequality)!;
      assert.ok(job);
      assert.equal(job.artifacts.when, 'always', 'the report is uploaded when the job fails too');
    });

    test('its check command writes a valid Code Quality report and fails the job on errors', async () => {
      const jobs = parseYaml(block!) as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>;
      const job = Object.values(jobs).find((j) => j.artifacts?.reports?.codequality)!;
      const check = job.script.find((line) => line.startsWith('postmortem check'))!;
      assert.match(check, /--format gitlab/);
      const workspace = path.join(temporary.folder, 'repo');
      fs.cpSync(path.join(cliFixtures, 'incidents'), workspace, { recursive: true });
      const bin = installBinShim(temporary.folder);
      const run = await runProgram('sh', ['-c', check], { cwd: workspace, env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(fs.readFileSync(path.join(workspace, job.artifacts.reports.codequality), 'utf8')) as { check_name: string; severity: string; location: { path: string } }[];
      assert.deepEqual(
        report.map((i) => `${i.severity} ${i.check_name} ${i.location.path}`),
        ['minor timezone-missing login-errors.md', 'major invalid-time login-errors.md', 'minor duplicate-section payments-latency.md', 'minor timezone-missing plain/dns-incident.txt'],
      );
    });
  });
});
