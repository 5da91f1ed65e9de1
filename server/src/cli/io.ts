import { findProjectConfig, readProjectConfig, type ProjectConfigFile } from '../node/projectConfig';
import { createFile, readSource, replaceFileContents, writeOutputFile, type SourceText } from './files';
import { expandPaths, type ExpandedPaths } from './paths';

/** An instant and the UTC offset of the clock that reads it (minutes east of UTC). */
export interface Clock {
  readonly epochMs: number;
  readonly utcOffsetMinutes: number;
}

/** Everything the CLI touches outside itself, so tests can run it in-process and step in. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The working folder: relative paths and report paths are taken from it. */
  readonly cwd: string;
  /** Reads a file (`-` is standard input) as UTF-8. */
  readonly readSource: (file: string) => Promise<SourceText>;
  /** Atomically replaces a file that still holds `before` (see `files.ts`). */
  readonly replaceFileContents: (file: string, before: Buffer, after: Buffer) => Promise<void>;
  /** Writes a file that must not exist yet. */
  readonly createFile: (file: string, contents: string) => Promise<void>;
  /** Writes a generated file (`render --out`), replacing what was there. */
  readonly writeOutputFile: (file: string, contents: string) => Promise<void>;
  readonly expandPaths: (args: readonly string[], cwd: string) => Promise<ExpandedPaths>;
  readonly findProjectConfig: (directory: string) => Promise<ProjectConfigFile | undefined>;
  readonly readProjectConfig: (file: string) => Promise<ProjectConfigFile | undefined>;
  /** Now, for `postmortem new`. */
  readonly now: () => Clock;
}

/**
 * The real thing: the process's streams, working folder and file system. The clock is the
 * system's, unless `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) fixes it;
 * its zone is the process's (`TZ`).
 */
export function createNodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readSource,
    replaceFileContents,
    createFile,
    writeOutputFile,
    expandPaths,
    findProjectConfig,
    readProjectConfig,
    now: () => {
      const fixed = Number(process.env.SOURCE_DATE_EPOCH);
      const epochMs = process.env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(fixed) ? fixed * 1000 : Date.now();
      return { epochMs, utcOffsetMinutes: -new Date(epochMs).getTimezoneOffset() };
    },
  };
}
