// One benchmark session against a language server over stdio: startup, opening a document,
// incremental edits, hover, outline, inlay hints, memory, and responsiveness under load.
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, withTimeout } from './lsp-client.mjs';
import { median, quantile, seededRandom } from './stats.mjs';

/** How long one request may take before the session is abandoned (a stuck or very slow server). */
const requestTimeoutMs = 90_000;

export function initializeParams(rootPath, { pull }) {
  const rootUri = pathToFileURL(rootPath).href;
  return {
    processId: process.pid,
    clientInfo: { name: 'postmortem-bench' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        inlayHint: {},
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    },
    initializationOptions: null,
  };
}

/** Spawns the server and completes the handshake; returns the client and the spawn -> initialize time. */
export async function start(script, rootPath, { pull = true, settings, nodeArgs } = {}) {
  const client = new LspClient(script, { settings, cwd: rootPath, nodeArgs });
  const initialized = await withTimeout(client.request('initialize', initializeParams(rootPath, { pull })), 30_000, 'initialize');
  if (initialized.error) throw new Error(`initialize failed: ${JSON.stringify(initialized.error)}`);
  const startupMs = initialized.receivedAt - client.spawnedAt;
  client.notify('initialized', {});
  return { client, startupMs };
}

/** Median spawn -> initialize time of each server, alternating so neither gets a warmer disk cache. */
export async function measureStartup(servers, rootPath, times) {
  const samples = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
  for (let i = 0; i < times; i++) {
    for (const [name, script] of Object.entries(servers)) {
      const { client, startupMs } = await start(script, rootPath);
      samples[name].push(startupMs);
      await client.stop();
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, { median: median(list), samples: list }]));
}

function summary(samples, extra = {}) {
  return { count: samples.length, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max: Math.max(...samples), ...extra };
}

/** Polls RSS until two readings 100 ms apart agree within 1 % (at most `limitMs`). */
async function settledMemory(client, limitMs = 3000) {
  const deadline = performance.now() + limitMs;
  let previous = client.memory();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const current = client.memory();
    if (current.rss === undefined) return current;
    if (Math.abs(current.rss - previous.rss) <= previous.rss * 0.01 || performance.now() > deadline) return current;
    previous = current;
  }
}

/** A single-character edit at a random place: insert a character, or delete one that is not a line break. */
function randomEdit(document, random) {
  const text = document.getText();
  const offset = Math.floor(random() * (text.length + 1));
  const next = text.charAt(offset);
  if (random() < 0.4 && next !== '' && next !== '\n' && next !== '\r') {
    return { range: { start: document.positionAt(offset), end: document.positionAt(offset + 1) }, text: '' };
  }
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 :-';
  const character = alphabet.charAt(Math.floor(random() * alphabet.length));
  const position = document.positionAt(offset);
  return { range: { start: position, end: position }, text: character };
}

/**
 * The session's view of the open document: applies edits locally (as an editor does) and
 * sends them to the server as incremental changes.
 */
class OpenDocument {
  constructor(client, uri, languageId, text) {
    this.client = client;
    this.uri = uri;
    this.document = TextDocument.create(uri, languageId, 1, text);
  }

  open() {
    const { uri, languageId, version } = this.document;
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text: this.document.getText() } });
  }

  change(edit) {
    const version = this.document.version + 1;
    this.document = TextDocument.update(this.document, [edit], version);
    this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version }, contentChanges: [edit] });
    return version;
  }

  pullDiagnostics() {
    return this.client.requestCancellable('textDocument/diagnostic', { textDocument: { uri: this.uri } });
  }
}

async function answered(promise, what) {
  const response = await withTimeout(promise, requestTimeoutMs, what);
  if (response.error) throw new Error(`${what} failed: ${JSON.stringify(response.error)}`);
  return response;
}

