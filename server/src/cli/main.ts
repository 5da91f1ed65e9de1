import { promises as fs } from 'node:fs';
import { findProjectConfig } from '../node/projectConfig';
import { runCli } from './run';

/** Reads UTF-8 without a byte-order mark, so columns match what an editor shows. */
async function readInput(file: string): Promise<string> {
  let text: string;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    text = await fs.readFile(file, 'utf8');
  }
  return text.replace(/^\uFEFF/, '');
}

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: readInput,
  findProjectConfig,
}).then(
  // exitCode rather than exit(): a piped stdout must be flushed before the process ends.
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postmortem: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
