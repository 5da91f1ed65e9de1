import type { Section } from '../../model';
import type { Finding } from '../findings';
import { DiagnosticCodes, quote, type Rule } from './rule';

/**
 * `empty-section`: a recognised section (summary, timeline, root cause...) with nothing under
 * it (HTML comments do not count) and no sub-sections.
 *
 * A heading followed at once by an unrecognised heading (`IMPACT ANALYSIS` then `SECURITY
 * EXPOSURE:`) or by one of its own kind (`Resolution:` then `We heroically:`) is read as
 * introducing it: plain-text reports rarely mark nesting, so these are parts, not neighbours.
 * Unrecognised headings (`END OF REPORT`), the title, and headings that carry their value
 * (`Level: Internal`) are never reported.
 */
export const checkEmptySection: Rule = (document) => {
  const findings: Finding[] = [];
  const sections = document.allSections;
  sections.forEach((section, index) => {
    if (section.kind === 'title' || section.kind === 'other' || section.children.length > 0) return;
    if (/:\s*\S/.test(section.title)) return;
    const body = document.text.slice(section.headingSpan.end, section.span.end).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
    if (body.trim() !== '') return;
    const next = sections[index + 1];
    if (next && introduces(section, next)) return;
    findings.push({
      code: DiagnosticCodes.emptySection,
      severity: 'warning',
      span: section.titleSpan,
      message: `The section "${quote(document, section.titleSpan)}" is empty`,
    });
  });
  return findings;
};

function introduces(section: Section, next: Section): boolean {
  return next.kind === 'other' || next.kinds.some((kind) => section.kinds.includes(kind));
}
