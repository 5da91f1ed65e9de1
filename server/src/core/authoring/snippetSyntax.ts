/**
 * The TextMate/LSP snippet syntax the templates are written in: `$1`, `${1:default}`,
 * `${1|a,b|}`, `$NAME`, `${NAME:default}`, and the escapes `\$`, `\}`, `\\`.
 *
 * Parsing lets the catalog be checked (balanced braces, known variables) and lets the server
 * hand plain text to clients that cannot expand snippets.
 */

/** A piece of a parsed snippet body. */
export type SnippetNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'tabstop'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly type: 'choice'; readonly index: number; readonly options: readonly string[] }
  | { readonly type: 'variable'; readonly name: string; readonly children: readonly SnippetNode[] };

/** A body the parser could not read; `offset` is where it stopped (UTF-16). */
export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'SnippetSyntaxError';
  }
}

/** Variables VS Code resolves in snippets that these templates use. */
export const SNIPPET_TIME_VARIABLES = [
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
] as const;

/** Parses a snippet body. Throws {@link SnippetSyntaxError} on unbalanced or malformed syntax. */
export function parseSnippet(body: string): SnippetNode[] {
  const reader = new Reader(body);
  const nodes = reader.readSequence(false);
  if (!reader.atEnd()) throw new SnippetSyntaxError('Unexpected "}"', reader.position);
  return nodes;
}

/** The names of every variable in a parsed body, in order of first use. */
export function snippetVariables(nodes: readonly SnippetNode[]): string[] {
  const names: string[] = [];
  const visit = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'variable' && !names.includes(node.name)) names.push(node.name);
      if (node.type === 'tabstop' || node.type === 'variable') visit(node.children);
    }
  };
  visit(nodes);
  return names;
}

/** Every tab stop index in a parsed body, in document order (mirrors repeat their index). */
export function snippetTabStops(nodes: readonly SnippetNode[]): number[] {
  const indexes: number[] = [];
  const visit = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'tabstop' || node.type === 'choice') indexes.push(node.index);
      if (node.type === 'tabstop' || node.type === 'variable') visit(node.children);
    }
  };
  visit(nodes);
  return indexes;
}

export interface ExpandOptions {
  /** Values for variables (`CURRENT_HOUR` -> `14`). An unknown variable expands to its default, else to nothing. */
  readonly variables?: Readonly<Record<string, string>>;
  /** What the author typed into each tab stop; tab stops without a value keep their default (or first choice). */
  readonly values?: ReadonlyMap<number, string> | Readonly<Record<number, string>>;
}

/**
 * Expands a snippet body to the text an editor would show once every tab stop holds its value:
 * mirrors repeat the value of their tab stop, choices take their first option.
 */
export function expandSnippet(body: string, options: ExpandOptions = {}): string {
  const nodes = parseSnippet(body);
  const variables = options.variables ?? {};
  const valueOf = (index: number): string | undefined => {
    const values = options.values;
    if (!values) return undefined;
    return values instanceof Map ? values.get(index) : (values as Record<number, string>)[index];
  };
  // A mirror (`$1`) shows what its defining tab stop (`${1:default}`) holds.
  const defaults = new Map<number, string>();
  const collectDefaults = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'tabstop') {
        if (node.children.length > 0 && !defaults.has(node.index)) defaults.set(node.index, render(node.children));
        collectDefaults(node.children);
      } else if (node.type === 'choice' && !defaults.has(node.index)) {
        defaults.set(node.index, node.options[0] ?? '');
      } else if (node.type === 'variable') collectDefaults(node.children);
    }
  };
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.value;
          case 'tabstop':
            return valueOf(node.index) ?? (node.children.length > 0 ? render(node.children) : (defaults.get(node.index) ?? ''));
          case 'choice':
            return valueOf(node.index) ?? node.options[0] ?? '';
          case 'variable':
            return variables[node.name] ?? render(node.children);
        }
      })
      .join('');
  collectDefaults(nodes);
  return render(nodes);
}

/** Escapes literal text for use inside a snippet body (or a placeholder's default). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The time variables as VS Code resolves them for a given instant, seen on a clock
 * `utcOffsetMinutes` east of UTC (the local zone, e.g. 120 for UTC+02:00).
 */
