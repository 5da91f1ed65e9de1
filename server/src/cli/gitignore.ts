import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * Answers "does git ignore this file?" from the `.gitignore` files between the repository root
 * (the nearest folder above holding `.git`; without one, `fallbackRoot`) and the file, plus
 * `.git/info/exclude`. Deeper files decide over shallower ones, and a `!pattern` re-includes,
 * as in git. The user's global excludes file is not read.
 */
export class GitIgnore {
  readonly #fallbackRoot: string;
  readonly #roots = new Map<string, Promise<string>>();
  readonly #rules = new Map<string, Promise<Ignore | undefined>>();

  constructor(fallbackRoot: string) {
    this.#fallbackRoot = path.resolve(fallbackRoot);
  }

  /** Whether `file` (an absolute path) is ignored. */
  async ignores(file: string): Promise<boolean> {
    const root = await this.#rootOf(path.dirname(file));
    const relative = path.relative(root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const parts = relative.split(path.sep);
    let ignored = false;
    // Each folder's rules speak about paths relative to that folder, from the root down.
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = path.join(root, ...parts.slice(0, depth));
      const rules = await this.#rulesOf(folder, depth === 0);
      if (!rules) continue;
      const result = rules.test(parts.slice(depth).join('/'));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  #rootOf(folder: string): Promise<string> {
    let found = this.#roots.get(folder);
    if (!found) {
      found = (async () => {
        if (await exists(path.join(folder, '.git'))) return folder;
        const parent = path.dirname(folder);
        if (parent === folder) return this.#fallbackRoot;
        return this.#rootOf(parent);
      })();
      this.#roots.set(folder, found);
    }
    return found;
  }

  #rulesOf(folder: string, isRoot: boolean): Promise<Ignore | undefined> {
    let rules = this.#rules.get(folder);
    if (!rules) {
      rules = (async () => {
        const texts = await Promise.all([readIfPresent(path.join(folder, '.gitignore')), isRoot ? readIfPresent(path.join(folder, '.git', 'info', 'exclude')) : undefined]);
        const present = texts.filter((text): text is string => text !== undefined);
        return present.length > 0 ? ignore().add(present.join('\n')) : undefined;
      })();
      this.#rules.set(folder, rules);
    }
    return rules;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
