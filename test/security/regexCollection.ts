import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../paths';

/** A regular expression the core uses, and where it was found. */
export interface CollectedRegex {
  readonly source: string;
  readonly flags: string;
  /** `file:line` for literals; `constructed` for `new RegExp(...)` values seen at run time. */
  readonly where: string;
}

export const coreSourceDirectory = path.join(repoRoot, 'server', 'src', 'core');
const compiledCoreDirectory = path.join(repoRoot, 'out', 'server', 'src', 'core');

export function listFiles(directory: string, extension: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listFiles(full, extension);
    return entry.name.endsWith(extension) ? [full] : [];
  });
}

/** Every regular expression literal in the core's TypeScript sources, found with the compiler's parser. */
export function regexLiterals(): CollectedRegex[] {
  const found: CollectedRegex[] = [];
  for (const file of listFiles(coreSourceDirectory, '.ts')) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${path.relative(repoRoot, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Files whose source builds a pattern at run time with `new RegExp` / `RegExp(`. */
export function filesConstructingRegexes(): string[] {
  return listFiles(coreSourceDirectory, '.ts').filter((file) => /\bRegExp\s*\(/.test(fs.readFileSync(file, 'utf8')));
}

/**
 * Every pattern built with the `RegExp` constructor while the compiled core modules load (fresh,
 * outside the require cache) and while `exercise` runs: the patterns the sources assemble from
 * strings, which a scan of literals cannot see.
 */
export function constructedRegexes(exercise: (load: (module: string) => unknown) => void): CollectedRegex[] {
  const seen = new Map<string, CollectedRegex>();
  const original = globalThis.RegExp;
  const recording = new Proxy(original, {
    construct(target, args: [string | RegExp, string?], newTarget) {
      const made = Reflect.construct(target, args, newTarget === recording ? target : newTarget) as RegExp;
      seen.set(`${made.source}/${made.flags}`, { source: made.source, flags: made.flags, where: 'constructed' });
      return made;
    },
    apply(target, thisArgument, args: [string | RegExp, string?]) {
      const made = Reflect.apply(target, thisArgument, args) as RegExp;
      seen.set(`${made.source}/${made.flags}`, { source: made.source, flags: made.flags, where: 'constructed' });
      return made;
    },
  });
  const cached = Object.keys(require.cache).filter((key) => key.startsWith(compiledCoreDirectory));
  const saved = new Map(cached.map((key) => [key, require.cache[key]]));
  for (const key of cached) delete require.cache[key];
  globalThis.RegExp = recording;
  try {
    exercise((module) => require(path.join(compiledCoreDirectory, module)));
  } finally {
    globalThis.RegExp = original;
    for (const key of Object.keys(require.cache)) if (key.startsWith(compiledCoreDirectory)) delete require.cache[key];
    for (const [key, module] of saved) require.cache[key] = module;
  }
  return [...seen.values()];
}
