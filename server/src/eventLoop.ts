/**
 * Lets messages that arrived meanwhile be handled before this continues. The connection reads a
 * message in the poll phase of one turn of the event loop and dispatches it from a `setImmediate`
 * queued there, which runs after any `setImmediate` queued before it. Waiting one turn would let
 * long work resume ahead of that dispatch; waiting for the next turn's immediate comes after it.
 */
export function afterPendingMessages(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  // In a browser worker a message arrives as a task of its own and is dispatched in a microtask
  // right after it (vscode-jsonrpc's browser runtime), so a task queued now runs after it.
  return new Promise((resolve) => setTimeout(resolve, 0));
}
