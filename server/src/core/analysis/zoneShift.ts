import type { IncidentWindow, TimelineEntry, Zone } from '../model';
import { sameZoneFamily, type TimePoint } from './timeAxis';

/**
 * When every timed entry lies outside the summary's window and the two are written in
 * different zones (or one states none), the entries are rarely all wrong: the summary was
 * converted to the readers' zone, or the timeline was left in the tool's. This module tells
 * the two cases apart by the offsets: a whole or half-hour shift that brings most entries into
 * the window is the conversion the author made.
 */

/**
 * Offsets tried, in minutes: whole hours from 1 to 14 either way, nearest first, then the
 * half hours (UTC+5:30); on a tie the earlier wins, so a whole hour is preferred.
 */
const CANDIDATE_SHIFTS: readonly number[] = (() => {
  const shifts: number[] = [];
  for (let hours = 1; hours <= 14; hours++) shifts.push(hours * 60, -hours * 60);
  for (let hours = 0; hours < 14; hours++) shifts.push(hours * 60 + 30, -(hours * 60 + 30));
  return shifts;
})();

/** Whether the window and the entries are written in zones that disagree (or one has none). */
export function zonesDisagree(window: IncidentWindow, entries: readonly TimelineEntry[]): Zone | 'none' | undefined {
  const windowZone = window.zone;
  for (const entry of entries) {
    const zone = entry.zone;
    if (!entry.time || zone === undefined) continue;
    if (windowZone === undefined) return zone;
    if (zone !== windowZone && !sameZoneFamily(zone, windowZone)) return zone;
  }
  return windowZone !== undefined && entries.some((e) => e.time && e.zone === undefined) ? 'none' : undefined;
}

/** An entry's distance outside the window: minutes before the start (positive), after the end (positive). */
export type OutsideGap = (point: TimePoint, shift: number) => { readonly before: number; readonly after: number };

/**
 * The shift (minutes to add to the entries' clock) that brings at least half the entries, and
 * at least two, inside the window within `tolerance`; the one that brings in the most, the
 * smallest on a tie. Undefined when none does: the offsets do not make a conversion evident.
 */
export function evidentShift(points: readonly TimePoint[], gap: OutsideGap, tolerance: number): number | undefined {
  const needed = Math.max(2, Math.ceil(points.length / 2));
  let best: number | undefined;
  let bestInside = 0;
  for (const shift of CANDIDATE_SHIFTS) {
    let inside = 0;
    for (const point of points) {
      const { before, after } = gap(point, shift);
      if (before <= tolerance && after <= tolerance) inside++;
    }
    if (inside > bestInside) {
      best = shift;
      bestInside = inside;
    }
  }
  return bestInside >= needed ? best : undefined;
}

/** `+7 h`, `−5 h 30 min`: a shift as the messages write it. */
export function describeShift(shift: number): string {
  const sign = shift < 0 ? '−' : '+';
  const hours = Math.floor(Math.abs(shift) / 60);
  const minutes = Math.abs(shift) % 60;
  return `${sign}${hours} h${minutes ? ` ${minutes} min` : ''}`;
}
