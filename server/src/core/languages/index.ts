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
  /**
   * The section titles of every table in the order they are tried, each group's longest first.
   * Plain strings, not one pattern per table: V8 drops the compiled code of a pattern at a full
   * garbage collection, and recompiling an alternation of hundreds of titles cost more than the
   * rest of a heading's reading.
   */
  readonly titles: ReadonlyArray<{ readonly kinds: readonly SectionKind[]; readonly titles: readonly string[] }>;
  /**
   * The first two characters of every title (`li` for `linha do tempo`, `経緯`): a title whose
   * start is not among them skips the patterns, as most English headings do.
   */
  readonly titleStarts: ReadonlySet<string>;
  /** A day, then a month name (`5 de março de 2024`, `5. März 2024`, `1er mars`). */
  readonly dayMonth: RegExp | undefined;
  readonly months: ReadonlyMap<string, number>;
  /** The first three letters of every month name, lower case: a cheap test before {@link dayMonth}. */
  readonly monthPrefixes: ReadonlySet<string>;
  /**
   * A number, then within a few characters the first letter of a month name (`5 de m`, `5. M`,
   * `1er m`): where {@link dayMonth} may match. Few words after numbers start that way.
   */
  readonly dayMonthLead: RegExp | undefined;
  readonly shortMonths: ReadonlyMap<string, number>;
  readonly durationIntro: RegExp | undefined;
  readonly durationLabel: RegExp | undefined;
  readonly duration: RegExp | undefined;
  /**
   * The duration units that the English scan does not read (`horas`, `Minuten`, `時間`, not
   * `minutes` or `h`): a text without one of them (or a glued `2h30`) holds no duration the
   * English scan misses, and skips {@link duration}.
   */
  readonly foreignOnlyUnits: ReadonlySet<string>;
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

/** The unit words of the English duration scan (`timeTokens.ts`), lower case. */
const ENGLISH_UNIT_WORDS: ReadonlySet<string> = new Set(['h', 'hr', 'hrs', 'hour', 'hours', 'm', 'min', 'mins', 'minute', 'minutes', 'day', 'days']);

/** The first letters of `words`, both cases, for a character class. */
function initials(words: readonly string[]): string {
  const letters = new Set(words.flatMap((word) => [word[0]!.toLowerCase(), word[0]!.toUpperCase()]));
  return [...letters].map((letter) => letter.replace(/[\]\\^-]/g, '\\$&')).join('');
}

/** Longest first: `início do incidente` before `início`. */
function longestFirst(words: readonly string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

function alternatives(words: readonly string[]): string {
  return longestFirst(words).map(wordPattern).join('|');
}

/** How many characters of a title {@link CompiledLanguages.titleStarts} keeps. */
export const TITLE_START_LENGTH = 2;

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
    titles: tables.flatMap((table) => table.sections.map(([kinds, titles]) => ({ kinds, titles: longestFirst(titles) }))),
    titleStarts: new Set(tables.flatMap((table) => table.sections.flatMap(([, titles]) => titles.map((title) => title.slice(0, TITLE_START_LENGTH))))),
    dayMonth:
      monthNames.length > 0
        ? new RegExp(`(?<![\\p{L}\\p{N}:.,/-])(\\d{1,2})(?:\\.|º|°|ª|er|o)?\\s{0,3}(?:de\\s{1,3})?(${alternatives(monthNames)})\\.?(?:,?\\s{0,3}(?:de\\s{1,3})?(\\d{4})(?!\\d|:\\d))?`, 'giu')
        : undefined,
    months,
    monthPrefixes: new Set(monthNames.map((name) => name.slice(0, 3))),
    dayMonthLead: monthNames.length > 0 ? new RegExp(`(?<!\\d)\\d{1,4}(?:[.ºª°]|er)?[ \\t]{0,5}(?:de[ \\t]{1,3})?(?=[${initials(monthNames)}])`, 'g') : undefined,
    foreignOnlyUnits: new Set([...hourUnits, ...minuteUnits, ...dayUnits].filter((unit) => !ENGLISH_UNIT_WORDS.has(unit))),
    shortMonths,
    durationLabel: labelLine(all((t) => t.durationWords)),
    durationIntro: optional(all((t) => t.durationWords), (source) => new RegExp(`(?:^|[^\\p{L}])(?:${source})[^.!?。]{0,30}$`, 'iu')),
    // Every part is optional, so the pattern could match empty anywhere: `(?=\\d)` lets it start only at a number.
    duration:
      hourUnits.length + minuteUnits.length > 0
        ? new RegExp(
            `(?<![\\p{L}\\d.:])(?=\\d)(?:(\\d{1,3})\\s?(?:${alternatives(dayUnits) || '(?!)'})${unitEnd}[\\s,]{0,3}(?:(?:e|y|et|und)\\s{1,3})?)?` +
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
