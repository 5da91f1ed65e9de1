import type { PostmortemDocument, Span } from '../model';
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
import { verifiedSectionInsertion } from './insertSection';
import { rewriteDurationEdit } from './rewriteDuration';
import type { TimelineGroup } from '../analysis/timelineGroups';
import { groupAt, sortTimelineGroupEdits } from './sortTimeline';
import { editsOverlap, type QuickFix, type SpanEdit } from './textEdits';
import { actionItemFixes, itemStartingAt } from './actionItemEdits';
import type { ActionItemFindingData } from '../analysis/actionReview';
import { editsRemoveFinding, findingsAfterEdits, mapSpan } from './verifyFix';

/**
 * The quick fixes for one finding, the preferred one first; none when nothing evident can be
 * done. Fixes whose effect depends on how the edited text is read again (an AM/PM switch, a
 * sort, a rewritten duration, a new section) are offered only when a fresh parse of the edited
 * text shows the finding gone; the answer is kept with the model, so asking again costs nothing.
 */
export function quickFixesFor(document: PostmortemDocument, finding: Finding, options: PostmortemOptions): QuickFix[] {
  // Several findings share a span (every missing section sits on the title): the key is the whole finding.
  const key = `fixes ${finding.code} ${finding.span.start} ${finding.span.end} ${JSON.stringify(finding.data ?? null)} ${finding.message}`;
  return [...memo(document, options, key, () => computeQuickFixes(document, finding, options))];
}

function computeQuickFixes(document: PostmortemDocument, finding: Finding, options: PostmortemOptions): QuickFix[] {
  const fix = (title: string, edits: readonly SpanEdit[], preferred: boolean, safe: boolean): QuickFix => ({
    title,
    code: finding.code,
    findingSpan: finding.span,
    edits,
    preferred,
    safe,
  });
  const removes = (edits: readonly SpanEdit[]) => editsRemoveFinding(document, finding, edits, options, findingsBefore(document, options, finding.code));
  switch (finding.code) {
    case DiagnosticCodes.timelineOrder: {
      const data = finding.data as TimelineOrderData | undefined;
      const fixes: QuickFix[] = [];
      if (data?.meridiemFix && removes(data.meridiemFix.edits)) {
        const count = data.meridiemFix.edits.length;
        fixes.push(fix(`Change to ${data.meridiemFix.corrected}${count > 1 ? ` (and the ${count - 1} entries after it)` : ''}`, data.meridiemFix.edits, true, true));
      }
      const group = groupAt(document, finding.span);
      const sort = group ? verifiedSort(document, group, options) : [];
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
      // The parser may take another duration phrase as the stated one once this one is rewritten.
      if (!edit || !removes([edit])) return [];
      const basis = data.basis === 'window' ? 'the stated start and end' : 'the timeline';
      return [fix(`Change the stated duration to ${edit.newText} (${formatDuration(data.expected)}, from ${basis})`, [edit], true, false)];
    }
    case DiagnosticCodes.missingSection: {
      const data = finding.data as MissingSectionData | undefined;
      if (!data) return [];
      // The finding for a document with no sections stands for every kind: adding one section
      // would only split it into one finding per remaining kind, so it offers no single fix.
      if (data.kinds) return [];
      const title = templateSectionFor(data.kind, options).title;
      const edit = verifiedSectionInsertion(document, data.kind, options);
      return edit ? [fix(`Add a "${title}" section (${kindName(data.kind)})`, [edit], true, false)] : [];
    }
    case DiagnosticCodes.actionItemOwner:
    case DiagnosticCodes.actionItemDue:
    case DiagnosticCodes.actionItemTicket:
    case DiagnosticCodes.actionItemOverdue: {
      const data = finding.data as ActionItemFindingData | undefined;
      const item = data ? itemStartingAt(document, data.itemStart) : undefined;
      return item ? actionItemFixes(document, item, options, finding.code, finding.span) : [];
    }
    default:
      return [];
  }
}

/**
 * The sort of a timeline group, when sorting leaves the group in order as the
 * `timeline-order` rule reads it: fewer findings than before and none within the group. A
 * group the sort cannot put in order (entries dated on their own among undated ones can still
 * read out of order once moved) gets no sort fix; the AM/PM fix, or the author, has to settle it.
 */
