import * as path from 'node:path';
import type { Severity } from '../../server/src/core/analysis/findings';
import { createPostmortemService } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { repoRoot } from '../paths';
import { corpusDocuments, type CorpusDocument } from './corpusRoot';

/** Where the reviewed report lives; a change to any finding shows up as a diff of this file. */
export const corpusReportPath = path.join(repoRoot, 'test', 'corpus', 'corpus-report.txt');

const severityOrder: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * Every finding the checker reports, with default options, for the corpus documents:
 * a count per code and severity, then one line per finding (`file:line:col severity code
 * message`, positions 1-based in UTF-16 units).
 */
export function buildCorpusReport(documents: readonly CorpusDocument[] = corpusDocuments()): string {
  const service = createPostmortemService();
  const counts = new Map<string, number>();
  const lines: string[] = [];
  for (const { name, text } of documents) {
    const index = new LineIndex(text);
    for (const finding of service.check(service.parse(text))) {
      const position = index.positionAt(finding.span.start);
      lines.push(`${name}:${position.line + 1}:${position.character + 1} ${finding.severity} ${finding.code} ${finding.message}`);
      const key = `${finding.code} ${finding.severity}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const summary = [...counts.entries()]
    .sort(([a], [b]) => {
      const [codeA, severityA] = a.split(' ') as [string, Severity];
      const [codeB, severityB] = b.split(' ') as [string, Severity];
      return severityOrder.indexOf(severityA) - severityOrder.indexOf(severityB) || codeA.localeCompare(codeB);
    })
    .map(([key, count]) => `#   ${key}: ${count}`);
  return [
    `# Findings with default options over the ${documents.length} documents of seeds/ and corpus/*/ in the corpus folder (POSTMORTEM_CORPUS, default ../shared).`,
    '# Regenerate after a reviewed change: npm run build && node scripts/corpus-report.mjs; the review of each finding is in REVIEW.md.',
    '# Count per code and severity:',
    ...summary,
    '',
    ...lines,
    '',
  ].join('\n');
}
