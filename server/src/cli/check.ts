import * as path from 'node:path';
import { looksLikePostmortem } from '../core/analysis/detect';
import type { Severity } from '../core/analysis/findings';
import { resolveFileInclude, resolveOptions } from '../core/config';
import { matchesFilePatterns } from '../core/fileMatch';
import type { PostmortemDocument } from '../core/model';
import type { PostmortemOptions } from '../core/options';
import { createPostmortemService, type PostmortemService } from '../core/service';
import type { ProjectConfigFile } from '../node/projectConfig';
import { reachesLevel, severityOrder, type CheckedFile } from './checkedFile';
import { exitCodes } from './exitCodes';
import { describeFileError, encodeSource, roundTrips, WriteRefused, type SourceText } from './files';
import { applySafeFixes, unifiedDiff, type AppliedFix } from './fix';
import { formatNames, formatters, isFormatName, type FormatName } from './formats';
import type { CliIo } from './io';
import type { CheckTarget } from './paths';

export interface CheckArguments {
  readonly format: FormatName;
  readonly fix: boolean;
  readonly dryRun: boolean;
  /** A `.postmortem.json`-shaped file used for every file instead of the discovered ones. */
  readonly config?: string;
  /** The lowest severity that makes the exit status 1. */
  readonly failLevel: Severity;
  /** Named files too are checked only when they are postmortems (for hooks that pass every staged file). */
  readonly onlyPostmortems: boolean;
  /** The date (YYYY-MM-DD) overdue action items are judged against, instead of the clock. */
  readonly today?: string;
  readonly files: readonly string[];
}

/** Parses `check`'s arguments; a string is the usage error to print. */
export function parseCheckArguments(args: readonly string[]): CheckArguments | string {
  let format: FormatName = 'text';
  let fix = false;
  let dryRun = false;
  let onlyPostmortems = false;
  let config: string | undefined;
  let today: string | undefined;
  let failLevel: Severity = 'error';
  const files: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const [name, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const takeValue = (): string | undefined => inlineValue ?? args[++i];
    const got = (value: string | undefined) => (value === undefined ? 'nothing' : `"${value}"`);
    if (name === '--format') {
      const value = takeValue();
      if (value === undefined || !isFormatName(value)) return `--format must be one of ${formatNames.join(', ')}; got ${got(value)}`;
      format = value;
    } else if (name === '--config') {
      const value = takeValue();
      if (value === undefined || value === '') return '--config needs a file';
      config = value;
    } else if (name === '--today') {
      const value = takeValue();
      if (!value || resolveOptions({ review: { today: value } }).problems.length > 0) return `--today must be a date written YYYY-MM-DD; got ${got(value)}`;
      today = value;
    } else if (name === '--fail-level') {
      const value = takeValue();
      if (value === undefined || !(severityOrder as readonly string[]).includes(value)) return `--fail-level must be one of ${severityOrder.join(', ')}; got ${got(value)}`;
      failLevel = value as Severity;
    } else if (name === '--fix' && inlineValue === undefined) {
      fix = true;
    } else if (name === '--dry-run' && inlineValue === undefined) {
      dryRun = true;
    } else if (name === '--only-postmortems' && inlineValue === undefined) {
      onlyPostmortems = true;
    } else {
      return `unknown option ${arg}`;
    }
  }
  if (files.length === 0) return 'no files to check';
  if (dryRun && !fix) return '--dry-run goes with --fix';
  if (fix && !dryRun && files.includes('-')) return '--fix cannot write to standard input; add --dry-run to print the changes as a diff';
  return { format, fix, dryRun, failLevel, onlyPostmortems, files, ...(config !== undefined ? { config } : {}), ...(today !== undefined ? { today } : {}) };
}

/**
 * Whether a file found in a folder or by a glob is a postmortem, by the editor's rule: a
 * `.postmortem` name, a `files.include` pattern, or content that looks like one.
 */
export function isPostmortemFile(absolute: string, fileInclude: readonly string[], model: PostmortemDocument): boolean {
  return /\.postmortem$|\.postmortem\.\w+$/i.test(absolute) || matchesFilePatterns(absolute, fileInclude) || looksLikePostmortem(model);
}

