import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  defaultFileIncludePatterns,
  nonOptionKeys,
  optionKeys,
  resolveFileInclude,
  resolveOptions,
} from '../../../server/src/core/config';
import { defaultOptions } from '../../../server/src/core/options';
import { repoRoot } from '../../paths';

interface ContributedSetting {
  readonly scope?: string;
  readonly default?: unknown;
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ContributedSetting> } };
};
const contributed = manifest.contributes.configuration.properties;
const prefix = 'postmortem.';

/** The contributed settings as `workspace/configuration` returns them: one nested object of defaults. */
function contributedDefaults(): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(contributed)) {
    const parts = key.slice(prefix.length).split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = setting.default;
  }
  return root;
}

suite('contributed settings', () => {
  test('every contributed key is handled and every option is contributed', () => {
    const keys = Object.keys(contributed);
    assert.ok(keys.every((key) => key.startsWith(prefix)), `every setting is under "${prefix}": ${keys.join(', ')}`);
    const unprefixed = keys.map((key) => key.slice(prefix.length));
    const handled = new Set<string>([...optionKeys, ...nonOptionKeys]);
    assert.deepEqual(unprefixed.filter((key) => !handled.has(key)), [], 'contributed but not handled');
    assert.deepEqual(
      [...optionKeys, ...nonOptionKeys].filter((key) => !unprefixed.includes(key)),
      [],
      'handled but not contributed',
    );
    assert.deepEqual([...optionKeys].sort(), Object.keys(defaultOptions).sort(), 'one validator per PostmortemOptions field');
  });

  test('settings are resource-scoped except the trace', () => {
    for (const [key, setting] of Object.entries(contributed)) {
      assert.equal(setting.scope, key === 'postmortem.trace.server' ? 'window' : 'resource', key);
    }
  });

  test('the contributed defaults are the core defaults', () => {
    const resolved = resolveOptions(contributedDefaults(), defaultOptions, prefix);
    assert.deepEqual(resolved.problems, []);
    assert.deepEqual({ ...resolved.options }, { ...defaultOptions });
    const include = resolveFileInclude(contributedDefaults());
    assert.deepEqual(include.problems, []);
    assert.deepEqual(include.patterns, defaultFileIncludePatterns);
  });
});

