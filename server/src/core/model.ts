/**
 * The postmortem document model: what the parser reads out of a document's text.
 *
 * Every position is a UTF-16 code-unit offset into the exact text the parser was given
 * (the same unit LSP uses by default), so adapters convert with `TextDocument.positionAt`
 * or {@link LineIndex} and never re-measure strings.
 */

/** A half-open range of UTF-16 offsets: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Canonical kinds a section heading maps to (see `parse/sectionKinds.ts`). */
export type SectionKind =
  | 'title'
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-cause'
  | 'resolution'
  | 'detection'
  | 'corrective-actions'
  | 'lessons-learned'
  | 'other';

/** How a heading was written; completion and quick fixes echo the author's style. */
export type HeadingStyle =
  | 'atx' // `## Timeline`
  | 'setext' // `Timeline` underlined with `===` or `---`
  | 'bare' // a bare title-case line: `Root Cause and Resolution`
  | 'caps' // `ROOT CAUSE` or `TIMELINE:` without markup
  | 'label' // `Timeline:` alone on its line
  | 'bold' // `**Incident Timeline:**`
  | 'html'; // `<h1>POSTMORTEM</h1>`, `<b>TIMELINE</b>`

export interface Section {
  /** The primary kind. */
  readonly kind: SectionKind;
  /** Every kind the heading covers: "Root Cause and Resolution" is `['root-cause', 'resolution']`. */
  readonly kinds: readonly SectionKind[];
  /** Heading text without markup, trailing colon or emoji decoration. */
  readonly title: string;
  /** Nesting level 1..6 (ATX level; other styles are assigned levels relative to the document). */
  readonly level: number;
  readonly style: HeadingStyle;
  /** The heading line(s), without the line break (a setext heading includes its underline). */
  readonly headingSpan: Span;
  /** The title text inside the heading. */
  readonly titleSpan: Span;
  /** From the heading start to the end of the section's content, children included. */
  readonly span: Span;
  readonly children: readonly Section[];
}

/** A wall-clock time as written, read on the 24-hour clock the author meant. */
export interface ClockTime {
  /** 0..23 after applying am/pm. For invalid input (`25:10`) the raw values are kept; see `valid`. */
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
  /** The meridiem as written, if any. */
  readonly meridiem?: 'am' | 'pm';
  /** False for `13:00 PM`, `25:10`, `12:61`, `10:00 M`. */
  readonly valid: boolean;
  /** Written with `~`, `about`, `around`, `approximately`. */
  readonly approximate: boolean;
  /** The time token as written, e.g. `10:05 PM`. */
  readonly span: Span;
}

/** A calendar date; `year` is absent when the author left it out (`August 10`). */
export interface CalendarDate {
  readonly year?: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
  readonly span: Span;
  /** True when day/month order cannot be told apart (`04-12-2022`). */
  readonly ambiguous?: boolean;
}

/** Where a zone was declared. */
export type ZoneSource = 'entry' | 'heading' | 'all-times-line' | 'table-header' | 'summary' | 'document';

export interface Zone {
  /** Normalised label: `UTC`, `PST`, `GMT+1`, `UTC+02:00`, `Pacific Time`. */
  readonly name: string;
  /** Offset from UTC in minutes when known (PST = -480); absent for unknown names. */
  readonly offsetMinutes?: number;
  readonly source: ZoneSource;
  readonly span: Span;
}

export interface TimelineEntry {
  /** The whole entry: its line plus continuation lines and sub-bullets. */
  readonly span: Span;
  /** The first line of the entry. */
  readonly lineSpan: Span;
  /** The time, or undefined for a date-only entry. */
  readonly time?: ClockTime;
  /** The end of a range written in the entry (`13:20 - 13:50 UTC`). */
  readonly endTime?: ClockTime;
  /** The date written on the entry itself. */
  readonly ownDate?: CalendarDate;
  /** The date in force: the entry's own, else a date line/heading above it, else the summary's. */
  readonly date?: CalendarDate;
  /** The zone written on the entry itself. */
  readonly ownZone?: Zone;
  /** The zone in force: the entry's own, else the timeline's (heading, `All times in`, table header), else the summary's. */
  readonly zone?: Zone;
  /** Whole days added because bare times rolled past midnight (no date to say otherwise). */
  readonly dayOffset: number;
  /**
   * Minutes on a common axis for ordering and arithmetic: days since 1970-01-01 (from `date`,
   * or day 0 when undated) plus `dayOffset`, times 1440, plus the minute of the day. Seconds are fractional.
   * Undefined for date-only entries with no time (see `dayKey`).
   */
  readonly minutes?: number;
  /** The description after the time. */
  readonly text: string;
  /** How the entry was laid out. */
  readonly layout: 'bullet' | 'line' | 'table-row' | 'heading' | 'prose';
}

/** The incident window the summary states. */
export interface IncidentWindow {
  readonly start?: ClockTime;
  readonly end?: ClockTime;
  readonly startDate?: CalendarDate;
  readonly endDate?: CalendarDate;
  readonly zone?: Zone;
  /** A stated duration in minutes (`Duration: 45 minutes`, `lasted 2 hours`). */
  readonly statedDurationMinutes?: number;
  /** The duration text, for diagnostics and the quick fix that rewrites it. */
  readonly statedDurationSpan?: Span;
  /** `~2 hours`, `about`, `approximately`, number words. */
  readonly statedDurationApproximate?: boolean;
  /** Other durations stated next to it (the tail after the outage), not taken as the outage's. */
  readonly otherDurationSpans?: readonly Span[];
  /** Minutes on the same axis as {@link TimelineEntry.minutes}. */
  readonly startMinutes?: number;
  readonly endMinutes?: number;
}

/** A `<!-- postmortem-disable code -->` style comment. */
export interface Suppression {
  readonly codes: readonly string[];
  /** `document`: the whole document, wherever the comment stands; `next-line`: only the following line. */
  readonly scope: 'document' | 'next-line';
  readonly span: Span;
}

export interface Timeline {
  /** The timeline section this belongs to (undefined when entries were found without a heading). */
  readonly section?: Section;
  readonly entries: readonly TimelineEntry[];
  /** The zone declared for the whole timeline, if any. */
  readonly zone?: Zone;
  /** Entries run newest first (status pages). */
  readonly reverseChronological: boolean;
}

export interface PostmortemDocument {
  /** The text the model was parsed from. */
  readonly text: string;
  /** Top-level sections in document order (nested sections under `children`). */
  readonly sections: readonly Section[];
  /** Every section, flattened in document order. */
  readonly allSections: readonly Section[];
  /** The main timeline (entries of every timeline section, in document order). */
  readonly timeline: Timeline;
  readonly window: IncidentWindow;
  /** Every zone mention found in the document (entry, heading, lines, summary). */
  readonly zones: readonly Zone[];
  readonly suppressions: readonly Suppression[];
  /** Spans that are code or front matter: nothing inside them is a heading or an entry. */
  readonly ignoredSpans: readonly Span[];
  /** 'markdown' when Markdown syntax is present, else 'plaintext'. */
  readonly flavor: 'markdown' | 'plaintext';
}
