#!/usr/bin/env node
// The one test command (`npm test`): builds once, then runs every layer in order - unit, property,
// security (ReDoS, executed/fetched code), protocol, CLI, grammar, corpus (documents the project
// does not own), Neovim, Emacs (eglot), the extension-host suite in VS Code for the Web (and its UI
// leg), the same suite in VS Code (code-server), the UI journey and the packaged .vsix contents -
// streaming each layer's own output. Every layer runs even after a failure, so one run shows every
// count; the exit code is non-zero when any layer failed. Ends with a table and one
// `N passed, N failed` line.
//
// The corpus layer reads POSTMORTEM_CORPUS (default ../shared beside the repository). Without that
// folder the layer is shown as `not run: no corpus at PATH`, counted neither as passed nor as
// failed, so a fresh clone passes; with CI=true a missing corpus is a failure, since CI must run it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const layers = ['unit', 'property', 'security', 'protocol', 'cli', 'grammar', 'corpus', 'nvim', 'emacs', 'web', 'e2e', 'ui', 'package'];
/** The same folder test/corpus/corpusRoot.ts reads. */
const corpusRoot = path.resolve(process.env.POSTMORTEM_CORPUS ?? path.join(repoRoot, '..', 'shared'));
const inCi = process.env.CI === 'true';

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
  if (layer === 'corpus' && !existsSync(corpusRoot)) {
    if (inCi) {
      console.log(`No corpus at ${corpusRoot}: CI must run the corpus layer (set POSTMORTEM_CORPUS).`);
      results.push({ layer, passed: 0, failed: 1, seconds: 0, code: 1, note: `failed: no corpus at ${corpusRoot}` });
    } else {
      console.log(`not run: no corpus at ${corpusRoot} (set POSTMORTEM_CORPUS to run it)`);
      results.push({ layer, passed: 0, failed: 0, seconds: 0, code: 0, note: `not run: no corpus at ${corpusRoot}`, notRun: true });
    }
    continue;
  }
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
  if (r.note) console.log(`${r.layer.padEnd(10)} ${r.note}`);
  else console.log(`${r.layer.padEnd(10)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
for (const r of results) if (r.passed === 0 && !r.note) console.log(`The ${r.layer} layer ran no test: counted as a failure.`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
