import * as path from 'node:path';
import type { PostmortemSummary } from '../core/library/summary';
import { settingsSource, type FileSettings } from './check';
import { exitCodes } from './exitCodes';
import type { CliIo } from './io';
import { summarizeLibraryFiles, type LibraryFileJob } from './libraryRead';
import { summarizeInWorkers } from './libraryWorker';

/** Files passed over, by reason, and files read in spite of a defect. */
export interface LibraryFileCounts {
  /** Files the paths yielded. */
  readonly found: number;
  readonly postmortems: number;
  readonly notPostmortems: number;
  readonly binary: number;
  /** Past `postmortem.maxDocumentSize`. */
  readonly tooLarge: number;
  /** Could not be opened: permissions, a symbolic link loop, not a regular file. */
  readonly unreadable: number;
  /** Postmortems read with invalid UTF-8 bytes replaced. */
  readonly invalidUtf8: number;
  /** Files reached a second time through a link (counted once). */
  readonly duplicates: number;
}

export interface LoadedLibrary {
  /** In the order the paths yielded the files. */
  readonly summaries: readonly PostmortemSummary[];
  readonly counts: LibraryFileCounts;
  /** Path arguments that yielded no file, with the reason; the run exits 2 after reporting. */
  readonly unmatched: readonly string[];
  /** How many worker threads summarised the files (0: the main thread did). */
  readonly workers: number;
}

export interface LibraryLoadOptions {
  /** `YYYY-MM-DD`: overdue is judged against it. */
  readonly today: string;
  /** A `.postmortem.json`-shaped file for every file, as `check --config`. */
  readonly config?: string;
  /** Worker threads: undefined, 0 or 1 runs on the main thread. */
  readonly jobs?: number;
}

/**
 * Reads every postmortem the paths name (files, folders searched recursively, globs;
 * `.gitignore`d files skipped, as `check`) into summaries. Nothing stops the run: binary files,
 * files past `maxDocumentSize`, unreadable files and files that are not postmortems are passed
 * over and counted. A string is a usage error (a `--config` that cannot be used).
 */
export async function loadLibrary(paths: readonly string[], io: CliIo, options: LibraryLoadOptions): Promise<LoadedLibrary | string> {
  const settingsFor = await settingsSource({ ...(options.config !== undefined ? { config: options.config } : {}), today: options.today }, io);
  if (typeof settingsFor === 'string') return settingsFor;
  const expanded = await io.expandPaths(paths, io.cwd);
  const settingsByFolder = new Map<string, Promise<FileSettings>>();
  const jobs: LibraryFileJob[] = [];
  for (const target of expanded.targets) {
    if (target.kind !== 'file') continue;
    const folder = path.dirname(target.absolute);
    let settings = settingsByFolder.get(folder);
    if (!settings) settingsByFolder.set(folder, (settings = settingsFor(folder)));
    const { options: fileOptions, fileInclude } = await settings;
    jobs.push({ absolute: target.absolute, display: target.display, maxCharacters: fileOptions.maxDocumentSize, fileInclude });
  }

  const workers = workerCount(jobs.length, options.jobs);
  const outcomes = workers > 1 ? await summarizeInWorkers(jobs, options.today, workers) : await summarizeLibraryFiles(jobs, options.today);
  const counts = { found: jobs.length, postmortems: 0, notPostmortems: 0, binary: 0, tooLarge: 0, unreadable: 0, invalidUtf8: 0, duplicates: 0 };
  const summaries: PostmortemSummary[] = [];
  const seen = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.kind === 'summary' && seen.has(outcome.identity)) counts.duplicates++;
    else if (outcome.kind === 'summary') {
      seen.add(outcome.identity);
      summaries.push(outcome.summary);
      counts.postmortems++;
      if (outcome.invalidUtf8) counts.invalidUtf8++;
    } else if (outcome.kind === 'not-postmortem') counts.notPostmortems++;
    else if (outcome.kind === 'binary') counts.binary++;
    else if (outcome.kind === 'too-large') counts.tooLarge++;
    else counts.unreadable++;
  }
  return { summaries, counts, unmatched: expanded.unmatched.map((u) => u.message), workers: workers > 1 ? workers : 0 };
}

/**
 * {@link loadLibrary} for a command: a usage error and the paths that matched nothing are
 * reported on stderr; a number is the exit status to stop with at once.
 */
export async function loadLibraryReporting(args: LibraryLoadOptions & { readonly paths: readonly string[] }, io: CliIo): Promise<LoadedLibrary | number> {
  const library = await loadLibrary(args.paths, io, args);
  if (typeof library === 'string') {
    io.stderr(`postmortem: ${library}\n`);
    return exitCodes.usageOrIo;
  }
  for (const message of library.unmatched) io.stderr(`postmortem: ${message}\n`);
  return library;
}

/**
 * Worker threads only when asked for (`--jobs N`): on the bench's 10,000 files they cost more
 * than they saved (the parse is quick next to handing summaries back, and two cores shared with
 * other work leave little to gain; see README, Performance).
 */
function workerCount(files: number, requested: number | undefined): number {
  return requested === undefined ? 0 : Math.max(0, Math.min(requested, files));
}

/** `12 files: 9 postmortems; passed over: 1 binary, 1 past maxDocumentSize, ...`, for the end of every report. */
export function describeFileCounts(counts: LibraryFileCounts): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const passed: string[] = [];
  if (counts.notPostmortems) passed.push(plural(counts.notPostmortems, 'not a postmortem', 'not postmortems'));
  if (counts.binary) passed.push(`${counts.binary} binary`);
  if (counts.tooLarge) passed.push(`${counts.tooLarge} past postmortem.maxDocumentSize`);
  if (counts.unreadable) passed.push(`${counts.unreadable} unreadable`);
  if (counts.duplicates) passed.push(`${counts.duplicates} reached again through a link`);
  let text = `${plural(counts.found, 'file', 'files')} read: ${plural(counts.postmortems, 'postmortem', 'postmortems')}`;
  if (passed.length > 0) text += `; passed over: ${passed.join(', ')}`;
  if (counts.invalidUtf8) text += `; ${plural(counts.invalidUtf8, 'postmortem', 'postmortems')} not valid UTF-8, read with the bad bytes replaced`;
  return text;
}
