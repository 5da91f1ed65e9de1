import type { Section, SectionKind } from '../../model';
import { normaliseTitle } from '../../parse/sectionKinds';
import type { Finding } from '../findings';
import { DiagnosticCodes, quote, type Rule } from './rule';

/**
 * Kinds a document has once. Lessons learned and corrective actions are left out: templates
 * split them on purpose ("What went well" / "What went wrong", "Improvements" / "Tasks").
 */
const SINGLE_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['summary', 'impact', 'timeline', 'root-cause', 'resolution', 'detection']);

/**
 * `duplicate-section`: two sibling sections with the same heading (warning), or covering the
 * same single-instance kind ("Root Cause" next to "Root Cause and Resolution"; information).
 * Sections under different parents (one incident each on a status page) are not compared.
 */
export const checkDuplicateSection: Rule = (document) => {
  const findings: Finding[] = [];
  const visit = (siblings: readonly Section[]) => {
    siblings.forEach((section, index) => {
      const earlier = siblings.slice(0, index);
      const sameTitle = earlier.find((other) => normaliseTitle(other.title) === normaliseTitle(section.title) && section.kind !== 'title');
      const sharedKind = section.kinds.find((kind) => SINGLE_KINDS.has(kind));
      const sameKind = sharedKind ? earlier.find((other) => other.kinds.includes(sharedKind)) : undefined;
      const first = sameTitle ?? sameKind;
      if (first) {
        const title = quote(document, section.titleSpan);
        const firstTitle = quote(document, first.titleSpan);
        findings.push({
          code: DiagnosticCodes.duplicateSection,
          severity: sameTitle ? 'warning' : 'information',
          span: section.titleSpan,
          message: sameTitle
            ? `The section "${title}" appears twice; the first is above`
            : `"${title}" covers the ${sharedKind!.replace(/-/g, ' ')} again, after "${firstTitle}"`,
          related: [{ span: first.titleSpan, message: `the first ${sameTitle ? 'one' : `${sharedKind!.replace(/-/g, ' ')} section`}` }],
        });
      }
      visit(section.children);
    });
  };
  visit(document.sections);
  return findings;
};
