import type { PostmortemDocument, Section, SectionKind } from '../model';
import type { PostmortemOptions } from '../options';
import { conventionalOrder, templateSectionFor } from '../analysis/profiles';
import { dominantLineBreak, lineEndOf, nextLineStart, type SpanEdit } from './textEdits';

/**
 * Inserts a skeleton for a missing section where the template puts it (after the last
 * section that conventionally comes before it, else before the first that comes after), as a
 * heading in the style of its neighbour: same markup, level, colon and capitals, so a
 * `ROOT CAUSE AND RESOLUTION:` document gets `RESOLUTION:` and a `## Timeline` one gets
 * `## Resolution`. Markdown documents get the template's prompt as an HTML comment.
 */
export function insertSectionEdit(document: PostmortemDocument, kind: SectionKind, options: PostmortemOptions): SpanEdit {
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

  if (before) {
    return { span: { start: before.span.end, end: before.span.end }, newText: separator + block };
  }
  if (after) {
    const at = after.headingSpan.start;
    return { span: { start: at, end: at }, newText: block + separator };
  }
  const end = text.length;
  const lead = end === 0 ? '' : /(?:\r\n|\r|\n)$/.test(text) ? eol : eol + eol;
  return { span: { start: end, end }, newText: `${lead}${block}${eol}` };
}

/** The sections a new one is a sibling of: under a lone title, its children; otherwise the top level. */
function bodySections(document: PostmortemDocument): readonly Section[] {
  const top = document.sections;
  const title = top.find((section) => section.kind === 'title');
  if (title && top.filter((section) => section.kind !== 'title').length === 0) return title.children;
  return top.filter((section) => section.kind !== 'title');
}

const DECORATION = /[\p{Extended_Pictographic}\u200D\uFE0F]/gu;

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
