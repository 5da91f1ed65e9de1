import type { Section } from '../../model';
import { normaliseTitle } from '../../parse/sectionKinds';
import type { Finding } from '../findings';
import { DiagnosticCodes, quote, type Rule } from './rule';

/** Qualifiers that do not change which section a heading names ("Issue Summary" is the summary). */
const QUALIFIERS = /^(?:issue|incident|executive|brief|overall|detailed)\s+|\s+(?:analysis|overview|details)$/g;

/** The heading (already normalised) reduced to the section it names. */
function canonicalTitle(normalisedTitle: string): string {
  return normalisedTitle.replace(QUALIFIERS, '').trim();
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
    // The first earlier sibling per title and per canonical title: a timeline split by date
    // has hundreds of sibling sub-sections, too many to compare pairwise.
    const firstByTitle = new Map<string, Section>();
    const firstByCanonical = new Map<string, Section>();
    siblings.forEach((section) => {
      visit(section.children);
      if (section.kind === 'title') return;
      const title = normaliseTitle(section.title);
      const canonical = canonicalTitle(title);
      const same = canonical === '' ? undefined : firstByTitle.get(title);
      const similar = canonical === '' || same || section.kind === 'other' ? undefined : firstByCanonical.get(canonical);
      if (!firstByTitle.has(title)) firstByTitle.set(title, section);
      if (!firstByCanonical.has(canonical)) firstByCanonical.set(canonical, section);
      if (canonical === '') return;
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
