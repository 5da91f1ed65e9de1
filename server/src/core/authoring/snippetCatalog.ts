import { escapeSnippetText } from './snippetSyntax';

/**
 * The postmortem snippets: whole templates (Holberton/ALX 0x19, Google SRE, PagerDuty), one
 * snippet per section, and the small ones (a timeline entry stamped now, an action-item row,
 * a task). Each exists in a Markdown flavour (`pm-<id>`, offered in Markdown and postmortem
 * documents) and, where headings differ, a plain-text flavour (`pm-<id>-txt`, offered in
 * postmortem documents only).
 *
 * This catalog is the single source: `snippets/*.json` are generated from it
 * (`npm run snippets`) and the server reads it for the "New Postmortem" command.
 */

/** How headings, fields and tables are written. */
export type SnippetFlavor = 'markdown' | 'plaintext';

export type SnippetKind = 'template' | 'section' | 'entry';

export interface PostmortemSnippet {
  /** Stable id, shared by both flavours (`holberton`, `timeline`, `entry`). */
  readonly id: string;
  readonly kind: SnippetKind;
  readonly flavor: SnippetFlavor;
  /** What the author types: `pm-<id>`, or `pm-<id>-txt` for the plain-text flavour. */
  readonly prefix: string;
  /** A short human name, unique within a language (`Postmortem template: Google SRE`). */
  readonly name: string;
  readonly description: string;
  /** The body in snippet syntax, lines joined with `\n`. */
  readonly body: string;
}

/** Snippet variables for "now" as the author's editor sees it. */
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
const NOW = '$CURRENT_HOUR:$CURRENT_MINUTE';
/** `CURRENT_HOUR` is local time, so the zone that goes with it is the local offset (`UTC+02:00`). */
const LOCAL_ZONE = 'UTC$CURRENT_TIMEZONE_OFFSET';

/** A tab stop: prints as its definition (`${3:default}`); `mirror` repeats it (`$3`). */
interface TabStop {
  readonly index: number;
  readonly mirror: string;
  toString(): string;
}

/**
 * Writes one snippet body in one flavour, numbering tab stops in document order so Tab walks
 * the document top to bottom.
 */
class BodyWriter {
  readonly lines: string[] = [];
  #next = 1;

  constructor(readonly flavor: SnippetFlavor) {}

  /** A placeholder whose default is literal text. */
  text(defaultText: string): TabStop {
    return this.#stop(`\${${this.#next}:${escapeSnippetText(defaultText)}}`);
  }

  /** A placeholder whose default is snippet syntax (variables such as `$CURRENT_HOUR`). */
  raw(defaultSnippet: string): TabStop {
    return this.#stop(`\${${this.#next}:${defaultSnippet}}`);
  }

