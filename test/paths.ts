import * as path from 'node:path';

/** The repository root, found from the compiled file's place in `out/test/`. */
export const repoRoot = path.resolve(__dirname, '..', '..');

export const fixturesDirectory = path.join(repoRoot, 'test', 'fixtures');

/**
 * The project's two reference postmortems, kept in the fixture workspace the editor layers open.
 * `incident-postmortem.txt`: plain text, a `Duration:` label and ALL-CAPS headings with Title-Case
 * and ALL-CAPS sub-headings, a 12-hour timeline with no time zone, a summary range from 7:15 PM
 * to 9:05 PM. `outage-postmortem.md`: Markdown in the Holberton style, `## Issue Summary` with a
 * `### Timeline` that reads as its sibling, dated entries with a zone (`October 23rd, 2023,
 * 11:26 AM UTC -`) crossing noon, a stated window from 11:20 AM to 2:05 PM UTC.
 */
export const plainTextPostmortem = path.join(fixturesDirectory, 'workspace', 'incident-postmortem.txt');
export const markdownPostmortem = path.join(fixturesDirectory, 'workspace', 'outage-postmortem.md');
