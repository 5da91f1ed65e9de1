#!/usr/bin/env node
// The transport floor: a vscode-languageserver server that keeps documents in sync
// (incremental), as every real server must, and answers each request the benchmark makes with
// an empty result. What the postmortem server costs beyond this is its own work.
const { createConnection, TextDocuments, TextDocumentSyncKind, DocumentDiagnosticReportKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
let pushDiagnostics = true;

connection.onInitialize((params) => {
  pushDiagnostics = params.capabilities.textDocument?.diagnostic === undefined;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: true,
      inlayHintProvider: true,
      ...(pushDiagnostics ? {} : { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } }),
    },
    serverInfo: { name: 'empty-language-server' },
  };
});

// Push clients get an (empty) report after every change, immediately.
documents.onDidChangeContent(({ document }) => {
  if (pushDiagnostics) void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
connection.languages.diagnostics.on(() => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }));
connection.onHover(() => null);
connection.onDocumentSymbol(() => []);
connection.languages.inlayHint.on(() => []);

documents.listen(connection);
connection.listen();
