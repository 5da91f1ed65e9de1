import { createNodeIo } from './io';
import { runCli } from './run';

runCli(process.argv.slice(2), createNodeIo()).then(
  // exitCode rather than exit(): a piped stdout must be flushed before the process ends.
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postmortem: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
