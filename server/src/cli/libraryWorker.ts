import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { summarizeLibraryFiles, type LibraryFileJob, type LibraryFileOutcome } from './libraryRead';

/** Marks the worker threads of the incident library, so this module knows it runs in one. */
const workerMarker = 'postmortem-library-worker';

/** Files handed to a worker at a time: small enough that the workers finish together. */
const batchSize = 100;

interface Batch {
  readonly first: number;
  readonly jobs: readonly LibraryFileJob[];
  readonly today: string;
}

/**
 * Summarises the files in `workers` worker threads, each reading and parsing batches of files
 * as it finishes the last; the outcomes come back in the order of `jobs`. The threads run this
 * very file (in the bundle, `dist/cli.js`), which answers batches when it finds itself in one.
 */
export async function summarizeInWorkers(jobs: readonly LibraryFileJob[], today: string, workers: number): Promise<LibraryFileOutcome[]> {
  const outcomes: LibraryFileOutcome[] = new Array(jobs.length);
  let next = 0;
  const takeBatch = (): Batch | undefined => {
    if (next >= jobs.length) return undefined;
    const first = next;
    next = Math.min(jobs.length, next + batchSize);
    return { first, jobs: jobs.slice(first, next), today };
  };
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(__filename, { workerData: { marker: workerMarker } });
      const send = () => {
        const batch = takeBatch();
        if (batch) worker.postMessage(batch);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (answer: { first: number; outcomes: LibraryFileOutcome[] }) => {
        answer.outcomes.forEach((outcome, i) => (outcomes[answer.first + i] = outcome));
        send();
      });
      worker.on('error', reject);
      send();
    });
  await Promise.all(Array.from({ length: workers }, runWorker));
  return outcomes;
}

if (!isMainThread && (workerData as { marker?: string } | undefined)?.marker === workerMarker && parentPort) {
  const port = parentPort;
  port.on('message', (batch: Batch) => {
    void summarizeLibraryFiles(batch.jobs, batch.today).then((outcomes) => port.postMessage({ first: batch.first, outcomes }));
  });
}
