import type { CalendarDate, ClockTime, TimelineEntry } from './model';

/**
 * Normalised text for times and dates, shared by the outline, the CLI's JSON and messages, so
 * every surface writes `22:05` or `2024-08-15 14:32 UTC` the same way.
 */

const pad2 = (n: number): string => {
  const whole = Math.trunc(n);
  // Same as `String(whole).padStart(2, '0')`, cheaper: outlines label thousands of entries.
  return whole >= 0 && whole < 10 ? `0${whole}` : String(whole);
};

/** `HH:MM` (or `HH:MM:SS` when seconds were written) on the 24-hour clock the author meant. */
export function formatClockTime(time: ClockTime): string {
  const base = `${pad2(time.hour)}:${pad2(time.minute)}`;
  return time.second === undefined ? base : `${base}:${pad2(time.second)}`;
}

/** `YYYY-MM-DD`, or undefined when the author left the year out. */
export function formatIsoDate(date: CalendarDate): string | undefined {
  if (date.year === undefined) return undefined;
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** `YYYY-MM-DD`, or `MM-DD` when the year is unknown (for display, not for machine output). */
export function formatDisplayDate(date: CalendarDate): string {
  return formatIsoDate(date) ?? `${pad2(date.month)}-${pad2(date.day)}`;
}

/**
 * When an entry happened, as one short label: date in force, time (with the end of a range),
 * zone in force. `~` marks an approximate time. E.g. `22:05`, `2024-08-15 14:32 UTC`,
 * `13:20-13:50 UTC`, `2024-08-15` for a date-only entry. Empty when nothing is known.
 */
export function describeEntryTime(entry: TimelineEntry): string {
  const date = entry.date ? formatDisplayDate(entry.date) : undefined;
  if (!entry.time) return date ?? '';
  let time = `${entry.time.approximate ? '~' : ''}${formatClockTime(entry.time)}`;
  if (entry.endTime) time += `-${formatClockTime(entry.endTime)}`;
  const label = date === undefined ? time : `${date} ${time}`;
  return entry.zone ? `${label} ${entry.zone.name}` : label;
}
