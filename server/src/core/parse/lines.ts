import type { Span } from '../model';
import { runToEnd } from '../steps';

/** One line of the document, without its line break. */
export interface Line {
  /** Zero-based line number. */
  readonly index: number;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  readonly text: string;
  /** True inside fenced code, front matter or an HTML comment block. */
  ignored: boolean;
}

/** Splits text into lines on `\r\n`, `\n` and a lone `\r`, keeping exact offsets. */
export function splitLines(text: string): Line[] {
  return runToEnd(splitLinesInSteps(text));
}

/** Lines split between two steps of {@link splitLinesInSteps}: a few milliseconds of work. */
const linesPerSplitStep = 65_536;

/**
 * {@link splitLines} in steps, for the stepwise parse: a 10 MB document is split in slices of a
 * few milliseconds rather than in one call. The engine's `indexOf` finds each break (one search
 * per kind of break, resumed only once passed), as fast as `split` and without its array of pieces.
 */
export function* splitLinesInSteps(text: string): Generator<void, Line[], void> {
  const lines: Line[] = [];
  // A byte order mark is not part of the first line's text (it would hide a `#` heading).
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let nextLineFeed = text.indexOf('\n', start);
  let nextCarriageReturn = text.indexOf('\r', start);
  for (let untilStep = linesPerSplitStep; ; untilStep--) {
    if (untilStep === 0) {
      untilStep = linesPerSplitStep;
      yield;
    }
    if (nextLineFeed >= 0 && nextLineFeed < start) nextLineFeed = text.indexOf('\n', start);
    if (nextCarriageReturn >= 0 && nextCarriageReturn < start) nextCarriageReturn = text.indexOf('\r', start);
    const end = nextLineFeed < 0 ? nextCarriageReturn : nextCarriageReturn < 0 ? nextLineFeed : Math.min(nextLineFeed, nextCarriageReturn);
    if (end < 0) {
      lines.push({ index: lines.length, start, end: text.length, text: text.slice(start), ignored: false });
      return lines;
    }
    lines.push({ index: lines.length, start, end, text: text.slice(start, end), ignored: false });
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** Lines read between two steps of a long loop of the stepwise parse: a few milliseconds of work at most. */
export const linesPerStep = 4096;


export function isBlank(line: Line | undefined): boolean {
  if (line === undefined) return true;
  // Called for every line by several phases: a character loop, no regex.
  const text = line.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x0b && c !== 0x0c && c !== 0xa0 && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200a) && c !== 0x3000 && c !== 0x202f && c !== 0x205f && c !== 0x1680 && c !== 0x2028 && c !== 0x2029) return false;
  }
  return true;
}

/** Leading indentation in columns, a tab counting four. */
export function indentWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width += 1;
    else if (c === 9) width += 4;
    else break;
  }
  return width;
}

/** Offset of the first character that is not a space or a tab. */
export function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/;

/**
 * Marks front matter, fenced code and multi-line HTML comments as ignored and returns their spans.
 * An unclosed fence whose info string says Markdown (an assistant's ```` ```markdown ```` wrapper
 * that was never closed) is treated as transparent, because its content is the document.
 */
export function markIgnoredRegions(lines: Line[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  const firstContent = lines.findIndex((l) => !isBlank(l));
  if (firstContent >= 0 && /^---\s*$/.test(lines[firstContent]!.text)) {
    const close = lines.findIndex((l, j) => j > firstContent && j < firstContent + 200 && /^(?:---|\.\.\.)\s*$/.test(l.text));
    const looksLikeYaml = close > firstContent + 1 && /^[\w-]+\s*:/.test(lines[firstContent + 1]!.text);
    if (close > 0 && looksLikeYaml) {
      for (let j = firstContent; j <= close; j++) lines[j]!.ignored = true;
      spans.push({ start: lines[firstContent]!.start, end: lines[close]!.end });
      i = close + 1;
    }
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE_OPEN.exec(line.text);
    if (fence) {
      const marker = fence[1]!;
      const closePattern = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      let close = -1;
      for (let j = i + 1; j < lines.length; j++) {
        if (closePattern.test(lines[j]!.text)) {
          close = j;
          break;
        }
      }
      if (close < 0 && /^(?:markdown|md|mdx)$/i.test(fence[2] ?? '')) {
        line.ignored = true;
        continue;
      }
      const last = close < 0 ? lines.length - 1 : close;
      for (let j = i; j <= last; j++) lines[j]!.ignored = true;
      spans.push({ start: line.start, end: lines[last]!.end });
      i = last;
      continue;
    }
    if (/^\s*<!--/.test(line.text) && !/-->/.test(line.text)) {
      let close = lines.length - 1;
      for (let j = i + 1; j < lines.length; j++) {
        if (/-->/.test(lines[j]!.text)) {
          close = j;
          break;
        }
      }
      for (let j = i; j <= close; j++) lines[j]!.ignored = true;
      spans.push({ start: line.start, end: lines[close]!.end });
      i = close;
    }
  }
  return spans;
}

/** Index of the line containing `offset` (binary search over line starts). */
export function lineAt(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The lines whose start lies in `span` (half-open). */
export function linesIn(lines: readonly Line[], span: { start: number; end: number }): Line[] {
  if (span.end <= span.start) return [];
  const first = lineAt(lines, span.start);
  const from = lines[first]!.start < span.start ? first + 1 : first;
  const result: Line[] = [];
  for (let i = from; i < lines.length && lines[i]!.start < span.end; i++) result.push(lines[i]!);
  return result;
}
