import type { TimePoint } from '../analysis/timeAxis';
import { estimateTextWidth } from './svgText';

const MINUTES_PER_DAY = 1440;
const DAY = MINUTES_PER_DAY;

/**
 * Tick steps in minutes, from a minute to a year. Every step under a day divides a day, so
 * midnight is always a tick and a day boundary carries its date.
 */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 91 * DAY, 182 * DAY, 364 * DAY];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A labelled tick of the time axis. */
export interface AxisTick {
  /** Wall-clock minutes on the parser's axis (see `TimelineEntry.minutes`). */
  readonly minutes: number;
  readonly label: string;
  /** The tick starts a day: its label is the day, and a day boundary is drawn. */
  readonly dayStart: boolean;
}

/**
 * Ticks for the wall-clock range `[from, to]` drawn over `widthPx`: the finest step whose
 * labels stay at least a label's width apart. Labels read `HH:MM` within a day and the date
 * (`Jan 16`, or `Day 2` when no date is known) where a day starts.
 */
export function axisTicks(from: number, to: number, widthPx: number, dated: boolean, fontSize: number): AxisTick[] {
  const span = Math.max(to - from, 1);
  const widest = estimateTextWidth(dated ? 'Mmm 00' : 'Day 000', fontSize, true) + 14;
  const step = STEPS.find((candidate) => (candidate / span) * widthPx >= widest) ?? Math.ceil(span / DAY) * DAY;
  const ticks: AxisTick[] = [];
  for (let minutes = Math.ceil(from / step) * step; minutes <= to; minutes += step) {
    const dayStart = minutes % DAY === 0;
    ticks.push({ minutes, dayStart, label: dayStart ? dayLabel(minutes, dated) : clockLabel(minutes) });
  }
  return ticks;
}

/** `HH:MM` of wall-clock minutes. */
export function clockLabel(minutes: number): string {
  const ofDay = ((Math.round(minutes) % DAY) + DAY) % DAY;
  return `${String(Math.floor(ofDay / 60)).padStart(2, '0')}:${String(ofDay % 60).padStart(2, '0')}`;
}

/** `Jan 16` for a dated axis, `Day 2` for an undated one (day 0 is the first day). */
export function dayLabel(minutes: number, dated: boolean): string {
  const day = Math.floor(minutes / DAY);
  if (!dated) return `Day ${day + 1}`;
  const date = new Date(day * 86_400_000);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** `2024-01-16` for a dated axis, `Day 2` for an undated one. */
export function longDayLabel(minutes: number, dated: boolean): string {
  if (!dated) return dayLabel(minutes, false);
  return new Date(Math.floor(minutes / DAY) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The point a drawing measures every other from: the first with a clock time, dated if any is,
 * so undated times line up on its day and date-only entries at their midnight.
 */
export function referencePoint(points: readonly TimePoint[]): TimePoint | undefined {
  return points.find((p) => p.dated && !p.dayOnly) ?? points.find((p) => !p.dayOnly) ?? points[0];
}
