/**
 * The JSON schema (draft-07) of `.postmortem.json`, derived from the settings the extension
 * contributes (`contributes.configuration` in package.json), which stay the single source of
 * truth: `npm run schema` writes `schemas/postmortem.schema.json` from it, and a unit test fails
 * when the committed file is stale.
 *
 * `.postmortem.json` accepts the settings' keys without the `postmortem.` prefix (see
 * `config.ts`). Settings that belong to the editor window rather than to a document
 * (`trace.server`, scope `window`/`application`/`machine`) are left out. A dotted key
 * (`files.include`) is accepted flat and nested (`"files": { "include": [...] }`), as
 * `resolveFileInclude` reads it. `$schema` is allowed so editors without an association can
 * find the schema.
 */

/** A contributed setting: a JSON schema plus VS Code's own keywords (`scope`, `order`, ...). */
export type ContributedSetting = Readonly<Record<string, unknown>>;

/** A JSON schema object as this module writes it. */
export type JsonSchema = { [keyword: string]: unknown };

/** Where the schema ships in the extension, relative to its root. */
export const projectConfigSchemaPath = 'schemas/postmortem.schema.json';

const settingPrefix = 'postmortem.';

/** Scopes of settings that configure the editor, not a document; a project file cannot set them. */
const editorOnlyScopes: readonly string[] = ['application', 'machine', 'window'];

/** Keywords of VS Code's settings contribution that are not JSON schema; never copied. */
const settingOnlyKeywords: readonly string[] = [
  'scope',
  'order',
  'tags',
  'editPresentation',
  'ignoreSync',
  'included',
  'restricted',
  'policy',
];

/** Documentation keywords VS Code's JSON support reads besides draft-07's own (ajv needs to know them). */
export const editorSchemaKeywords: readonly string[] = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'deprecationMessage',
  'markdownDeprecationMessage',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A setting named in a description, `` `postmortem.x` `` or `#postmortem.x#` (a link in the
 * Settings editor), becomes `` `x` ``, its key in the project file.
 */
function unprefixSettingNames(text: string): string {
  return text.replaceAll(/`#?postmortem\.([A-Za-z.]+)#?`|#postmortem\.([A-Za-z.]+)#/g, (_match, quoted?: string, linked?: string) => `\`${quoted ?? linked}\``);
}

/** A deep copy of a setting's schema without VS Code's setting-only keywords. */
function toSchema(setting: unknown): unknown {
  if (Array.isArray(setting)) return setting.map(toSchema);
  if (!isRecord(setting)) return typeof setting === 'string' ? unprefixSettingNames(setting) : setting;
  const schema: JsonSchema = {};
  for (const [keyword, value] of Object.entries(setting)) {
    if (settingOnlyKeywords.includes(keyword)) continue;
    // `default` and `enum` are data: copy them as they are.
    schema[keyword] = keyword === 'default' || keyword === 'enum' ? structuredCloneJson(value) : toSchema(value);
  }
  // Editors that render plain text only read `description`.
  if (typeof schema['markdownDescription'] === 'string' && schema['description'] === undefined) {
    schema['description'] = schema['markdownDescription'];
  }
  return schema;
}

function structuredCloneJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * The schema for `.postmortem.json` given the contributed settings (the `properties` of
 * `contributes.configuration`, keys with the `postmortem.` prefix). Deterministic: the keys keep
 * their order in package.json.
 */
export function buildProjectConfigSchema(settings: Readonly<Record<string, ContributedSetting>>): JsonSchema {
  const properties: JsonSchema = { $schema: { type: 'string', description: 'The JSON schema of this file.' } };
  const nested = new Map<string, JsonSchema>();
  for (const [name, setting] of Object.entries(settings)) {
    if (!name.startsWith(settingPrefix)) continue;
    if (typeof setting['scope'] === 'string' && editorOnlyScopes.includes(setting['scope'])) continue;
    const key = name.slice(settingPrefix.length);
    const schema = toSchema(setting);
    properties[key] = schema;
    const dot = key.indexOf('.');
    if (dot > 0) {
      const group = key.slice(0, dot);
      const members = nested.get(group) ?? {};
      members[key.slice(dot + 1)] = toSchema(setting);
      nested.set(group, members);
    }
  }
  for (const [group, members] of nested) {
    properties[group] = {
      type: 'object',
      description: `The \`${group}.*\` settings, nested: ${Object.keys(members).map((member) => `\`${member}\``).join(', ')}.`,
      properties: members,
      additionalProperties: false,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Postmortem project configuration (.postmortem.json)',
    description:
      'Settings shared by the editor extension, the language server and the `postmortem` CLI for every postmortem in this folder and below. Keys are the `postmortem.*` settings without the prefix; values here override the editor settings.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

/** The schema file's text: two-space JSON and a final newline. */
export function formatProjectConfigSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
