import type { SectionKind } from './model';
import type { Severity } from './analysis/findings';
import { defaultOptions, type PostmortemOptions } from './options';
import { sectionProfiles, type SectionProfile } from './analysis/profiles';
import { dateExists } from './parse/actionFields';
import { languageCodes, type LanguageCode } from './languages';

/**
 * Turns untrusted configuration (editor settings, a `.postmortem.json` file) into validated
 * values. Keys are the setting names without the `postmortem.` prefix. An invalid value is
 * reported as a {@link ConfigProblem} and replaced by the value of the layer below (the
 * defaults, or the editor settings when resolving a project file): bad configuration never
 * stops analysis.
 */

/** One rejected configuration value. */
export interface ConfigProblem {
  /** The key without prefix, e.g. `durationToleranceMinutes` or `severities.timeline-order`. */
  readonly key: string;
  /** Says what was wrong and what is used instead. */
  readonly message: string;
}

export interface ResolvedOptions {
  readonly options: PostmortemOptions;
  readonly problems: readonly ConfigProblem[];
}

export interface ResolvedFileInclude {
  readonly patterns: readonly string[];
  readonly problems: readonly ConfigProblem[];
}

/**
 * Name patterns of Markdown/plain-text files treated as postmortems without looking at their
 * content (matched case-insensitively; see `fileMatch.ts`).
 */
export const defaultFileIncludePatterns: readonly string[] = Object.freeze([
  '*postmortem*',
  '*post-mortem*',
  '*post_mortem*',
  '*incident-report*',
  '*incident_report*',
  '*incident-review*',
  '**/postmortems/**',
  '**/post-mortems/**',
]);

/** Section kinds a user may require; `other` names no section. */
export const requirableSectionKinds: readonly SectionKind[] = Object.freeze([
  'title',
  'summary',
  'impact',
  'timeline',
  'root-cause',
  'resolution',
  'detection',
  'corrective-actions',
  'lessons-learned',
] as SectionKind[]);

/** Values accepted in `severities`; `off` silences a code. */
export const severitySettingValues: readonly (Severity | 'off')[] = Object.freeze([
  'error',
  'warning',
  'information',
  'hint',
  'off',
] as (Severity | 'off')[]);

/** Keys that are configuration but not analysis options (handled by the server or the client). */
export const nonOptionKeys: readonly string[] = Object.freeze(['files.include', 'preview.timelinePicture', 'trace.server']);

type Validated<T> = { readonly value: T; readonly problems: readonly ConfigProblem[] };
/** `name` is the key as the user wrote it, prefix included, for messages. */
type Validator<T> = (value: unknown, fallback: T, name: string) => Validated<T>;

const ok = <T>(value: T): Validated<T> => ({ value, problems: [] });
const rejected = <T>(key: string, fallback: T, message: string): Validated<T> => ({
  value: fallback,
  problems: [{ key, message: `${message}; using ${describe(fallback)}.` }],
});

function describe(value: unknown): string {
  if (value === undefined) return 'none';
  return JSON.stringify(value);
}

function validateRequiredSections(
  value: unknown,
  fallback: readonly SectionKind[],
  name: string,
): Validated<readonly SectionKind[]> {
  const key = 'requiredSections';
  if (!Array.isArray(value)) return rejected(key, fallback, `"${name}" must be a list of section kinds`);
  const kinds: SectionKind[] = [];
  const problems: ConfigProblem[] = [];
  for (const item of value) {
    if (typeof item === 'string' && (requirableSectionKinds as readonly string[]).includes(item)) {
      if (!kinds.includes(item as SectionKind)) kinds.push(item as SectionKind);
    } else {
      problems.push({
        key,
        message: `"${name}" contains ${describe(item)}, which is not one of ${requirableSectionKinds.join(', ')}; ignoring it.`,
      });
    }
  }
  return { value: Object.freeze(kinds), problems };
}

const timeZonePattern = /^[A-Za-z][A-Za-z0-9_+\-:/. ]{0,63}$/;

function validateDefaultTimeZone(value: unknown, fallback: string | undefined, name: string): Validated<string | undefined> {
  const key = 'defaultTimeZone';
  if (value === null) return ok(undefined);
  if (typeof value !== 'string') return rejected(key, fallback, `"${name}" must be a time zone name such as "UTC"`);
  const trimmed = value.trim();
  if (trimmed === '') return ok(undefined);
  if (!timeZonePattern.test(trimmed)) {
    return rejected(key, fallback, `"${name}" is ${describe(value)}, which is not a time zone name such as "UTC" or "UTC+02:00"`);
  }
  return ok(trimmed);
}

