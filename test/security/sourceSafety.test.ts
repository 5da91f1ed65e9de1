import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../paths';
import { listFiles } from './regexCollection';

/** Everything that runs in the editor or the server: what a document or a config file reaches. */
const shippedSources = ['server/src', 'client/src'].flatMap((directory) => listFiles(path.join(repoRoot, directory), '.ts'));

/** Code that executes text, or reaches the network; none of it belongs in a text analyser. */
const forbidden: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'eval', pattern: /\beval\s*\(/ },
  { what: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { what: 'Function constructor call', pattern: /(?<![\w.])Function\s*\(\s*['"`]/ },
  { what: 'the vm module', pattern: /['"](?:node:)?vm['"]/ },
  { what: 'child processes', pattern: /['"](?:node:)?child_process['"]/ },
  { what: 'network modules', pattern: /['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]/ },
  { what: 'fetch', pattern: /\bfetch\s*\(/ },
  { what: 'XMLHttpRequest or WebSocket', pattern: /\b(?:XMLHttpRequest|WebSocket)\b/ },
  { what: 'require of a computed path', pattern: /\brequire\s*\(\s*(?!['"][^'"]+['"]\s*\))/ },
  { what: 'dynamic import', pattern: /\bimport\s*\(/ },
];

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

suite('nothing in a document or a config file is executed or fetched', () => {
  test('the sources are found', () => {
    assert.ok(shippedSources.length > 20, `found ${shippedSources.length} sources`);
  });

  test('the patterns catch what they are meant to catch', () => {
    const samples: Record<string, string> = {
      eval: 'eval(text)',
      'new Function': 'new Function("return 1")',
      'Function constructor call': 'Function("return 1")',
      'the vm module': "import * as vm from 'node:vm';",
      'child processes': "require('child_process')",
      'network modules': "import * as https from 'https';",
      fetch: 'await fetch(url)',
      'XMLHttpRequest or WebSocket': 'new WebSocket(url)',
      'require of a computed path': 'require(path.join(root, name))',
      'dynamic import': 'await import(configPath)',
    };
    for (const { what, pattern } of forbidden) assert.ok(pattern.test(samples[what]!), `${what} is detected`);
    assert.ok(!forbidden.some(({ pattern }) => pattern.test("import { x } from './local';\nconst text = JSON.parse(raw);")));
  });

  test('server/src and client/src use no eval, Function, vm, child_process, network module, fetch, computed require or dynamic import', () => {
    const found: string[] = [];
    for (const file of shippedSources) {
      const lines = withoutComments(fs.readFileSync(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        for (const { what, pattern } of forbidden) if (pattern.test(line)) found.push(`${path.relative(repoRoot, file)}:${index + 1}: ${what}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });

  test('.postmortem.json is read as JSON only', () => {
    const parsing = fs.readFileSync(path.join(repoRoot, 'server', 'src', 'projectConfig.ts'), 'utf8');
    assert.match(withoutComments(parsing), /JSON\.parse\(/);
    for (const file of ['server/src/projectConfig.ts', 'server/src/node/projectConfig.ts', 'client/src/projectConfig.ts']) {
      assert.doesNotMatch(withoutComments(fs.readFileSync(path.join(repoRoot, file), 'utf8')), /\brequire\s*\(|\bimport\s*\(|\beval\s*\(/, file);
    }
  });
});

/**
 * vscode.dev and github.dev forbid evaluating strings (their Content Security Policy has no
 * `unsafe-eval`), so the browser bundles - our code and every library in them - must not do it.
 */
suite('the browser bundles evaluate no strings', () => {
  // The timeline panel's page script too: its policy (client/src/timelinePage.ts) has no `unsafe-eval` either.
  const bundles = ['dist/browser/client.js', 'dist/browser/server.js', 'dist/webview/timelineView.js'];
  const evaluating: readonly { readonly what: string; readonly pattern: RegExp }[] = [
    { what: 'eval', pattern: /(?<![\w$.])eval\s*\(/ },
    { what: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
    { what: 'Function constructor call', pattern: /(?<![\w$.])Function\s*\(\s*['"`]/ },
    { what: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  ];

  for (const bundle of bundles) {
    test(`${bundle} has no eval, new Function or string timer`, () => {
      const file = path.join(repoRoot, bundle);
      assert.ok(fs.existsSync(file), `${bundle} is built (npm run build)`);
      const text = fs.readFileSync(file, 'utf8');
      const found = evaluating.flatMap(({ what, pattern }) => {
        const match = pattern.exec(text);
        return match ? [`${what} at ${match.index}: ${text.slice(Math.max(0, match.index - 40), match.index + 40)}`] : [];
      });
      assert.deepEqual(found, []);
    });
  }

  test('the patterns catch the minified forms', () => {
    for (const sample of ['x=eval(s)', 'new Function("a","return a")', 'Function("return this")()', 'setTimeout("f()",1)']) {
      assert.ok(evaluating.some(({ pattern }) => pattern.test(sample)), sample);
    }
    assert.ok(!evaluating.some(({ pattern }) => pattern.test('a.eval(b);myFunction(c);setTimeout(f,0)')));
  });
});

suite('workspace trust and virtual workspaces are declared', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported: unknown; description?: string }; virtualWorkspaces?: unknown };
  };

  test('untrusted workspaces: supported, since nothing is executed', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  test('virtual workspaces: fully supported, since every file is read through VS Code (vscode.dev, github.dev)', () => {
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  });
});
