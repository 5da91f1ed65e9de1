import { setFlagsFromString } from 'node:v8';

/**
 * Garbage-collector settings for a long-lived server that mostly waits for keystrokes, set from
 * the server's own code because VS Code and other editors start `dist/server.js` with plain
 * `node`. Measured on generated documents of 2,000 to 100,000 timeline entries (0.2 to 10 MB):
 *
 * - The young generation stays at its initial size (1 MB semi-spaces) instead of growing to
 *   16 MB ones after a few parses: those 32-48 MB stayed resident for good, more than the whole
 *   analysis of a 200 KB document holds (about 10 MB). Idle with a 200 KB document after ten
 *   edits: about 80 MB instead of 106 MB. Analyses at 10 MB take 5-10 % longer.
 * - The old generation grows by half of what survives a full collection before the next one,
 *   not by V8's throughput-driven factor of up to four: six analyses of a 10 MB document in a
 *   row peaked at 750-800 MB of mostly garbage, now about 400 MB (with both flags 340-380 MB
 *   over the protocol, 530-1,370 MB without), for 15-20 % more time per analysis, much of it on
 *   V8's background marking thread; first diagnostics over the protocol stayed within noise.
 *
 * Both flags are read by V8 whenever it resizes a space, so setting them after startup works.
 */
export function tuneGarbageCollector(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
}

/** How long after the last request about a large document the idle collection runs. */
const idleDelayMs = 2000;

/**
 * Returns a function to call whenever a request works on a large document. Once such calls stop
 * for {@link idleDelayMs}, one full collection runs: V8 would otherwise keep the garbage of the
 * last analyses (hundreds of MB after a 10 MB document) resident until memory runs short.
 */
export function collectGarbageWhenIdle(): () => void {
  const collect = exposedGarbageCollector();
  if (!collect) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) timer.refresh();
    else {
      timer = setTimeout(() => {
        timer = undefined;
        collect();
      }, idleDelayMs);
      // An idle collection never keeps the process alive on its own.
      timer.unref();
    }
  };
}

/**
 * V8's `gc()` when the process was started with `--expose-gc` (the VS Code client starts the
 * server so); undefined otherwise, and the idle collection is skipped. Conjuring it up at run
 * time would take the `vm` module, which the shipped code does not use (see the source-safety test).
 */
function exposedGarbageCollector(): (() => void) | undefined {
  const collect: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof collect === 'function' ? () => (collect as () => void)() : undefined;
}
