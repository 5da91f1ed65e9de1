/**
 * Text for SVG markup: escaping, and width estimates for laying labels out without a DOM.
 */

/** Characters XML 1.0 forbids even as references, and lone surrogate halves. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP = /[&<>"']/g;
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for an SVG text node or a quoted attribute: markup characters become
 * entities, and characters XML cannot carry become U+FFFD, so any entry text is text and the
 * document stays well-formed.
 */
export function escapeXml(text: string): string {
  // Most labels need nothing: one scan instead of two replacements.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(MARKUP, (c) => ENTITY[c]!);
}

/**
 * Widths of characters in ems, on the wide side of common sans-serif faces (DejaVu Sans,
 * Segoe UI, Helvetica): an estimate that errs wide keeps estimated boxes apart when drawn.
 */
function charWidth(code: number): number {
  if (code < 0x80) return ASCII_WIDTHS[code]!;
  // Accented Latin, Greek, Cyrillic: like lower-case Latin, a little wider.
  if (code < 0x1100) return 0.7;
  // CJK, symbols, emoji: full width.
  return 1.05;
}

/** Widths of the ASCII characters, looked up for every character of every label. */
const ASCII_WIDTHS = (() => {
  const widths = new Float64Array(128);
  for (let code = 0; code < 128; code++) {
    const c = String.fromCharCode(code);
    widths[code] =
      c === ' ' || 'il.,:;|!\'`'.includes(c)
        ? 0.32
        : 'fjrtI()[]{}/\\-'.includes(c)
          ? 0.42
          : 'mwMW@%'.includes(c)
            ? 0.98
            : c >= 'A' && c <= 'Z'
              ? 0.74
              : c >= '0' && c <= '9'
                ? 0.64
                : 0.62;
  }
  return widths;
})();

/** Bold glyphs are wider: about a tenth in the faces above (measured in Chromium). */
const BOLD_FACTOR = 1.14;

/** Estimated rendered width in px of `text` at `fontSize` px, in bold when `bold`. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The high half of a pair counts; the low half adds nothing.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    ems += charWidth(code);
  }
  return ems * fontSize * (bold ? BOLD_FACTOR : 1);
}

/**
 * `text` cut to at most `maxWidth` px (estimated), at a word boundary when one is near, with
 * `…` marking the cut. Never splits a surrogate pair.
 */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) return text;
  const scale = bold ? BOLD_FACTOR : 1;
  const budget = maxWidth / scale - estimateTextWidth('…', fontSize);
  let width = 0;
  let end = 0;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    const step = code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
    const next = width + charWidth(code) * fontSize;
    if (next > budget) break;
    width = next;
    end += step;
  }
  let cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return `${withoutTrailingPunctuation(cut.trimEnd())}…`;
}

/** `text` without the run of `.,;:` it ends with: a loop from the end, where `/[.,;:]+$/` would retry from every comma of a long run. */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.,;:'.includes(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` cut to at most `maxLength` UTF-16 units (not splitting a pair), `…` marking a cut. */
export function clipText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A coordinate rounded to a tenth of a pixel, so markup stays short. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}
