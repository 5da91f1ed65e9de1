import type { CalendarDate, Span, Zone } from '../model';
import { lineAt, type Line } from './lines';
import { activeLanguages, type CompiledLanguages } from '../languages';
import { STAMPED_KEY, THE_START } from './frontMatterDate';
import { findForeignDurations } from './languageTokens';
import { findClockTimes, findDates, findDurations, type DurationToken, type TimeToken } from './timeTokens';

/**
 * More ways a summary or an export states the incident window: labelled fields of an
 * incident-platform export (`| Started at | 2024-11-02 23:48 UTC |`, `Resolved at: …`,
 * `Duration: 1h 24m`), a start time in parentheses after the date followed by how long it
 * lasted, and, of two durations in one sentence, the outage's rather than its tail's.
 */

/** A time read with the date and zone written next to it (window.ts `pointAt`). */
export interface WindowPoint {
  readonly time: TimeToken;
  readonly date?: CalendarDate;
  readonly zone?: Zone;
}

export type PointReader = (line: Line, time: TimeToken) => WindowPoint;

/**
 * Field labels of summaries and incident exports, per window field, lower case, without the
 * trailing colon, and without an `incident`, `outage` or `impact` in front (`Incident start:`
 * reads as `start`). The other languages' labels are in their tables (`languages/`:
 * `startLabels`, `endLabels`, `durationWords`) and join these for the languages in use.
 */
export const WINDOW_FIELD_LABELS: Readonly<Record<WindowField, readonly string[]>> = {
  start: ['started at', 'started', 'start time', 'start', 'start date', 'start date/time', 'began', 'began at', 'begin', 'beginning', 'opened at', 'declared at'],
  end: ['resolved at', 'resolved', 'resolved time', 'ended at', 'ended', 'end time', 'end', 'end date', 'end date/time', 'recovered', 'recovered at', 'restored', 'restored at', 'mitigated at', 'closed at'],
  duration: ['duration', 'total duration', 'length', 'downtime'],
};

export type WindowField = 'start' | 'end' | 'duration';

/** `Incident start`, `Outage ended`, `Impact duration`: the subject before a label. */
const LABEL_SUBJECT = /^(?:incident|outage|impact)\s/;

/** The labels of every window field, English and of the languages in use, built once per set of languages. */
const labelTables = new WeakMap<CompiledLanguages, ReadonlyMap<string, WindowField>>();

function windowFieldLabels(): ReadonlyMap<string, WindowField> {
  const languages = activeLanguages();
  let table = labelTables.get(languages);
  if (table) return table;
  const labels = new Map<string, WindowField>();
  for (const field of Object.keys(WINDOW_FIELD_LABELS) as WindowField[]) for (const label of WINDOW_FIELD_LABELS[field]) labels.set(label, field);
  for (const language of languages.tables) {
    for (const label of language.startLabels) labels.set(label, 'start');
    for (const label of language.endLabels) labels.set(label, 'end');
    for (const label of language.durationWords) labels.set(label, 'duration');
  }
  labelTables.set(languages, (table = labels));
  return table;
}

/** The longest label: a cell or label longer than this is never a field name. */
const MAX_LABEL_LENGTH = 40;

/** `| Started at | 2024-11-02 23:48 UTC |`: the label cell and where the value starts. */
const TABLE_FIELD = /^\s*\|\s*(?:\*\*|__)?([^|*_]{1,40}?)(?:\*\*|__)?\s*\|/;
// Bounded repetitions only: one line of spaces would otherwise be rescanned for every label length.
/** `Started at: …`, `- **Resolved at:** …`, `Duration — 1h 24m`, `発生日時：…`. */
const LABEL_FIELD = /^[ \t]{0,8}(?:[-*•][ \t]{1,3})?(?:\*\*|__)?([^:：*_|\s][^:：*_|]{0,39}?)(?:\*\*|__)?[ \t]{0,3}(?::|：|\s[–—]\s)(?:\*\*|__)?/;