suite('resolveOptions', () => {
  test('returns the base for absent configuration', () => {
    assert.equal(resolveOptions(undefined).options, defaultOptions);
    assert.equal(resolveOptions(null).options, defaultOptions);
    assert.deepEqual(resolveOptions({}).problems, []);
  });

  test('accepts valid values', () => {
    const { options, problems } = resolveOptions({
      requiredSections: ['timeline', 'root-cause', 'timeline'],
      defaultTimeZone: ' UTC+02:00 ',
      durationToleranceMinutes: 10,
      severities: { 'timezone-missing': 'off', 'timeline-order': 'error' },
      inlayHints: false,
      maxDocumentSize: 1000,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(options.requiredSections, ['timeline', 'root-cause']);
    assert.equal(options.defaultTimeZone, 'UTC+02:00');
    assert.equal(options.durationToleranceMinutes, 10);
    assert.deepEqual(options.severities, { 'timezone-missing': 'off', 'timeline-order': 'error' });
    assert.equal(options.inlayHints, false);
    assert.equal(options.maxDocumentSize, 1000);
  });

  test('replaces each invalid value by the base value and names the setting', () => {
    const { options, problems } = resolveOptions(
      {
        durationToleranceMinutes: '5',
        profile: 'itil',
        inlayHints: 'yes',
        maxDocumentSize: 2.5,
        defaultTimeZone: 42,
        requiredSections: 'timeline',
        severities: [],
      },
      defaultOptions,
      prefix,
    );
    assert.deepEqual({ ...options }, { ...defaultOptions });
    const messages = problems.map((problem) => problem.message);
    for (const key of ['durationToleranceMinutes', 'profile', 'inlayHints', 'maxDocumentSize', 'defaultTimeZone', 'requiredSections', 'severities']) {
      assert.ok(
        messages.some((message) => message.includes(`"postmortem.${key}"`)),
        `a problem names postmortem.${key}: ${messages.join(' | ')}`,
      );
    }
    assert.ok(messages.find((m) => m.includes('durationToleranceMinutes'))!.includes('using 5'), 'says what is used instead');
  });

  test('keeps the valid parts of lists and maps', () => {
    const { options, problems } = resolveOptions({
      requiredSections: ['timeline', 'appendix', 7],
      severities: { 'timeline-order': 'fatal', 'timezone-missing': 'hint', '': 'off' },
    });
    assert.deepEqual(options.requiredSections, ['timeline']);
    assert.deepEqual(options.severities, { 'timezone-missing': 'hint' });
    assert.equal(problems.length, 4);
    assert.ok(problems.some((p) => p.key === 'severities.timeline-order'));
  });

  test('rejects numbers out of range and non-finite numbers', () => {
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e9]) {
      const { options, problems } = resolveOptions({ durationToleranceMinutes: value });
      assert.equal(options.durationToleranceMinutes, defaultOptions.durationToleranceMinutes, String(value));
      assert.equal(problems.length, 1, String(value));
    }
    assert.equal(resolveOptions({ maxDocumentSize: 0 }).problems.length, 1);
  });

  test('treats null and an empty zone as "assume none"', () => {
    const base = resolveOptions({ defaultTimeZone: 'UTC' }).options;
    assert.equal(resolveOptions({ defaultTimeZone: null }, base).options.defaultTimeZone, undefined);
    assert.equal(resolveOptions({ defaultTimeZone: '  ' }, base).options.defaultTimeZone, undefined);
    assert.equal(resolveOptions({ defaultTimeZone: 'not;a zone' }, base).options.defaultTimeZone, 'UTC');
  });

  test('layers a project file over the settings: invalid project values keep the settings value', () => {
    const fromSettings = resolveOptions({ durationToleranceMinutes: 15, inlayHints: false }).options;
    const { options, problems } = resolveOptions({ durationToleranceMinutes: 'ten', maxDocumentSize: 99 }, fromSettings);
    assert.equal(options.durationToleranceMinutes, 15);
    assert.equal(options.inlayHints, false);
    assert.equal(options.maxDocumentSize, 99);
    assert.match(problems[0]!.message, /"durationToleranceMinutes".*using 15/);
  });

  test('reports unknown keys but accepts the non-option settings in both forms', () => {
    const { problems } = resolveOptions({
      files: { include: ['*.md'] },
      'files.include': ['*.md'],
      trace: { server: 'off' },
      colour: 'red',
      files2: 1,
    });
    assert.deepEqual(problems.map((p) => p.key).sort(), ['colour', 'files2']);
  });

  test('never throws on hostile input', () => {
    const hostile: unknown[] = [42, 'text', [], [1, 2], () => 1, { severities: null }, { requiredSections: [null] }, Object.create(null)];
    hostile.forEach((raw, i) => assert.doesNotThrow(() => resolveOptions(raw), `hostile input #${i}`));
    assert.equal(resolveOptions([]).problems.length, 1);
  });
});

suite('resolveFileInclude', () => {
  test('reads nested and flat keys', () => {
    assert.deepEqual(resolveFileInclude({ files: { include: ['a*.md'] } }).patterns, ['a*.md']);
    assert.deepEqual(resolveFileInclude({ 'files.include': ['b*.md'] }).patterns, ['b*.md']);
    assert.equal(resolveFileInclude({}).patterns, defaultFileIncludePatterns);
  });

  test('rejects non-lists and drops non-string patterns', () => {
    const notList = resolveFileInclude({ files: { include: '*.md' } }, defaultFileIncludePatterns, prefix);
    assert.equal(notList.patterns, defaultFileIncludePatterns);
    assert.match(notList.problems[0]!.message, /"postmortem\.files\.include"/);
    const mixed = resolveFileInclude({ files: { include: ['x*', 3, ''] } });
    assert.deepEqual(mixed.patterns, ['x*']);
    assert.equal(mixed.problems.length, 2);
  });
});
