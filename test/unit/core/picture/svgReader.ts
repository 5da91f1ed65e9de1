import { estimateTextWidth } from '../../../../server/src/core/picture/svgText';

/** An element of the drawing, read back from its markup. */
export interface SvgElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: SvgElement[];
  /** Text content (entities decoded), of this element only. */
  text: string;
  readonly parent?: SvgElement;
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
const ATTRIBUTE = /([\w:.-]+)="([^"<]*)"/g;
const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const DECODED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * Reads SVG markup strictly: every character belongs to a tag, a comment or text, tags nest,
 * attribute values are quoted, and text holds no `&` but the five entities. Throws otherwise,
 * so a label that leaked markup fails the test reading it.
 */
export function readSvg(markup: string): SvgElement {
  const root: SvgElement = { name: '#root', attributes: {}, children: [], text: '' };
  let open: SvgElement = root;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < markup.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(markup);
    if (!match) throw new Error(`not well-formed at ${at}: ${JSON.stringify(markup.slice(at, at + 60))}`);
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|#39);)/.test(text) || text.includes('>')) throw new Error(`raw character in text at ${at}`);
      open.text += text.replace(ENTITY, (_, entity: string) => DECODED[entity]!);
    } else if (name === undefined) {
      continue;
    } else if (closing) {
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}> at ${at}`);
      open = open.parent!;
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText!.matchAll(ATTRIBUTE)) {
        if (key! in attributes) throw new Error(`attribute ${key} twice at ${at}`);
        attributes[key!] = value!.replace(ENTITY, (_, entity: string) => DECODED[entity]!);
      }
      const element: SvgElement = { name, attributes, children: [], text: '', parent: open };
      open.children.push(element);
      if (!selfClosing) open = element;
    }
  }
  if (open !== root) throw new Error(`<${open.name}> never closed`);
  if (root.children.length !== 1 || root.children[0]!.name !== 'svg') throw new Error('not a single <svg> element');
  return root.children[0]!;
}

/** Every element under `element` (itself included), depth first. */
export function allElements(element: SvgElement): SvgElement[] {
  const found = [element];
  for (const child of element.children) found.push(...allElements(child));
  return found;
}

/** A text's estimated box: the same width estimate the layout uses, the font's ascent and descent. */
export interface TextBox {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export function textBoxes(svg: SvgElement, fontSize = 11): TextBox[] {
  return allElements(svg)
    .filter((element) => element.name === 'text')
    .map((element) => {
      const x = Number(element.attributes.x);
      const y = Number(element.attributes.y);
      const classes = `${element.attributes.class ?? ''} ${element.parent?.attributes.class ?? ''}`;
      const width = estimateTextWidth(element.text, fontSize, /\b(pm-header|pm-milestone-label|pm-day|pm-current)\b/.test(classes));
      const anchor = element.attributes['text-anchor'] ?? 'start';
      const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
      return { text: element.text, left, right: left + width, top: y - fontSize * 0.8, bottom: y + fontSize * 0.25 };
    });
}

/** Pairs of boxes that overlap. */
export function overlaps(boxes: readonly TextBox[]): [TextBox, TextBox][] {
  const found: [TextBox, TextBox][] = [];
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.left < sorted[i]!.right; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.top < b.bottom && b.top < a.bottom) found.push([a, b]);
    }
  }
  return found;
}