  choice(options: readonly string[]): TabStop {
    const escaped = options.map((o) => o.replace(/[\\,|$}]/g, (c) => `\\${c}`));
    return this.#stop(`\${${this.#next}|${escaped.join(',')}|}`);
  }

  #stop(definition: string): TabStop {
    const index = this.#next++;
    return { index, mirror: `$${index}`, toString: () => definition };
  }

  line(...parts: unknown[]): this {
    this.lines.push(parts.map(String).join(''));
    return this;
  }

  blank(): this {
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
    return this;
  }

  /**
   * A heading. Markdown: ATX (`## Timeline`). Plain text: the title underlined with `=` (level 1),
   * an ALL-CAPS line ending in a colon (level 2), a `Label:` line (level 3 and below).
   */
  heading(level: number, title: string): this {
    this.blank();
    if (this.flavor === 'markdown') {
      this.line('#'.repeat(level), ' ', title);
    } else if (level === 1) {
      this.line(title).line('='.repeat(Math.max(3, visibleLength(title))));
    } else if (level === 2) {
      const caps = title.toUpperCase();
      this.line(caps.endsWith('?') ? caps : `${caps}:`);
    } else {
      this.line(title.endsWith('?') ? title : `${title}:`);
    }
    return this.blank();
  }

  /** A `Label: value` field; bold label in Markdown. */
  field(label: string, value: unknown): this {
    return this.line(this.flavor === 'markdown' ? `**${label}:** ` : `${label}: `, value);
  }

  /** A table in Markdown; in plain text each row becomes `- first cell (header: cell, ...)` unless `plainRow` is given. */
  table(headers: readonly string[], rows: readonly (readonly unknown[])[], plainRow?: (row: readonly unknown[]) => string): this {
    if (this.flavor === 'markdown') {
      this.line('| ', headers.join(' | '), ' |');
      this.line('|', headers.map(() => '---').join('|'), '|');
      for (const row of rows) this.line('| ', row.map(String).join(' | '), ' |');
    } else {
      for (const row of rows) {
        this.line(plainRow ? plainRow(row) : `- ${String(row[0])} (${headers.slice(1).map((h, i) => `${h.toLowerCase()}: ${String(row[i + 1])}`).join(', ')})`);
      }
    }
    return this;
  }

  /** The body; `$0` (where the cursor ends) on a line of its own after a block, at the end of a one-line snippet. */
  finish(): string {
    while (this.lines.at(-1) === '') this.lines.pop();
    if (this.lines.length === 1) return `${this.lines[0]}$0`;
    this.lines.push('$0');
    return this.lines.join('\n');
  }
}

/** Length as the title is written (snippet syntax removed), for setext underlines. */
function visibleLength(snippetText: string): number {
  return snippetText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').length;
}

type Writer = (w: BodyWriter) => void;

// ---------------------------------------------------------------------------------------------
// Sections, shared by the templates and the one-section snippets.

interface SummaryStops {
  readonly start: TabStop;
  readonly end: TabStop;
  readonly zone: TabStop;
}

function issueSummary(w: BodyWriter): SummaryStops {
  w.heading(2, 'Issue Summary');
  const duration = w.text('45 minutes');
  const start = w.raw(NOW);
  const end = w.raw(NOW);
  const zone = w.raw(LOCAL_ZONE);
  w.field('Duration', `${duration}, from ${start} to ${end} ${zone} on ${w.raw(TODAY)}.`);
  w.blank();
  w.field('Impact', `${w.text('The checkout service was down')}; ${w.text('users saw HTTP 500 errors')}. ${w.text('30')}% of users were affected.`);
  w.blank();
  w.field('Root cause', w.text('A configuration change sent traffic to a backend pool with no healthy servers.'));
  return { start, end, zone };
}

/** `- 14:05 UTC+02:00 - what happened` (a bullet in Markdown, a bare line in plain text). */
function entryLine(w: BodyWriter, time: string, zone: string | undefined, event: string): void {
  w.line(w.flavor === 'markdown' ? '- ' : '', time, zone ? ` ${zone}` : '', ' - ', event);
}

/** A timeline with an "All times in" line and entries stamped with the current time. */
function timeline(events: readonly string[]): Writer {
  return (w) => {
    w.heading(2, 'Timeline');
    w.line('All times in ', w.raw(LOCAL_ZONE), '.');
    w.blank();
    for (const event of events) entryLine(w, String(w.raw(NOW)), undefined, String(w.text(event)));
  };
}

const HOLBERTON_EVENTS = [
  'Issue detected: how (a monitoring alert, a customer complaint, an engineer noticing)',
  'Actions taken: what was investigated first, and what was assumed',
  'Misleading path: what was checked that turned out not to be the cause',
  'Escalated to: which team or person',
  'Resolved: how the incident was resolved',
];

function rootCauseAndResolution(w: BodyWriter): void {
  w.heading(2, 'Root Cause and Resolution');
  w.line(w.text('What caused the issue, in detail: the change, the component, and why it failed.'));
  w.blank();
  w.line(w.text('How the issue was fixed, in detail: what was rolled back or changed, and how recovery was confirmed.'));
}

