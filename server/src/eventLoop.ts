/**
 * Lets messages that arrived meanwhile be handled before this continues. The connection reads a
 * message in the poll phase of one turn of the event loop and dispatches it from a `setImmediate`
 * queued there, which runs after any `setImmediate` queued before it. Waiting one turn would let
 * long work resume ahead of that dispatch; waiting for the next turn's immediate comes after it.
 */
export function afterPendingMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