function validateNumber(key: string, min: number, max: number, integer: boolean): Validator<number> {
  return (value, fallback, name) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      const what = integer ? 'a whole number' : 'a number';
      return rejected(key, fallback, `"${name}" must be ${what} from ${min} to ${max}, got ${describe(value)}`);
    }
    return ok(value);
  };
}

function validateSeverities(
  value: unknown,
  fallback: Readonly<Record<string, Severity | 'off'>>,
  name: string,
): Validated<Readonly<Record<string, Severity | 'off'>>> {
  const key = 'severities';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return rejected(key, fallback, `"${name}" must map diagnostic codes to ${severitySettingValues.join(', ')}`);
  }
  const severities: Record<string, Severity | 'off'> = {};
  const problems: ConfigProblem[] = [];
  for (const [code, severity] of Object.entries(value)) {
    if (code.trim() === '') {
      problems.push({ key, message: `"${name}" has an empty diagnostic code; ignoring it.` });
    } else if (typeof severity === 'string' && (severitySettingValues as readonly string[]).includes(severity)) {
      severities[code] = severity as Severity | 'off';
    } else {
      problems.push({
        key: `${key}.${code}`,
        message: `"${name}" gives "${code}" the severity ${describe(severity)}, which is not one of ${severitySettingValues.join(', ')}; ignoring it.`,
      });
    }
  }
  return { value: Object.freeze(severities), problems };
}

function validateBoolean(key: string): Validator<boolean> {
  return (value, fallback, name) =>
    typeof value === 'boolean' ? ok(value) : rejected(key, fallback, `"${name}" must be true or false, got ${describe(value)}`);
}

function validateProfile(value: unknown, fallback: SectionProfile | undefined, name: string): Validated<SectionProfile | undefined> {
  const key = 'profile';
  if (value === null || value === 'none' || value === '') return ok(undefined);
  if (typeof value === 'string' && (sectionProfiles as readonly string[]).includes(value)) return ok(value as SectionProfile);
  return rejected(key, fallback, `"${name}" must be one of none, ${sectionProfiles.join(', ')}, got ${describe(value)}`);
}

function validateOptionalBoolean(key: string): Validator<boolean | undefined> {
  return (value, fallback, name) =>
    value === null ? ok(undefined) : typeof value === 'boolean' ? ok(value) : rejected(key, fallback, `"${name}" must be true, false or null, got ${describe(value)}`);
}

function validatePhrases(key: string): Validator<readonly string[]> {
  return (value, fallback, name) => {
    if (!Array.isArray(value)) return rejected(key, fallback, `"${name}" must be a list of phrases`);
    const phrases: string[] = [];
    const problems: ConfigProblem[] = [];
    for (const item of value) {
      if (typeof item === 'string' && item.trim() !== '' && item.length <= 100) phrases.push(item.trim().toLowerCase());
      else problems.push({ key, message: `"${name}" contains ${describe(item)}, which is not a phrase of 1 to 100 characters; ignoring it.` });
    }
    return { value: Object.freeze(phrases), problems };
  };
}

function validateDay(value: unknown, fallback: string | undefined, name: string): Validated<string | undefined> {
  const key = 'review.today';
  if (value === null || value === '') return ok(undefined);
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match || !dateExists(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return rejected(key, fallback, `"${name}" must be a date written YYYY-MM-DD, got ${describe(value)}`);
  }
  return ok(value as string);
}

function validateTicketUrl(value: unknown, fallback: string | undefined, name: string): Validated<string | undefined> {
  const key = 'ticketUrl';
  if (value === null || value === '') return ok(undefined);
  if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value) || !value.includes('{id}')) {
    return rejected(key, fallback, `"${name}" must be an http(s) address containing {id}, got ${describe(value)}`);
  }
  return ok(value);
}

function validateLanguages(value: unknown, fallback: readonly LanguageCode[], name: string): Validated<readonly LanguageCode[]> {
  const key = 'languages';
  if (!Array.isArray(value) || value.some((code) => !languageCodes.includes(code as LanguageCode))) {
    return rejected(key, fallback, `"${name}" must be a list of language codes among ${languageCodes.join(', ')}, got ${describe(value)}`);
  }
  return ok(Object.freeze([...new Set(value as LanguageCode[])]));
}

