import * as vscode from 'vscode';
import type { ActionState, Incident } from './protocol';

/** `1h 10m`, `45m`, `2d 3h`; unknown stays visibly unknown (`?`), never 0. */
export function formatMinutes(minutes: number | undefined): string {
  if (minutes === undefined) return '?';
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded}m`;
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const rest = rounded % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
}

/** `2024-03-02 Checkout outage`, or the title alone when the date is unknown. */
export function incidentLabel(incident: Incident): string {
  return incident.date ? `${incident.date} ${incident.title}` : incident.title;
}

/** `SEV1 · 1h 10m · TTR 1h 10m · 1 open · 1 overdue`. */
export function incidentDescription(incident: Incident): string {
  const open = incident.actionItems.filter((item) => item.state === 'open').length;
  const overdue = incident.actionItems.filter((item) => item.state === 'overdue').length;
  const parts = [incident.severity ?? 'no severity', formatMinutes(incident.durationMinutes), `TTR ${formatMinutes(incident.ttrMinutes)}`];
  parts.push(`${open} open`);
  if (overdue > 0) parts.push(`${overdue} overdue`);
  return parts.join(' · ');
}

export function incidentTooltip(incident: Incident): vscode.MarkdownString {
  const row = (label: string, value: string) => `| ${label} | ${value.replace(/\|/g, '\\|')} |`;
  const counts = (state: ActionState) => incident.actionItems.filter((item) => item.state === state).length;
  return new vscode.MarkdownString(
    [
      `**${incident.title.replace(/[*_`[\]]/g, '\\$&')}**`,
      '',
      '| | |',
      '|---|---|',
      row('Date', incident.date ?? 'unknown'),
      row('Severity', incident.severity ?? 'not stated'),
      row('Services', incident.services.join(', ') || 'not stated'),
      row('Duration', formatMinutes(incident.durationMinutes)),
      row('Time to detect', formatMinutes(incident.ttdMinutes)),
      row('Time to mitigate', formatMinutes(incident.ttmMinutes)),
      row('Time to resolve', formatMinutes(incident.ttrMinutes)),
      row('Action items', `${counts('open')} open, ${counts('overdue')} overdue, ${counts('done')} done`),
    ].join('\n'),
  );
}

/** SEV1/P1/critical red, SEV2/P2/major orange, the rest the default colour. */
export function severityIcon(severity: string | undefined): vscode.ThemeIcon {
  const level = /^(?:SEV|P)([0-5])$/.exec(severity ?? '')?.[1];
  if (level === '0' || level === '1' || /^(?:Critical|Outage|Down)$/.test(severity ?? '')) return new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.red'));
  if (level === '2' || /^(?:Major|High|Severe)$/.test(severity ?? '')) return new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.orange'));
  return new vscode.ThemeIcon('flame');
}

export const stateIcons: Record<ActionState, vscode.ThemeIcon> = {
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.red')),
  open: new vscode.ThemeIcon('circle-large-outline'),
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green')),
};

/** The command that opens `uri` with the cursor at the start of `line`. */
export function openAt(uri: string, line: number, title: string): vscode.Command {
  const position = new vscode.Position(line, 0);
  return { title, command: 'vscode.open', arguments: [vscode.Uri.parse(uri), { selection: new vscode.Range(position, position) }] };
}
