import type { PostmortemDocument, Span, TimelineEntry, Zone } from '../../model';
import { lineEndOf, lineStartOf } from '../../edits/textEdits';
import type { Finding } from '../findings';
import { sameZoneFamily } from '../timeAxis';
import { DiagnosticCodes, quote, type Rule } from './rule';

/**
 * `timezone-mixed`: timeline times in zones that disagree, with no conversion stated. Two
 * cases: entries stamped in a zone other than the one the timeline declares (a Pacific
 * heading over UTC entries), and, with no declared zone, entries stamped in different zones
 * (PST next to UTC). One finding per disagreeing zone, on its first entry.
 *
 * Not mixed: zones that name the same clock (UTC, GMT, Z), and one region's standard and
 * daylight names (PST and PDT), which authors use interchangeably for "local time". An entry,
 * heading or `All times in` line that itself names two zones states a conversion.
 */
export const checkTimezoneMixed: Rule = (document) => {
  const timelineZone = document.timeline.zone;
  if (!document.timeline.entries.some((entry) => entry.ownZone !== undefined && entry.time !== undefined)) return [];
  const zones = zonesByStart(document);
  if (timelineZone && statesConversion(zones, lineAround(document, timelineZone.span))) return [];

  // Stamped entries whose line states no conversion; and, for want of a declared timeline
  // zone, the zones of every timed entry in that case (inherited zones only when their own
  // line states none either), of which the one most entries are in is the reference.
  const unconverted: (TimelineEntry & { ownZone: Zone })[] = [];
  const inForce: Zone[] = [];
  const inheritedConversions = new Map<Zone, boolean>();
  const inheritedStatesConversion = (zone: Zone) => {
    let states = inheritedConversions.get(zone);
    if (states === undefined) {
      states = statesConversion(zones, lineAround(document, zone.span));
      inheritedConversions.set(zone, states);
    }
    return states;
  };
  for (const entry of document.timeline.entries) {
    if (!entry.time) continue;
    const countsForReference = !timelineZone && entry.zone !== undefined;
    if (entry.ownZone === undefined && !countsForReference) continue;
    if (statesConversion(zones, entry.lineSpan)) continue;
    if (entry.ownZone !== undefined) unconverted.push(entry as TimelineEntry & { ownZone: Zone });
    if (countsForReference && (entry.ownZone !== undefined || !inheritedStatesConversion(entry.zone!))) inForce.push(entry.zone!);
  }
  const reference = timelineZone ?? majorityZone(inForce);
  if (!reference) return [];
  const findings: Finding[] = [];
  const reported: Zone[] = [];
  for (const entry of unconverted) {
    const zone = entry.ownZone;
    if (sameZoneFamily(zone, reference) || reported.some((r) => sameZoneFamily(r, zone))) continue;
    reported.push(zone);
    const count = unconverted.filter((e) => sameZoneFamily(e.ownZone, zone)).length;
    const where = timelineZone
      ? `the timeline's zone, ${quote(document, timelineZone.span)}`
      : reference.source === 'entry'
        ? `${quote(document, reference.span)} on the other entries`
        : `${quote(document, reference.span)}, the zone the summary gives the other entries`;
    findings.push({
      code: DiagnosticCodes.timezoneMixed,
      severity: 'warning',
      span: zone.span,
      message:
        `${quote(document, zone.span)} on ${count > 1 ? `${count} entries` : 'this entry'} disagrees with ${where}, ` +
        'and no conversion is given',
      related: [
        {
          span: reference.span,
          message: timelineZone ? 'the zone declared for the timeline' : 'the zone most entries use',
        },
      ],
    });
  }
  return findings;
};

/** The zone most entries share (by family); the earliest wins a tie. */
function majorityZone(zones: readonly Zone[]): Zone | undefined {
  // Zones with one name and offset compare alike, and a timeline uses a handful of them: count
  // those once each instead of comparing every zone with every other.
  const signature = (zone: Zone) => `${zone.name}\u0000${zone.offsetMinutes ?? ''}`;
  const distinct = new Map<string, { zone: Zone; count: number }>();
  for (const zone of zones) {
    const key = signature(zone);
    const seen = distinct.get(key);
    if (seen) seen.count++;
    else distinct.set(key, { zone, count: 1 });
  }
  let best: Zone | undefined;
  let bestCount = 0;
  for (const { zone } of distinct.values()) {
    let count = 0;
    for (const other of distinct.values()) if (sameZoneFamily(other.zone, zone)) count += other.count;
    if (count > bestCount) {
      best = zone;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Whether the text of `span` names two zones that are not the same clock ("10:00 PST (18:00 UTC)").
 * `sorted`: the document's zones by start offset.
 */
function statesConversion(sorted: readonly Zone[], span: Span): boolean {
  let first: Zone | undefined;
  let inside: Zone[] | undefined;
  for (let i = firstStartingAtOrAfter(sorted, span.start); i < sorted.length && sorted[i]!.span.start <= span.end; i++) {
    const zone = sorted[i]!;
    if (zone.span.end > span.end) continue;
    // Most lines name one zone, which is always of its own family: no list is made for it.
    if (!first) first = zone;
    else (inside ??= [first]).push(zone);
  }
  return inside !== undefined && inside.some((a) => inside.some((b) => !sameZoneFamily(a, b)));
}

/** Zones by start offset, per model, so each line's zones are found by binary search. */
const sortedZonesByModel = new WeakMap<PostmortemDocument, readonly Zone[]>();

function zonesByStart(document: PostmortemDocument): readonly Zone[] {
  let sorted = sortedZonesByModel.get(document);
  if (!sorted) {
    sorted = [...document.zones].sort((a, b) => a.span.start - b.span.start);
    sortedZonesByModel.set(document, sorted);
  }
  return sorted;
}

function firstStartingAtOrAfter(sorted: readonly Zone[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.span.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lineAround(document: PostmortemDocument, span: Span): Span {
  return { start: lineStartOf(document.text, span.start), end: lineEndOf(document.text, span.end) };
}