function verifiedSort(document: PostmortemDocument, group: TimelineGroup, options: PostmortemOptions): readonly SpanEdit[] {
  const first = group.entries[0];
  return memo(document, options, `sort ${first?.span.start}`, () => {
    const edits = sortTimelineGroupEdits(document, group);
    if (edits.length === 0) return [];
    const region: Span = { start: Math.min(...edits.map((e) => e.span.start)), end: Math.max(...edits.map((e) => e.span.end)) };
    const before = findingsBefore(document, options, DiagnosticCodes.timelineOrder);
    const after = findingsAfterEdits(document, edits, options, DiagnosticCodes.timelineOrder);
    const moved = mapSpan(region, edits);
    const left = after.findings.filter((f) => f.span.start < moved.end && f.span.end > moved.start);
    return after.findings.length < before.length && left.length === 0 ? edits : [];
  });
}

/**
 * The edits of every safe quick fix (`source.fixAll.postmortem`): evident time corrections
 * only. Fixes whose edits would overlap an earlier one are left for the next run. AM/PM
 * switches are checked together, on one fresh parse of the text with every chosen edit
 * applied: a switch whose finding is still there is dropped and the rest checked again.
 */
export function fixAllEdits(document: PostmortemDocument, options: PostmortemOptions): SpanEdit[] {
  const chosen: { finding: Finding; edits: readonly SpanEdit[] }[] = [];
  for (const finding of checkDocument(document, options)) {
    for (const fix of candidateSafeFixes(finding)) {
      if (chosen.some((c) => editsOverlap(c.edits, fix))) continue;
      chosen.push({ finding, edits: fix });
      break;
    }
  }
  let kept = chosen;
  for (let attempt = 0; attempt < 3; attempt++) {
    const switches = kept.filter((c) => c.finding.code === DiagnosticCodes.timelineOrder);
    if (switches.length === 0) break;
    const all = kept.flatMap((c) => c.edits);
    const after = findingsAfterEdits(document, all, options, DiagnosticCodes.timelineOrder);
    const stillThere = new Set(
      switches.filter((c) => {
        const moved = mapSpan(c.finding.span, all);
        return after.findings.some((f) => f.span.start === moved.start && f.span.end === moved.end);
      }),
    );
    if (stillThere.size === 0) break;
    kept = kept.filter((c) => !stillThere.has(c));
    if (attempt === 2) kept = kept.filter((c) => c.finding.code !== DiagnosticCodes.timelineOrder);
  }
  return kept.flatMap((c) => c.edits);
}

/** The safe fixes a finding may contribute to fix-all, before any check of their effect. */
function candidateSafeFixes(finding: Finding): (readonly SpanEdit[])[] {
  switch (finding.code) {
    case DiagnosticCodes.timelineOrder: {
      const data = finding.data as TimelineOrderData | undefined;
      return data?.meridiemFix ? [data.meridiemFix.edits] : [];
    }
    case DiagnosticCodes.invalidTime: {
      const data = finding.data as InvalidTimeData | undefined;
      return data?.fix ? [[data.fix]] : [];
    }
    default:
      return [];
  }
}

/** The findings of one code on the document as it stands, for comparing with an edited text. */
function findingsBefore(document: PostmortemDocument, options: PostmortemOptions, code: string): readonly Finding[] {
  return memo(document, options, `findings ${code}`, () => checkDocument(document, options, code));
}

/**
 * Answers kept with the model and the options: a model never changes and each version gets a
 * new one, and code actions ask again for the same version as the cursor moves.
 */
const answers = new WeakMap<PostmortemDocument, WeakMap<PostmortemOptions, Map<string, unknown>>>();

function memo<T>(document: PostmortemDocument, options: PostmortemOptions, key: string, compute: () => T): T {
  let byOptions = answers.get(document);
  if (!byOptions) answers.set(document, (byOptions = new WeakMap()));
  let byKey = byOptions.get(options);
  if (!byKey) byOptions.set(options, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}
