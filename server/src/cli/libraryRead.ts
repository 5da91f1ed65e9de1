import { summarizeDocument, type PostmortemSummary } from '../core/library/summary';
import { parsePostmortem } from '../core/parse/parser';
import { isPostmortemFile } from './check';
import { readLibraryFile } from './files';

/** One file to summarise, with what its settings say about it. Plain data: it goes to workers as it is. */
export interface LibraryFileJob {
  readonly absolute: string;
  /** The name summaries carry: the path relative to the working folder. */
  readonly display: string;
  /** `postmortem.maxDocumentSize`: a file past it is passed over. */
  readonly maxCharacters: number;
  /** `postmortem.files.include`: names that make a file a postmortem whatever its content. */
  readonly fileInclude: readonly string[];
}

/** What became of one file. */
export type LibraryFileOutcome =
  | { readonly kind: 'summary'; readonly summary: PostmortemSummary; readonly invalidUtf8: boolean; readonly identity: string }
  | { readonly kind: 'not-postmortem' | 'binary' | 'too-large' }
  | { readonly kind: 'unreadable'; readonly reason?: string };

/**
 * Summarises files in order, a few reads in flight while the last one read is parsed. The same
 * function runs on the main thread and in each worker.
 */
export async function summarizeLibraryFiles(jobs: readonly LibraryFileJob[], today: string): Promise<LibraryFileOutcome[]> {
  const outcomes: LibraryFileOutcome[] = new Array(jobs.length);
  const inFlight = 8;
  const reads = jobs.slice(0, inFlight).map((job) => readLibraryFile(job.absolute, job.maxCharacters));
  for (let i = 0; i < jobs.length; i++) {
    const read = await reads[i]!;
    if (i + inFlight < jobs.length) reads.push(readLibraryFile(jobs[i + inFlight]!.absolute, jobs[i + inFlight]!.maxCharacters));
    // Let go of the text as soon as it is summarised.
    reads[i] = undefined!;
    const job = jobs[i]!;
    if (read.kind !== 'text') {
      outcomes[i] = read.kind === 'unreadable' ? { kind: 'unreadable', ...(read.reason !== undefined ? { reason: read.reason } : {}) } : { kind: read.kind };
      continue;
    }
    outcomes[i] = summarizeText(job, read.text, read.invalidUtf8, read.identity, today);
  }
  return outcomes;
}

function summarizeText(job: LibraryFileJob, text: string, invalidUtf8: boolean, identity: string, today: string): LibraryFileOutcome {
  const model = parsePostmortem(text);
  if (!isPostmortemFile(job.absolute, job.fileInclude, model)) return { kind: 'not-postmortem' };
  // Statistics and lists use no finding counts (the checks are `postmortem check`'s work) and
  // relate no incidents: ten thousand summaries kept without their terms also leave less to collect.
  return { kind: 'summary', summary: summarizeDocument(job.display, model, { today, countFindings: false, searchTerms: false }), invalidUtf8, identity };
}
