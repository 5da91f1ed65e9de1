import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { nonOptionKeys, optionKeys, resolveFileInclude, resolveOptions } from '../../../server/src/core/config';
import {
  buildProjectConfigSchema,
  editorSchemaKeywords,
  formatProjectConfigSchema,
  projectConfigSchemaPath,
  type ContributedSetting,
} from '../../../server/src/core/configSchema';
import { repoRoot } from '../../paths';

interface Manifest {
  contributes: {
    configuration: { properties: Record<string, ContributedSetting> };
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const schemaFile = path.join(repoRoot, projectConfigSchemaPath);

/** What the server and the CLI make of a project file: valid when neither reader reports a problem. */
function coreAccepts(raw: unknown): boolean {
  return resolveOptions(raw).problems.length === 0 && resolveFileInclude(raw).problems.length === 0;
}

/** Project files every reader takes as they are. */
const valid: readonly [string, unknown][] = [
  ['an empty file', {}],
  [
    'every key once',
    {
      $schema: './node_modules/postmortem/schemas/postmortem.schema.json',
      requiredSections: ['summary', 'timeline', 'lessons-learned'],
      profile: 'google-sre',
      defaultTimeZone: 'Europe/Berlin',
      durationToleranceMinutes: 12.5,
      severities: { 'timezone-missing': 'off', 'timeline-order': 'error', 'duration-mismatch': 'hint' },
      inlayHints: false,
      maxDocumentSize: 200_000,
      'files.include': ['docs/incidents/**', '*-rca.md'],
    },
  ],
  ['files.include nested', { files: { include: ['**/retros/**'] } }],
  ['no default zone', { defaultTimeZone: null }],
  ['an empty zone (assume none)', { defaultTimeZone: '' }],
  ['a zone with spaces around it', { defaultTimeZone: '  UTC+02:00 ' }],
  ['a zone of 64 characters', { defaultTimeZone: `A${'b'.repeat(63)}` }],
  ['no required section', { requiredSections: [] }],
  ['each profile', { profile: 'holberton' }],
  ['the "none" profile', { profile: 'none' }],
  ['the limits of the tolerance', { durationToleranceMinutes: 0 }],
  ['the upper limit of the tolerance', { durationToleranceMinutes: 10_080 }],
  ['the largest safe document size', { maxDocumentSize: Number.MAX_SAFE_INTEGER }],
  ['every severity', { severities: { a: 'error', b: 'warning', c: 'information', d: 'hint', e: 'off' } }],
];

/** Project files the core reports a problem in; the schema must flag each too. */
const invalid: readonly [string, unknown][] = [
  ['a list instead of an object', []],
  ['a string instead of an object', 'UTC'],
  ['an unknown key', { timezone: 'UTC' }],
  ['a misspelt key', { requiredSection: ['summary'] }],
  ['$schema not a string', { $schema: 7 }],
  ['requiredSections not a list', { requiredSections: 'timeline' }],
  ['an unknown section kind', { requiredSections: ['summary', 'postmortem'] }],
  ['a section kind not a string', { requiredSections: [3] }],
  ['an unknown profile', { profile: 'itil' }],
  ['a zone not a string', { defaultTimeZone: 2 }],
  ['a zone starting with a digit', { defaultTimeZone: '2UTC' }],
  ['a zone with a forbidden character', { defaultTimeZone: 'UTC;rm' }],
  ['a zone of 65 characters', { defaultTimeZone: `A${'b'.repeat(64)}` }],
  ['a negative tolerance', { durationToleranceMinutes: -1 }],
  ['a tolerance over a week', { durationToleranceMinutes: 10_081 }],
  ['a tolerance as a string', { durationToleranceMinutes: '5' }],
  ['severities as a list', { severities: ['off'] }],
  ['an unknown severity', { severities: { 'timezone-missing': 'loud' } }],
  ['a severity not a string', { severities: { 'timezone-missing': 0 } }],
  ['an empty diagnostic code', { severities: { '': 'off' } }],
  ['a blank diagnostic code', { severities: { '  ': 'off' } }],
  ['inlay hints as a string', { inlayHints: 'yes' }],
  ['a document size of zero', { maxDocumentSize: 0 }],
  ['a fractional document size', { maxDocumentSize: 1.5 }],
  ['a document size past the safe integers', { maxDocumentSize: 2 ** 53 }],
  ['files.include not a list', { 'files.include': '*.md' }],
  ['a blank file pattern', { 'files.include': ['  '] }],
  ['a file pattern not a string', { files: { include: [3] } }],
  ['an unknown key nested under files', { files: { include: [], exclude: [] } }],
];

/**
 * Where the schema is deliberately stricter than the core: values the core tolerates silently
 * that an editor should still flag while the user types.
 */
const stricterThanCore: readonly [string, unknown][] = [
  ['a section kind twice (the core drops the repeat)', { requiredSections: ['summary', 'summary'] }],
  ['profile null (the core reads it as "none")', { profile: null }],
  ['an empty profile (the core reads it as "none")', { profile: '' }],
  ['trace.server (an editor-window setting; the core ignores it in a project file)', { 'trace.server': 'verbose' }],
];

suite('.postmortem.json schema (schemas/postmortem.schema.json)', () => {
  let validate: ValidateFunction;

  suiteSetup(() => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajv.addVocabulary([...editorSchemaKeywords]);
    validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  });

  test('is generated from the contributed settings (run `npm run schema` after changing them)', () => {
    const generated = formatProjectConfigSchema(buildProjectConfigSchema(manifest.contributes.configuration.properties));
    assert.equal(fs.readFileSync(schemaFile, 'utf8'), generated, `${projectConfigSchemaPath} is stale`);
  });

  test('is contributed for .postmortem.json files', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.postmortem.json', url: `./${projectConfigSchemaPath}` }]);
  });

  test('is draft-07 and names exactly the keys a project file may set', () => {
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $schema: string; properties: Record<string, unknown> };
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const editorOnly = Object.entries(manifest.contributes.configuration.properties)
      .filter(([, setting]) => setting['scope'] === 'window')
      .map(([name]) => name.slice('postmortem.'.length));
    assert.deepEqual(editorOnly, ['trace.server']);
    const expected = [...optionKeys, ...nonOptionKeys].filter((key) => !editorOnly.includes(key));
    const flat = Object.keys(schema.properties).filter((key) => key !== '$schema' && !(key in nestedGroups(expected)));
    assert.deepEqual(flat.sort(), expected.sort());
  });

  for (const [name, config] of valid) {
    test(`accepts ${name}, as the core does`, () => {
      assert.ok(coreAccepts(config), `the core accepts ${JSON.stringify(config)}: ${JSON.stringify(resolveOptions(config).problems)}`);
      assert.ok(validate(config), `the schema accepts ${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
    });
  }

  for (const [name, config] of invalid) {
    test(`rejects ${name}, as the core does`, () => {
      assert.ok(!coreAccepts(config), `the core reports a problem in ${JSON.stringify(config)}`);
      assert.ok(!validate(config), `the schema rejects ${JSON.stringify(config)}`);
    });
  }

  for (const [name, config] of stricterThanCore) {
    test(`flags ${name}`, () => {
      assert.ok(coreAccepts(config), `the core takes ${JSON.stringify(config)} without a problem`);
      assert.ok(!validate(config), `the schema rejects ${JSON.stringify(config)}`);
    });
  }
});

/** `files` for `files.include`: the groups a dotted key may be nested under. */
function nestedGroups(keys: readonly string[]): Record<string, true> {
  return Object.fromEntries(keys.filter((key) => key.includes('.')).map((key) => [key.slice(0, key.indexOf('.')), true]));
}