export function snippetTimeVariables(instant: Date, utcOffsetMinutes: number): Record<(typeof SNIPPET_TIME_VARIABLES)[number], string> {
  const local = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return {
    CURRENT_YEAR: String(local.getUTCFullYear()),
    CURRENT_YEAR_SHORT: String(local.getUTCFullYear()).slice(-2),
    CURRENT_MONTH: pad(local.getUTCMonth() + 1),
    CURRENT_MONTH_NAME: MONTH_NAMES[local.getUTCMonth()]!,
    CURRENT_MONTH_NAME_SHORT: MONTH_NAMES[local.getUTCMonth()]!.slice(0, 3),
    CURRENT_DATE: pad(local.getUTCDate()),
    CURRENT_DAY_NAME: DAY_NAMES[local.getUTCDay()]!,
    CURRENT_DAY_NAME_SHORT: DAY_NAMES[local.getUTCDay()]!.slice(0, 3),
    CURRENT_HOUR: pad(local.getUTCHours()),
    CURRENT_MINUTE: pad(local.getUTCMinutes()),
    CURRENT_SECOND: pad(local.getUTCSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(instant.getTime() / 1000)),
    CURRENT_TIMEZONE_OFFSET: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  };
}

class Reader {
  #offset = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  get position(): number {
    return this.#offset;
  }

  atEnd(): boolean {
    return this.#offset >= this.#text.length;
  }

  /** Reads nodes up to the end, or (when `nested`) up to an unescaped `}` it leaves unread. */
  readSequence(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (!this.atEnd()) {
      const c = this.#text[this.#offset]!;
      if (c === '\\') {
        const next = this.#text[this.#offset + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.#offset += 2;
        } else {
          text += c;
          this.#offset++;
        }
        continue;
      }
      if (c === '}') {
        if (nested) break;
        throw new SnippetSyntaxError('Unescaped "}"', this.#offset);
      }
      if (c === '$') {
        const node = this.#readDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += c;
      this.#offset++;
    }
    flush();
    return nodes;
  }

  #readDollar(): SnippetNode | undefined {
    const rest = this.#text.slice(this.#offset + 1);
    const simple = /^(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
    if (simple) {
      this.#offset += 1 + simple[0].length;
      return simple[1] !== undefined ? { type: 'tabstop', index: Number(simple[1]), children: [] } : { type: 'variable', name: simple[2]!, children: [] };
    }
    if (rest[0] !== '{') return undefined;
    const start = this.#offset;
    const head = /^\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
    if (!head) throw new SnippetSyntaxError('Expected a tab stop number or a variable name after "${"', start);
    this.#offset += 1 + head[0].length;
    const index = head[1] !== undefined ? Number(head[1]) : undefined;
    const after = this.#text[this.#offset];
    if (after === '}') {
      this.#offset++;
      return index !== undefined ? { type: 'tabstop', index, children: [] } : { type: 'variable', name: head[2]!, children: [] };
    }
    if (after === '|' && index !== undefined) return this.#readChoice(index, start);
    if (after !== ':') throw new SnippetSyntaxError(`Unexpected ${after === undefined ? 'end' : `"${after}"`} in "\${"`, this.#offset);
    this.#offset++;
    const children = this.readSequence(true);
    if (this.#text[this.#offset] !== '}') throw new SnippetSyntaxError('Unclosed "${"', start);
    this.#offset++;
    return index !== undefined ? { type: 'tabstop', index, children } : { type: 'variable', name: head[2]!, children };
  }

  #readChoice(index: number, start: number): SnippetNode {
    this.#offset++; // the opening `|`
    const options: string[] = [];
    let current = '';
    while (!this.atEnd()) {
      const c = this.#text[this.#offset]!;
      if (c === '\\' && /[,|\\$}]/.test(this.#text[this.#offset + 1] ?? '')) {
        current += this.#text[this.#offset + 1];
        this.#offset += 2;
        continue;
      }
      if (c === ',') {
        options.push(current);
        current = '';
        this.#offset++;
        continue;
      }
      if (c === '|' && this.#text[this.#offset + 1] === '}') {
        options.push(current);
        this.#offset += 2;
        return { type: 'choice', index, options };
      }
      current += c;
      this.#offset++;
    }
    throw new SnippetSyntaxError('Unclosed choice', start);
  }
}
