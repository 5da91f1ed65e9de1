import type { Severity } from '../core/analysis/findings';
import { locateFindings, type CheckedFile, type FormatContext } from './checkedFile';
import { displayPath } from './paths';

/** GitHub annotation levels: GitHub has three; information and hints are notices. */
const commands: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a workflow command's message, as the Actions toolkit does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: the message's escapes, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding
 * (`::warning file=docs/a.md,line=3,col=5,endLine=3,endColumn=9,title=timezone-missing::message`),
 * which GitHub shows as annotations on the changed lines. Paths are relative to the working
 * folder, the checkout in a workflow. Columns count UTF-16 units; the end column is exclusive.
 */
export function formatGithub(files: readonly CheckedFile[], context: FormatContext): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const located of locateFindings(file)) {
      const properties = [
        ...(file.absolute !== undefined ? [`file=${escapeProperty(displayPath(context.cwd, file.absolute))}`] : []),
        `line=${located.line}`,
        `col=${located.column}`,
        `endLine=${located.endLine}`,
        `endColumn=${located.endColumn}`,
        `title=${escapeProperty(located.finding.code)}`,
      ];
      lines.push(`::${commands[located.finding.severity]} ${properties.join(',')}::${escapeData(located.finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