function fieldOf(label: string): WindowField | undefined {
  if (label.length > MAX_LABEL_LENGTH) return undefined;
  // Most labels need neither replacement: each runs only where its character is.
  let normalised = label.trim().toLowerCase();
  if (/[^\S ]| {2}/.test(normalised)) normalised = normalised.replace(/\s+/g, ' ');
  if (normalised.includes('/')) normalised = normalised.replace(/ ?\/ ?/g, '/');
  const labels = windowFieldLabels();
  const field = labels.get(normalised);
  if (field !== undefined) return field;
  const first = normalised.charCodeAt(0);
  // `incident …`, `outage …`, `impact …`.
  return first === 105 || first === 111 ? labels.get(normalised.replace(LABEL_SUBJECT, '')) : undefined;
}

/** Only the first few durations of a line are ever read: comparing those keeps a megabyte line linear. */
const MAX_DURATIONS_PER_LINE = 32;

/**
 * The durations of a text, English and of the languages in use, in order: `2 heures et 30 minutes`
 * is one duration, not the `30 minutes` the English scan sees in it.
 */
export function durationsIn(text: string, base: number): DurationToken[] {
  const foreign = findForeignDurations(text, base).slice(0, MAX_DURATIONS_PER_LINE);
  const english = findDurations(text, base).slice(0, MAX_DURATIONS_PER_LINE);
  if (foreign.length === 0) return english;
  const inside = (d: DurationToken) => foreign.some((f) => f !== d && f.span.start <= d.span.start && d.span.end <= f.span.end && f.span.end - f.span.start > d.span.end - d.span.start);
  return [...english.filter((d) => !inside(d)), ...foreign.filter((d) => !english.some((e) => e.span.start <= d.span.start && d.span.end <= e.span.end))].sort((a, b) => a.span.start - b.span.start);
}

export interface FieldWindow {
  start?: WindowPoint;
  end?: WindowPoint;
  duration?: DurationToken;
}

/** Reads the window fields of an export: table rows and label lines, the first of each field. */
export function readFieldWindow(lines: readonly Line[], pointAt: PointReader): FieldWindow {
  const found: FieldWindow = {};
  for (const line of lines) {
    if (found.start && found.end && found.duration) break;
    const match = TABLE_FIELD.exec(line.text) ?? LABEL_FIELD.exec(line.text);
    if (!match) continue;
    const field = fieldOf(match[1]!);
    if (!field || found[field]) continue;
    const valueStart = match[0].length;
    const value = line.text.slice(valueStart, valueStart + 120);
    if (field === 'duration') {
      const duration = durationsIn(value, line.start + valueStart)[0];
      if (duration) found.duration = duration;
      continue;
    }
    const time = findClockTimes(value, line.start + valueStart)[0];
    if (time?.valid) found[field] = pointAt(line, time);
  }
  return found;
}

