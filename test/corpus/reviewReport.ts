import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveOptions } from '../../server/src/core/config';
import { readActionItems } from '../../server/src/core/parse/actionItems';
import { createPostmortemService } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { repoRoot } from '../paths';
import { devCorpusDirectory } from './corpusRoot';

/**
 * The day the corpus is reviewed on: `action-item-overdue` and its "N days ago" depend on it,
 * so reports over the corpus fix it rather than read the clock.
 */
export const corpusReviewDay = '2026-12-01';

/** Options for reports over the corpus: the defaults, with {@link corpusReviewDay} as today. */
export const corpusReviewOptions = resolveOptions({ review: { today: corpusReviewDay } }).options;

export const reviewReportPath = path.join(repoRoot, 'test', 'corpus', 'review-report.txt');
export const reviewJudgementsPath = path.join(repoRoot, 'test', 'corpus', 'review-report-judgements.md');

/** The review codes, in the report's order. */
export const reviewCodes = ['action-item-owner', 'action-item-due', 'action-item-ticket', 'action-item-overdue', 'no-action-items', 'blame-language', 'impact-unquantified'] as const;

/** The dev corpus documents, sorted by name. */
export function devCorpusDocuments(): { name: string; text: string }[] {
  return fs
    .readdirSync(devCorpusDirectory)
    .filter((name) => /^\d/.test(name))
    .sort()
    .map((name) => ({ name: `corpus/dev/${name}`, text: fs.readFileSync(path.join(devCorpusDirectory, name), 'utf8') }));
}

/**
 * What the review checks make of the dev corpus: the action items found and how many carry
 * each field, the count of each review code, every blame-language and impact-unquantified
 * finding (each judged in review-report-judgements.md), and every action item with its fields.
 * Options are the defaults with today fixed to {@link corpusReviewDay}; `action-item-ticket`,
 * off by default, is counted with `review.requireTicket` on.
 */
export function buildReviewReport(documents: readonly { name: string; text: string }[] = devCorpusDocuments()): string {
  const service = createPostmortemService();
  const withTickets = resolveOptions({ review: { today: corpusReviewDay, requireTicket: true } }).options;
  const counts = new Map<string, number>(reviewCodes.map((code) => [code, 0]));
  const judged: string[] = [];
  const itemLines: string[] = [];
  let items = 0;
  let documentsWithItems = 0;
  const have = { owner: 0, due: 0, completeDue: 0, ticket: 0, state: 0, done: 0, open: 0, type: 0 };
  for (const { name, text } of documents) {
    const index = new LineIndex(text);
    const at = (offset: number) => {
      const position = index.positionAt(offset);
      return `${name}:${position.line + 1}:${position.character + 1}`;
    };
    const model = service.parse(text);
    for (const finding of service.check(model, withTickets)) {
      if (!counts.has(finding.code)) continue;
      counts.set(finding.code, counts.get(finding.code)! + 1);
      if (finding.code === 'blame-language' || finding.code === 'impact-unquantified') {
        judged.push(`${at(finding.span.start)} ${finding.code} ${JSON.stringify(text.slice(finding.span.start, finding.span.end))}`);
      }
    }
    const found = readActionItems(model).items;
    if (found.length > 0) documentsWithItems++;
    for (const item of found) {
      items++;
      if (item.owner) have.owner++;
      if (item.due) have.due++;
      if (item.due?.iso) have.completeDue++;
      if (item.ticket) have.ticket++;
      if (item.done !== undefined) have.state++;
      if (item.done === true) have.done++;
      if (item.done === false) have.open++;
      if (item.type) have.type++;
      const due = item.due ? (item.due.iso ?? `"${item.due.text}"`) : '-';
      const text60 = item.text.length > 60 ? `${item.text.slice(0, 57)}...` : item.text;
      itemLines.push(`${at(item.textSpan.start)} ${item.form} | ${text60} | ${item.owner?.text ?? '-'} | ${due} | ${item.ticket?.text ?? '-'} | ${item.done ?? '-'} | ${item.type ?? '-'}`);
    }
  }
  return [
    `# Review checks over the ${documents.length} documents of corpus/dev, today fixed to ${corpusReviewDay}.`,
    '# Regenerate after a reviewed change: npm run build && node scripts/review-report.mjs',
    `# Action items: ${items} in ${documentsWithItems} documents`,
    `#   with an owner: ${have.owner}`,
    `#   with a due date: ${have.due} (${have.completeDue} complete dates)`,
    `#   with a ticket: ${have.ticket}`,
    `#   with a known state: ${have.state} (${have.done} done, ${have.open} open)`,
    `#   with a type: ${have.type}`,
    '# Findings per review code (action-item-ticket counted with review.requireTicket on):',
    ...[...counts].map(([code, count]) => `#   ${code}: ${count}`),
    '',
    '## blame-language and impact-unquantified findings (judged in review-report-judgements.md)',
    ...judged,
    '',
    '## Action items: position of the text, form | text | owner | due | ticket | done | type',
    ...itemLines,
    '',
  ].join('\n');
}
