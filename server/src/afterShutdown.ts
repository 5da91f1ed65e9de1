import * as lsp from 'vscode-languageserver';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/**
 * Every request method a client may send: the protocol's request types whose direction is
 * client to server (or both), read from the protocol module so a method added to it is covered
 * without a list to keep in step.
 */
function clientRequestMethods(): string[] {
  const methods = new Set<string>();
  for (const value of Object.values(lsp) as unknown[]) {
    if (typeof value !== 'object' || value === null) continue;
    const candidate = value as { method?: unknown; type?: unknown; messageDirection?: unknown };
    if (typeof candidate.method !== 'string') continue;
    if (!(candidate.type instanceof lsp.RequestType || candidate.type instanceof lsp.RequestType0)) continue;
    if (candidate.messageDirection === lsp.MessageDirection.serverToClient) continue;
    methods.add(candidate.method);
  }
  return [...methods];
}

/**
 * After `shutdown` the protocol allows only `exit`: any further request must fail with
 * InvalidRequest. vscode-languageserver records the shutdown but still dispatches requests,
 * so the handler of every protocol request method is replaced by one that refuses, and methods
 * without a handler (unknown ones) get the same answer instead of MethodNotFound. A request of
 * this server's own registered with `connection.onRequest` would need the same treatment.
 * Notifications, `exit` among them, are left alone.
 */
export function refuseRequestsAfterShutdown(connection: Connection): void {
  let refusing = false;
  connection.onShutdown(() => {
    if (refusing) return;
    refusing = true;
    const refuse = (method: string): never => {
      throw new ResponseError(ErrorCodes.InvalidRequest, `The server is shut down; ${method} was sent after shutdown`);
    };
    for (const method of clientRequestMethods()) connection.onRequest(method, () => refuse(method));
    connection.onRequest((method: string) => refuse(method));
  });
}
