import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from './core/analysis/findings';
import type { Span } from './core/model';

/** The `source` of every diagnostic this server reports. */
export const diagnosticSource = 'postmortem';

/** A core span (UTF-16 offsets) as an LSP range in `document`. */
export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/**
 * A span without the whitespace and line breaks it ends with, so a section's range ends on
 * its last line of text rather than at the start of the next heading.
 */
export function trimSpanEnd(text: string, span: Span): Span {
  return { start: span.start, end: trimmedEnd(text, span.start, span.end) };
}

/** The end of `text[start, end)` without trailing whitespace (what `/\s/` matches). */
export function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = Math.min(end, text.length);
  while (trimmed > start && isWhitespace(text.charCodeAt(trimmed - 1))) trimmed--;
  return trimmed;
}

function isWhitespace(code: number): boolean {
  // Printable ASCII is never whitespace: settle it without the regular expression.
  if (code > 32 && code < 127) return false;
  return code === 32 || (code >= 9 && code <= 13) || /\s/.test(String.fromCharCode(code));
}

/** True when `inner` lies within `outer` (inclusive ends). */
export function rangeContains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic; related spans point into the same document. */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.span),
    severity: severities[finding.severity],
    code: finding.code,
    source: diagnosticSource,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: document.uri, range: toRange(document, related.span) },
        message: related.message,
      }),
    );
  }
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}
