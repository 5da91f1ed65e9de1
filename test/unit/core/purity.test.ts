import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../paths';

const coreDirectory = path.join(repoRoot, 'server', 'src', 'core');

/** Every module specifier in `import`/`export ... from`, `import()` and `require()`. */
export function importedModules(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  }
  return specifiers;
}

const builtins = new Set(builtinModules);

/** Why a core file may not import `specifier`, or undefined when it may. */
export function forbiddenReason(specifier: string): string | undefined {
  if (/^vscode(?:-|$|\/)/.test(specifier)) return 'editor or LSP package';
  if (specifier.startsWith('node:')) return 'Node built-in';
  if (builtins.has(specifier.split('/')[0]!)) return 'Node built-in';
  return undefined;
}

function listTypeScriptFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listTypeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

suite('core purity', () => {
  test('recognises every import form and every forbidden module', () => {
    const sample = [
      "import type { Connection } from 'vscode-languageserver';",
      "import * as fs from 'fs';",
      "import {\n  join,\n} from 'node:path';",
      "export { x } from 'os';",
      "import 'child_process';",
      "const v = require('vscode');",
      "const t = await import('vscode-languageserver-textdocument');",
      "import { parse } from './parse/parser';",
    ].join('\n');
    const found = importedModules(sample);
    assert.deepEqual(found.sort(), [
      './parse/parser',
      'child_process',
      'fs',
      'node:path',
      'os',
      'vscode',
      'vscode-languageserver',
      'vscode-languageserver-textdocument',
    ]);
    assert.deepEqual(
      found.filter((s) => forbiddenReason(s) !== undefined).sort(),
      ['child_process', 'fs', 'node:path', 'os', 'vscode', 'vscode-languageserver', 'vscode-languageserver-textdocument'],
    );
  });

  test('server/src/core imports no editor, LSP or Node module', () => {
    const files = listTypeScriptFiles(coreDirectory);
    assert.ok(files.length >= 5, `expected the core's sources under ${coreDirectory}, found ${files.length}`);
    const violations = files.flatMap((file) =>
      importedModules(fs.readFileSync(file, 'utf8')).flatMap((specifier) => {
        const reason = forbiddenReason(specifier);
        return reason ? [`${path.relative(repoRoot, file)} imports '${specifier}' (${reason})`] : [];
      }),
    );
    assert.deepEqual(violations, []);
  });
});
