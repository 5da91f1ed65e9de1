import type { CheckedFile, FormatContext } from './checkedFile';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { buildFileReport, formatTextReport } from './report';
import { formatSarif } from './sarif';

/** Turns the checked files into what goes to standard output ('' for nothing). */
export type Formatter = (files: readonly CheckedFile[], context: FormatContext) => string;

/** Every `--format`, by name; the first is the default. */
export const formatters = Object.freeze({
  text: (files) => {
    const lines = files.flatMap((f) => formatTextReport(f.file, f.model, f.findings));
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  },
  json: (files) => `${JSON.stringify(files.map((f) => buildFileReport(f.file, f.model, f.findings)), null, 2)}\n`,
  sarif: formatSarif,
  github: formatGithub,
  gitlab: formatGitlab,
} satisfies Record<string, Formatter>);

export type FormatName = keyof typeof formatters;

export const formatNames = Object.keys(formatters) as FormatName[];

export function isFormatName(value: string): value is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, value);
}
