import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  ErrorCodes,
  ResponseError,
  ShutdownRequest,
  type DocumentSymbol,
} from 'vscode-languageserver/node';
import { StdioServer } from './stdioServer';

const knownUri = 'file:///tmp/known.postmortem';
const knownText = '# Postmortem\n\n## Summary\n\nThe checkout failed.\n\n## Timeline\n\n- 10:00 UTC deploy\n- 10:05 UTC alerts\n- 10:02 UTC rollback\n';

/** Error codes an abused request may answer with; anything else (or a crash) fails. */
const acceptableErrors = new Set<number>([ErrorCodes.InvalidParams, ErrorCodes.InternalError, ErrorCodes.InvalidRequest, ErrorCodes.MethodNotFound, LSPErrorCodes.RequestCancelled]);

function isEmpty(result: unknown): boolean {
  if (result === null || result === undefined) return true;
  if (Array.isArray(result)) return result.length === 0;
  if (typeof result === 'object' && 'items' in (result as object)) return ((result as { items: unknown[] }).items ?? []).length === 0;
  return false;
}

let casesSent = 0;

suite('protocol abuse over stdio (dist/server.js --stdio)', function () {
  this.timeout(60_000);
  let server: StdioServer;

  setup(async () => {
    server = new StdioServer();
    await server.initialize();
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: knownUri, languageId: 'postmortem', version: 1, text: knownText } });
  });
  teardown(() => server.kill());
  suiteTeardown(() => console.log(`    ${casesSent} abusive messages sent`));

  /** The server is alive and still answers correctly about the known document. */
  async function stillServing(): Promise<void> {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: knownUri } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0, 'the follow-up outline request answers with the known document\'s sections');
    assert.equal(server.exit, undefined, `the server exited: ${server.stderr.join('')}`);
  }

  /** Sends one abusive request: it must answer with an empty result or a proper error. */
  async function expectEmptyOrError(method: string, params: unknown): Promise<void> {
    casesSent++;
    try {
      const result = await server.connection.sendRequest(method, params);
      assert.ok(isEmpty(result), `${method} ${JSON.stringify(params)} answered ${JSON.stringify(result)}`);
    } catch (error) {
      assert.ok(error instanceof ResponseError, `${method}: not an LSP error: ${String(error)}`);
      assert.ok(acceptableErrors.has(error.code), `${method}: error code ${error.code} (${error.message})`);
    }
  }

  test('requests about a document that was never opened answer empty', async () => {
    const textDocument = { uri: 'file:///tmp/never-opened.postmortem' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    await expectEmptyOrError(DocumentSymbolRequest.method, { textDocument });
    await expectEmptyOrError(FoldingRangeRequest.method, { textDocument });
    await expectEmptyOrError(HoverRequest.method, { textDocument, position });
    await expectEmptyOrError(CompletionRequest.method, { textDocument, position });
    await expectEmptyOrError(CodeActionRequest.method, { textDocument, range, context: { diagnostics: [] } });
    await expectEmptyOrError(CodeLensRequest.method, { textDocument });
    await expectEmptyOrError(InlayHintRequest.method, { textDocument, range });
    await expectEmptyOrError(DocumentDiagnosticRequest.method, { textDocument });
    await stillServing();
  });

  test('positions and ranges past the end, negative or reversed answer empty or with an error', async () => {
    const textDocument = { uri: knownUri };
    for (const position of [{ line: 999, character: 0 }, { line: 0, character: 99_999 }, { line: -1, character: -5 }, { line: 2 ** 31, character: 2 ** 31 }, { line: 1.5, character: 0.5 }]) {
      casesSent++;
      try {
        await server.connection.sendRequest(HoverRequest.method, { textDocument, position });
        await server.connection.sendRequest(CompletionRequest.method, { textDocument, position });
      } catch (error) {
        assert.ok(error instanceof ResponseError && acceptableErrors.has(error.code), String(error));
      }
    }
    for (const range of [
      { start: { line: 9, character: 0 }, end: { line: 0, character: 0 } },
      { start: { line: 0, character: 0 }, end: { line: 10_000, character: 10_000 } },
    ]) {
      casesSent += 2;
      for (const method of [CodeActionRequest.method, InlayHintRequest.method]) {
        try {
          await server.connection.sendRequest(method, { textDocument, range, context: { diagnostics: [] } });
        } catch (error) {
          assert.ok(error instanceof ResponseError && acceptableErrors.has(error.code), String(error));
        }
      }
    }
    await stillServing();
  });

  test('malformed parameters answer with an error or empty, never crash', async () => {
    const malformed: unknown[] = [null, {}, [], 42, 'text', { textDocument: null }, { textDocument: 42 }, { textDocument: { uri: 42 } }, { textDocument: { uri: knownUri }, position: 'start' }, { textDocument: { uri: knownUri }, position: { line: 'a', character: {} } }, { textDocument: { uri: knownUri }, range: null, context: null }];
    for (const method of [DocumentSymbolRequest.method, FoldingRangeRequest.method, HoverRequest.method, CompletionRequest.method, CodeActionRequest.method, CodeLensRequest.method, InlayHintRequest.method, DocumentDiagnosticRequest.method]) {
      for (const params of malformed) {
        casesSent++;
        try {
          await server.connection.sendRequest(method, params);
        } catch (error) {
          assert.ok(error instanceof ResponseError && acceptableErrors.has(error.code), `${method} ${JSON.stringify(params)}: ${String(error)}`);
        }
      }
    }
    for (const argumentsList of [undefined, [], [null], [42], [{}], [{ uri: 42 }], [{ uri: 'file:///nope.postmortem' }], [{ uri: knownUri, position: { line: -4, character: 'x' } }]]) {
      for (const command of ['postmortem.server.describe', 'postmortem.server.insertTimelineEntry', 'postmortem.server.sortTimeline', 'postmortem.server.notACommand']) {
        casesSent++;
        try {
          await server.connection.sendRequest(ExecuteCommandRequest.method, { command, arguments: argumentsList });
        } catch (error) {
          assert.ok(error instanceof ResponseError && acceptableErrors.has(error.code), `${command} ${JSON.stringify(argumentsList)}: ${String(error)}`);
        }
      }
    }
    await stillServing();
  });

  test('didChange with stale versions, impossible ranges or for unopened documents leaves the server serving', async () => {
    const change = (uri: string, version: number, contentChanges: unknown[]): Promise<void> => {
      casesSent++;
      return server.connection.sendNotification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version }, contentChanges });
    };
    const other = 'file:///tmp/other.postmortem';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: other, languageId: 'postmortem', version: 5, text: knownText } });
    await change(other, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'stale ' }]);
    await change(other, 6, [{ range: { start: { line: 50, character: 3 }, end: { line: 2, character: 1 } }, text: 'reversed' }]);
    await change(other, 7, [{ range: { start: { line: -3, character: -3 }, end: { line: 1e9, character: 1e9 } }, text: '## Timeline\n- 10:00 x\n' }]);
    await change(other, 8, [{ range: { start: { line: 0, character: 0 } }, text: 'half a range' }]);
    await change(other, 9, [{ text: 42 }, null, 'text']);
    await change('file:///tmp/never-opened.postmortem', 2, [{ text: 'x' }]);
    await change(other, 10, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\ud83d' }]);
    for (const method of [DocumentSymbolRequest.method, DocumentDiagnosticRequest.method, FoldingRangeRequest.method]) {
      casesSent++;
      try {
        await server.connection.sendRequest(method, { textDocument: { uri: other } });
      } catch (error) {
        assert.ok(error instanceof ResponseError && acceptableErrors.has(error.code), String(error));
      }
    }
    await stillServing();
  });

  test('10,000 rapid edits: the server keeps up and ends with the exact text', async () => {
    const uri = 'file:///tmp/typed.postmortem';
    let text = '# Postmortem\n\n## Timeline\n\n';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'postmortem', version: 1, text } });
    const typed = '- 10:00 UTC deploy 😀\n- 10:05 UTC alerts\n';
    const sends: Promise<void>[] = [];
    for (let version = 2; version < 10_002; version++) {
      const character = typed[(version - 2) % typed.length]!;
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      sends.push(server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: character }] }));
      text += character;
    }
    casesSent += 10_000;
    await Promise.all(sends);
    const started = Date.now();
    const edited = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const fresh = 'file:///tmp/fresh.postmortem';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fresh, languageId: 'postmortem', version: 1, text } });
    const expected = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: fresh } })) as DocumentSymbol[];
    assert.deepEqual(edited, expected, 'after 10,000 single-character edits the outline equals that of the final text opened fresh');
    assert.ok(Date.now() - started < 20_000, 'answers within 20 s of the last edit');
    await stillServing();
  });

  test('a cancelled request ends with RequestCancelled or its result, and the server goes on', async () => {
    const uri = 'file:///tmp/large.postmortem';
    const entries = Array.from({ length: 20_000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC step ${i}`);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'postmortem', version: 1, text: `## Timeline\n\n${entries.join('\n')}\n` } });
    const outcomes: string[] = [];
    for (const method of [DocumentSymbolRequest.method, DocumentDiagnosticRequest.method, FoldingRangeRequest.method, InlayHintRequest.method]) {
      casesSent++;
      const { CancellationTokenSource } = await import('vscode-languageserver/node');
      const source = new CancellationTokenSource();
      const pending = server.connection.sendRequest(method, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30_000, character: 0 } } }, source.token);
      source.cancel();
      try {
        await pending;
        outcomes.push(`${method}: result`);
      } catch (error) {
        assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, `${method}: ${String(error)}`);
        outcomes.push(`${method}: cancelled`);
      }
    }
    assert.equal(outcomes.length, 4);
    await stillServing();
  });

  test('an unknown request answers MethodNotFound; an unknown notification is ignored', async () => {
    casesSent += 3;
    await assert.rejects(server.connection.sendRequest('postmortem/doesNotExist', { any: 'thing' }), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound);
    await server.connection.sendNotification('postmortem/unknownNotification', { any: 'thing' });
    await server.connection.sendNotification('$/unknownProtocolNotification', null);
    await stillServing();
  });

  test('shutdown then exit ends the process with code 0; requests between them fail with InvalidRequest', async () => {
    casesSent += 6;
    await server.connection.sendRequest(ShutdownRequest.type);
    const refused = (method: string) => (error: unknown) => {
      assert.ok(error instanceof ResponseError, `${method} after shutdown: not an LSP error: ${String(error)}`);
      assert.equal(error.code, ErrorCodes.InvalidRequest, `${method} after shutdown: ${error.message}`);
      return true;
    };
    const position = { line: 8, character: 3 };
    await assert.rejects(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: knownUri } }), refused('documentSymbol'));
    await assert.rejects(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: knownUri }, position }), refused('hover'));
    await assert.rejects(server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: knownUri } }), refused('diagnostic'));
    await assert.rejects(server.connection.sendRequest('postmortem/doesNotExist', {}), refused('an unknown method'));
    await assert.rejects(server.connection.sendRequest(ShutdownRequest.type), refused('a second shutdown'));
    assert.equal(server.exit, undefined, 'the server waits for exit after shutdown');
    await server.connection.sendNotification(ExitNotification.type);
    assert.deepEqual(await server.exited(), { code: 0, signal: null });
  });

  test('exit without shutdown ends the process with code 1', async () => {
    casesSent++;
    await server.connection.sendNotification(ExitNotification.type);
    assert.deepEqual(await server.exited(), { code: 1, signal: null });
  });

  test('closing stdin ends the process instead of leaving it orphaned', async () => {
    casesSent++;
    server.process.stdin.end();
    const exit = await server.exited(10_000);
    assert.equal(exit.signal, null);
  });
});
