import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticCatalog } from '../../server/src/core/analysis/diagnosticCatalog';
import { DiagnosticCodes } from '../../server/src/core/analysis/rules/rule';
import { repoRoot } from '../paths';
import { cliFixtures, copyFixture, makeTemporaryFolder, runCli } from './runCli';
import { assertValidSarif, validate, type SarifLog } from './sarifSchema';


/** The repository's web address as package.json states it. */
function repositoryFromPackageJson(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository: string | { url: string } };
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

suite('postmortem check --format sarif', () => {
  let temporary: ReturnType<typeof makeTemporaryFolder>;
  setup(() => (temporary = makeTemporaryFolder()));
  teardown(() => temporary.remove());

  // Every fixture folder of the CLI, and every file in it named on its own (checked even when not a postmortem).
  const fixtureFolders = ['incidents', 'clean', 'fix'];
  const fixtureFiles = (fs.readdirSync(cliFixtures, { recursive: true }) as string[]).filter((f) => /\.(md|txt)$/.test(f)).sort();

  for (const folder of fixtureFolders) {
    test(`the fixtures in ${folder}/ give a log that validates against the SARIF 2.1.0 schema`, async () => {
      const run = await runCli(['check', '--format', 'sarif', folder], { cwd: cliFixtures });
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      const log = assertValidSarif(run.stdout);
      assert.ok(log.runs[0]!.artifacts.length > 0);
    });
  }

  test(`all ${fixtureFiles.length} fixture files named on the command line (checked whether postmortems or not) validate against the schema`, async () => {
    assert.ok(fixtureFiles.length >= 12, fixtureFiles.join(', '));
    const run = await runCli(['check', '--format', 'sarif', ...fixtureFiles], { cwd: cliFixtures });
    assert.equal(run.code, 1, run.stderr);
    const log = assertValidSarif(run.stdout);
    assert.deepEqual(log.runs[0]!.artifacts.map((a) => a.location.uri), fixtureFiles.map((f) => f.split(path.sep).join('/')));
    // 17 today: a fixture with no sections has one missing-section result, not one per kind.
    assert.ok(log.runs[0]!.results.length >= 15, String(log.runs[0]!.results.length));
  });

  test('the schema check can fail: a broken log does not validate', async () => {
    const run = await runCli(['check', '--format', 'sarif', 'incidents'], { cwd: cliFixtures });
    const log = JSON.parse(run.stdout) as SarifLog;
    log.runs[0]!.results[0]!.level = 'fatal';
    assert.equal(validate(log), false);
    const noVersion = JSON.parse(run.stdout) as Partial<SarifLog>;
    delete noVersion.version;
    assert.equal(validate(noVersion), false);
  });

  test('the driver lists every diagnostic code as a rule, described from the catalog, with helpUri to its section of docs/DIAGNOSTICS.md', async () => {
    const run = await runCli(['check', '--format', 'sarif', 'clean'], { cwd: cliFixtures });
    const { driver } = assertValidSarif(run.stdout).runs[0]!.tool;
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(driver.name, 'postmortem');
    assert.equal(driver.version, manifest.version);
    const repository = repositoryFromPackageJson();
    assert.equal(driver.informationUri, repository);
    assert.deepEqual(driver.rules.map((r) => r.id).sort(), Object.values(DiagnosticCodes).sort());
    const headings = new Set([...fs.readFileSync(path.join(repoRoot, 'docs', 'DIAGNOSTICS.md'), 'utf8').matchAll(/^## (\S+)$/gm)].map((m) => m[1]));
    for (const rule of driver.rules) {
      const entry = diagnosticCatalog[rule.id as keyof typeof diagnosticCatalog];
      assert.equal(rule.shortDescription.text, entry.summary);
      assert.equal(rule.fullDescription.text, entry.description);
      assert.equal(rule.help.text, entry.help);
      assert.equal(rule.helpUri, `${repository}/blob/main/docs/DIAGNOSTICS.md#${rule.id}`);
      assert.ok(headings.has(rule.id), `docs/DIAGNOSTICS.md has a "## ${rule.id}" section for the anchor`);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[entry.defaultSeverity]);
    }
  });

  test('the catalog states the severity and the safe fix that docs/DIAGNOSTICS.md states for each code', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'DIAGNOSTICS.md'), 'utf8');
    for (const [code, entry] of Object.entries(diagnosticCatalog)) {
      const row = new RegExp(`^\\| \\[\`${code}\`\\]\\(#${code}\\) \\| ([^|]+) \\| ([^|]+) \\|$`, 'm').exec(doc);
      assert.ok(row, `the table row of ${code}`);
      assert.match(row[1]!, new RegExp(`^${entry.defaultSeverity}\\b`), code);
      assert.equal(row[2]!.trim() !== 'none', entry.safeFix, code);
    }
  });

  test('results: rule, level, message and a region with 1-based lines and UTF-16 columns, relative URIs', async () => {
    const run = await runCli(['check', '--format', 'sarif', 'incidents'], { cwd: cliFixtures });
    assert.equal(run.code, 1, 'login-errors.md has an invalid time');
    const [sarifRun] = assertValidSarif(run.stdout).runs;
    assert.equal(sarifRun!.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun!.originalUriBaseIds['%SRCROOT%']!.uri, `file://${cliFixtures}/`);
    assert.deepEqual(
      sarifRun!.artifacts.map((a) => a.location.uri),
      ['incidents/login-errors.md', 'incidents/payments-latency.md', 'incidents/plain/dns-incident.txt', 'incidents/queue-backlog.postmortem.md'],
      'notes.md is not a postmortem: the folder search leaves it out',
    );
    const invalid = sarifRun!.results.find((r) => r.ruleId === 'invalid-time')!;
    assert.equal(invalid.level, 'error');
    assert.match(invalid.message.text, /^13:40 PM is not a valid time/);
    const location = invalid.locations[0]!.physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'incidents/login-errors.md', uriBaseId: '%SRCROOT%', index: 0 });
    assert.deepEqual(location.region, { startLine: 11, startColumn: 3, endLine: 11, endColumn: 11 });
    assert.equal(sarifRun!.tool.driver.rules[invalid.ruleIndex]!.id, 'invalid-time');
    const duplicate = sarifRun!.results.find((r) => r.ruleId === 'duplicate-section')!;
    assert.equal(duplicate.level, 'warning');
    assert.deepEqual(duplicate.relatedLocations?.map((r) => r.message.text), ['the first one']);
  });

  test('columns count UTF-16 code units; a path with spaces and a percent sign is percent-encoded', async () => {
    const folder = path.join(temporary.folder, 'team 100% notes');
    fs.mkdirSync(folder);
    const source = fs.readFileSync(path.join(cliFixtures, 'incidents', 'login-errors.md'), 'utf8');
    // Two emoji before the bad time: four UTF-16 units, two code points.
    fs.writeFileSync(path.join(folder, 'login.md'), source.replace('- 13:40 PM', '- 😀😀 13:40 PM'));
    const run = await runCli(['check', '--format', 'sarif', '.'], { cwd: temporary.folder });
    const [sarifRun] = assertValidSarif(run.stdout).runs;
    const invalid = sarifRun!.results.find((r) => r.ruleId === 'invalid-time')!;
    assert.deepEqual(invalid.locations[0]!.physicalLocation.region, { startLine: 11, startColumn: 8, endLine: 11, endColumn: 16 });
    assert.equal(invalid.locations[0]!.physicalLocation.artifactLocation.uri, 'team%20100%25%20notes/login.md');
  });

  test('standard input and a file outside the working folder: an artifact without a URI, an absolute file: URI', async () => {
    const outside = copyFixture('clean/api-timeouts.postmortem.md', temporary.folder);
    const input = fs.readFileSync(path.join(cliFixtures, 'incidents', 'login-errors.md'), 'utf8');
    const run = await runCli(['check', '--format', 'sarif', '-', outside], { cwd: cliFixtures, input });
    const [sarifRun] = assertValidSarif(run.stdout).runs;
    assert.deepEqual(sarifRun!.artifacts.map((a) => a.location), [{ description: { text: 'standard input' } }, { uri: `file://${outside}` }]);
  });

  test('no files with problems: a valid log with no results', async () => {
    const run = await runCli(['check', '--format', 'sarif', 'clean'], { cwd: cliFixtures });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(assertValidSarif(run.stdout).runs[0]!.results, []);
  });
});
