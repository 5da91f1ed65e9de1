import type { SectionKind } from '../model';

/** The languages whose postmortems are read besides English (ISO 639-1 codes). */
export type LanguageCode = 'pt' | 'es' | 'fr' | 'de' | 'ja';

/**
 * The words one language writes postmortems with. Pure data: the parser compiles the tables of
 * the languages in use into a few patterns (`index.ts`). Every word is written as authors write
 * it; matching ignores case. To teach the parser a new form, add the word here.
 */
export interface LanguageTable {
  readonly code: LanguageCode;
  /** The language's own name, for documentation. */
  readonly name: string;
  /**
   * Section titles and the kinds they name, tried in order (so combined titles such as
   * "Causa raiz e resolução" come before their parts). A title matches the start of a heading
   * once numbering, markup and case are removed: `Linha do tempo` also covers
   * `3. Linha do tempo (UTC)`.
   */
  readonly sections: ReadonlyArray<readonly [readonly SectionKind[], readonly string[]]>;
  /** Month names written in full, and their number. */
  readonly months: Readonly<Record<string, number>>;
  /** Short month names, read only when a year follows (`5 set. 2024`): alone, many are words. */
  readonly shortMonths: Readonly<Record<string, number>>;
  /** Labels of the incident's start in a summary or an export (`Início:`): they join the window field labels (`parse/windowStatements.ts`). */
  readonly startLabels: readonly string[];
  /** Labels of the incident's end (`Fim:`, `Resolvido em:`). */
  readonly endLabels: readonly string[];
  /** Labels and verbs a stated duration follows (`Duração:`, `durou`). */
  readonly durationWords: readonly string[];
  /** Words that join the two ends of a time range (`de 14h30 à 16h`: `à`). */
  readonly rangeJoiners: readonly string[];
  /** Words that open a time range or precede a bare hour (`de`, `entre`, `às`). */
  readonly rangeOpeners: readonly string[];
  /** Units of a duration: `2 horas`, `45 minutos`, `3 dias`. */
  readonly hourUnits: readonly string[];
  readonly minuteUnits: readonly string[];
  readonly dayUnits: readonly string[];
}
