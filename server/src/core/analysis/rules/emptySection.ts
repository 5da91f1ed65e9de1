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
    if (hasTextOutsideComments(document.text, section.headingSpan.end, section.span.end)) return;
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

/**
 * Whether the text between `start` and `end` has anything but white space and HTML comments.
 * Its first character that is not white space usually settles it: anything but a `<` cannot
 * be part of a comment, so the rest of a long section (a timeline) is not read.
 */
function hasTextOutsideComments(text: string, start: number, end: number): boolean {
  FIRST_NON_SPACE.lastIndex = start;
  const first = FIRST_NON_SPACE.exec(text);
  if (!first || first.index >= end) return false;
  if (text.charCodeAt(first.index) !== 0x3c) return true;
  return text.slice(start, end).replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() !== '';
}

const FIRST_NON_SPACE = /\S/g;

function introduces(section: Section, next: Section): boolean {
  return next.kind === 'other' || next.kinds.some((kind) => section.kinds.includes(kind));
}