function correctiveMeasures(w: BodyWriter): void {
  w.heading(2, 'Corrective and Preventative Measures');
  w.line(w.text('What could be improved or fixed in general.'));
  w.blank();
  task(w, 'Add a health check on every backend pool');
  task(w, 'Alert when the 5xx rate goes above 1% for 5 minutes');
  task(w, 'Validate load balancer configuration before deploying it');
}

function task(w: BodyWriter, action: string): void {
  w.line('- [ ] ', w.text(action), ' (owner: ', w.text('@owner'), ', due: ', w.raw(TODAY), ')');
}

function prose(title: string, defaultText: string, level = 2): Writer {
  return (w) => {
    w.heading(level, title);
    w.line(w.text(defaultText));
  };
}

const summary = prose('Summary', 'What happened, for how long, and how it was fixed, in two or three sentences.');
const impact = prose('Impact', 'Who was affected and how: users, requests, revenue. For example: 12% of API requests failed for 66 minutes.');
const rootCauses = prose('Root Causes', 'Why it happened: the chain of causes and the conditions that let them combine.');
const trigger = prose('Trigger', 'What set it off: a deploy, a configuration push, a traffic spike.');
const resolution = prose('Resolution', 'What stopped the impact, and what fixed the cause for good.');
const detection = prose('Detection', 'How the problem was noticed: which alert fired or who reported it, and how long after the start.');
const overview = prose('Overview', 'A short summary: what happened, the impact, and how it was resolved.');
const whatHappened = prose('What Happened', 'The story of the incident, from the first sign to recovery.');
const contributingFactors = prose('Contributing Factors', 'The conditions that together allowed the incident; there is rarely a single root cause.');

function actionItemsTable(typed: boolean): Writer {
  return (w) => {
    w.heading(2, 'Action Items');
    actionRows(w, typed, ['Roll back automatically when the error rate rises', 'Add a canary stage to configuration pushes']);
  };
}

function actionRows(w: BodyWriter, typed: boolean, actions: readonly string[]): void {
  const headers = typed ? ['Action Item', 'Type', 'Owner', 'Ticket', 'Due Date'] : ['Action', 'Owner', 'Ticket', 'Due Date'];
  const rows = actions.map((action) => [
    w.text(action),
    ...(typed ? [w.choice(['mitigate', 'prevent', 'detect', 'process'])] : []),
    w.text('@owner'),
    w.text('OPS-123'),
    w.raw(TODAY),
  ]);
  w.table(headers, rows, (row) => plainActionRow(row.map(String), typed));
}

function lessonsLearned(w: BodyWriter): void {
  w.heading(2, 'Lessons Learned');
  w.heading(3, 'What went well');
  w.line('- ', w.text('The alert fired within two minutes of the first errors.'));
  w.heading(3, 'What went wrong');
  w.line('- ', w.text('The change was pushed to every region at once.'));
  w.heading(3, 'Where we got lucky');
  w.line('- ', w.text('The incident started outside peak hours.'));
}

function howdWeDo(w: BodyWriter): void {
  w.heading(2, "How'd We Do?");
  w.heading(3, 'What Went Well?');
  w.line('- ', w.text('Responders were paged and joined the call quickly.'));
  w.heading(3, "What Didn't Go So Well?");
  w.line('- ', w.text('The status page was updated late.'));
}

function responders(w: BodyWriter): void {
  w.heading(2, 'Responders');
  w.line('- ', w.flavor === 'markdown' ? '**Incident commander:** ' : 'Incident commander: ', w.text('@ic'));
  w.line('- ', w.flavor === 'markdown' ? '**Scribe:** ' : 'Scribe: ', w.text('@scribe'));
  w.line('- ', w.flavor === 'markdown' ? '**Subject matter experts:** ' : 'Subject matter experts: ', w.text('@sme'));
}

function sreMetadata(w: BodyWriter): void {
  w.line('- ', w.flavor === 'markdown' ? '**Date:** ' : 'Date: ', w.raw(TODAY));
  w.line('- ', w.flavor === 'markdown' ? '**Authors:** ' : 'Authors: ', w.text('@author'));
  w.line('- ', w.flavor === 'markdown' ? '**Status:** ' : 'Status: ', w.choice(['Draft', 'In Review', 'Final', 'Action Items in Progress']));
  w.line('- ', w.flavor === 'markdown' ? '**Severity:** ' : 'Severity: ', w.choice(['SEV1', 'SEV2', 'SEV3', 'SEV4']));
}

