import * as fs from 'node:fs';
import * as path from 'node:path';
import { summarizePostmortem, type PostmortemSummary } from '../../../../server/src/core/library/summary';
import { fixturesDirectory } from '../../../paths';

/** The library fixtures: eight postmortems of a made-up shop and a note that is not one. */
export const libraryFixtures = path.join(fixturesDirectory, 'library');

/** Summaries of every postmortem of the library fixtures, by file name, as of `today`. */
export function fixtureSummaries(today = '2024-10-01'): Map<string, PostmortemSummary> {
  const folder = path.join(libraryFixtures, 'postmortems');
  const summaries = new Map<string, PostmortemSummary>();
  for (const name of fs.readdirSync(folder).sort()) {
    summaries.set(name, summarizePostmortem(name, fs.readFileSync(path.join(folder, name), 'utf8'), { today }));
  }
  return summaries;
}

/** A summary with only what a test sets; everything else unknown or empty. */
export function makeSummary(fields: Partial<PostmortemSummary> & { uri: string }): PostmortemSummary {
  return {
    title: fields.uri,
    titleLine: 0,
    services: [],
    actionItems: [],
    findings: { errors: 0, warnings: 0, information: 0, hints: 0 },
    sections: [],
    terms: [],
    ...fields,
  };
}