/** The settings for one file: the options and the name patterns that make a file a postmortem. */
export interface FileSettings {
  readonly options: PostmortemOptions;
  readonly fileInclude: readonly string[];
}

/**
 * `postmortem check`: expands the paths, reads and analyses each file (fixing it first with
 * `--fix`), prints the report in the chosen format and returns the exit status.
 */
export async function runCheck(args: CheckArguments, io: CliIo): Promise<number> {
  const service = createPostmortemService();
  const settingsFor = await settingsSource(args, io);
  if (typeof settingsFor === 'string') {
    io.stderr(`postmortem: ${settingsFor}\n`);
    return exitCodes.usageOrIo;
  }
  const expanded = await io.expandPaths(args.files, io.cwd);
  let ioFailed = false;
  for (const { message } of expanded.unmatched) {
    io.stderr(`postmortem: ${message}\n`);
    ioFailed = true;
  }

  const checked: CheckedFile[] = [];
  const diffs: string[] = [];
  const fixCounts = { fixes: 0, files: 0, notFixed: 0 };
  const foundPostmortems = new Map<string, number>();
  for (const target of expanded.targets) {
    const file = target.kind === 'stdin' ? '-' : target.display;
    let source: SourceText;
    try {
      source = await io.readSource(target.kind === 'stdin' ? '-' : target.absolute);
    } catch (error) {
      io.stderr(`postmortem: cannot read ${file}: ${describeFileError(error)}\n`);
      ioFailed = true;
      continue;
    }
    const settings = await settingsFor(target.kind === 'stdin' ? io.cwd : path.dirname(target.absolute));
    let model = service.parse(source.text, undefined, settings.options.languages);
    if (target.kind === 'file' && (!target.named || args.onlyPostmortems)) {
      if (!isPostmortemFile(target.absolute, settings.fileInclude, model)) continue;
      if (target.foundBy !== undefined) foundPostmortems.set(target.foundBy, (foundPostmortems.get(target.foundBy) ?? 0) + 1);
    }
    let text = source.text;
    if (args.fix) {
      const fixed = await fixFile(service, file, target, source, settings.options, args, io);
      if (fixed === undefined) {
        ioFailed = true;
        fixCounts.notFixed++;
      } else {
        if (fixed.diff) diffs.push(fixed.diff);
        if (fixed.fixes > 0) {
          fixCounts.fixes += fixed.fixes;
          fixCounts.files++;
        }
        if (fixed.text !== text) {
          text = fixed.text;
          model = service.parse(text, undefined, settings.options.languages);
        }
      }
    }
    checked.push({ file, ...(target.kind === 'file' ? { absolute: target.absolute } : {}), text, model, findings: service.check(model, settings.options) });
  }

  // A folder or glob that held Markdown or text files, none of them a postmortem, is a mistake in the paths.
  const searched = new Set(expanded.targets.flatMap((t) => (t.kind === 'file' && t.foundBy !== undefined ? [t.foundBy] : [])));
  for (const argument of searched) {
    if (!foundPostmortems.has(argument)) {
      io.stderr(`postmortem: no postmortems in ${argument} (Markdown and text files are checked when their name or content says they are postmortems)\n`);
      ioFailed = true;
    }
  }

  if (args.fix) {
    const files = `${fixCounts.files} file${fixCounts.files === 1 ? '' : 's'}`;
    const fixes = `${fixCounts.fixes} fix${fixCounts.fixes === 1 ? '' : 'es'}`;
    const notFixed = fixCounts.notFixed === 0 ? '' : `; ${fixCounts.notFixed} file${fixCounts.notFixed === 1 ? '' : 's'} not fixed`;
    io.stderr(
      fixCounts.fixes === 0 && notFixed === ''
        ? 'postmortem: nothing to fix\n'
        : `postmortem: ${args.dryRun ? 'would apply' : 'applied'} ${fixes} in ${files}${notFixed}\n`,
    );
  }
  if (args.dryRun) {
    if (diffs.length > 0) io.stdout(diffs.join(''));
  } else {
    const output = formatters[args.format](checked, { cwd: io.cwd });
    if (output !== '') io.stdout(output);
  }
  if (ioFailed) return exitCodes.usageOrIo;
  const failed = checked.some((file) => file.findings.some((finding) => reachesLevel(finding.severity, args.failLevel)));
  return failed ? exitCodes.problemsFound : exitCodes.ok;
}

