import * as assert from 'node:assert/strict';
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemDocument, Span } from '../../../server/src/core/model';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** True when `offset` falls between the `\r` and `\n` of a CRLF: no position of either line. */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** Fails unless `span` is a well-formed span of `text` that splits no surrogate pair. */
export function assertSpan(text: string, span: Span | undefined, what: string): void {
  if (span === undefined) return;
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets must be integers, got ${JSON.stringify(span)}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: ${JSON.stringify(span)} is outside 0..${text.length}`);
  assert.ok(!splitsSurrogatePair(text, span.start), `${what}: starts inside a surrogate pair at ${span.start}`);
  assert.ok(!splitsSurrogatePair(text, span.end), `${what}: ends inside a surrogate pair at ${span.end}`);
  assert.ok(!splitsCrlf(text, span.start) && !splitsCrlf(text, span.end), `${what}: ${JSON.stringify(span)} has an end between the \\r and \\n of a line break`);
}

/** Every span of a parsed model, labelled for messages. */
export function* modelSpans(model: PostmortemDocument): Generator<[string, Span | undefined]> {
  for (const section of model.allSections) {
    yield [`section "${section.title}" span`, section.span];
    yield [`section "${section.title}" heading`, section.headingSpan];
    yield [`section "${section.title}" title`, section.titleSpan];
    assert.ok(section.span.start <= section.headingSpan.start && section.headingSpan.end <= section.span.end, `section "${section.title}": heading outside its section`);
  }
  for (const [index, entry] of model.timeline.entries.entries()) {
    const label = `entry ${index}`;
    yield [`${label} span`, entry.span];
    yield [`${label} line`, entry.lineSpan];
    yield [`${label} time`, entry.time?.span];
    yield [`${label} end time`, entry.endTime?.span];
    yield [`${label} own date`, entry.ownDate?.span];
    yield [`${label} date`, entry.date?.span];
    yield [`${label} own zone`, entry.ownZone?.span];
    yield [`${label} zone`, entry.zone?.span];
  }
  const window = model.window;
  yield ['window start', window.start?.span];
  yield ['window end', window.end?.span];
  yield ['window start date', window.startDate?.span];
  yield ['window end date', window.endDate?.span];
  yield ['window zone', window.zone?.span];
  yield ['stated duration', window.statedDurationSpan];
  for (const zone of model.zones) yield [`zone ${zone.name}`, zone.span];
  for (const suppression of model.suppressions) yield ['suppression', suppression.span];
  for (const ignored of model.ignoredSpans) yield ['ignored span', ignored];
  if (model.timeline.zone) yield ['timeline zone', model.timeline.zone.span];
}

/** Fails unless `position` is a canonical position of `document` that splits no surrogate pair. */
export function assertPosition(document: TextDocument, position: Position, what: string): void {
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: ${JSON.stringify(position)} is not integral`);
  assert.ok(position.line >= 0 && position.line < document.lineCount, `${what}: line ${position.line} of ${document.lineCount}`);
  const offset = document.offsetAt(position);
  // A position past the end of its line's text would be clamped by the client: not canonical.
  assert.deepEqual(document.positionAt(offset), position, `${what}: ${JSON.stringify(position)} is past the end of its line`);
  assert.ok(!splitsSurrogatePair(document.getText(), offset), `${what}: ${JSON.stringify(position)} splits a surrogate pair`);
}

export function assertRange(document: TextDocument, range: Range, what: string): void {
  assertPosition(document, range.start, `${what} start`);
  assertPosition(document, range.end, `${what} end`);
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what}: ${JSON.stringify(range)} ends before it starts`);
}
