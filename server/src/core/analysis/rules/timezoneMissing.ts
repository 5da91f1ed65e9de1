import type { PostmortemDocument, Span } from '../../model';
import { DiagnosticCodes, quote, type Rule } from './rule';

/** Facts the quick fixes need; JSON-serialisable. */
export interface TimezoneMissingData {
  /** Zones worth offering: the configured default first, then UTC. */
  readonly candidates: readonly string[];
}

/**
 * `timezone-missing`: the timeline has clock times but the document never says which zone
 * they are in: not on an entry, the timeline heading, an `All times in` line, a table header,
 * the summary or anywhere else the parser found a zone. One finding, on the timeline heading
 * (or the first timed entry). A configured `defaultTimeZone` answers the question.
 */
export const checkTimezoneMissing: Rule = (document, options) => {
  if (options.defaultTimeZone) return [];
  const timed = document.timeline.entries.filter((entry) => entry.time !== undefined);
  if (timed.length === 0) return [];
  if (document.timeline.zone || document.window.zone || document.zones.length > 0) return [];
  if (timed.some((entry) => entry.zone || entry.ownZone)) return [];

  const heading = document.timeline.section;
  const span: Span = heading ? heading.titleSpan : timed[0]!.time!.span;
  const first = quote(document, timed[0]!.time!.span);
  const data: TimezoneMissingData = { candidates: candidateZones(document) };
  const where = heading ? `The timeline "${quote(document, heading.titleSpan)}"` : 'The timeline';
  return [
    {
      code: DiagnosticCodes.timezoneMissing,
      severity: 'warning',
      span,
      message: `${where} gives times (${first}${timed.length > 1 ? ` and ${timed.length - 1} more` : ''}) but no time zone, on the entries, the heading or in the summary`,
      data,
    },
  ];
};

/** Zones a fix may offer: the ones the document already names, then UTC. */
export function candidateZones(document: PostmortemDocument): string[] {
  const names = document.zones.map((zone) => zone.name);
  return [...new Set([...names, 'UTC'])];
}