function pagerDutyImpact(w: BodyWriter, severity: TabStop | undefined): void {
  w.heading(2, 'Impact');
  const rows = [
    [`Time in ${severity ? severity.mirror : w.choice(['SEV-1', 'SEV-2', 'SEV-3'])}`, w.text('45 minutes')],
    ['Customers affected', w.text('120')],
    ['Support tickets', w.text('14')],
  ];
  w.table(['Metric', 'Value'], rows, (row) => `${String(row[0])}: ${String(row[1])}`);
}

function pagerDutyTimeline(w: BodyWriter): void {
  w.heading(2, 'Timeline');
  const events = ['Contributing factor begins', 'Responders paged', 'Status page updated', 'Incident resolved'];
  if (w.flavor === 'markdown') {
    const zone = w.raw(LOCAL_ZONE);
    const rows = events.map((event) => [w.raw(NOW), w.text(event), w.text('link')]);
    w.line('| Time (', zone, ') | Event | Data Link |');
    w.line('|---|---|---|');
    for (const row of rows) w.line('| ', row.map(String).join(' | '), ' |');
  } else {
    w.line('All times in ', w.raw(LOCAL_ZONE), '.');
    w.blank();
    for (const event of events) w.line(w.raw(NOW), ' - ', w.text(event), ' (', w.text('link'), ')');
  }
}

// ---------------------------------------------------------------------------------------------
// Templates.

function holberton(w: BodyWriter): void {
  w.heading(1, `Postmortem: ${w.text('Short title of the outage')}`);
  const window = issueSummary(w);
  // The timeline opens at the summary's start, closes at its end, and repeats its zone on every
  // entry, as the 0x19 examples do; typing the summary fills them in.
  w.heading(2, 'Timeline');
  HOLBERTON_EVENTS.forEach((event, i) => {
    const first = i === 0;
    const last = i === HOLBERTON_EVENTS.length - 1;
    const time = first ? window.start.mirror : last ? window.end.mirror : String(w.raw(NOW));
    entryLine(w, time, window.zone.mirror, String(w.text(event)));
  });
  rootCauseAndResolution(w);
  correctiveMeasures(w);
}

function googleSre(w: BodyWriter): void {
  w.heading(1, `${w.text('Title of the incident')}: Postmortem`);
  sreMetadata(w);
  summary(w);
  impact(w);
  rootCauses(w);
  trigger(w);
  resolution(w);
  detection(w);
  actionItemsTable(true)(w);
  lessonsLearned(w);
  timeline(['Outage begins: what changed', 'Detected: which alert fired', 'Mitigated: what stopped the impact', 'Outage ends: service fully restored'])(w);
}

