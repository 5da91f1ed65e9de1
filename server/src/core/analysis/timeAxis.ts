import type { ClockTime, IncidentWindow, TimelineEntry, Zone } from '../model';

const MINUTES_PER_DAY = 1440;

/**
 * Whether minutes on the parser's axis carry a calendar day. Undated times sit on day 0 plus
 * a few rolled-over days; anything past day 1000 (1972) was placed by a date, whether the
 * date was written on the entry or carried over from the summary.
 */
export function isDatedMinutes(minutes: number): boolean {
  return minutes >= 1000 * MINUTES_PER_DAY;
}

/**
 * A moment read from the document, ready for arithmetic with another one.
 *
 * `minutes` is on the parser's axis (days since 1970-01-01 times 1440 plus the minute of the
 * day, wall clock in the zone the author wrote). Differences between two points go through
 * {@link minutesBetween}, which converts zones and lines up dated and undated points.
 */
export interface TimePoint {
  /** Minutes on the parser's axis (fractional when seconds were written). */
  readonly minutes: number;
  /** Whether a calendar date fixed the day; undated points sit on day 0 plus their rollover days. */
  readonly dated: boolean;
  /** Only the day is known (a date-only timeline entry): compare whole days only. */
  readonly dayOnly: boolean;
  /** The zone's offset from UTC in minutes, when the zone in force is known. */
  readonly offsetMinutes?: number;
  /** The zone in force, for display. */
  readonly zone?: Zone;
  /** The clock time as written, when there is one. */
  readonly time?: ClockTime;
}

/**
 * The point of a timeline entry: its time on the common axis, or, for a date-only entry, its
 * day (the parser places those at midnight; they compare by whole days).
 */
export function entryPoint(entry: TimelineEntry): TimePoint | undefined {
  if (entry.minutes === undefined || !Number.isFinite(entry.minutes) || entry.time?.valid === false) return undefined;
  return {
    minutes: entry.minutes,
    dated: isDatedMinutes(entry.minutes),
    dayOnly: entry.time === undefined,
    offsetMinutes: entry.zone?.offsetMinutes,
    zone: entry.zone,
    time: entry.time,
  };
}

/** The stated start of the incident window, when it has a usable time. */
export function windowStartPoint(window: IncidentWindow): TimePoint | undefined {
  return windowPoint(window.startMinutes, window.start, window.zone);
}

/** The stated end of the incident window, when it has a usable time. */
export function windowEndPoint(window: IncidentWindow): TimePoint | undefined {
  return windowPoint(window.endMinutes, window.end, window.zone);
}

function windowPoint(minutes: number | undefined, time: ClockTime | undefined, zone: Zone | undefined): TimePoint | undefined {
  if (minutes === undefined || time?.valid === false) return undefined;
  return { minutes, dated: isDatedMinutes(minutes), dayOnly: false, offsetMinutes: zone?.offsetMinutes, zone, time };
}

/**
 * Minutes from `from` to `to` (negative when `to` is earlier).
 *
 * Zones: when both points carry a known offset the difference is taken in UTC; when either
 * lacks one, both are read as the same wall clock (the author's usual meaning). A dated and an
 * undated point are lined up on the dated point's day, because an undated time in a dated
 * document belongs to the day being described, not to 1970. Date-only points compare by day.
 */
export function minutesBetween(from: TimePoint, to: TimePoint): number {
  return difference(from, to, true);
}

/** {@link minutesBetween} with both points read as wall clocks: zone offsets are left out. */
export function wallClockMinutesBetween(from: TimePoint, to: TimePoint): number {
  return difference(from, to, false);
}

function difference(from: TimePoint, to: TimePoint, convertZones: boolean): number {
  let fromMinutes = from.minutes;
  let toMinutes = to.minutes;
  if (from.dated !== to.dated) {
    if (from.dated) toMinutes += dayStart(from.minutes);
    else fromMinutes += dayStart(to.minutes);
  }
  if (from.dayOnly || to.dayOnly) {
    return (dayStart(toMinutes) - dayStart(fromMinutes));
  }
  if (convertZones && from.offsetMinutes !== undefined && to.offsetMinutes !== undefined) {
    fromMinutes -= from.offsetMinutes;
    toMinutes -= to.offsetMinutes;
  }
  return toMinutes - fromMinutes;
}

