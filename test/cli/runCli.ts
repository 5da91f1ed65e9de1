import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../paths';

/** The CLI's own fixtures. */
export const cliFixtures = path.join(repoRoot, 'test', 'fixtures', 'cli');
export const cliBundle = path.join(repoRoot, 'dist', 'cli.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program and collects its output; `input` goes to its standard input. */
export function runProgram(command: string, args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A program that exits without reading its input closes the pipe: not an error of the test.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the bundled CLI, as `npx postmortem` would. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return runProgram(process.execPath, [cliBundle, ...args], options);
}

/** A fresh temporary folder, removed by the returned function. */
export function makeTemporaryFolder(): { folder: string; remove: () => void } {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-cli-')));
  return {
    folder,
    remove: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

/** Copies a fixture folder (or file) into `target`. */
export function copyFixture(name: string, target: string): string {
  const destination = path.join(target, path.basename(name));
  fs.cpSync(path.join(cliFixtures, name), destination, { recursive: true });
  return destination;
}

/** A folder holding an executable `postmortem` that runs the bundle: a stand-in for the installed bin. */
export function installBinShim(folder: string): string {
  const bin = path.join(folder, '.bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'postmortem'), `#!/bin/sh\nexec "${process.execPath}" "${cliBundle}" "$@"\n`, { mode: 0o755 });
  return bin;
}

/** Files in a folder, recursively, relative and sorted (to see that nothing stray was left). */
export function listFiles(folder: string): string[] {
  return (fs.readdirSync(folder, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(folder, f)).isFile()).sort();
}
