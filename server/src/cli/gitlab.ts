import { createHash } from 'node:crypto';
import { describeDiagnostic } from '../core/analysis/diagnosticCatalog';
import type { Severity } from '../core/analysis/findings';
import { locateFindings, type CheckedFile, type FormatContext } from './checkedFile';
import { displayPath } from './paths';

/** GitLab Code Quality severities (info, minor, major, critical, blocker) for ours. */
const gitlabSeverities: Readonly<Record<Severity, 'info' | 'minor' | 'major'>> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * A GitLab Code Quality report: a JSON array with one issue per finding. The fingerprint is a
 * hash of the path, the code, the text at fault, the message and how many identical findings
 * came before, but not the line: a finding keeps its fingerprint when lines are added above it,
 * so GitLab does not report it as fixed and new again in a merge request.
 */
export function formatGitlab(files: readonly CheckedFile[], context: FormatContext): string {
  const issues = [];
  for (const file of files) {
    const filePath = file.absolute !== undefined ? displayPath(context.cwd, file.absolute) : file.file;
    const occurrences = new Map<string, number>();
    for (const located of locateFindings(file)) {
      const { finding } = located;
      const key = JSON.stringify([filePath, finding.code, file.text.slice(finding.span.start, finding.span.end), finding.message]);
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      const help = describeDiagnostic(finding.code)?.help;
      issues.push({
        type: 'issue',
        check_name: finding.code,
        description: finding.message,
        ...(help ? { content: { body: help } } : {}),
        categories: ['Style'],
        fingerprint: createHash('sha256').update(`${key}#${occurrence}`).digest('hex').slice(0, 32),
        severity: gitlabSeverities[finding.severity],
        location: { path: filePath, lines: { begin: located.line, end: located.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
