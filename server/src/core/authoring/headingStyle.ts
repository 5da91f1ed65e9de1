import type { PostmortemDocument, Section } from '../model';

/**
 * Writes new headings the way the document already writes them: `## Timeline` in a Markdown
 * report, `TIMELINE:` in an ALL-CAPS plain-text one, `**Timeline:**`, `<b>TIMELINE</b>`, or an
 * underlined title. The markup around an existing heading's title is reused; emoji and
 * numbering, which belong to that heading alone, are dropped.
 */

/** The heading whose style new headings copy: the most common style and level among recognised sections. */
export function exampleHeading(document: PostmortemDocument, near?: number): Section | undefined {
  const recognised = document.allSections.filter((s) => s.kind !== 'title' && s.kind !== 'other');
  const pool = recognised.length > 0 ? recognised : document.allSections.filter((s) => s.kind !== 'title');
  if (pool.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const s of pool) counts.set(`${s.style}/${s.level}`, (counts.get(`${s.style}/${s.level}`) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || levelOf(a[0]) - levelOf(b[0]))[0]![0];
  const matching = pool.filter((s) => `${s.style}/${s.level}` === best);
  if (near === undefined) return matching[0];
  return matching.filter((s) => s.headingSpan.start < near).at(-1) ?? matching[0];
}

function levelOf(key: string): number {
  return Number(key.split('/')[1]);
}

const DECORATION = /[\p{Extended_Pictographic}\u200d\ufe0f\u20e3]/gu;

/**
 * The lines of a heading for `title` in the document's style (two lines for an underlined
 * heading). Without any heading to copy: `## Title` in Markdown, `TITLE:` in plain text.
 */
export function formatHeadingLike(document: PostmortemDocument, title: string, near?: number): string[] {
  const example = exampleHeading(document, near);
  if (!example) return document.flavor === 'markdown' ? [`## ${title}`] : [`${title.toUpperCase()}${title.endsWith('?') ? '' : ':'}`];
  const text = document.text;
  let lineEnd = example.headingSpan.start;
  while (lineEnd < example.headingSpan.end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const line = text.slice(example.headingSpan.start, lineEnd);
  const titleStart = Math.max(0, example.titleSpan.start - example.headingSpan.start);
  const titleEnd = Math.min(line.length, example.titleSpan.end - example.headingSpan.start);
  const prefix = line
    .slice(0, titleStart)
    .replace(DECORATION, '')
    .replace(/(?:\d{1,3}|[ivx]{1,4})[.)]\s+$/i, '')
    .replace(/([#*_>]) {2,}/g, '$1 ');
  const suffix = line
    .slice(titleEnd)
    .replace(DECORATION, '')
    .trimEnd();
  const written = matchCase(title, example.title);
  const first = `${prefix}${written}${suffix}`;
  if (example.style !== 'setext') return [first];
  const underline = text.slice(lineEnd).replace(/^\r?\n|^\r/, '');
  const mark = underline.trimStart()[0] === '=' ? '=' : '-';
  return [first, mark.repeat(Math.max(3, first.trim().length))];
}

/** `title` in the example's case: ALL CAPS, Sentence case, or as given (Title Case). */
export function matchCase(title: string, example: string): string {
  const letters = example.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return title.toUpperCase();
  const words = example.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const sentenceCase = words.length >= 2 && words.slice(1).every((w) => /^\p{Ll}/u.test(w) || /^\p{Lu}{2,}$/u.test(w));
  if (sentenceCase) {
    return title
      .split(' ')
      .map((w, i) => (i === 0 || /^\p{Lu}{2,}$/u.test(w) ? w : w.toLowerCase()))
      .join(' ');
  }
  return title;
}
