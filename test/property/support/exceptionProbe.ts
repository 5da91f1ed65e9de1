import { Session } from 'node:inspector';
import * as path from 'node:path';
import { repoRoot } from '../../paths';

/** Where the compiled analysis core lives; exceptions thrown there are what the probe reports. */
const watchedDirectories = [path.join(repoRoot, 'out', 'server', 'src')];

/** One exception thrown inside a watched file, caught or not. */
export interface ThrownInCore {
  readonly description: string;
  readonly location: string;
}

/**
 * Records every exception thrown in the compiled server and core, including the ones that
 * `try`/`catch` guards swallow (the parser and the service degrade to empty results on an
 * internal error, so a crash would otherwise look like a document with nothing in it). Uses the
 * in-process inspector with "pause on all exceptions": each pause is recorded and resumed at once.
 */
export class ExceptionProbe {
  readonly #session = new Session();
  readonly #thrown: ThrownInCore[] = [];

  start(): void {
    this.#session.connect();
    this.#session.on('Debugger.paused', (message) => {
      const frame = message.params.callFrames[0];
      const url = frame?.url ?? '';
      const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
      if (watchedDirectories.some((directory) => file.startsWith(directory))) {
        const data = message.params.data as { description?: string } | undefined;
        this.#thrown.push({
          description: data?.description ?? String(message.params.reason),
          location: `${path.relative(repoRoot, file)}:${(frame?.location.lineNumber ?? 0) + 1}`,
        });
      }
      this.#session.post('Debugger.resume');
    });
    this.#session.post('Debugger.enable');
    this.#session.post('Debugger.setPauseOnExceptions', { state: 'all' });
  }

  stop(): void {
    this.#session.post('Debugger.setPauseOnExceptions', { state: 'none' });
    this.#session.post('Debugger.disable');
    this.#session.disconnect();
  }

  /** The exceptions recorded since the last call, and forgets them. */
  take(): ThrownInCore[] {
    return this.#thrown.splice(0, this.#thrown.length);
  }
}
