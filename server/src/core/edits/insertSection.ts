import type { PostmortemDocument, Section, SectionKind } from '../model';
import type { PostmortemOptions } from '../options';
import { conventionalOrder, templateSectionFor } from '../analysis/profiles';
import { parsePostmortem } from '../parse/parser';
import { applyEdits, dominantLineBreak, lineEndOf, lineStartOf, nextLineStart, type SpanEdit } from './textEdits';

/**
 * Inserts a skeleton for a missing section where the template puts it (after the last
 * section that conventionally comes before it, else before the first that comes after), as a
 * heading in the style of its neighbour: same markup, level, colon and capitals, so a
 * `ROOT CAUSE AND RESOLUTION:` document gets `RESOLUTION:` and a `## Timeline` one gets
 * `## Resolution`. Markdown documents get the template's prompt as an HTML comment.
 *
 * The spacing echoes the neighbour's. Whether the result reads as the section is checked on a
 * fresh parse, since what surrounds a heading can make it something else: a line like
 * `b | c` above `## Resolution` makes it a shell comment, and a code fence or `<!--` left open
 * to the end of the document swallows anything after it. Failing that, the section is set off
 * by blank lines; failing that too, it goes right before the open code or comment (closing the
 * author's block is not this fix's business). Undefined when no place works.
 */
export function verifiedSectionInsertion(document: PostmortemDocument, kind: SectionKind, options: PostmortemOptions): SpanEdit | undefined {
  return sectionInsertions(document, kind, options).find((edit) => addsSection(document, edit, kind));
}

/**
 * The insertion {@link verifiedSectionInsertion} chooses, or, when none reads as the section,
 * the one in the neighbour's style (for commands that insert more under the new heading).
 */
export function insertSectionEdit(document: PostmortemDocument, kind: SectionKind, options: PostmortemOptions): SpanEdit {
  return verifiedSectionInsertion(document, kind, options) ?? sectionInsertions(document, kind, options)[0]!;
}

/** Candidate insertions, most faithful to the author's spacing first. */
function sectionInsertions(document: PostmortemDocument, kind: SectionKind, options: PostmortemOptions): SpanEdit[] {
  const text = document.text;
  const eol = dominantLineBreak(text);
  const template = templateSectionFor(kind, options);
  const order = conventionalOrder(options);
  const rank = (section: Section) => Math.min(...section.kinds.map((k) => (order.includes(k) ? order.indexOf(k) : Number.MAX_SAFE_INTEGER)));
  const target = order.indexOf(kind);
  const siblings = bodySections(document);
  const before = [...siblings].reverse().find((section) => rank(section) < target);
  const after = siblings.find((section) => rank(section) > target && rank(section) !== Number.MAX_SAFE_INTEGER);
  const model = before ?? after ?? siblings.find((section) => section.kind !== 'other') ?? siblings[0];
  const heading = model ? headingLike(document, model, template.title, eol) : `## ${template.title}`;
  const gap = model && hasBlankLineAfterHeading(document, model) ? eol + eol : eol;
  const prompt = document.flavor === 'markdown' && template.prompt ? `${gap}<!-- ${template.prompt} -->` : '';
  const block = heading + prompt;
  const separator = model && !blankLineBefore(document, model) ? eol : eol + eol;
  // A byte order mark stays the first character of the file.
  const textStart = text.startsWith('\ufeff') ? 1 : 0;

  let echoed: SpanEdit;
  if (after) {
    const at = Math.max(textStart, after.headingSpan.start);
    echoed = { span: { start: at, end: at }, newText: block + separator };
  } else if (before) {
    echoed = { span: { start: before.span.end, end: before.span.end }, newText: separator + block };
  } else {
    const end = text.length;
    const lead = end === textStart ? '' : /(?:\r\n|\r|\n)$/.test(text) ? eol : eol + eol;
    echoed = { span: { start: end, end }, newText: `${lead}${block}${eol}` };
  }
  const candidates = [echoed, setOff(text, echoed.span.start, textStart, block, eol)];
  const open = document.ignoredSpans.find((span) => span.end === text.length && span.start < echoed.span.start);
  if (open) candidates.push(setOff(text, Math.max(textStart, lineStartOf(text, open.start)), textStart, block, eol));
  return candidates;
}

