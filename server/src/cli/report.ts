import type { Finding } from '../core/analysis/findings';
import { formatClockTime, formatIsoDate } from '../core/format';
import type { PostmortemDocument } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';
import { buildReviewReport, type ReviewReport } from '../core/analysis/reviewReport';

/** One file's result in `--format json`. Lines and columns are 1-based; columns count UTF-16 units. */
export interface FileReport extends ReviewReport {
  readonly file: string;
  readonly sections: readonly {
    readonly kind: string;
    readonly title: string;
    readonly line: number;
    readonly endLine: number;
    readonly level: number;
  }[];
  readonly timeline: readonly {
    readonly line: number;
    readonly column: number;
    /** `HH:MM` on the 24-hour clock as the author meant it (no zone conversion); null for date-only entries. */
    readonly time: string | null;
    /** `YYYY-MM-DD`, or null when no date (or no year) is known. */
    readonly date: string | null;
    readonly zone: string | null;
    readonly text: string;
  }[];
  readonly window: {
    readonly start: string | null;
    readonly end: string | null;
    readonly startDate: string | null;
    readonly endDate: string | null;
    /** The duration the summary states; when it states only a start and an end, their difference. */
    readonly statedDurationMinutes: number | null;
    /** Where `statedDurationMinutes` comes from: `stated` (`lasted 2 hours`) or `start-end`. */
    readonly durationSource: 'stated' | 'start-end' | null;
  };
  readonly diagnostics: readonly {
    readonly line: number;
    readonly column: number;
    /** End position, exclusive: the column just past the last character. */
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: string;
    readonly code: string;
    readonly message: string;
  }[];
}

/** The 1-based line of the last character in `[start, end)` (the start line for empty spans). */
function lastLine(index: LineIndex, start: number, end: number): number {
  const endPosition = index.positionAt(end);
  const startPosition = index.positionAt(start);
  // An end at column 0 means the span stopped after a line break: its last line is the one before.
  if (endPosition.line > startPosition.line && endPosition.character === 0) return endPosition.line;
  return endPosition.line + 1;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

/** Builds the JSON report of one checked file. */
export function buildFileReport(file: string, model: PostmortemDocument, findings: readonly Finding[]): FileReport {
  const index = new LineIndex(model.text);
  const at = (offset: number): { line: number; column: number } => {
    const position = index.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  return {
    file,
    sections: model.allSections.map((section) => ({
      kind: section.kind,
      title: section.title,
      line: at(section.headingSpan.start).line,
      endLine: lastLine(index, section.span.start, trimmedEnd(model.text, section.span.start, section.span.end)),
      level: section.level,
    })),
    timeline: model.timeline.entries.map((entry) => {
      const start = at(entry.lineSpan.start);
      return {
        line: start.line,
        column: start.column,
        time: entry.time ? formatClockTime({ ...entry.time, second: undefined }) : null,
        date: entry.date ? formatIsoDate(entry.date) ?? null : null,
        zone: entry.zone?.name ?? null,
        text: entry.text,
      };
    }),
    window: {
      start: model.window.start ? formatClockTime({ ...model.window.start, second: undefined }) : null,
      end: model.window.end ? formatClockTime({ ...model.window.end, second: undefined }) : null,
      startDate: model.window.startDate ? formatIsoDate(model.window.startDate) ?? null : null,
      endDate: model.window.endDate ? formatIsoDate(model.window.endDate) ?? null : null,
      statedDurationMinutes: model.window.statedDurationMinutes ?? windowSpanMinutes(model) ?? null,
      durationSource: model.window.statedDurationMinutes !== undefined ? 'stated' : windowSpanMinutes(model) !== undefined ? 'start-end' : null,
    },
    diagnostics: findings.map((finding) => {
      const start = at(finding.span.start);
      const end = at(finding.span.end);
      return {
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        severity: finding.severity,
        code: finding.code,
        message: finding.message,
      };
    }),
    ...buildReviewReport(model, index),
  };
}

/** `file:line:column: severity code message`, one line per finding, 1-based. */
export function formatTextReport(file: string, model: PostmortemDocument, findings: readonly Finding[]): string[] {
  const index = new LineIndex(model.text);
  return findings.map((finding) => {
    const position = index.positionAt(finding.span.start);
    const message = finding.message.replace(/\r\n|\r|\n/g, ' ');
    return `${file}:${position.line + 1}:${position.character + 1}: ${finding.severity} ${finding.code} ${message}`;
  });
}

/** Minutes from the stated start to the stated end ("from 10:00 PM to 11:45 PM" is 105). */
function windowSpanMinutes(model: PostmortemDocument): number | undefined {
  const { startMinutes, endMinutes } = model.window;
  return startMinutes !== undefined && endMinutes !== undefined ? Math.round(endMinutes - startMinutes) : undefined;
}
