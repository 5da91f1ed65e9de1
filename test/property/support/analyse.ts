import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completePostmortem } from '../../../server/src/core/completion';
import { defaultOptions, type PostmortemOptions } from '../../../server/src/core/options';
import { createPostmortemService } from '../../../server/src/core/service';
import { applyEdits, normaliseEdits, type SpanEdit } from '../../../server/src/core/edits/textEdits';
import { rangeContains, toDiagnostic } from '../../../server/src/convert';
import { buildOutline, buildTimelineOnlyOutline } from '../../../server/src/features/documentSymbols';
import { buildFoldingRanges } from '../../../server/src/features/foldingRanges';
import type { ServedDocument } from '../../../server/src/servedDocuments';
import { assertPosition, assertRange, assertSpan, modelSpans, splitsSurrogatePair } from './ranges';
import { count } from './settings';

const service = createPostmortemService();

/** Option sets that switch on different rule paths. */
export const optionVariants: readonly PostmortemOptions[] = [
  defaultOptions,
  { ...defaultOptions, profile: 'holberton', defaultTimeZone: 'UTC', durationToleranceMinutes: 0 },
  { ...defaultOptions, profile: 'google-sre', severities: { 'timeline-order': 'error', 'missing-section': 'off' }, inlayHints: false },
  { ...defaultOptions, requiredSections: [], defaultTimeZone: 'PST' },
];

/**
 * Offsets worth probing: every boundary of every span, plus a few anywhere; each moved to where
 * an editor's cursor can be (never inside a CRLF or a surrogate pair).
 */
function probeOffsets(document: TextDocument, spans: readonly number[], random: readonly number[]): number[] {
  const text = document.getText();
  const offsets = new Set<number>([0, text.length]);
  const add = (offset: number): void => {
    let o = document.offsetAt(document.positionAt(offset));
    if (splitsSurrogatePair(text, o)) o--;
    offsets.add(o);
  };
  for (const o of spans) for (const d of [-1, 0, 1]) if (o + d >= 0 && o + d <= text.length) add(o + d);
  for (const r of random) add(text.length === 0 ? 0 : r % (text.length + 1));
  return [...offsets].sort((a, b) => a - b);
}

function assertEditsWellFormed(text: string, edits: readonly SpanEdit[], what: string): void {
  edits.forEach((edit, index) => assertSpan(text, edit.span, `${what} edit ${index}`));
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < ordered.length; i++) {
    assert.ok(ordered[i]!.span.start >= ordered[i - 1]!.span.end, `${what}: edits overlap: ${JSON.stringify(ordered[i - 1])} and ${JSON.stringify(ordered[i])}`);
  }
  assert.equal(normaliseEdits(edits).length, edits.length, `${what}: applyEdits would drop an edit`);
}

function walkSymbols(document: TextDocument, symbols: readonly DocumentSymbol[], what: string): number {
  let n = 0;
  for (const symbol of symbols) {
    n++;
    assertRange(document, symbol.range, `${what} "${symbol.name}" range`);
    assertRange(document, symbol.selectionRange, `${what} "${symbol.name}" selection`);
    assert.ok(rangeContains(symbol.range, symbol.selectionRange), `${what} "${symbol.name}": selection outside its range`);
    assert.ok(symbol.name.trim().length > 0, `${what}: a symbol without a name`);
    n += walkSymbols(document, symbol.children ?? [], what);
  }
  return n;
}

/**
 * Everything a client can get out of a document, checked for range safety as it goes, in a
 * plain form for comparing two runs.
 */
export function analyseEverything(text: string, randomOffsets: readonly number[], options: PostmortemOptions, property = 'core never throws and stays in range'): unknown {
  const model = service.parse(text);
  assert.equal(model.text, text, 'the model keeps the exact text');
  const spanEdges: number[] = [];
  for (const [what, span] of modelSpans(model)) {
    assertSpan(text, span, what);
    if (span) spanEdges.push(span.start, span.end);
  }
  const document = TextDocument.create('file:///property.postmortem', 'postmortem', 1, text);

  const findings = service.check(model, options);
  for (const finding of findings) {
    assertSpan(text, finding.span, `finding ${finding.code}`);
    for (const related of finding.related ?? []) assertSpan(text, related.span, `finding ${finding.code} related`);
    assert.ok(finding.message.trim().length > 0, `finding ${finding.code} has no message`);
    const diagnostic = toDiagnostic(document, finding);
    assertRange(document, diagnostic.range, `diagnostic ${finding.code}`);
    JSON.stringify(diagnostic.data);
  }
  count(property, 'findings', findings.length);

  const quickFixes = findings.map((finding) =>
    service.quickFixes(model, finding, options).map((fix) => {
      assertEditsWellFormed(text, fix.edits, `quick fix "${fix.title}"`);
      applyEdits(text, fix.edits);
      return { title: fix.title, edits: fix.edits, preferred: fix.preferred, safe: fix.safe };
    }),
  );
  count(property, 'quick fixes', quickFixes.flat().length);
  const fixAll = service.fixAll(model, options);
  assertEditsWellFormed(text, fixAll, 'fix-all');
  const sort = service.sortTimeline(model);
  assertEditsWellFormed(text, sort, 'sort timeline');

  const offsets = probeOffsets(document, spanEdges, randomOffsets);
  const hovers = offsets.map((offset) => {
    const hover = service.hover(model, offset, options);
    if (hover) {
      assertSpan(text, hover.span, `hover at ${offset}`);
      assert.ok(hover.markdown.trim().length > 0, `hover at ${offset} is empty`);
    }
    return hover;
  });
  count(property, 'hovers asked', offsets.length);
  const clock = { epochMs: Date.UTC(2024, 2, 5, 10, 0), utcOffsetMinutes: 60 };
  const completions = offsets.map((offset) =>
    completePostmortem(model, offset, { options, clock }).map((item) => {
      assertSpan(text, item.replace, `completion "${item.label}" at ${offset}`);
      assert.ok(item.replace.start <= offset, `completion "${item.label}" at ${offset} replaces text after the cursor only: ${JSON.stringify(item.replace)}`);
      return item;
    }),
  );
  count(property, 'completions asked', offsets.length);

  const hints = service.elapsedHints(model, options);
  for (const hint of hints) {
    assert.ok(Number.isInteger(hint.offset) && hint.offset >= 0 && hint.offset <= text.length, `inlay hint offset ${hint.offset}`);
    assertPosition(document, document.positionAt(hint.offset), 'inlay hint');
  }
  const lenses = service.timelineLenses(model);
  for (const lens of lenses) assertSpan(text, lens.span, `code lens "${lens.title}"`);
  const metrics = service.metrics(model);

  const served: ServedDocument = { textDocument: document, model, options, analyse: text.length <= options.maxDocumentSize };
  const outline = buildOutline(served);
  count(property, 'symbols', walkSymbols(document, outline, 'outline'));
  walkSymbols(document, buildTimelineOnlyOutline(served), 'timeline-only outline');
  const folding = buildFoldingRanges(served);
  for (const range of folding) {
    assert.ok(range.startLine >= 0 && range.startLine < range.endLine && range.endLine < document.lineCount, `folding range ${JSON.stringify(range)}`);
  }

  return { model, findings, quickFixes, fixAll, sort, hovers, completions, hints, lenses, metrics, outline, folding };
}

