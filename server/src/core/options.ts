import type { SectionKind } from './model';
import type { Severity } from './analysis/findings';
import type { SectionProfile } from './analysis/profiles';

/** Everything a user can configure, already validated (see `server/src/settings.ts`). */
export interface PostmortemOptions {
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
}

export const defaultOptions: PostmortemOptions = Object.freeze({
  requiredSections: Object.freeze(['summary', 'timeline', 'root-cause', 'resolution', 'corrective-actions'] as SectionKind[]),
  profile: undefined,
  defaultTimeZone: undefined,
  durationToleranceMinutes: 5,
  severities: Object.freeze({}),
  inlayHints: true,
  maxDocumentSize: 5_000_000,
});
