import { version } from '../version';
import { parseActionsArguments, runActions } from './actions';
import { parseCheckArguments, runCheck } from './check';
import { exitCodes } from './exitCodes';
import { formatNames } from './formats';
import type { CliIo } from './io';
import { parseNewArguments, runNew, templateNames } from './new';
import { parseRenderArguments, renderFormats, runRender } from './render';
import { parseStatsArguments, runStats } from './stats';

export { exitCodes } from './exitCodes';
export type { CliIo } from './io';

export const usage = `Usage: postmortem check [options] <paths...>
       postmortem new --template <name> [--format md|txt] [FILE]
       postmortem render <file> [--format svg|html|mermaid] [--out FILE] [--width N]
       postmortem stats [options] <paths...>
       postmortem actions [options] <paths...>

Checks incident postmortems (Markdown or plain text) and reports problems.

Commands:
  check                 check files, folders and globs ("-" reads standard input)
  new                   write a new postmortem from a template, to FILE or standard output
  render                draw the timeline of one file ("-" reads standard input)
  stats                 incidents per period: counts, median and p90 of duration, time to
                        detect and to resolve, severities, longest incidents, open actions
  actions               action items across postmortems, with owner, due date and ticket

Paths (check):
  FILE                  checked, whatever its name
  FOLDER                searched recursively for Markdown, plain-text and .postmortem files
                        that are postmortems (by name or content); .gitignored files are skipped
  'GLOB'                the same for the files a glob matches (quote it: "docs/**/*.md")

Options (check):
  --format <format>     ${formatNames.join(', ')} (default text)
                          text    file:line:column: severity code message, one line per problem
                          json    sections, timeline, incident window, action items, impact and
                                  problems of every file
                          sarif   SARIF 2.1.0, for code scanning
                          github  GitHub Actions workflow commands (annotations)
                          gitlab  GitLab Code Quality report
  --fix                 apply the safe fixes (as the editor's Fix All) and write the files;
                        each fix is listed on stderr; the problems left are reported
  --dry-run             with --fix: print a unified diff of the fixes, write nothing
  --config <file>       use this .postmortem.json-shaped file for every file, instead of
                        the nearest .postmortem.json above each file
  --fail-level <level>  error, warning, information or hint: the lowest severity that
                        makes the exit status 1 (default error)
  --only-postmortems    skip named files that are not postmortems too (as the pre-commit
                        hook does with the staged files)
  --today <date>        judge overdue action items as of this date (YYYY-MM-DD) instead of
                        the clock, so a CI run gives the same result every day

Options (new):
  --template <name>     ${Object.keys(templateNames).join(', ')}
  --format md|txt       Markdown or plain-text headings (default: txt for a FILE ending
                        in .txt, else md); an existing FILE is never overwritten

Options (render):
  --format <format>     ${renderFormats.join(', ')} (default svg)
                          svg      the picture: time axis, entries, incident window, detection,
                                   mitigation and resolution, long gaps
                          html     a page holding the picture, light or dark as the system is
                          mermaid  a \`\`\`mermaid gantt block to paste into Markdown
  --out <file>          write there (replacing it) instead of standard output
  --width <px>          width of the picture, 320 to 4096 (default 960)

Options (stats, actions): paths as for check; only postmortems are counted, and binary files,
files past postmortem.maxDocumentSize and unreadable files are passed over and counted
  --format <format>     stats: text, json, csv or html (one page with charts); actions: text,
                        json or csv (default text)
  --by <grouping>       stats: month, quarter, severity or service (default month)
  --since <date>        stats: only incidents on or after this date (YYYY-MM-DD)
  --until <date>        stats: only incidents on or before this date
  --open                actions: only items not done (overdue ones included)
  --overdue             actions: only items not done whose due date has passed
  --owner <name>        actions: only items whose owner contains this name
  --today <date>        judge overdue action items as of this date instead of the clock
  --fail-on-overdue     exit 1 when an action item counted or listed is overdue
  --config <file>       as for check
  --jobs <n>            worker threads reading the files (default 0: the main thread reads)

  --version             print the version
  --help                print this help

Exit status: 0 nothing at or above the fail level (stats, actions: always, unless
--fail-on-overdue finds an overdue item: 1), 1 a problem at or above it, 2 a usage error,
a file or --config that could not be read, a folder or glob without postmortems, or a fix that
could not be written (the other files are still checked). render: 1 when there is nothing to draw.
`;

/** The commands, by name: each parses its own arguments (a string is a usage error) and runs. */
const commands: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  check: async (args, io) => {
    const parsed = parseCheckArguments(args);
    return typeof parsed === 'string' ? usageError(parsed, io) : runCheck(parsed, io);
  },
  new: async (args, io) => {
    const parsed = parseNewArguments(args);
    return typeof parsed === 'string' ? usageError(parsed, io) : runNew(parsed, io);
  },
  render: async (args, io) => {
    const parsed = parseRenderArguments(args);
    return typeof parsed === 'string' ? usageError(parsed, io) : runRender(parsed, io);
  },
  stats: async (args, io) => {
    const parsed = parseStatsArguments(args);
    return typeof parsed === 'string' ? usageError(parsed, io) : runStats(parsed, io);
  },
  actions: async (args, io) => {
    const parsed = parseActionsArguments(args);
    return typeof parsed === 'string' ? usageError(parsed, io) : runActions(parsed, io);
  },
};

function usageError(message: string, io: CliIo): number {
  io.stderr(`postmortem: ${message}\n\n${usage}`);
  return exitCodes.usageOrIo;
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
  const run = command !== undefined && Object.prototype.hasOwnProperty.call(commands, command) ? commands[command] : undefined;
  if (!run) {
    io.stderr(command === undefined ? usage : `postmortem: unknown command "${command}"\n\n${usage}`);
    return exitCodes.usageOrIo;
  }
  return run(rest, io);
}
