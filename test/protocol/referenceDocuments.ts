import * as fs from 'node:fs';
import type { SectionKind } from '../../server/src/core/model';
import { markdownPostmortem, plainTextPostmortem } from '../paths';

/** What each of the project's reference postmortems must produce, as verified by reading it. */
export interface ReferenceExpectation {
  readonly name: string;
  readonly text: string;
  /** Top-level section kinds in order. */
  readonly kinds: readonly SectionKind[];
  /** The line that starts the timeline section. */
  readonly timelineHeading: string;
  /** Each entry's normalised time label, and the start of its line. */
  readonly entries: readonly { readonly detail: string; readonly linePrefix: string }[];
}

/** A reference postmortem: both have the four Holberton sections, each entry as [time, line start]. */
function reference(name: string, file: string, timelineHeading: string, entries: readonly (readonly [string, string])[]): ReferenceExpectation {
  return {
    name,
    text: fs.readFileSync(file, 'utf8'),
    kinds: ['summary', 'timeline', 'root-cause', 'corrective-actions'],
    timelineHeading,
    entries: entries.map(([detail, linePrefix]) => ({ detail, linePrefix })),
  };
}

/** incident-postmortem.txt: plain text, ALL-CAPS headings, 12-hour times and no zone. */
export const plainTextDocument = reference('incident-postmortem.txt (plain text)', plainTextPostmortem, 'TIMELINE:', [
  ['19:15', '7:15 PM:'],
  ['19:22', '7:22 PM:'],
  ['19:40', '7:40 PM:'],
  ['20:05', '8:05 PM:'],
  ['20:35', '8:35 PM:'],
  ['20:50', '8:50 PM:'],
  ['21:05', '9:05 PM:'],
]);

/** outage-postmortem.md: Markdown, `### Timeline` under `## Issue Summary`, dated entries in UTC. */
export const markdownDocument = reference(
  'outage-postmortem.md (Markdown)',
  markdownPostmortem,
  '### Timeline',
  (
    [
      ['11:26', '11:26 AM'],
      ['11:41', '11:41 AM'],
      ['12:10', '12:10 PM'],
      ['12:35', '12:35 PM'],
      ['13:05', '1:05 PM'],
      ['13:50', '1:50 PM'],
      ['14:05', '2:05 PM'],
    ] as const
  ).map(([time, clock]) => [`2023-10-23 ${time} UTC`, `October 23rd, 2023, ${clock} UTC`] as const),
);

export const referenceDocuments: readonly ReferenceExpectation[] = [plainTextDocument, markdownDocument];

/** The 0-based line that starts with `prefix` (exactly one must). */
export function lineStartingWith(text: string, prefix: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const found = lines.flatMap((line, index) => (line.startsWith(prefix) ? [index] : []));
  if (found.length !== 1) throw new Error(`expected one line starting with ${JSON.stringify(prefix)}, found ${found.length}`);
  return found[0]!;
}

/** A README that is not a postmortem, though it has a summary-like heading. */
export const readmeText = [
  '# postmortem-tools',
  '',
  '## Overview',
  '',
  'A small library. See the summary below.',
  '',
  '## Installation',
  '',
  '```sh',
  'npm install postmortem-tools',
  '```',
  '',
  '## Usage',
  '',
  'Run it at 10:00 PM every day.',
  '',
].join('\n');
