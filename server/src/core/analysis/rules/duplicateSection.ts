import type { Section } from '../../model';
import { normaliseTitle } from '../../parse/sectionKinds';
import type { Finding } from '../findings';
import { DiagnosticCodes, quote, type Rule } from './rule';

/** Qualifiers that do not change which section a heading names ("Issue Summary" is the summary). */
const QUALIFIERS = /^(?:issue|incident|executive|brief|overall|detailed)\s+|\s+(?:analysis|overview|details)$/g;

/** The heading reduced to the section it names. */
function canonicalTitle(section: Section): string {
  return normaliseTitle(section.title).replace(QUALIFIERS, '').trim();
}

/**
 * `duplicate-section`: two sibling sections with the same heading (warning), or headings that
 * name the same recognised section but for a qualifier ("Summary" after "Issue Summary";
 * information). Sections that
 * merely overlap ("Root Cause" and "Root Cause and Resolution", "What went well" and "What
 * went wrong") and sections under different parents (one incident each on a status page)
 * are not reported.
 */
export const checkDuplicateSection: Rule = (document) => {
  const findings: Finding[] = [];
  const visit = (siblings: readonly Section[]) => {
    siblings.forEach((section, index) => {
      visit(section.children);
      if (section.kind === 'title') return;
      const title = normaliseTitle(section.title);
      const canonical = canonicalTitle(section);
      if (canonical === '') return;
      const earlier = siblings.slice(0, index).filter((other) => other.kind !== 'title');
      const same = earlier.find((other) => normaliseTitle(other.title) === title);
      const similar = same || section.kind === 'other' ? undefined : earlier.find((other) => canonicalTitle(other) === canonical);
      const first = same ?? similar;
      if (!first) return;
      const written = quote(document, section.titleSpan);
      findings.push({
        code: DiagnosticCodes.duplicateSection,
        severity: same ? 'warning' : 'information',
        span: section.titleSpan,
        message: same
          ? `The section "${written}" appears twice; the first is above`
          : `"${written}" repeats the section "${quote(document, first.titleSpan)}" above`,
        related: [{ span: first.titleSpan, message: 'the first one' }],
      });
    });
  };
  visit(document.sections);
  return findings;
};
