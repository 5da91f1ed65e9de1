import type { PostmortemDocument } from '../model';
import type { PostmortemOptions } from '../options';
import type { Finding } from '../analysis/findings';
import { checkDocument } from '../analysis/check';
import { DiagnosticCodes } from '../analysis/rules/rule';
import type { TimelineOrderData } from '../analysis/rules/timelineOrder';
import type { InvalidTimeData } from '../analysis/rules/invalidTime';
import type { TimezoneMissingData } from '../analysis/rules/timezoneMissing';
import type { DurationMismatchData } from '../analysis/rules/durationMismatch';
import type { MissingSectionData } from '../analysis/rules/missingSection';
import { kindName } from '../analysis/rules/missingSection';
import { formatDuration } from '../analysis/durationText';
import { templateSectionFor } from '../analysis/profiles';
import { addAllTimesLineEdit, addZoneToEntriesEdits } from './addZone';
import { insertSectionEdit } from './insertSection';
import { rewriteDurationEdit } from './rewriteDuration';
import { groupAt, sortTimelineGroupEdits } from './sortTimeline';
import { editsOverlap, type QuickFix, type SpanEdit } from './textEdits';

/** The quick fixes for one finding, the preferred one first; none when nothing evident can be done. */
export function quickFixesFor(document: PostmortemDocument, finding: Finding, options: PostmortemOptions): QuickFix[] {
  const fix = (title: string, edits: readonly SpanEdit[], preferred: boolean, safe: boolean): QuickFix => ({
    title,
    code: finding.code,
    findingSpan: finding.span,
    edits,
    preferred,
    safe,
  });
  switch (finding.code) {
    case DiagnosticCodes.timelineOrder: {
      const data = finding.data as TimelineOrderData | undefined;
      const fixes: QuickFix[] = [];
      if (data?.meridiemFix) {
        const count = data.meridiemFix.edits.length;
        fixes.push(fix(`Change to ${data.meridiemFix.corrected}${count > 1 ? ` (and the ${count - 1} entries after it)` : ''}`, data.meridiemFix.edits, true, true));
      }
      const group = groupAt(document, finding.span);
      const sort = group ? sortTimelineGroupEdits(document, group) : [];
      if (sort.length > 0) fixes.push(fix('Sort the timeline chronologically', sort, fixes.length === 0, false));
      return fixes;
    }
    case DiagnosticCodes.invalidTime: {
      const data = finding.data as InvalidTimeData | undefined;
      return data?.fix ? [fix(`Change to ${data.fix.newText}`, [data.fix], true, true)] : [];
    }
    case DiagnosticCodes.timezoneMissing: {
      const data = finding.data as TimezoneMissingData | undefined;
      const zones = data?.candidates ?? ['UTC'];
      const fixes: QuickFix[] = [];
      zones.forEach((zone, index) => {
        const line = addAllTimesLineEdit(document, zone);
        if (line) fixes.push(fix(`Add "All times in ${zone}." to the timeline`, [line], index === 0, false));
      });
      zones.forEach((zone) => {
        const edits = addZoneToEntriesEdits(document, zone);
        if (edits.length > 0) fixes.push(fix(`Add ${zone} to each timeline entry`, edits, false, false));
      });
      return fixes;
    }
    case DiagnosticCodes.durationMismatch: {
      const data = finding.data as DurationMismatchData | undefined;
      if (!data) return [];
      const edit = rewriteDurationEdit(document, data.expected);
      if (!edit) return [];
      const basis = data.basis === 'window' ? 'the stated start and end' : 'the timeline';
      return [fix(`Change the stated duration to ${edit.newText} (${formatDuration(data.expected)}, from ${basis})`, [edit], true, false)];
    }
    case DiagnosticCodes.missingSection: {
      const data = finding.data as MissingSectionData | undefined;
      if (!data) return [];
      const title = templateSectionFor(data.kind, options).title;
      return [fix(`Add a "${title}" section (${kindName(data.kind)})`, [insertSectionEdit(document, data.kind, options)], true, false)];
    }
    default:
      return [];
  }
}

/**
 * The edits of every safe quick fix (`source.fixAll.postmortem`): evident time corrections
 * only. Fixes whose edits would overlap an earlier one are left for the next run.
 */
export function fixAllEdits(document: PostmortemDocument, options: PostmortemOptions): SpanEdit[] {
  const chosen: SpanEdit[] = [];
  for (const finding of checkDocument(document, options)) {
    for (const fix of quickFixesFor(document, finding, options)) {
      if (!fix.safe || editsOverlap(chosen, fix.edits)) continue;
      chosen.push(...fix.edits);
      break;
    }
  }
  return chosen;
}