/** Runs `step` up to `count` times or until `budgetMs` has passed (at least `min` times). */
async function repeat(count, budgetMs, step, min = 5) {
  const samples = [];
  const started = performance.now();
  while (samples.length < count && (samples.length < min || performance.now() - started < budgetMs)) {
    samples.push(await step(samples.length));
  }
  return samples;
}

/**
 * The full session for one server and one document (see bench/README in docs): opening,
 * edits with pulled diagnostics, hover, outline, inlay hints, memory; on the largest document
 * also requests answered while analysis runs and cancellation of stale work.
 */
export async function measureDocument(script, rootPath, file, text, plan) {
  const { client } = await start(script, rootPath, { settings: plan.settings, nodeArgs: plan.nodeArgs });
  const result = { errors: [] };
  const languageId = 'postmortem';
  const uri = pathToFileURL(file).href;
  try {
    result.memoryBeforeOpen = await settledMemory(client);
    const doc = new OpenDocument(client, uri, languageId, text);

    // didOpen -> first diagnostics: timed from the moment the whole document is handed to the pipe.
    doc.open();
    const openedAt = performance.now();
    const first = await answered(doc.pullDiagnostics().response, 'first diagnostics');
    result.firstDiagnosticsMs = first.receivedAt - openedAt;
    result.firstDiagnosticsCount = first.result?.items?.length ?? 0;
    result.memoryIdle = await settledMemory(client);

    const random = seededRandom(plan.seed);
    const editSamples = await repeat(plan.edits, plan.editBudgetMs, async () => {
      const edit = randomEdit(doc.document, random);
      const sentAt = performance.now();
      doc.change(edit);
      const response = await answered(doc.pullDiagnostics().response, 'diagnostics after edit');
      return response.receivedAt - sentAt;
    }, plan.minEdits);
    result.editToDiagnostics = summary(editSamples);

    const times = [...doc.document.getText().matchAll(/\b\d{1,2}:\d{2}/g)].map((match) => match.index + 1);
    let hovered = 0;
    const hoverSamples = await repeat(plan.hovers, plan.requestBudgetMs, async () => {
      const offset = times.length > 0 ? times[Math.floor(random() * times.length)] : 0;
      const response = await answered(
        client.request('textDocument/hover', { textDocument: { uri }, position: doc.document.positionAt(offset) }),
        'hover',
      );
      if (response.result) hovered++;
      return response.ms;
    });
    result.hover = summary(hoverSamples, { withContent: hovered });

    let symbolCount = 0;
    const symbolSamples = await repeat(plan.symbols, plan.requestBudgetMs, async () => {
      const response = await answered(client.request('textDocument/documentSymbol', { textDocument: { uri } }), 'documentSymbol');
      symbolCount = response.result?.length ?? 0;
      return response.ms;
    });
    result.documentSymbol = summary(symbolSamples, { topLevel: symbolCount });

    // An editor asks for the hints of the visible lines only.
    const lineCount = doc.document.lineCount;
    let hintCount = 0;
    const inlaySamples = await repeat(plan.inlayHints, plan.requestBudgetMs, async () => {
      const line = Math.floor(random() * Math.max(1, lineCount - 60));
      const range = { start: { line, character: 0 }, end: { line: line + 60, character: 0 } };
      const response = await answered(client.request('textDocument/inlayHint', { textDocument: { uri }, range }), 'inlayHint');
      hintCount += response.result?.length ?? 0;
      return response.ms;
    });
    result.inlayHints = summary(inlaySamples, { hints: hintCount });

    if (plan.responsiveness) result.responsiveness = await measureResponsiveness(client, rootPath, doc, random, plan);
  } catch (error) {
    result.errors.push(String(error?.message ?? error));
  } finally {
    result.memoryEnd = client.memory();
    if (result.errors.length > 0) await client.kill();
    else await client.stop();
    if (client.stderr.trim() !== '') result.stderr = client.stderr.slice(0, 2000);
  }
  return result;
}

/**
 * While the large document is being analysed after an edit, an editor keeps asking about
 * other documents, and typing keeps producing versions whose analysis is already stale.
 */