/** `block` inserted at `at` with a blank line above and below it. */
function setOff(text: string, at: number, textStart: number, block: string, eol: string): SpanEdit {
  const atLineStart = at === textStart || text[at - 1] === '\n' || text[at - 1] === '\r';
  if (!atLineStart) return { span: { start: at, end: at }, newText: `${eol}${eol}${block}${eol}` };
  const previousEnd = at - (text[at - 1] === '\n' && text[at - 2] === '\r' ? 2 : 1);
  const previousBlank = at === textStart || text.slice(lineStartOf(text, previousEnd), previousEnd).trim() === '';
  return { span: { start: at, end: at }, newText: `${previousBlank ? '' : eol}${block}${eol}${eol}` };
}

/** Whether the text with `edit` applied has a section of `kind` and still every kind it had. */
function addsSection(document: PostmortemDocument, edit: SpanEdit, kind: SectionKind): boolean {
  const kindsOf = (sections: readonly Section[]) => new Set(sections.flatMap((section) => section.kinds));
  const had = kindsOf(document.allSections);
  const has = kindsOf(parsePostmortem(applyEdits(document.text, [edit])).allSections);
  return has.has(kind) && [...had].every((k) => has.has(k));
}

/** The sections a new one is a sibling of: under a lone title, its children; otherwise the top level. */
function bodySections(document: PostmortemDocument): readonly Section[] {
  const top = document.sections;
  const title = top.find((section) => section.kind === 'title');
  if (title && top.filter((section) => section.kind !== 'title').length === 0) return title.children;
  return top.filter((section) => section.kind !== 'title');
}

/** Emoji, joiners and a byte order mark: copied from a neighbouring heading, none belongs in a new one. */
const DECORATION = /[\p{Extended_Pictographic}\u200D\uFE0F\uFEFF]/gu;

/** A heading for `title` written like `model`'s: its markup before and after the title, its capitals. */
function headingLike(document: PostmortemDocument, model: Section, title: string, eol: string): string {
  const text = document.text;
  const firstLineEnd = lineEndOf(text, model.headingSpan.start);
  const prefix = text.slice(model.headingSpan.start, model.titleSpan.start).replace(DECORATION, '').replace(/ {2,}/g, ' ');
  const suffix = text.slice(model.titleSpan.end, Math.min(firstLineEnd, model.headingSpan.end)).replace(DECORATION, '').trimEnd();
  const modelTitle = text.slice(model.titleSpan.start, model.titleSpan.end);
  const capitals = /[A-Z]/.test(modelTitle) && !/[a-z]/.test(modelTitle);
  const written = capitals ? title.toUpperCase() : title;
  if (model.style === 'setext') {
    const underline = text.slice(nextLineStart(text, model.headingSpan.start), model.headingSpan.end).trim();
    const mark = underline[0] ?? '=';
    return `${prefix}${written}${suffix}${eol}${mark.repeat(Math.max(3, written.length))}`;
  }
  return `${prefix}${written}${suffix}`;
}

function hasBlankLineAfterHeading(document: PostmortemDocument, section: Section): boolean {
  const text = document.text;
  const next = nextLineStart(text, section.headingSpan.end);
  return next < section.span.end && text.slice(next, lineEndOf(text, next)).trim() === '';
}

function blankLineBefore(document: PostmortemDocument, section: Section): boolean {
  const before = document.text.slice(Math.max(0, section.headingSpan.start - 200), section.headingSpan.start).replace(/\r\n?/g, '\n');
  return /\n[ \t]*\n$/.test(before) || section.headingSpan.start === 0;
}
