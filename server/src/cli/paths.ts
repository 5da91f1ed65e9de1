import { promises as fs } from 'node:fs';
import * as path from 'node:path';
// `require`, so the bundler takes tinyglobby's CommonJS build: its ES module build reads
// `import.meta.url`, which a CommonJS bundle does not have.
import tinyglobby = require('tinyglobby');
import { GitIgnore } from './gitignore';

/** Extensions of the files a folder or a glob can yield (postmortems are Markdown or plain text). */
export const postmortemExtensions: readonly string[] = Object.freeze(['md', 'markdown', 'mdown', 'mkd', 'txt', 'text', 'postmortem']);

/** Folders never searched: they hold no one's postmortems and can be huge. */
const alwaysSkipped = ['**/node_modules/**', '**/.git/**'];

/** One file to check. */
export type CheckTarget =
  | { readonly kind: 'stdin' }
  | {
      readonly kind: 'file';
      /** As the user sees it: the argument itself when named, else the path relative to the working folder. */
      readonly display: string;
      readonly absolute: string;
      /**
       * Named on the command line: always checked. A file found in a folder or by a glob is
       * checked only when it is a postmortem (the editor's rule: name or content).
       */
      readonly named: boolean;
      /** The folder or glob argument that found it. */
      readonly foundBy?: string;
    };

export interface ExpandedPaths {
  readonly targets: readonly CheckTarget[];
  /** Arguments that yielded no file, with the reason. */
  readonly unmatched: readonly { readonly argument: string; readonly message: string }[];
}

/**
 * Turns command-line paths into files: `-` is standard input; a file is itself; a folder is
 * searched recursively for Markdown, plain-text and `.postmortem` files; anything else with glob
 * characters is a glob (relative to `cwd`). Folders and globs skip dot files, `node_modules` and
 * what `.gitignore` ignores. A file reached twice is checked once; the order is the arguments',
 * each folder's or glob's files sorted.
 */
export async function expandPaths(args: readonly string[], cwd: string): Promise<ExpandedPaths> {
  const gitIgnore = new GitIgnore(cwd);
  const targets: CheckTarget[] = [];
  const unmatched: { argument: string; message: string }[] = [];
  const seen = new Set<string>();
  let stdin = false;
  const add = (target: CheckTarget) => {
    if (target.kind === 'stdin') {
      if (!stdin) targets.push(target);
      stdin = true;
      return;
    }
    if (seen.has(target.absolute)) return;
    seen.add(target.absolute);
    targets.push(target);
  };

  for (const argument of args) {
    if (argument === '-') {
      add({ kind: 'stdin' });
      continue;
    }
    const absolute = path.resolve(cwd, argument);
    const kind = await statKind(absolute);
    if (kind === 'directory') {
      const found = await search(['**/*'], absolute, gitIgnore);
      if (found.length === 0) unmatched.push({ argument, message: `no Markdown or plain-text files in ${argument}` });
      for (const file of found) add({ kind: 'file', display: displayPath(cwd, file), absolute: file, named: false, foundBy: argument });
    } else if (kind === undefined && tinyglobby.isDynamicPattern(argument)) {
      const found = await search([argument], cwd, gitIgnore);
      if (found.length === 0) unmatched.push({ argument, message: `no Markdown or plain-text files match ${argument}` });
      for (const file of found) add({ kind: 'file', display: displayPath(cwd, file), absolute: file, named: false, foundBy: argument });
    } else {
      // A file, or a path that cannot be read: reading it reports why.
      add({ kind: 'file', display: argument, absolute, named: true });
    }
  }
  return { targets, unmatched };
}

/** A path relative to `cwd` with `/` separators, or the absolute path when outside it. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

async function statKind(file: string): Promise<'file' | 'directory' | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}

async function search(patterns: string[], cwd: string, gitIgnore: GitIgnore): Promise<string[]> {
  const files = await tinyglobby.glob(patterns, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: alwaysSkipped, followSymbolicLinks: false });
  const kept: string[] = [];
  for (const file of files.map((f) => path.resolve(f)).sort()) {
    const dot = file.lastIndexOf('.');
    const extension = dot > file.lastIndexOf(path.sep) ? file.slice(dot + 1).toLowerCase() : '';
    if (!postmortemExtensions.includes(extension)) continue;
    if (await gitIgnore.ignores(file)) continue;
    kept.push(file);
  }
  return kept;
}
