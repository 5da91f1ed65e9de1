import { describeDue } from '../core/analysis/reviewClock';
import { IncidentIndex, incidentName, type LibraryActionItem } from '../core/library/index';
import { actionStateOn } from '../core/library/stats';
import type { ActionItemSummary } from '../core/library/summary';
import { exitCodes } from './exitCodes';
import type { CliIo } from './io';
import { alignColumns, csvField, oneOf, parseLibraryArguments, type LibraryCommandArguments } from './libraryArguments';
import { describeFileCounts, loadLibraryReporting } from './libraryFiles';

export const actionsFormats = ['text', 'json', 'csv'] as const;
export type ActionsFormat = (typeof actionsFormats)[number];

export interface ActionsArguments extends LibraryCommandArguments {
  readonly format: ActionsFormat;
  /** `--open`: items not done (overdue ones included). */
  readonly open: boolean;
  /** `--overdue`: items not done whose due date has passed. */
  readonly overdue: boolean;
  /** `--owner X`: items whose owner contains X (case-insensitive, `@` ignored). */
  readonly owner?: string;
}

/** Parses `actions`'s arguments; a string is the usage error to print. */
export function parseActionsArguments(args: readonly string[]): ActionsArguments | string {
  const parsed = parseLibraryArguments(args, { '--format': oneOf(actionsFormats), '--owner': (value) => (value.trim() === '' ? 'needs a name' : undefined) }, ['--open', '--overdue']);
  if (typeof parsed === 'string') return parsed;
  const owner = parsed.values.get('--owner');
  return {
    ...parsed.common,
    format: (parsed.values.get('--format') ?? 'text') as ActionsFormat,
    open: parsed.flags.has('--open'),
    overdue: parsed.flags.has('--overdue'),
    ...(owner !== undefined ? { owner } : {}),
  };
}

/** The states `--open` and `--overdue` keep (both: overdue, the narrower). */
function statesWanted(args: ActionsArguments): ActionItemSummary['state'][] | undefined {
  if (args.overdue) return ['overdue'];
  if (args.open) return ['open', 'overdue'];
  return undefined;
}

/** `postmortem actions`: lists the action items of the postmortems the paths name. */
export async function runActions(args: ActionsArguments, io: CliIo): Promise<number> {
  const library = await loadLibraryReporting(args, io);
  if (typeof library === 'number') return library;
  const index = new IncidentIndex();
  for (const summary of library.summaries) index.set(summary);
  const states = statesWanted(args);
  const items = index
    .actionItems(args.owner !== undefined ? { owner: args.owner } : {})
    .map((item) => ({ ...item, state: actionStateOn(item, args.today) }))
    .filter((item) => !states || states.includes(item.state));
  const counts = {
    listed: items.length,
    open: items.filter((item) => item.state !== 'done').length,
    overdue: items.filter((item) => item.state === 'overdue').length,
    done: items.filter((item) => item.state === 'done').length,
  };
  switch (args.format) {
    case 'json':
      io.stdout(
        `${JSON.stringify(
          {
            today: args.today,
            counts,
            items: items.map((item) => ({
              file: item.uri,
              line: item.line + 1,
              incident: { title: item.incidentTitle, date: item.incidentDate ?? null },
              text: item.text,
              state: item.state,
              owner: item.owner ?? null,
              due: item.due ?? null,
              ticket: item.ticket ?? null,
            })),
            files: library.counts,
          },
          null,
          2,
        )}\n`,
      );
      break;
    case 'csv':
      io.stdout(formatActionsCsv(items));
      io.stderr(`postmortem: ${describeFileCounts(library.counts)}\n`);
      break;
    default:
      io.stdout(formatActionsText(items, counts, args.today, describeFileCounts(library.counts)));
  }
  if (library.unmatched.length > 0) return exitCodes.usageOrIo;
  return args.failOnOverdue && counts.overdue > 0 ? exitCodes.problemsFound : exitCodes.ok;
}

/** Grouped by postmortem, newest first: `file:line`, state, due date, owner, ticket and the action. */
export function formatActionsText(items: readonly LibraryActionItem[], counts: { listed: number; open: number; overdue: number; done: number }, today: string, fileCounts: string): string {
  const lines = [`${counts.listed} action ${counts.listed === 1 ? 'item' : 'items'}: ${counts.open} open, ${counts.overdue} of them overdue; ${counts.done} done (as of ${today})`];
  let current: string | undefined;
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) lines.push(...alignColumns(rows).map((line) => `  ${line}`));
    rows = [];
  };
  for (const item of items) {
    if (item.uri !== current) {
      flush();
      current = item.uri;
      lines.push('', `${incidentName({ title: item.incidentTitle, ...(item.incidentDate !== undefined ? { date: item.incidentDate } : {}) })} (${item.uri})`);
    }
    const due = item.due === undefined ? 'no due date' : item.state === 'done' ? `due ${item.due}` : `due ${item.due}, ${describeDue(item.due, today, false)}`;
    rows.push([`${item.uri}:${item.line + 1}`, item.state, due, item.owner ?? 'no owner', item.ticket ?? '-', item.text]);
  }
  flush();
  lines.push('', fileCounts);
  return `${lines.join('\n')}\n`;
}

export function formatActionsCsv(items: readonly LibraryActionItem[]): string {
  const header = 'file,line,incident_date,incident_title,state,due,owner,ticket,action';
  const rows = items.map((item) => [item.uri, item.line + 1, item.incidentDate, item.incidentTitle, item.state, item.due, item.owner, item.ticket, item.text].map(csvField).join(','));
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