async function measureResponsiveness(client, rootPath, doc, random, plan) {
  const small = new OpenDocument(client, pathToFileURL(`${rootPath}/small.postmortem.md`).href, 'postmortem', plan.smallText);
  small.open();
  await answered(small.pullDiagnostics().response, 'small document diagnostics');
  const smallTime = small.document.getText().search(/\b\d{1,2}:\d{2}/) + 1;
  const hoverSmall = () =>
    client.request('textDocument/hover', { textDocument: { uri: small.uri }, position: small.document.positionAt(smallTime) });

  // Requests answered while analysis runs: a hover in another document, sent right after the edit.
  const otherDocumentHover = [];
  const sameDocumentHover = [];
  const analysis = [];
  const times = [...doc.document.getText().matchAll(/\b\d{1,2}:\d{2}/g)].map((match) => match.index + 1);
  for (let trial = 0; trial < plan.responsivenessTrials; trial++) {
    const sentAt = performance.now();
    doc.change(randomEdit(doc.document, random));
    const diagnostics = doc.pullDiagnostics().response;
    const other = hoverSmall();
    const offset = times[Math.floor(random() * times.length)] ?? 0;
    const same = client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: doc.document.positionAt(offset) });
    otherDocumentHover.push((await answered(other, 'hover in another document')).ms);
    sameDocumentHover.push((await answered(same, 'hover during analysis')).ms);
    analysis.push((await answered(diagnostics, 'diagnostics')).receivedAt - sentAt);
  }

  // Stale work: five keystrokes 25 ms apart, each pulling diagnostics and cancelling the previous
  // pull (as VS Code does); what counts is the wait after the last keystroke.
  const afterLastKeystroke = [];
  for (let trial = 0; trial < plan.responsivenessTrials; trial++) {
    let pending;
    let lastSentAt = 0;
    for (let key = 0; key < 5; key++) {
      if (pending) client.cancel(pending.id);
      lastSentAt = performance.now();
      doc.change(randomEdit(doc.document, random));
      pending = doc.pullDiagnostics();
      if (key < 4) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const last = await answered(pending.response, 'diagnostics after a burst');
    afterLastKeystroke.push(last.receivedAt - lastSentAt);
  }
  return {
    otherDocumentHover: summary(otherDocumentHover),
    sameDocumentHover: summary(sameDocumentHover),
    editToDiagnostics: summary(analysis),
    burstAfterLastKeystroke: summary(afterLastKeystroke),
  };
}

/**
 * Push diagnostics (clients without pull support): didOpen -> first publish, then edits ->
 * the publish for that version, including any delay the server waits for typing to pause.
 */
export async function measurePush(script, rootPath, file, text, plan) {
  const { client } = await start(script, rootPath, { pull: false, settings: plan.settings });
  const uri = pathToFileURL(file).href;
  const result = { errors: [] };
  try {
    const doc = new OpenDocument(client, uri, 'postmortem', text);
    const published = (version) =>
      client.waitForNotification('textDocument/publishDiagnostics', (params) => params.uri === uri && (params.version === undefined || params.version === version), requestTimeoutMs);
    const firstPublished = published(1);
    doc.open();
    const openedAt = performance.now();
    result.firstDiagnosticsMs = (await firstPublished).receivedAt - openedAt;
    const random = seededRandom(plan.seed);
    const samples = await repeat(plan.pushEdits, plan.editBudgetMs, async () => {
      const edit = randomEdit(doc.document, random);
      const version = doc.document.version + 1;
      const publishedAfterEdit = published(version);
      const sentAt = performance.now();
      doc.change(edit);
      return (await publishedAfterEdit).receivedAt - sentAt;
    });
    result.editToDiagnostics = summary(samples);
  } catch (error) {
    result.errors.push(String(error?.message ?? error));
  } finally {
    if (result.errors.length > 0) await client.kill();
    else await client.stop();
  }
  return result;
}
