import { isMainThread } from 'node:worker_threads';
import { createNodeIo } from './io';
import { runCli } from './run';

// The incident library's worker threads run this bundle too (`libraryWorker.ts`): they answer
// their batches and must not run the command line again.
if (isMainThread) runCli(process.argv.slice(2), createNodeIo()).then(
  // exitCode rather than exit(): a piped stdout must be flushed before the process ends.
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postmortem: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
