import * as fs from 'node:fs';
import type { SectionKind } from '../../server/src/core/model';
import { seed000, seed003 } from '../paths';

/** What both seeds must produce, from the project's statement of the expected model. */
export interface SeedExpectation {
  readonly name: string;
  readonly text: string;
  /** Top-level section kinds in order. */
  readonly kinds: readonly SectionKind[];
  /** The line that starts the timeline section. */
  readonly timelineHeading: string;
  /** Each entry's normalised time label, and the start of its line. */
  readonly entries: readonly { readonly detail: string; readonly linePrefix: string }[];
}

export const seeds: readonly SeedExpectation[] = [
  {
    name: 'seed 000 (plain text)',
    text: fs.readFileSync(seed000, 'utf8'),
    kinds: ['summary', 'timeline', 'root-cause', 'corrective-actions'],
    timelineHeading: 'TIMELINE:',
    entries: [
      ['22:00', '10:00 PM:'],
      ['22:05', '10:05 PM:'],
      ['22:20', '10:20 PM:'],
      ['22:45', '10:45 PM:'],
      ['23:20', '11:20 PM:'],
      ['23:30', '11:30 PM:'],
      ['23:45', '11:45 PM:'],
    ].map(([detail, linePrefix]) => ({ detail: detail!, linePrefix: linePrefix! })),
  },
  {
    name: 'seed 003 (Markdown)',
    text: fs.readFileSync(seed003, 'utf8'),
    kinds: ['summary', 'timeline', 'root-cause', 'corrective-actions'],
    timelineHeading: '### Timeline',
    entries: [
      ['14:32', '2:32 PM'],
      ['14:45', '2:45 PM'],
      ['15:15', '3:15 PM'],
      ['15:30', '3:30 PM'],
      ['16:00', '4:00 PM'],
      ['17:45', '5:45 PM'],
      ['18:00', '6:00 PM'],
    ].map(([time, clock]) => ({ detail: `2024-08-15 ${time!} UTC`, linePrefix: `August 15th, 2024, ${clock!} UTC` })),
  },
];

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
