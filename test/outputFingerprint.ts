import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../server/src/convert';
import { summarizeDocument } from '../server/src/core/library/summary';
import { drawTimeline } from '../server/src/core/picture/drawTimeline';
import { defaultOptions, type PostmortemOptions } from '../server/src/core/options';
import { createPostmortemService } from '../server/src/core/service';
import { buildOutline, buildTimelineOnlyOutline } from '../server/src/features/documentSymbols';
import { buildFoldingRanges } from '../server/src/features/foldingRanges';

/**
 * Everything a user can see of a document, one hash per kind of output. A change to the parser or
 * the rules that is meant to leave results alone (a faster scanner, an incremental path) must
 * leave every hash as it was; a change that is meant to alter results shows exactly which kinds
 * of output moved. The hashes are of outputs, never of the document's text, so documents the
 * project does not own can be pinned without keeping any of their words.
 */
export type Fingerprint = Record<string, string>;

/** The day overdue action items are judged against, fixed so the hashes do not age. */
const fixedToday = '2026-01-15';

/** The two settings users run with most: the defaults, and every review check on with a zone. */
const optionSets: Record<string, PostmortemOptions> = {
  default: { ...defaultOptions, 'review.today': fixedToday },
  strict: {
    ...defaultOptions,
    'review.today': fixedToday,
    'review.requireOwner': true,
    'review.requireDueDate': true,
    'review.requireTicket': true,
    defaultTimeZone: 'UTC',
    profile: 'google-sre',
  },
};

/**
 * `value` as text, like JSON but total: an object met again on its own path (an action table's
 * rows point back to the table) is written as `[cycle]`, maps and sets as their entries, and
 * `undefined` properties are left out as JSON leaves them.
 */
function serialise(value: unknown, path: Set<object>, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(value === undefined ? 'null' : JSON.stringify(value) ?? 'null');
    return;
  }
  if (path.has(value)) {
    out.push('"[cycle]"');
    return;
  }
  path.add(value);
  if (Array.isArray(value) || value instanceof Set) {
    out.push('[');
    let first = true;
    for (const item of value) {
      if (!first) out.push(',');
      first = false;
      serialise(item, path, out);
    }
    out.push(']');
  } else {
    const entries = value instanceof Map ? [...value.entries()].map(([key, item]) => [String(key), item] as const) : Object.entries(value);
    out.push('{');
    let first = true;
    for (const [key, item] of entries) {
      if (item === undefined || typeof item === 'function') continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      serialise(item, path, out);
    }
    out.push('}');
  }
  path.delete(value);
}

function hash(value: unknown): string {
  const out: string[] = [];
  serialise(value, new Set(), out);
  return createHash('sha256').update(out.join('')).digest('hex').slice(0, 16);
}

/**
 * Offsets a hover is asked at: the first character of every line and the start of every run of
 * digits, which covers headings, entries, times, dates and stated durations without asking at
 * every character of a long document.
 */
function hoverOffsets(text: string): number[] {
  const offsets: number[] = [];
  let lineStart = true;
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 10) {
      lineStart = true;
      continue;
    }
    const digit = code >= 48 && code <= 57;
    const previousDigit = offset > 0 && text.charCodeAt(offset - 1) >= 48 && text.charCodeAt(offset - 1) <= 57;
    if ((lineStart && code !== 13) || (digit && !previousDigit)) offsets.push(offset);
    lineStart = false;
  }
  return offsets;
}

/** One hash per kind of output of `text`, under each option set. */
export function fingerprintDocument(text: string): Fingerprint {
  const service = createPostmortemService();
  const model = service.parse(text);
  const textDocument = TextDocument.create('file:///fingerprint.md', 'postmortem', 1, text);
  const fingerprint: Fingerprint = {
    model: hash(model),
    metrics: hash(service.metrics(model)),
    timelineLenses: hash(service.timelineLenses(model)),
    sortTimeline: hash(service.sortTimeline(model)),
    actionItems: hash(service.actionItems(model)),
    picture: hash(drawTimeline(model)),
    librarySummary: hash(summarizeDocument('file:///fingerprint.md', model, { today: fixedToday })),
  };
  const offsets = hoverOffsets(text);
  for (const [name, options] of Object.entries(optionSets)) {
    const served = { textDocument, model, options, analyse: true };
    const findings = service.check(model, options);
    fingerprint[`${name}.findings`] = hash(findings);
    fingerprint[`${name}.diagnostics`] = hash(findings.map((finding) => toDiagnostic(textDocument, finding)));
    fingerprint[`${name}.quickFixes`] = hash(findings.map((finding) => service.quickFixes(model, finding, options)));
    fingerprint[`${name}.fixAll`] = hash(service.fixAll(model, options));
    fingerprint[`${name}.inlayHints`] = hash(service.elapsedHints(model, options));
    fingerprint[`${name}.actionLenses`] = hash(service.actionLenses(model, options));
    fingerprint[`${name}.ticketLinks`] = hash(service.ticketLinks(model, options));
    fingerprint[`${name}.hovers`] = hash(offsets.map((offset) => service.hover(model, offset, options) ?? null));
    if (name === 'default') {
      fingerprint.outline = hash(buildOutline(served));
      fingerprint.timelineOutline = hash(buildTimelineOnlyOutline(served));
      fingerprint.folding = hash(buildFoldingRanges(served));
    }
  }
  return fingerprint;
}

/** The kinds of output whose hash differs between two fingerprints (missing ones included). */
export function changedOutputs(expected: Fingerprint, actual: Fingerprint): string[] {
  const kinds = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...kinds].filter((kind) => expected[kind] !== actual[kind]).sort();
}

/** One line per document whose outputs differ from the pinned ones: `name: kind, kind`. */
export function fingerprintChanges(expected: Record<string, Fingerprint>, actual: Record<string, Fingerprint>): string[] {
  return Object.keys({ ...expected, ...actual })
    .sort()
    .map((name) => {
      if (!expected[name]) return `${name}: new document`;
      if (!actual[name]) return `${name}: no longer found`;
      const changed = changedOutputs(expected[name], actual[name]);
      return changed.length > 0 ? `${name}: ${changed.join(', ')}` : '';
    })
    .filter(Boolean);
}

/**
 * Compares fingerprints with the ones pinned in `file`, failing with one line per document that
 * moved; with `UPDATE_SNAPSHOTS=1` (npm run snapshots:update) rewrites the file instead.
 */
export function assertPinnedFingerprints(file: string, actual: Record<string, Fingerprint>, howToUpdate: string): void {
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    return;
  }
  const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Fingerprint>;
  assert.deepEqual(fingerprintChanges(expected, actual), [], `outputs changed; if intended, ${howToUpdate} and review the diff`);
}
