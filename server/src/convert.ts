import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Position,
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
 * Offsets of one text as LSP positions, exactly as `TextDocument.positionAt` computes them, for
 * features that convert thousands of spans at once. It remembers the line of the last offset,
 * so offsets visited in document order cost O(1) each instead of a binary search.
 */
export class DocumentPositions {
  readonly #text: string;
  /** Offset at which each line starts; begins with 0. */
  readonly #lineStarts: number[];
  #line = 0;

  constructor(text: string) {
    this.#text = text;
    this.#lineStarts = lineStartsOf(text);
  }

  /** The position of `offset` (clamped to the text; an offset inside a line break moves before it). */
  positionAt(offset: number): Position {
    const text = this.#text;
    const o = offset < 0 ? 0 : offset > text.length ? text.length : offset;
    const line = this.#lineOf(o);
    const lineStart = this.#lineStarts[line]!;
    let character = o - lineStart;
    while (character > 0 && isLineBreak(text.charCodeAt(lineStart + character - 1))) character--;
    return { line, character };
  }

  /** The range from offset `start` to offset `end`. */
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  #lineOf(offset: number): number {
    const starts = this.#lineStarts;
    const last = starts.length - 1;
    let line = this.#line;
    // The same line or one of the next few: what walking a document in order asks for.
    if (starts[line]! <= offset) {
      for (let step = 0; step < 4; step++) {
        if (line === last || starts[line + 1]! > offset) return (this.#line = line);
        line++;
      }
    }
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    return (this.#line = low - 1);
  }
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Line starts after `\r\n`, `\n` and a lone `\r`, as `TextDocument` counts lines. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // indexOf scans far faster than a loop over every character, and most texts use `\n` only.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (code === 10 || code === 13) starts.push(i + 1);
  }
  return starts;
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
