import { reviewToday } from '../core/analysis/reviewClock';
import { isIsoDay } from '../core/library/summary';
import { defaultOptions } from '../core/options';

/** Options both library commands (`stats`, `actions`) take. */
export interface LibraryCommandArguments {
  readonly paths: readonly string[];
  /** `YYYY-MM-DD` overdue is judged against (`--today`, else the local clock). */
  readonly today: string;
  readonly config?: string;
  /** `--jobs N`: worker threads (undefined, 0 or 1: none). */
  readonly jobs?: number;
  /** `--fail-on-overdue`: exit 1 when an action item listed or counted is overdue. */
  readonly failOnOverdue: boolean;
}

/**
 * Reads `--name value`, `--name=value` and flags for a library command. `values` maps each
 * option that takes a value to a check returning an error message for a bad value. The result
 * holds the values given, the flags given and the paths; a string is the usage error.
 */
export function parseLibraryArguments(
  args: readonly string[],
  values: Readonly<Record<string, (value: string) => string | undefined>>,
  flags: readonly string[],
): { common: LibraryCommandArguments; values: Map<string, string>; flags: Set<string> } | string {
  const given = new Map<string, string>();
  const set = new Set<string>();
  const paths: string[] = [];
  const allValues: Record<string, (value: string) => string | undefined> = {
    ...values,
    '--today': (value) => (isIsoDay(value) ? undefined : 'must be a date written YYYY-MM-DD'),
    '--config': (value) => (value === '' ? 'needs a file' : undefined),
    '--jobs': (value) => (/^\d{1,2}$/.test(value) ? undefined : 'must be a number of worker threads (0 for none)'),
  };
  const allFlags = [...flags, '--fail-on-overdue'];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      if (arg === '-') return 'standard input cannot be read here; name files, folders or globs';
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    const inline = name === arg ? undefined : arg.slice(equals + 1);
    const check = Object.prototype.hasOwnProperty.call(allValues, name) ? allValues[name] : undefined;
    if (check) {
      const value = inline ?? args[++i];
      const problem = value === undefined ? 'needs a value' : check(value);
      if (problem !== undefined) return `${name} ${problem}; got ${value === undefined ? 'nothing' : `"${value}"`}`;
      given.set(name, value!);
    } else if (allFlags.includes(name) && inline === undefined) {
      set.add(name);
    } else {
      return `unknown option ${arg}`;
    }
  }
  if (paths.length === 0) return 'no files, folders or globs given';
  const today = given.get('--today') ?? reviewToday(defaultOptions);
  const jobs = given.get('--jobs');
  const config = given.get('--config');
  return {
    common: { paths, today, failOnOverdue: set.has('--fail-on-overdue'), ...(config !== undefined ? { config } : {}), ...(jobs !== undefined ? { jobs: Number(jobs) } : {}) },
    values: given,
    flags: set,
  };
}

/** One of `names`, for an option's check. */
export function oneOf(names: readonly string[]): (value: string) => string | undefined {
  return (value) => (names.includes(value) ? undefined : `must be one of ${names.join(', ')}`);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines of cells padded to their column's width (the last column is not padded). */
export function alignColumns(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : rightAligned.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}
