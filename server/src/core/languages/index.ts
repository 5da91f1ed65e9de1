import type { SectionKind } from '../model';
import { german } from './de';
import { spanish } from './es';
import { french } from './fr';
import { japanese } from './ja';
import { portuguese } from './pt';
import type { LanguageCode, LanguageTable } from './table';

export type { LanguageCode, LanguageTable } from './table';

/** Every language table, in the order their section titles are tried (after English). */
export const languageTables: readonly LanguageTable[] = Object.freeze([portuguese, spanish, french, german, japanese]);

/** The codes of every table: the default of `postmortem.languages`. */
export const languageCodes: readonly LanguageCode[] = Object.freeze(languageTables.map((table) => table.code));

/**
 * The tables of the languages in use, compiled: one pattern per kind of word, built once per
 * set of languages. A pattern is undefined when no language in use has such words, so the
 * scanners skip it without a test.
 */
export interface CompiledLanguages {
  readonly codes: readonly LanguageCode[];
  /** The tables themselves, for the readers that build their own lookups (the window field labels). */
  readonly tables: readonly LanguageTable[];
  /** One pattern per table over its titles; the capture group that matched says the kinds. */
  readonly titles: ReadonlyArray<{ readonly pattern: RegExp; readonly kinds: ReadonlyArray<readonly SectionKind[]> }>;
  /** A day, then a month name (`5 de março de 2024`, `5. März 2024`, `1er mars`). */
  readonly dayMonth: RegExp | undefined;
  readonly months: ReadonlyMap<string, number>;
  /** The first three letters of every month name, lower case: a cheap test before {@link dayMonth}. */
  readonly monthPrefixes: ReadonlySet<string>;
  readonly shortMonths: ReadonlyMap<string, number>;
  readonly durationIntro: RegExp | undefined;
  readonly durationLabel: RegExp | undefined;
  readonly duration: RegExp | undefined;
  readonly rangeJoiner: RegExp | undefined;
  readonly rangeOpener: RegExp | undefined;
  /** `14h30`, `16h`: Portuguese, Spanish and French. */
  readonly hourLetter: boolean;
  /** `14.30 Uhr`, `16 Uhr`, `7.10.2025`. */
  readonly german: boolean;
  /** `15時20分`, `午後3時`, `2024年3月5日`, `令和7年`. */
  readonly japanese: boolean;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s{1,3}');
}

/** A word ending in a letter must end there (`causa` is not `causalidade`); Japanese has no word ends. */
function wordPattern(word: string): string {
  return /[a-zà-ÿß]$/i.test(word) ? `${escape(word)}(?![\\p{L}])` : escape(word);
}

function alternatives(words: readonly string[]): string {
  // Longest first: `início do incidente` before `início`.
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(wordPattern).join('|');
}

