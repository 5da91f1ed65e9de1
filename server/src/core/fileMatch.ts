/**
 * Glob-style file name matching for `files.include`, without a glob library (the core has no
 * dependencies). `*` and `?` stay within one path segment, `**` crosses segments, `{a,b}` lists
 * alternatives. Matching ignores case, since `Postmortem.md` and `postmortem.md` are the same
 * intent. A pattern without `/` is matched against the file's base name only; a relative
 * pattern with `/` (`docs/incidents/*.md`) may match at any folder boundary, since the core
 * does not know the workspace root.
 */

const compiled = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let cached = compiled.get(pattern);
  if (cached) return cached;
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` also matches no folder at all.
        if (pattern[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '{') {
      braceDepth++;
      source += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (c === ',' && braceDepth > 0) {
      source += '|';
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  source += ')'.repeat(braceDepth);
  cached = new RegExp(`^${source}$`, 'i');
  if (compiled.size > 256) compiled.clear();
  compiled.set(pattern, cached);
  return cached;
}

/**
 * True when `path` matches any of `patterns`.
 *
 * @param path a file path with `/` or `\` separators (a URI's decoded path works).
 */
export function matchesFilePatterns(path: string, patterns: readonly string[]): boolean {
  const normalised = path.replace(/\\/g, '/');
  const baseName = normalised.slice(normalised.lastIndexOf('/') + 1);
  return patterns.some((pattern) => {
    const p = pattern.replace(/\\/g, '/');
    if (!p.includes('/')) return compile(p).test(baseName);
    return compile(p.startsWith('/') || p.startsWith('**/') ? p : `**/${p}`).test(normalised);
  });
}
