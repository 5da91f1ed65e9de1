import type { Severity } from './findings';
import type { DiagnosticCode } from './rules/rule';

/** What a diagnostic code means and what to do about it, for reports that describe their rules (SARIF). */
export interface DiagnosticDescription {
  /** One line: what the code reports. */
  readonly summary: string;
  /** The rule in full: what counts, what does not. */
  readonly description: string;
  /** What the author can do; names the safe fix where there is one. */
  readonly help: string;
  /** The usual severity; some cases of the code have another (see `docs/DIAGNOSTICS.md`). */
  readonly defaultSeverity: Severity;
  /** Whether `source.fixAll.postmortem` and `postmortem check --fix` can fix some cases. */
  readonly safeFix: boolean;
}

/**
 * Every diagnostic code with its description: the one place reports read it from. Typed by
 * code, so a new code does not compile until it is described here; `docs/DIAGNOSTICS.md` has a
 * section per code under the code itself as its heading (a test keeps the two in step).
 */
export const diagnosticCatalog: Readonly<Record<DiagnosticCode, DiagnosticDescription>> = Object.freeze({
  'timeline-order': {
    summary: 'A timeline entry is earlier than the entry above it.',
    description:
      'A timeline entry is earlier than the entry above it. Bare times that run past midnight are read as the next day; timelines written newest first are checked in that direction; a date line or a sub-section starts a new day; approximate times may sit up to 15 minutes out of order.',
    help: 'Correct the time or move the entry. When switching AM/PM puts the entry in order (a 12 AM/PM slip), that switch is a safe fix; sorting the timeline is offered in the editor but is not safe.',
    defaultSeverity: 'warning',
    safeFix: true,
  },
  'invalid-time': {
    summary: 'A time that cannot exist.',
    description: 'A time that cannot exist: an hour past 12 with AM/PM (13:00 PM), an hour past 23 (25:10), a minute past 59 (12:61), or a broken meridiem (10:00 M).',
    help: 'Write the time that was meant. When the intended time is evident (13:00 PM is 1:00 PM; 10:00 M where only one of AM and PM fits between its neighbours) the correction is a safe fix.',
    defaultSeverity: 'error',
    safeFix: true,
  },
  'unreadable-time': {
    summary: 'A timeline entry whose time cannot be read.',
    description:
      'A line laid out as a timeline entry whose time cannot be read (10:5, 10;30, 10h30, 0233 UTC). Template placeholders ([Time], HH:MM) are reported as information. Such an entry takes no part in ordering, durations or metrics.',
    help: 'Write the time in full, for example 10:05 AM or 02:33 UTC.',
    defaultSeverity: 'warning',
    safeFix: false,
  },
  'timezone-missing': {
    summary: 'The timeline has clock times but the document never names their time zone.',
    description:
      'The timeline has clock times but no zone is given anywhere: not on an entry, in the timeline heading, in an "All times in" line, in a table header or in the summary, and no defaultTimeZone is configured.',
    help: 'Add a line such as "All times in UTC." under the timeline heading, or the zone after each time.',
    defaultSeverity: 'warning',
    safeFix: false,
  },
  'timezone-mixed': {
    summary: 'Timeline times are stamped in zones that disagree, with no conversion given.',
    description:
      'Entries are stamped in a zone other than the one the timeline declares, or, without a declared zone, in a zone other than the one most entries use. Zones naming the same clock (UTC, GMT, Z, +00:00) and one region\'s standard and daylight names (PST/PDT) are not mixed.',
    help: 'Restamp the entries in one zone, or state the conversion (10:00 PST (18:00 UTC)).',
    defaultSeverity: 'warning',
    safeFix: false,
  },
  'duration-mismatch': {
    summary: 'A stated duration disagrees with the stated start and end or with the timeline.',
    description:
      'A stated duration (lasted 45 minutes, Duration: 2 hours) disagrees with the stated start and end or with every reading of the timeline, beyond the tolerance (durationToleranceMinutes for exact wording, more for approximate wording). A stated end well after the resolution entry is reported as information.',
    help: 'Correct the stated duration, or the times it disagrees with. The editor offers to rewrite the duration; it is not a safe fix, since either side may be wrong.',
    defaultSeverity: 'warning',
    safeFix: false,
  },
  'outside-window': {
    summary: 'A timeline entry lies before the stated start or after the stated end.',
    description:
      'A timeline entry before the stated start or after the stated end. Lead-up events and follow-ups are hints; a detection entry before the start or a resolution entry after the end is a warning, because the stated window is then wrong.',
    help: 'Move the stated start or end, or correct the entry.',
    defaultSeverity: 'hint',
    safeFix: false,
  },
  'missing-section': {
    summary: 'A required section is absent.',
    description: 'A section that requiredSections, or the chosen profile (holberton, google-sre, pagerduty), asks for is absent. "Root Cause and Resolution" counts for both.',
    help: 'Add the section. The editor offers to insert it where the template puts it, in the heading style of its neighbours.',
    defaultSeverity: 'information',
    safeFix: false,
  },
  'empty-section': {
    summary: 'A recognised section has nothing under it.',
    description: 'A recognised section (summary, timeline, root cause, ...) with no text under it (HTML comments do not count) and no sub-sections.',
    help: 'Write the section, or remove the heading.',
    defaultSeverity: 'warning',
    safeFix: false,
  },
  'duplicate-section': {
    summary: 'Two sibling sections have the same heading.',
    description:
      'Two sibling sections with the same heading (warning), or with headings naming the same section except for a qualifier, such as Summary after Issue Summary (information). Overlapping sections and a template\'s deliberate pairs are not duplicates.',
    help: 'Merge the sections, or remove the copied template.',
    defaultSeverity: 'warning',
    safeFix: false,
  },
  'ambiguous-date': {
    summary: 'A numeric date whose day and month can be swapped.',
    description: 'A numeric date such as 04-12-2022 that can be read as 12 April or 4 December, with no unambiguous date in the document settling which.',
    help: 'Write the month as a word, or use YYYY-MM-DD.',
    defaultSeverity: 'information',
    safeFix: false,
  },
});

/** The description of `code`, or undefined for a code the catalog does not know. */
export function describeDiagnostic(code: string): DiagnosticDescription | undefined {
  return Object.prototype.hasOwnProperty.call(diagnosticCatalog, code) ? diagnosticCatalog[code as DiagnosticCode] : undefined;
}
