#!/usr/bin/env node
// The one test command (`npm test`): builds once, then runs every layer in order - unit, property,
// security (ReDoS, executed/fetched code), protocol, CLI, grammar, Neovim, VS Code extension host
// (code-server), the same in VS Code for the Web (and its UI leg), the UI journey and the packaged .vsix contents - streaming each layer's own output. Every layer runs even after a failure, so one run shows every count; the
// exit code is non-zero when any layer failed. Ends with a table and one `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const layers = ['unit', 'property', 'security', 'protocol', 'cli', 'grammar', 'nvim', 'e2e', 'web', 'ui', 'package'];

/** Runs `npm run <script>`, echoing its output, and returns the exit code and the text. */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (target) => (chunk) => {
      output += chunk;
      target.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Pass/fail counts from a layer's output: mocha's summary, the UI journey's, or grammar files. */
function countsOf(output) {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const passing = [...plain.matchAll(/^\s*(\d+) passing\b/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  const failing = [...plain.matchAll(/^\s*(\d+) failing\b/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (passing + failing > 0) return { passed: passing, failed: failing };
  const grammarPassed = (plain.match(/run successfuly/g) ?? []).length;
  const grammarFailed = (plain.match(/^\s*✖|failed/gm) ?? []).length;
  return { passed: grammarPassed, failed: grammarFailed };
}

const results = [];
const build = await run('build');
if (build.code !== 0) {
  console.error('\nThe build failed; no test layer ran.');
  process.exit(build.code);
}
for (const layer of layers) {
  console.log(`\n=== ${layer} ===`);
  const started = Date.now();
  const { code, output } = await run(`test:${layer}`);
  const counts = countsOf(output);
  // A layer that exits non-zero failed even if its output named no failing test (a crash).
  // So does one that ran no test at all.
  const failed = (code !== 0 || counts.passed === 0) && counts.failed === 0 ? 1 : counts.failed;
  results.push({ layer, passed: counts.passed, failed, seconds: (Date.now() - started) / 1000, code });
}

console.log('\nlayer      passed  failed  seconds');
for (const r of results) {
  console.log(`${r.layer.padEnd(10)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
for (const r of results) if (r.passed === 0) console.log(`The ${r.layer} layer ran no test: counted as a failure.`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
