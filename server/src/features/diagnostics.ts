import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { diagnosticSource, toDiagnostic } from '../convert';
import type { Finding } from '../core/analysis/findings';
import { defaultSlicing, isLargeDocument } from '../documentCache';
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

/**
 * The diagnostics of a served document; a large one is checked in slices of about 10 ms (one
 * rule or more each), answering what arrived meanwhile, so a hover elsewhere does not wait for
 * every rule of a 10 MB document. A cancelled request stops at the next slice.
 */
async function computeDiagnosticsInSlices(context: FeatureContext, served: ServedDocument, token?: CancellationToken): Promise<Diagnostic[]> {
  if (!served.analyse || !isLargeDocument(served.textDocument)) return computeDiagnostics(context, served);
  const findings = await findingsInSlices(context.service.checkInSteps(served.model, served.options), defaultSlicing.sliceMs, token);
  return findings.map((finding) => toDiagnostic(served.textDocument, finding));
}

/** Runs a stepped check in slices of about `sliceMs`, letting pending messages through between them. */
export async function findingsInSlices(steps: Generator<void, Finding[], void>, sliceMs: number, token?: CancellationToken): Promise<Finding[]> {
  for (;;) {
    const sliceEnd = performance.now() + sliceMs;
    let step = steps.next();
    while (!step.done && performance.now() < sliceEnd) step = steps.next();
    if (step.done) return step.value;
    await afterPendingMessages();
    if (token?.isCancellationRequested) {
      steps.return([]);
      throwIfCancelled(token);
    }
  }
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
  return served ? computeDiagnosticsInSlices(context, served, token) : [];
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
    const diagnostics = served ? await computeDiagnosticsInSlices(context, served) : [];
    // Closed while a large document was checked in slices: its report was already cleared.
    if (!context.textDocuments.get(uri)) return;
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