/** Every option's validator; the mapped type makes adding an option without a validator a compile error. */
const optionValidators: { readonly [K in keyof PostmortemOptions]-?: Validator<PostmortemOptions[K]> } = {
  languages: validateLanguages,
  requiredSections: validateRequiredSections,
  profile: validateProfile,
  defaultTimeZone: validateDefaultTimeZone,
  durationToleranceMinutes: validateNumber('durationToleranceMinutes', 0, 10_080, false),
  severities: validateSeverities,
  inlayHints: validateBoolean('inlayHints'),
  maxDocumentSize: validateNumber('maxDocumentSize', 1, Number.MAX_SAFE_INTEGER, true),
  'review.requireOwner': validateOptionalBoolean('review.requireOwner'),
  'review.requireDueDate': validateOptionalBoolean('review.requireDueDate'),
  'review.requireTicket': validateOptionalBoolean('review.requireTicket'),
  'review.overdue': validateBoolean('review.overdue'),
  'review.requireActionItems': validateBoolean('review.requireActionItems'),
  'review.blameLanguage': validateBoolean('review.blameLanguage'),
  'review.blameWords.add': validatePhrases('review.blameWords.add'),
  'review.blameWords.remove': validatePhrases('review.blameWords.remove'),
  'review.impactQuantified': validateBoolean('review.impactQuantified'),
  'review.today': validateDay,
  ticketUrl: validateTicketUrl,
};

/** The keys {@link resolveOptions} understands, one per {@link PostmortemOptions} field. */
export const optionKeys: readonly (keyof PostmortemOptions)[] = Object.freeze(
  Object.keys(optionValidators) as (keyof PostmortemOptions)[],
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `a.b` either as a flat key (`{"a.b": 1}`) or nested (`{"a": {"b": 1}}`). */
function readDotted(raw: Record<string, unknown>, dotted: string): unknown {
  if (dotted in raw) return raw[dotted];
  let current: unknown = raw;
  for (const part of dotted.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** A project file may name its JSON schema (`schemas/postmortem.schema.json`) for editors without an association. */
const schemaKey = '$schema';

function isKnownKey(key: string, value: unknown): boolean {
  const all = [...(optionKeys as readonly string[]), ...nonOptionKeys];
  if (all.includes(key)) return true;
  if (key === schemaKey) return typeof value === 'string';
  // Nested form of a dotted key: `files: { include }`, `review: { blameWords: { add } }`.
  const nested = all.filter((k) => k.startsWith(`${key}.`)).map((k) => k.slice(key.length + 1));
  return nested.length > 0 && isRecord(value) && Object.entries(value).every(([k, v]) => nested.includes(k) || nested.some((n) => n.startsWith(`${k}.`) && isKnownKey(`${key}.${k}`, v)));
}

/**
 * Validates raw configuration into {@link PostmortemOptions}. Keys that are absent (or
 * `undefined`) keep the value from `base`. Never throws.
 *
 * @param raw the `postmortem` section of the editor settings, or a parsed `.postmortem.json`.
 * @param base the layer below: {@link defaultOptions}, or the options resolved from settings.
 * @param keyPrefix prepended to key names in messages (`postmortem.` for editor settings).
 */
export function resolveOptions(raw: unknown, base: PostmortemOptions = defaultOptions, keyPrefix = ''): ResolvedOptions {
  if (raw === undefined || raw === null) return { options: base, problems: [] };
  if (!isRecord(raw)) {
    return { options: base, problems: [{ key: '', message: 'The configuration must be a JSON object; using the defaults.' }] };
  }
  const problems: ConfigProblem[] = [];
  const options: Record<string, unknown> = { ...base };
  for (const key of optionKeys) {
    const value = readDotted(raw, key);
    if (value === undefined) continue;
    const validate = optionValidators[key] as Validator<unknown>;
    const result = validate(value, base[key], keyPrefix + key);
    options[key] = result.value;
    problems.push(...result.problems);
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!isKnownKey(key, value)) problems.push({ key, message: `"${keyPrefix}${key}" is not a postmortem setting; ignoring it.` });
  }
  return { options: Object.freeze(options) as unknown as PostmortemOptions, problems };
}

/**
 * Validates `files.include` (flat or nested) into name patterns. Absent: `base`. Never throws.
 */
export function resolveFileInclude(
  raw: unknown,
  base: readonly string[] = defaultFileIncludePatterns,
  keyPrefix = '',
): ResolvedFileInclude {
  if (!isRecord(raw)) return { patterns: base, problems: [] };
  const key = 'files.include';
  const name = keyPrefix + key;
  const value = readDotted(raw, key);
  if (value === undefined) return { patterns: base, problems: [] };
  if (!Array.isArray(value)) {
    return { patterns: base, problems: [{ key, message: `"${name}" must be a list of file name patterns; using ${describe(base)}.` }] };
  }
  const patterns: string[] = [];
  const problems: ConfigProblem[] = [];
  for (const item of value) {
    if (typeof item === 'string' && item.trim() !== '') patterns.push(item.trim());
    else problems.push({ key, message: `"${name}" contains ${describe(item)}, which is not a file name pattern; ignoring it.` });
  }
  return { patterns: Object.freeze(patterns), problems };
}
