import type { Finding, Severity } from '../core/analysis/findings';
import type { PostmortemDocument } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';

/** One checked file, as every output format receives it. */
export interface CheckedFile {
  /** The name to show: the argument as given, or the path relative to the working folder. */
  readonly file: string;
  /** Absolute path; undefined for standard input. */
  readonly absolute?: string;
  /** The analysed text (after `--fix`, the fixed text), without a byte-order mark. */
  readonly text: string;
  readonly model: PostmortemDocument;
  readonly findings: readonly Finding[];
}

export interface FormatContext {
  /** The working folder: SARIF, GitHub and GitLab paths are relative to it. */
  readonly cwd: string;
}

/** A finding placed on 1-based lines and columns (UTF-16 units); the end is exclusive. */
export interface LocatedFinding {
  readonly finding: Finding;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly related: readonly { readonly message: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number }[];
}

/** The findings of a file with their positions. */
export function locateFindings(file: CheckedFile): LocatedFinding[] {
  const index = new LineIndex(file.text);
  const place = (span: { start: number; end: number }) => {
    const start = index.positionAt(span.start);
    const end = index.positionAt(span.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  return file.findings.map((finding) => ({
    finding,
    ...place(finding.span),
    related: (finding.related ?? []).map((related) => ({ message: related.message, ...place(related.span) })),
  }));
}

/** Severities from the weightiest; `--fail-level` names one of them. */
export const severityOrder: readonly Severity[] = Object.freeze(['error', 'warning', 'information', 'hint']);

/** Whether `severity` weighs at least as much as `level`. */
export function reachesLevel(severity: Severity, level: Severity): boolean {
  return severityOrder.indexOf(severity) <= severityOrder.indexOf(level);
}
