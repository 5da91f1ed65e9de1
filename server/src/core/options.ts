import type { SectionKind } from './model';
import type { Severity } from './analysis/findings';
import type { SectionProfile } from './analysis/profiles';
import { languageCodes, type LanguageCode } from './languages';

/** Everything a user can configure, already validated (see `server/src/settings.ts`). */
export interface PostmortemOptions {
  /** Languages read besides English (section titles, times, dates, window phrases); all by default. */
  readonly languages: readonly LanguageCode[];
  /** Section kinds a document must have (`missing-section`). */
  readonly requiredSections: readonly SectionKind[];
  /**
   * A template whose required sections and section order replace `requiredSections`
   * (`holberton`, `google-sre`, `pagerduty`); undefined: `requiredSections` applies.
   */
  readonly profile?: SectionProfile;
  /** Zone assumed for times when the document states none (e.g. `UTC`); undefined: none assumed. */
  readonly defaultTimeZone?: string;
  /** Tolerance for `duration-mismatch`, in minutes, for exact wording; approximate wording gets more. */
  readonly durationToleranceMinutes: number;
  /** Per-code severity override, or `off` to silence the code. */
  readonly severities: Readonly<Record<string, Severity | 'off'>>;
  /** Inlay hints with elapsed time after timeline times. */
  readonly inlayHints: boolean;
  /** Past this many characters only the outline is computed. */
  readonly maxDocumentSize: number;
  /** Require an owner on every action item (`action-item-owner`); undefined: the profile decides. */
  readonly 'review.requireOwner'?: boolean;
  /** Require a due date on every action item (`action-item-due`); undefined: the profile decides. */
  readonly 'review.requireDueDate'?: boolean;
  /** Require a ticket on every action item (`action-item-ticket`); undefined: the profile decides. */
  readonly 'review.requireTicket'?: boolean;
  /** Report open action items whose due date has passed (`action-item-overdue`). */
  readonly 'review.overdue': boolean;
  /** Report a corrective-actions section that lists no action (`no-action-items`). */
  readonly 'review.requireActionItems': boolean;
  /** Report phrases that pin the incident on a person (`blame-language`). */
  readonly 'review.blameLanguage': boolean;
  /** Phrases added to the blame list (matched case-insensitively, as whole words). */
  readonly 'review.blameWords.add': readonly string[];
  /** Phrases removed from the built-in blame list. */
  readonly 'review.blameWords.remove': readonly string[];
  /** Report an impact statement that names who was affected but gives no measure (`impact-unquantified`). */
  readonly 'review.impactQuantified': boolean;
  /** The day overdue items are judged against (`YYYY-MM-DD`); undefined: today on the local clock. */
  readonly 'review.today'?: string;
  /** Address of a ticket, with `{id}` where the ticket id goes (`https://tracker.example/browse/{id}`); undefined: only URLs are links. */
  readonly ticketUrl?: string;
}

export const defaultOptions: PostmortemOptions = Object.freeze({
  languages: languageCodes,
  requiredSections: Object.freeze(['summary', 'timeline', 'root-cause', 'resolution', 'corrective-actions'] as SectionKind[]),
  profile: undefined,
  defaultTimeZone: undefined,
  durationToleranceMinutes: 5,
  severities: Object.freeze({}),
  inlayHints: true,
  maxDocumentSize: 5_000_000,
  'review.requireOwner': undefined,
  'review.requireDueDate': undefined,
  'review.requireTicket': undefined,
  'review.overdue': true,
  'review.requireActionItems': true,
  'review.blameLanguage': true,
  'review.blameWords.add': Object.freeze([] as string[]),
  'review.blameWords.remove': Object.freeze([] as string[]),
  'review.impactQuantified': true,
  'review.today': undefined,
  ticketUrl: undefined,
});
