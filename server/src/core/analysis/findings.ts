import type { Span } from '../model';

/** Severity of a finding, in LSP's order of weight. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Another place a finding points at ("the entry above it"). */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/**
 * A problem found in a document: a domain value with a stable `code`; converted to an LSP
 * `Diagnostic` only at the edge (`server/src/convert.ts`) and to text/JSON by the CLI.
 */
export interface Finding {
  /** Stable code, e.g. `timeline-order`; code actions and suppression comments key on it. */
  readonly code: string;
  readonly severity: Severity;
  /** The exact offending text. */
  readonly span: Span;
  /** Names the values involved. */
  readonly message: string;
  readonly related?: readonly RelatedSpan[];
  /** Rule-specific facts a quick fix needs (kept JSON-serialisable). */
  readonly data?: unknown;
}