function pagerDuty(w: BodyWriter): void {
  w.heading(1, `${w.text('Incident title')}: Postmortem`);
  w.line('- ', w.flavor === 'markdown' ? '**Owner:** ' : 'Owner: ', w.text('@owner'));
  w.line('- ', w.flavor === 'markdown' ? '**Meeting scheduled for:** ' : 'Meeting scheduled for: ', w.raw(TODAY));
  w.line('- ', w.flavor === 'markdown' ? '**Status:** ' : 'Status: ', w.choice(['Draft', 'In Review', 'Reviewed', 'Closed']));
  const severity = w.choice(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
  w.line('- ', w.flavor === 'markdown' ? '**Severity:** ' : 'Severity: ', severity);
  overview(w);
  whatHappened(w);
  contributingFactors(w);
  resolution(w);
  pagerDutyImpact(w, severity);
  responders(w);
  pagerDutyTimeline(w);
  howdWeDo(w);
  actionItemsTable(false)(w);
}

// ---------------------------------------------------------------------------------------------
// The catalog.

interface Definition {
  readonly id: string;
  readonly kind: SnippetKind;
  readonly name: string;
  readonly description: string;
  readonly write: Writer;
  /** False when both flavours would be identical (entries, rows): one snippet serves both. */
  readonly flavored: boolean;
}

const DEFINITIONS: readonly Definition[] = [
  {
    id: 'holberton',
    kind: 'template',
    name: 'Postmortem template: Holberton/ALX 0x19',
    description: 'Issue Summary (duration with start, end and zone; impact; root cause), Timeline, Root Cause and Resolution, Corrective and Preventative Measures with a task list.',
    write: holberton,
    flavored: true,
  },
  {
    id: 'sre',
    kind: 'template',
    name: 'Postmortem template: Google SRE',
    description: 'Date, Authors, Status, Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items table, Lessons Learned, Timeline.',
    write: googleSre,
    flavored: true,
  },
  {
    id: 'pagerduty',
    kind: 'template',
    name: 'Postmortem template: PagerDuty',
    description: "Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline table, How'd We Do?, Action Items.",
    write: pagerDuty,
    flavored: true,
  },
  { id: 'issue-summary', kind: 'section', name: 'Section: Issue Summary', description: 'Duration with start and end times and zone, impact with the % of users affected, and the root cause.', write: issueSummary, flavored: true },
  { id: 'summary', kind: 'section', name: 'Section: Summary', description: 'What happened, for how long, and how it was fixed.', write: summary, flavored: true },
  { id: 'overview', kind: 'section', name: 'Section: Overview', description: 'A short summary (PagerDuty).', write: overview, flavored: true },
  { id: 'what-happened', kind: 'section', name: 'Section: What Happened', description: 'The story of the incident (PagerDuty).', write: whatHappened, flavored: true },
  { id: 'impact', kind: 'section', name: 'Section: Impact', description: 'Who was affected and how much.', write: impact, flavored: true },
  { id: 'timeline', kind: 'section', name: 'Section: Timeline', description: 'A timeline with its zone and entries stamped with the current time.', write: timeline(HOLBERTON_EVENTS.slice(0, 3)), flavored: true },
  { id: 'root-cause-resolution', kind: 'section', name: 'Section: Root Cause and Resolution', description: 'The cause and the fix, in detail.', write: rootCauseAndResolution, flavored: true },
  { id: 'root-causes', kind: 'section', name: 'Section: Root Causes', description: 'The chain of causes (SRE).', write: rootCauses, flavored: true },
  { id: 'contributing-factors', kind: 'section', name: 'Section: Contributing Factors', description: 'The conditions that allowed the incident (PagerDuty).', write: contributingFactors, flavored: true },
  { id: 'trigger', kind: 'section', name: 'Section: Trigger', description: 'What set the incident off (SRE).', write: trigger, flavored: true },
  { id: 'resolution', kind: 'section', name: 'Section: Resolution', description: 'What stopped the impact and fixed the cause.', write: resolution, flavored: true },
  { id: 'detection', kind: 'section', name: 'Section: Detection', description: 'How and when the problem was noticed.', write: detection, flavored: true },
  { id: 'corrective-measures', kind: 'section', name: 'Section: Corrective and Preventative Measures', description: 'General improvements and a task list.', write: correctiveMeasures, flavored: true },
  { id: 'action-items', kind: 'section', name: 'Section: Action Items', description: 'A table of actions with owner, ticket and due date.', write: actionItemsTable(false), flavored: true },
  { id: 'lessons-learned', kind: 'section', name: 'Section: Lessons Learned', description: 'What went well, what went wrong, where we got lucky.', write: lessonsLearned, flavored: true },
  { id: 'howd-we-do', kind: 'section', name: "Section: How'd We Do?", description: "What went well and what didn't (PagerDuty).", write: howdWeDo, flavored: true },
  { id: 'responders', kind: 'section', name: 'Section: Responders', description: 'Incident commander, scribe and experts (PagerDuty).', write: responders, flavored: true },
  { id: 'metadata', kind: 'section', name: 'Header: Date, Authors, Status, Severity', description: 'The SRE header fields, with choices for status and severity.', write: sreMetadata, flavored: true },
  {
    id: 'entry',
    kind: 'entry',
    name: 'Timeline entry (now)',
    description: 'A timeline entry stamped with the current time and the local zone.',
    write: (w) => entryLine(w, NOW, String(w.raw(LOCAL_ZONE)), String(w.text('What happened'))),
    flavored: true,
  },
  {
    id: 'action',
    kind: 'entry',
    name: 'Action item row',
    description: 'An action-item row: action, owner, ticket, due date.',
    write: (w) => actionRowOnly(w, false),
    flavored: true,
  },
  {
    id: 'action-typed',
    kind: 'entry',
    name: 'Action item row with type',
    description: 'An action-item row for the SRE table: action, type, owner, ticket, due date.',
    write: (w) => actionRowOnly(w, true),
    flavored: true,
  },
  {
    id: 'task',
    kind: 'entry',
    name: 'Task',
    description: 'A task-list item with an owner and a due date.',
    write: (w) => task(w, 'What to do'),
    flavored: false,
  },
];

/** One action-item row, laid out like the rows of the tables. */
function actionRowOnly(w: BodyWriter, typed: boolean): void {
  const action = w.text('What to do');
  const type = typed ? w.choice(['mitigate', 'prevent', 'detect', 'process']) : undefined;
  const cells = [action, ...(type ? [type] : []), w.text('@owner'), w.text('OPS-123'), w.raw(TODAY)].map(String);
  w.line(w.flavor === 'markdown' ? `| ${cells.join(' | ')} |` : plainActionRow(cells, typed));
}

function plainActionRow(cells: readonly string[], typed: boolean): string {
  const [action, ...rest] = cells;
  const labels = typed ? ['type', 'owner', 'ticket', 'due'] : ['owner', 'ticket', 'due'];
  return `- [ ] ${action} (${rest.map((cell, i) => `${labels[i]}: ${cell}`).join(', ')})`;
}

function build(definition: Definition, flavor: SnippetFlavor): PostmortemSnippet {
  const writer = new BodyWriter(flavor);
  definition.write(writer);
  const plain = flavor === 'plaintext' && definition.flavored;
  return {
    id: definition.id,
    kind: definition.kind,
    flavor,
    prefix: plain ? `pm-${definition.id}-txt` : `pm-${definition.id}`,
    name: plain ? `${definition.name} (plain text)` : definition.name,
    description: definition.description,
    body: writer.finish(),
  };
}

/** Every snippet, Markdown flavour first, in catalog order. */
export const POSTMORTEM_SNIPPETS: readonly PostmortemSnippet[] = Object.freeze([
  ...DEFINITIONS.map((d) => build(d, 'markdown')),
  ...DEFINITIONS.filter((d) => d.flavored).map((d) => build(d, 'plaintext')),
]);

/**
 * The snippets offered in a language: Markdown documents get the Markdown flavour; postmortem
 * documents (which may be written either way) get both.
 */
export function snippetsForLanguage(languageId: 'postmortem' | 'markdown'): PostmortemSnippet[] {
  return POSTMORTEM_SNIPPETS.filter((s) => languageId === 'postmortem' || s.flavor === 'markdown');
}

/** The whole-document templates, for "New Postmortem". */
export function postmortemTemplates(): PostmortemSnippet[] {
  return POSTMORTEM_SNIPPETS.filter((s) => s.kind === 'template');
}

/** The contents of a VS Code snippets file (`contributes.snippets`) for a language. */
export function vscodeSnippetFile(languageId: 'postmortem' | 'markdown'): Record<string, { prefix: string; body: string[]; description: string }> {
  const file: Record<string, { prefix: string; body: string[]; description: string }> = {};
  for (const snippet of snippetsForLanguage(languageId)) {
    file[snippet.name] = { prefix: snippet.prefix, body: snippet.body.split('\n'), description: snippet.description };
  }
  return file;
}
