import * as path from 'node:path';
import { resolveOptions } from '../core/config';
import { createPostmortemService } from '../core/service';
import type { ProjectConfigFile } from '../node/projectConfig';
import { version } from '../version';
import { buildFileReport, formatTextReport, type FileReport } from './report';

/** Exit codes: findings are not failures of the tool, so errors in use or I/O rank above them. */
export const exitCodes = Object.freeze({ ok: 0, errorsFound: 1, usageOrIo: 2 });

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads a file (`-` is standard input) as UTF-8. */
  readonly readFile: (file: string) => Promise<string>;
  readonly findProjectConfig: (directory: string) => Promise<ProjectConfigFile | undefined>;
}

export const usage = `Usage: postmortem check [--format text|json] [--today YYYY-MM-DD] <files...>

Checks incident postmortems (Markdown or plain text) and reports problems.

Commands:
  check            check the given files ("-" reads standard input)

Options:
  --format text    one line per problem: file:line:column: severity code message (default)
  --format json    sections, timeline, incident window, action items, impact and problems of every file
  --today DATE     judge overdue action items as of DATE (YYYY-MM-DD) instead of the clock
  --version        print the version
  --help           print this help

Settings come from the nearest .postmortem.json above each file.
Exit status: 0 no errors, 1 a problem of severity error, 2 a usage or file error.
`;

interface CheckArguments {
  readonly format: 'text' | 'json';
  readonly today?: string;
  readonly files: readonly string[];
}

function parseCheckArguments(args: readonly string[]): CheckArguments | string {
  let format: 'text' | 'json' = 'text';
  let today: string | undefined;
  const files: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') return `--format must be "text" or "json", got ${value === undefined ? 'nothing' : `"${value}"`}`;
      format = value;
    } else if (arg === '--today' || arg.startsWith('--today=')) {
      today = arg === '--today' ? args[++i] : arg.slice('--today='.length);
      if (resolveOptions({ review: { today } }).problems.length > 0 || !today) return `--today must be a date written YYYY-MM-DD, got ${today === undefined ? 'nothing' : `"${today}"`}`;
    } else {
      return `unknown option ${arg}`;
    }
  }
  if (files.length === 0) return 'no files to check';
  return { format, today, files };
}

/** Runs the CLI with `args` (without `node` and the script) and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(usage);
    return exitCodes.ok;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  const [command, ...rest] = args;
  if (command !== 'check') {
    io.stderr(command === undefined ? usage : `postmortem: unknown command "${command}"\n\n${usage}`);
    return exitCodes.usageOrIo;
  }
  const parsed = parseCheckArguments(rest);
  if (typeof parsed === 'string') {
    io.stderr(`postmortem: ${parsed}\n\n${usage}`);
    return exitCodes.usageOrIo;
  }
  return check(parsed, io);
}

async function check({ format, today, files }: CheckArguments, io: CliIo): Promise<number> {
  const service = createPostmortemService();
  const reportedConfigs = new Set<string>();
  const reports: FileReport[] = [];
  const lines: string[] = [];
  let ioFailed = false;
  let errorsFound = false;

  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      io.stderr(`postmortem: cannot read ${file}: ${describeError(error)}\n`);
      ioFailed = true;
      continue;
    }
    const directory = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
    const configured = await optionsFor(directory, io, reportedConfigs);
    const options = today ? { ...configured, 'review.today': today } : configured;
    const model = service.parse(text);
    const findings = service.check(model, options);
    if (findings.some((finding) => finding.severity === 'error')) errorsFound = true;
    if (format === 'json') reports.push(buildFileReport(file, model, findings));
    else lines.push(...formatTextReport(file, model, findings));
  }

  if (format === 'json') io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  else if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
  if (ioFailed) return exitCodes.usageOrIo;
  return errorsFound ? exitCodes.errorsFound : exitCodes.ok;
}

async function optionsFor(directory: string, io: CliIo, reported: Set<string>) {
  const config = await io.findProjectConfig(directory);
  if (!config) return resolveOptions(undefined).options;
  const firstTime = !reported.has(config.path);
  reported.add(config.path);
  if (config.error !== undefined) {
    if (firstTime) io.stderr(`postmortem: warning: ${config.path} ${config.error}; using the defaults\n`);
    return resolveOptions(undefined).options;
  }
  const resolved = resolveOptions(config.raw);
  if (firstTime) {
    for (const problem of resolved.problems) io.stderr(`postmortem: warning: ${config.path}: ${problem.message}\n`);
  }
  return resolved.options;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
