import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { diagnosticSource, toDiagnostic } from '../convert';
import { afterPendingMessages } from '../eventLoop';
import { throwIfCancelled, type Feature, type FeatureContext } from '../feature';
import type { ServedDocument } from '../servedDocuments';

/** Pause after a keystroke before pushing, so typing does not queue up analyses of a slow document. */
const pushDelayMs = 200;
/** Documents analysed faster than this are pushed at once: the report is out before the next keystroke. */
const immediatePushMs = 50;
/** A step this long gives the client time to cancel or edit; worth a look before going on. */
const longStepMs = 20;

/** The code of the one diagnostic a document past `maxDocumentSize` gets instead of the analysis. */
export const documentTooLargeCode = 'document-too-large';

/**
 * Every finding for a served document as LSP diagnostics. Past `maxDocumentSize` a single
 * information diagnostic on the first character says why there is nothing else, so the author
 * is told once, in the Problems list, rather than left guessing.
 */
export function computeDiagnostics(context: FeatureContext, served: ServedDocument): Diagnostic[] {
  if (!served.analyse) {
    const size = served.textDocument.getText().length;
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code: documentTooLargeCode,
        source: diagnosticSource,
        message: `This document has ${size.toLocaleString('en-US')} characters, more than postmortem.maxDocumentSize (${served.options.maxDocumentSize.toLocaleString('en-US')}): only the outline and folding are computed.`,
      },
    ];
  }
  return context.service.check(served.model, served.options).map((finding) => toDiagnostic(served.textDocument, finding));
}

async function diagnose(context: FeatureContext, uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
  // A request cancelled while it waited in the queue is still dispatched, cancelled: skip the parse.
  if (token) throwIfCancelled(token);
  const started = performance.now();
  const served = await context.documents.get(uri);
  if (token) {
    // After a long parse the client may have typed on and cancelled this request: skip the rules.
    if (performance.now() - started > longStepMs) await afterPendingMessages();
    throwIfCancelled(token);
  }
  return served ? computeDiagnostics(context, served) : [];
}

/** Pull: the client asks per document (VS Code) and is told to ask again after settings change. */
function registerPull(context: FeatureContext): void {
  context.connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: await diagnose(context, params.textDocument.uri, token),
  }));
  context.onDidChangeSettings(() => {
    if (context.client.diagnosticRefresh) void context.connection.languages.diagnostics.refresh();
  });
}

/** Push: for clients without pull support (Neovim 0.7, many others), publish after changes. */
function registerPush(context: FeatureContext): void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Set<string>();
  const analysisMs = new Map<string, number>();
  const publish = async (uri: string): Promise<void> => {
    const started = performance.now();
    const served = await context.documents.get(uri);
    if (!context.textDocuments.get(uri)) return;
    const diagnostics = served ? computeDiagnostics(context, served) : [];
    analysisMs.set(uri, performance.now() - started);
    published.add(uri);
    await context.connection.sendDiagnostics(
      served ? { uri, version: served.textDocument.version, diagnostics } : { uri, diagnostics },
    );
  };
  const schedule = (uri: string): void => {
    clearTimeout(timers.get(uri));
    // The first report of a document goes out at once, and so do those of documents analysed
    // faster than typing; on slower ones, later reports wait for typing to pause.
    const delay = published.has(uri) && (analysisMs.get(uri) ?? 0) >= immediatePushMs ? pushDelayMs : 0;
    const timer = setTimeout(() => {
      timers.delete(uri);
      publish(uri).catch((error: unknown) =>
        context.connection.console.error(`Postmortem: diagnostics for ${uri} failed: ${String(error)}`),
      );
    }, delay);
    timers.set(uri, timer);
  };
  context.textDocuments.onDidChangeContent(({ document }) => schedule(document.uri));
  context.textDocuments.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    published.delete(document.uri);
    analysisMs.delete(document.uri);
    void context.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  context.onDidChangeSettings(() => {
    for (const document of context.textDocuments.all()) schedule(document.uri);
  });
}

/** One analysis, two deliveries, chosen from the client's capabilities at `initialize`. */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  capabilities: (client) =>
    client.pullDiagnostics
      ? { diagnosticProvider: { identifier: 'postmortem', interFileDependencies: false, workspaceDiagnostics: false } }
      : {},
  register(context) {
    if (context.client.pullDiagnostics) registerPull(context);
    else registerPush(context);
  },
};