/** `On 12 May 2024 (starting 09:40 UTC)` or `(09:40 UTC)` right after the date. */
const PARENTHESISED_START = /\(\s*(?:(?:starting|started|beginning|began|from|since)\s+(?:at\s+)?|at\s+)?~?\s*$/i;
const START_INTRO = /\b(?:starting|started|began|begun|beginning|commenced|kicked off)\s+(?:at\s+|around\s+|about\s+)?~?\s*$/i;

/**
 * A start stated without an end, when the summary says how long it lasted instead: a time in
 * parentheses right after a date, or after "starting"/"began". Only with a stated duration, so
 * a passing "began at 10:00" in a story does not become the window.
 */
export function readStartBeforeDuration(text: string, region: readonly Line[], duration: DurationToken | undefined, pointAt: PointReader): WindowPoint | undefined {
  if (!duration) return undefined;
  for (const line of region) {
    if (line.start > duration.span.start) break;
    for (const time of findClockTimes(line.text, line.start)) {
      if (time.span.start > duration.span.start || !time.valid) break;
      const before = text.slice(Math.max(line.start, time.span.start - 40), time.span.start);
      const afterDate = PARENTHESISED_START.test(before) && findDates(before, 0).some((d) => /^[\s,]*\(/.test(before.slice(d.span.end)));
      if (afterDate || START_INTRO.test(before)) return pointAt(line, time);
    }
  }
  return undefined;
}

/** "lasted", "outage of", "down for": wording that names the outage's own length. */
const OUTAGE_INTRO = /\b(?:lasted|lasting|outage (?:of|lasted)|down for|unavailable for|duration)\b[^.!?]{0,30}$/i;
/** "for another 2 hours", "a further hour", "over the following 3 hours": a tail after the outage. */
const TAIL_INTRO = /\b(?:another|further|additional|following|more|after(?:wards)?|longer)\b[^.!?]{0,20}$|\bfor\s+(?:another|a further)\b/i;

/** How far apart two durations of one statement may stand, and how many of a line are compared. */
const NEAR = 200;
const MAX_CANDIDATES = 32;

export interface ChosenDuration {
  readonly duration: DurationToken;
  /** The other durations in the same sentence, not taken as the outage's. */
  readonly others: readonly Span[];
}

/**
 * Of the durations in the chosen one's sentence, takes the outage's: the one introduced as how
 * long it lasted, over a tail (`for another 2 hours`). Returns the others too, for the hover.
 */
export function outageDuration(text: string, lines: readonly Line[], chosen: DurationToken | undefined): ChosenDuration | undefined {
  if (!chosen) return undefined;
  const line = lines[lineAt(lines, chosen.span.start)];
  if (!line) return { duration: chosen, others: [] };
  const near = (d: DurationToken) => Math.abs(d.span.start - chosen.span.start) <= NEAR;
  const candidates = findDurations(line.text, line.start).slice(0, MAX_CANDIDATES).filter(near);
  if (candidates.length < 2) return { duration: chosen, others: [] };
  const intro = (d: DurationToken) => text.slice(Math.max(line.start, d.span.start - 64), d.span.start);
  const outage = candidates.find((d) => OUTAGE_INTRO.test(intro(d)) && !TAIL_INTRO.test(intro(d)));
  const duration = outage ?? chosen;
  const others = candidates.filter((d) => d !== duration && d.span.start !== duration.span.start).map((d) => d.span);
  return { duration, others };
}


/** Keys that say when it ended: `resolved_at`, `resolvedWhen` (status pages), `ended_at`. */
const FRONT_MATTER_END = /^(?:resolved_?(?:at|on|when|time)|end(?:ed)?(?:_?(?:at|on|time))?|recovered_?at|restored_?at)$/i;

/**
 * The window a page's front matter states, for a document whose text states none: a start key
 * (`started_at`, `start`), or `date` when an end key sits beside it (status pages write the
 * incident's `date` and its `resolvedWhen`; elsewhere a bare `date` is the day a report was
 * published), and an end key, from the front matter's lines (`frontMatterLines`).
 */
export function readFrontMatterWindow(frontMatter: readonly Line[], pointAt: PointReader): { start?: WindowPoint; end?: WindowPoint } {
  let start: WindowPoint | undefined;
  let end: WindowPoint | undefined;
  let dated: WindowPoint | undefined;
  for (const line of frontMatter) {
    const match = STAMPED_KEY.exec(line.text);
    if (!match) continue;
    const key = match[1]!;
    const isStart = THE_START.test(key);
    const isEnd = !isStart && FRONT_MATTER_END.test(key);
    if (!isStart && !isEnd && key.toLowerCase() !== 'date') continue;
    const time = findClockTimes(line.text.slice(key.length), line.start + key.length)[0];
    if (!time?.valid) continue;
    const point = pointAt(line, time);
    if (!point.date) continue;
    if (isStart) start ??= point;
    else if (isEnd) end ??= point;
    else dated ??= point;
  }
  start ??= end ? dated : undefined;
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}
