import type { PostmortemDocument, Suppression } from '../model';
import { LineIndex } from '../text/lineIndex';
import type { Finding } from './findings';

/**
 * Drops findings silenced by suppression comments. A `document` suppression
 * (`<!-- postmortem-disable CODE -->`, `postmortem-disable: CODE`) silences its codes in the
 * whole document, wherever it is written, since findings such as `missing-section` have no
 * natural place after it. A `next-line` suppression silences findings that start on the line
 * after the comment. No code (or `*`) means every code.
 */
export function applySuppressions(document: PostmortemDocument, findings: readonly Finding[]): Finding[] {
  if (document.suppressions.length === 0) return [...findings];
  const index = new LineIndex(document.text);
  const whole = document.suppressions.filter((s) => s.scope === 'document');
  const nextLine = document.suppressions
    .filter((s) => s.scope === 'next-line')
    .map((s) => ({ suppression: s, line: index.positionAt(s.span.end).line + 1 }));
  return findings.filter((finding) => {
    if (whole.some((s) => covers(s, finding.code))) return false;
    if (nextLine.length === 0) return true;
    const line = index.positionAt(finding.span.start).line;
    return !nextLine.some((n) => n.line === line && covers(n.suppression, finding.code));
  });
}

function covers(suppression: Suppression, code: string): boolean {
  return suppression.codes.length === 0 || suppression.codes.some((c) => c === '*' || c.toLowerCase() === code);
}
