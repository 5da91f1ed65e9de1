import type { PostmortemDocument, SectionKind, Span } from '../../model';
import { lineEndOf, nextLineStart } from '../../edits/textEdits';
import type { Finding } from '../findings';
import { requiredSectionKinds, templateSectionFor } from '../profiles';
import { DiagnosticCodes, type Rule } from './rule';

/** Facts the quick fix needs; JSON-serialisable. */
export interface MissingSectionData {
  readonly kind: SectionKind;
  /** Every missing kind, when one finding stands for all of them (a document with no sections). */
  readonly kinds?: readonly SectionKind[];
}

/**
 * `missing-section`: a section the chosen profile (or `requiredSections`) asks for is absent.
 * A heading covers every kind it names, so "Root Cause and Resolution" satisfies both. Reported
 * on the document's title (or its first line), one finding per missing kind; a document with no
 * recognised section at all (a bare log) gets one finding naming every kind, since one cause,
 * the missing structure, explains them all.
 */
export const checkMissingSection: Rule = (document, options) => {
  const present = new Set<SectionKind>();
  for (const section of document.allSections) for (const kind of section.kinds) present.add(kind);
  const anchor = anchorSpan(document);
  if (!anchor) return [];
  const why = options.profile ? `the ${options.profile} profile asks for one` : 'a postmortem needs one (requiredSections)';
  const missing = requiredSectionKinds(options).filter((kind) => !present.has(kind));
  const structured = [...present].some((kind) => kind !== 'title' && kind !== 'other');
  if (!structured && missing.length > 1) {
    const data: MissingSectionData = { kind: missing[0]!, kinds: missing };
    return [
      {
        code: DiagnosticCodes.missingSection,
        severity: 'information',
        span: anchor,
        message: `No sections: the document has none of the ${missing.map(kindName).join(', ')} sections; ${options.profile ? `the ${options.profile} profile asks for them` : 'a postmortem needs them (requiredSections)'}`,
        data,
      },
    ];
  }
  const findings: Finding[] = [];
  for (const kind of missing) {
    const template = templateSectionFor(kind, options);
    const data: MissingSectionData = { kind };
    findings.push({
      code: DiagnosticCodes.missingSection,
      severity: 'information',
      span: anchor,
      message: `No ${kindName(kind)} section, such as "${template.title}"; ${why}`,
      data,
    });
  }
  return findings;
};

/** The kind as words: `root-cause` → `root cause`. */
export function kindName(kind: SectionKind): string {
  return kind.replace(/-/g, ' ');
}

/** Where document-level findings go: the title heading, else the first line with text outside front matter. */
export function anchorSpan(document: PostmortemDocument): Span | undefined {
  const first = document.sections[0];
  if (first && first.kind === 'title') return first.titleSpan;
  const text = document.text;
  for (let offset = 0; offset < text.length; offset = nextLineStart(text, offset)) {
    if (document.ignoredSpans.some((span) => offset >= span.start && offset < span.end)) continue;
    const line = text.slice(offset, lineEndOf(text, offset));
    if (line.trim() === '') continue;
    const lead = line.length - line.trimStart().length;
    return { start: offset + lead, end: offset + line.trimEnd().length };
  }
  return first?.titleSpan;
}