function compile(codes: readonly LanguageCode[]): CompiledLanguages {
  const tables = languageTables.filter((table) => codes.includes(table.code));
  const all = (pick: (table: LanguageTable) => readonly string[]) => tables.flatMap(pick);
  const optional = (words: readonly string[], make: (source: string) => RegExp) => (words.length > 0 ? make(alternatives(words)) : undefined);
  const months = new Map<string, number>();
  const shortMonths = new Map<string, number>();
  for (const table of tables) {
    for (const [name, month] of Object.entries(table.months)) months.set(name, month);
    for (const [name, month] of Object.entries(table.shortMonths)) if (!months.has(name)) shortMonths.set(name, month);
  }
  const monthNames = [...months.keys(), ...shortMonths.keys()];
  const labelLine = (words: readonly string[]) =>
    optional(words, (source) => new RegExp(`^\\s*(?:[-*•]\\s{0,3})?(?:(?:\\*\\*|__)\\s{0,3})?(?:${source})\\s{0,3}(?:(?:\\*\\*|__)\\s{0,3})?[:：]`, 'iu'));
  const hourUnits = all((t) => t.hourUnits);
  const minuteUnits = all((t) => t.minuteUnits);
  const dayUnits = all((t) => t.dayUnits);
  const unitEnd = '(?![\\p{L}])';
  return {
    codes: tables.map((t) => t.code),
    tables,
    titles: tables.map((table) => ({
      pattern: new RegExp(`^(?:${table.sections.map(([, titles]) => `(${alternatives(titles)})`).join('|')})`, 'u'),
      kinds: table.sections.map(([kinds]) => kinds),
    })),
    dayMonth:
      monthNames.length > 0
        ? new RegExp(`(?<![\\p{L}\\p{N}:.,/-])(\\d{1,2})(?:\\.|º|°|ª|er|o)?\\s{0,3}(?:de\\s{1,3})?(${alternatives(monthNames)})\\.?(?:,?\\s{0,3}(?:de\\s{1,3})?(\\d{4})(?!\\d|:\\d))?`, 'giu')
        : undefined,
    months,
    monthPrefixes: new Set(monthNames.map((name) => name.slice(0, 3))),
    shortMonths,
    durationLabel: labelLine(all((t) => t.durationWords)),
    durationIntro: optional(all((t) => t.durationWords), (source) => new RegExp(`(?:^|[^\\p{L}])(?:${source})[^.!?。]{0,30}$`, 'iu')),
    duration:
      hourUnits.length + minuteUnits.length > 0
        ? new RegExp(
            `(?<![\\p{L}\\d.:])(?:(\\d{1,3})\\s?(?:${alternatives(dayUnits) || '(?!)'})${unitEnd}[\\s,]{0,3}(?:(?:e|y|et|und)\\s{1,3})?)?` +
              `(?:(\\d{1,3}(?:[.,]\\d{1,2})?)\\s?(?:${alternatives(hourUnits)})(?:(\\d{2})(?![\\p{L}\\d])|${unitEnd})[\\s,]{0,3}(?:(?:e|y|et|und)\\s{1,3})?)?` +
              `(?:(\\d{1,3})\\s?(?:${alternatives(minuteUnits)})${unitEnd})?`,
            'giu',
          )
        : undefined,
    // One class after the joiner (not `[\s,()]*` then `[\s~]*`): two adjacent runs over the same spaces backtrack quadratically.
    rangeJoiner: optional(all((t) => t.rangeJoiners), (source) => new RegExp(`^[\\s,()]*(?:${source})[\\s,()~]*(?:(?:as|às|las|la|um)\\s[\\s~]*)?$`, 'iu')),
    rangeOpener: optional(all((t) => t.rangeOpeners), (source) => new RegExp(`(?:^|[^\\p{L}])(?:${source})\\s{1,3}$`, 'iu')),
    hourLetter: tables.some((t) => t.code === 'pt' || t.code === 'es' || t.code === 'fr'),
    german: tables.some((t) => t.code === 'de'),
    japanese: tables.some((t) => t.code === 'ja'),
  };
}

const compiled = new Map<string, CompiledLanguages>();

/** The compiled tables of `codes` (unknown codes are ignored), built once per set. */
export function compileLanguages(codes: readonly LanguageCode[] = languageCodes): CompiledLanguages {
  const key = languageCodes.filter((code) => codes.includes(code)).join(',');
  let found = compiled.get(key);
  if (!found) compiled.set(key, (found = compile(codes)));
  return found;
}

let active = compileLanguages();

/**
 * The languages the parse in progress reads. A parse runs synchronously between its steps, so
 * the languages are set around each step ({@link readingLanguages}) rather than passed down to
 * every scanner: two documents parsed step by step, in turns, each keep their own.
 */
export function activeLanguages(): CompiledLanguages {
  return active;
}

/** Runs `compute` with `languages` in force. */
export function withLanguages<T>(languages: CompiledLanguages, compute: () => T): T {
  const previous = active;
  active = languages;
  try {
    return compute();
  } finally {
    active = previous;
  }
}

/** Drives `steps` with `languages` in force during each step, and only then. */
export function* readingLanguages<T>(languages: CompiledLanguages, steps: Generator<void, T, void>): Generator<void, T, void> {
  for (;;) {
    const step = withLanguages(languages, () => steps.next());
    if (step.done) return step.value;
    yield;
  }
}