/**
 * Fixes one file: with `--dry-run` returns the diff; otherwise writes the file if it changed
 * and reports each fix on stderr. Undefined when the file could not be fixed (reported).
 */
async function fixFile(
  service: PostmortemService,
  file: string,
  target: CheckTarget,
  source: SourceText,
  options: PostmortemOptions,
  args: CheckArguments,
  io: CliIo,
): Promise<{ text: string; fixes: number; diff?: string } | undefined> {
  if (!roundTrips(source)) {
    io.stderr(`postmortem: ${file}: not fixed: it is not valid UTF-8\n`);
    return undefined;
  }
  const { text, fixes } = applySafeFixes(service, source.text, options);
  if (text === source.text) return { text, fixes: 0 };
  if (args.dryRun) {
    reportFixes(file, fixes, io, 'would fix');
    return { text, fixes: fixes.length, diff: unifiedDiff(file, source.text, text) };
  }
  if (target.kind === 'stdin') return { text, fixes: 0 };
  try {
    await io.replaceFileContents(target.absolute, source.bytes, encodeSource(text, source.bom));
  } catch (error) {
    const reason = error instanceof WriteRefused ? error.message : describeFileError(error);
    io.stderr(`postmortem: ${file}: not fixed: ${reason}\n`);
    return undefined;
  }
  reportFixes(file, fixes, io, 'fixed');
  return { text, fixes: fixes.length };
}

function reportFixes(file: string, fixes: readonly AppliedFix[], io: CliIo, verb: string): void {
  for (const fix of fixes) io.stderr(`${file}:${fix.line}:${fix.column}: ${verb} ${fix.code}: ${fix.title}\n`);
}

/**
 * Where each file's settings come from: the `--config` file for all, or else the nearest
 * `.postmortem.json` above each file. A `--config` file that cannot be read or is not a JSON
 * object stops the run (a string: the message); invalid values in either kind of file are
 * warnings, printed once per file, and fall back to the defaults.
 */
export async function settingsSource(
  args: { readonly config?: string; readonly today?: string },
  io: CliIo,
): Promise<((directory: string) => Promise<FileSettings>) | string> {
  const reported = new Set<string>();
  // --today outranks every file's review.today, as a command-line option does.
  const withToday = (options: PostmortemOptions): PostmortemOptions => (args.today === undefined ? options : { ...options, 'review.today': args.today });
  const resolve = (config: ProjectConfigFile | undefined): FileSettings => {
    if (!config) return { options: withToday(resolveOptions(undefined).options), fileInclude: resolveFileInclude(undefined).patterns };
    const firstTime = !reported.has(config.path);
    reported.add(config.path);
    if (config.error !== undefined) {
      if (firstTime) io.stderr(`postmortem: warning: ${config.path} ${config.error}; using the defaults\n`);
      return resolve(undefined);
    }
    const resolved = resolveOptions(config.raw);
    const include = resolveFileInclude(config.raw);
    if (firstTime) {
      for (const problem of [...resolved.problems, ...include.problems]) io.stderr(`postmortem: warning: ${config.path}: ${problem.message}\n`);
    }
    return { options: withToday(resolved.options), fileInclude: include.patterns };
  };
  if (args.config === undefined) return async (directory) => resolve(await io.findProjectConfig(directory));
  const configPath = path.resolve(io.cwd, args.config);
  const config = await io.readProjectConfig(configPath);
  if (!config) return `cannot use --config ${args.config}: no such file`;
  if (config.error !== undefined) return `cannot use --config ${args.config}: it ${config.error}`;
  if (typeof config.raw !== 'object' || config.raw === null || Array.isArray(config.raw)) return `cannot use --config ${args.config}: it must hold a JSON object`;
  const settings = resolve(config);
  return async () => settings;
}
