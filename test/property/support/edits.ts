import * as fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { insertedText } from './documents';

/** An edit in abstract form, resolved against whatever text it is applied to. */
export interface AbstractEdit {
  readonly at: number;
  readonly length: number;
  readonly text: string;
  /** Replace the whole document instead of a range (a client may send either). */
  readonly whole: boolean;
}

export const abstractEdit: fc.Arbitrary<AbstractEdit> = fc.record({
  at: fc.nat(),
  length: fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 4 }) }, { weight: 1, arbitrary: fc.nat({ max: 200 }) }),
  text: insertedText,
  whole: fc.nat({ max: 40 }).map((n) => n === 0),
});

/** Batches of edits, as sent in one `didChange` each. */
export const editBatches: fc.Arbitrary<AbstractEdit[][]> = fc.array(fc.array(abstractEdit, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 12,
});

/**
 * Resolves `edit` against `text` as an editor would send it: a range of positions. Offsets an
 * editor cannot address (inside a CRLF) move where `TextDocument` puts them. Returns the change
 * and the text after it, computed by plain string slicing (independent of `TextDocument.update`).
 */
export function resolveEdit(text: string, edit: AbstractEdit): { change: TextDocumentContentChangeEvent; after: string } {
  if (edit.whole) return { change: { text: edit.text }, after: edit.text };
  const document = TextDocument.create('file:///shadow', 'postmortem', 0, text);
  const rawStart = text.length === 0 ? 0 : edit.at % (text.length + 1);
  const rawEnd = Math.min(text.length, rawStart + edit.length);
  const range = { start: document.positionAt(rawStart), end: document.positionAt(rawEnd) };
  const start = document.offsetAt(range.start);
  const end = Math.max(start, document.offsetAt(range.end));
  return { change: { range, text: edit.text }, after: text.slice(0, start) + edit.text + text.slice(end) };
}
