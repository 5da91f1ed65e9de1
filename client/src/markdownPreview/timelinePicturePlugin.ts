// A markdown-it plugin that draws a postmortem's timeline under its heading in VS Code's Markdown
// preview. It knows nothing of VS Code: `pictureFor` (previewPictures.ts) says, for the document
// being rendered, which line the heading is on and what to draw there.

/** The parts of markdown-it's token the plugin reads. */
export interface MarkdownToken {
  readonly type: string;
  readonly nesting: number;
  readonly level: number;
  readonly map: [number, number] | null;
}

type RenderRule = (tokens: MarkdownToken[], index: number, options: unknown, env: unknown, self: MarkdownRenderer) => string;

interface MarkdownRenderer {
  rules: Record<string, RenderRule | undefined>;
  renderToken(tokens: MarkdownToken[], index: number, options: unknown): string;
}

/** The parts of a markdown-it instance the plugin uses (VS Code passes its own instance). */
export interface MarkdownItLike {
  readonly renderer: MarkdownRenderer;
}

/** What to draw for a document: the picture, under the block on `headingLine`. */
export interface PreviewPicture {
  /** Zero-based line of the timeline heading in the rendered source. */
  readonly headingLine: number;
  /** The markup to put after that block (see {@link pictureMarkup}). */
  readonly html: string;
}

/** `env` is markdown-it's render environment; VS Code's preview puts the document's URI in it. */
export type PictureLookup = (env: unknown) => PreviewPicture | undefined;

/** The class of the element holding the picture in the rendered HTML. */
export const pictureClass = 'postmortem-timeline-picture';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The HTML for a server drawing: the SVG (labels already escaped by the core), or the reason there
 * is nothing to draw. Undefined when the document has no timeline heading to put it under.
 */
export function pictureMarkup(picture: { svg: string; message?: string; headingLine?: number }): PreviewPicture | undefined {
  if (picture.headingLine === undefined) return undefined;
  // Scaled down to the preview's width rather than cut off at its edge.
  const html = picture.svg
    ? `<div class="${pictureClass}"><style>.${pictureClass} svg{max-width:100%;height:auto}</style>${picture.svg}</div>\n`
    : `<p class="${pictureClass}"><em>${escapeHtml(picture.message ?? 'Nothing to draw.')}</em></p>\n`;
  return { headingLine: picture.headingLine, html };
}

/** The token opening the block that `tokens[closeIndex]` closes. */
function openingToken(tokens: readonly MarkdownToken[], closeIndex: number): MarkdownToken | undefined {
  const closing = tokens[closeIndex];
  for (let index = closeIndex - 1; index >= 0; index--) {
    const token = tokens[index]!;
    if (token.level === closing?.level && token.nesting === 1) return token;
  }
  return undefined;
}

/**
 * Appends the picture after the top-level heading or paragraph holding the timeline heading's
 * line (`## Timeline`, or `**Timeline:**` and `TIMELINE:`, which Markdown reads as paragraphs).
 * A render rule, not a parse rule: VS Code caches the tokens of a document version, and the
 * picture may arrive after them.
 */
export function timelinePicturePlugin(md: MarkdownItLike, pictureFor: PictureLookup): void {
  for (const type of ['heading_close', 'paragraph_close']) {
    const previous = md.renderer.rules[type];
    md.renderer.rules[type] = (tokens, index, options, env, self) => {
      const rendered = previous ? previous(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
      const open = openingToken(tokens, index);
      if (!open?.map || open.level !== 0) return rendered;
      const picture = pictureFor(env);
      if (!picture || picture.headingLine < open.map[0] || picture.headingLine >= open.map[1]) return rendered;
      return rendered + picture.html;
    };
  }
}