function dayStart(minutes: number): number {
  return Math.floor(minutes / MINUTES_PER_DAY) * MINUTES_PER_DAY;
}

/** Whether two zones name the same clock: equal names, or the same known offset. */
function sameZoneClock(a: Zone, b: Zone): boolean {
  // Most comparisons are between entries stamped alike: equal names need no normalising.
  if (a.name === b.name || normaliseZoneName(a.name) === normaliseZoneName(b.name)) return true;
  return a.offsetMinutes !== undefined && a.offsetMinutes === b.offsetMinutes;
}

/**
 * Regional families whose standard and daylight names authors use interchangeably for "local
 * time" (PST written in September means Pacific time). Zones of one family never count as mixed.
 */
const ZONE_FAMILIES: readonly (readonly string[])[] = [
  ['PST', 'PDT', 'PT', 'PACIFIC', 'PACIFIC TIME', 'PACIFIC STANDARD TIME', 'PACIFIC DAYLIGHT TIME'],
  ['MST', 'MDT', 'MT', 'MOUNTAIN', 'MOUNTAIN TIME', 'MOUNTAIN STANDARD TIME', 'MOUNTAIN DAYLIGHT TIME'],
  ['CST', 'CDT', 'CT', 'CENTRAL', 'CENTRAL TIME', 'CENTRAL STANDARD TIME', 'CENTRAL DAYLIGHT TIME'],
  ['EST', 'EDT', 'ET', 'EASTERN', 'EASTERN TIME', 'EASTERN STANDARD TIME', 'EASTERN DAYLIGHT TIME'],
  ['GMT', 'BST', 'UTC', 'Z', 'UTC+0', 'UTC+00:00', 'GMT+0', 'GMT+00:00', 'GREENWICH MEAN TIME', 'BRITISH SUMMER TIME', 'UK TIME', 'LONDON TIME'],
  ['CET', 'CEST', 'CENTRAL EUROPEAN TIME', 'CENTRAL EUROPEAN SUMMER TIME'],
  ['EET', 'EEST', 'EASTERN EUROPEAN TIME'],
  ['AEST', 'AEDT', 'AUSTRALIAN EASTERN TIME'],
];

/** Whether two zones are one region's standard and daylight names (PST and PDT), or the same clock. */
export function sameZoneFamily(a: Zone, b: Zone): boolean {
  if (sameZoneClock(a, b)) return true;
  const aFamilies = familiesByName.get(normaliseZoneName(a.name));
  const bFamilies = familiesByName.get(normaliseZoneName(b.name));
  return aFamilies !== undefined && bFamilies !== undefined && aFamilies.some((family) => bFamilies.includes(family));
}

/** The indexes in {@link ZONE_FAMILIES} of the families each name belongs to. */
const familiesByName = new Map<string, number[]>();
ZONE_FAMILIES.forEach((family, index) => {
  for (const name of family) {
    const families = familiesByName.get(name);
    if (families) families.push(index);
    else familiesByName.set(name, [index]);
  }
});

/** Zone comparisons run per entry pair; a document names only a handful of zones. */
const normalisedZoneNames = new Map<string, string>();

function normaliseZoneName(name: string): string {
  let normalised = normalisedZoneNames.get(name);
  if (normalised === undefined) {
    normalised = name.trim().replace(/\s+/g, ' ').replace(/\s*([+-])\s*/g, '$1').toUpperCase();
    // Bounded: text that is not a postmortem can produce any number of distinct names.
    if (normalisedZoneNames.size >= 1000) normalisedZoneNames.clear();
    normalisedZoneNames.set(name, normalised);
  }
  return normalised;
}
