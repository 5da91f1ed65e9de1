import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemDocument } from './core/model';
import { LineReadMemo } from './core/parse/lineReadMemo';
import { afterPendingMessages } from './eventLoop';
import { languageCodes, type LanguageCode } from './core/languages';

/** The parse, as `PostmortemService.parse` offers it. */
export type Parse = (text: string, memo?: LineReadMemo, languages?: readonly LanguageCode[]) => PostmortemDocument;
/** The parse in bounded steps, as `PostmortemService.parseInSteps` offers it. */
export type SteppedParse = (text: string, memo?: LineReadMemo, languages?: readonly LanguageCode[]) => Generator<void, PostmortemDocument, void>;

/**
 * Documents below this size keep what their last parse read on each line, so the parse after a
 * keystroke rereads only the edited lines (about a third less parse time at 2,000 entries).
 * Past it the memo would hold tens of megabytes, and such documents are parsed in slices anyway.
 */
export const lineMemoUpToLength = 1_000_000;

/** When and how a document is parsed in time slices rather than in one go. */
export interface SlicingOptions {
  /**
   * Documents with at least this many characters are parsed in slices. Smaller ones parse in a
   * few milliseconds, less than the bookkeeping of slices would save anyone.
   */
  readonly fromLength: number;
  /**
   * How long one slice runs before other messages are dispatched. A request arriving meanwhile
   * waits for the rest of the slice and of the parser's step under way.
   */
  readonly sliceMs: number;
}

/**
 * At 12-20 MB a second, 100,000 characters parse in 5-8 ms: past that, other requests would
 * start to notice the wait.
 */
export const defaultSlicing: SlicingOptions = Object.freeze({ fromLength: 100_000, sliceMs: 10 });

/** Parsed in slices under the default settings; worth releasing memory after. */
export function isLargeDocument(document: TextDocument): boolean {
  return document.getText().length >= defaultSlicing.fromLength;
}

/**
 * The parse of one document version in progress. Whoever asks for the version while it runs
 * waits for this one parse; a newer version or closing the document abandons it.
 */
class ParseInProgress {
  readonly #steps: Generator<void, PostmortemDocument, void>;
  #model: PostmortemDocument | undefined;
  #abandoned = false;
  /** Resolves with the model, or undefined when abandoned first. */
  readonly done: Promise<PostmortemDocument | undefined>;

  constructor(steps: Generator<void, PostmortemDocument, void>, sliceMs: number) {
    this.#steps = steps;
    this.done = this.#runInSlices(sliceMs);
  }

  abandon(): void {
    if (this.#model || this.#abandoned) return;
    this.#abandoned = true;
    // Lets the generator run its `finally` blocks and releases what it holds now, not at the next slice.
    this.#steps.return(undefined as never);
  }

  /** Runs the remaining steps now, for a caller that cannot wait. */
  finishNow(): PostmortemDocument {
    while (!this.#model) this.#step();
    return this.#model;
  }

  /** One step; true when the parse is complete. */
  #step(): boolean {
    const step = this.#steps.next();
    if (step.done) this.#model = step.value;
    return step.done === true;
  }

  async #runInSlices(sliceMs: number): Promise<PostmortemDocument | undefined> {
    // The first slice runs at once: a document that parses within one slice never waits for a turn.
    for (;;) {
      if (this.#abandoned) return undefined;
      if (this.#model) return this.#model;
      const sliceEnd = performance.now() + sliceMs;
      while (!this.#step() && performance.now() < sliceEnd) {
        // Steps until the slice is used up or the parse is complete.
      }
      if (this.#model) return this.#model;
      // Requests that arrived during the slice are answered before the next one.
      await afterPendingMessages();
    }
  }
}

interface Entry {
  readonly version: number;
  /** The languages the version is read in (`postmortem.languages`), as a key. */
  readonly languages: string;
  /** Set once the version is parsed. */
  model?: PostmortemDocument;
  /** Set while a large version is parsed in slices. */
  inProgress?: ParseInProgress;
}

/**
 * Parses each open document at most once per version, and only when a feature asks: typing
 * does not parse, the next outline or diagnostic request does. Only the latest version is kept:
 * a change or a close forgets the document (see {@link forget}), so an old model is garbage as
 * soon as the editor moves on, not after the next parse.
 *
 * Large documents are parsed in time slices ({@link load}), so a 10 MB document does not hold up
 * a hover in another one for the whole parse.
 */
export class DocumentCache {
  readonly #parse: Parse;
  readonly #parseInSteps: SteppedParse | undefined;
  readonly #slicing: SlicingOptions;
  readonly #entries = new Map<string, Entry>();
  /** Per open document, kept from version to version; dropped on close ({@link close}). */
  readonly #lineMemos = new Map<string, LineReadMemo>();

  /** Without `parseInSteps`, every parse is synchronous. */
  constructor(parse: Parse, parseInSteps?: SteppedParse, slicing: SlicingOptions = defaultSlicing) {
    this.#parse = parse;
    this.#parseInSteps = parseInSteps;
    this.#slicing = slicing;
  }

  /**
   * The model of the document's current version, parsed synchronously if need be (a parse in
   * slices already under way for the version is finished at once).
   */
  get(document: TextDocument, languages: readonly LanguageCode[] = languageCodes): PostmortemDocument {
    const entry = this.#entryFor(document, languages);
    if (entry.model) return entry.model;
    if (entry.inProgress) {
      entry.model = entry.inProgress.finishNow();
      entry.inProgress = undefined;
      return entry.model;
    }
    const text = document.getText();
    entry.model = this.#parse(text, this.#lineMemoFor(document.uri, text), languages);
    return entry.model;
  }

  /**
   * The model of the document's current version. Small documents parse at once; large ones in
   * slices between which the event loop answers other requests. Every caller asking for a
   * version during its parse shares that one parse. Resolves undefined when the version was
   * superseded or closed before its parse completed: ask again for the document's latest version.
   */
  async load(document: TextDocument, languages: readonly LanguageCode[] = languageCodes): Promise<PostmortemDocument | undefined> {
    const entry = this.#entryFor(document, languages);
    if (entry.model) return entry.model;
    const text = document.getText();
    if (!entry.inProgress) {
      if (!this.#parseInSteps || text.length < this.#slicing.fromLength) return this.get(document, languages);
      entry.inProgress = new ParseInProgress(this.#parseInSteps(text, this.#lineMemoFor(document.uri, text), languages), this.#slicing.sliceMs);
    }
    const inProgress = entry.inProgress;
    const model = await inProgress.done;
    // `get` may have finished the parse meanwhile; either way the entry keeps the model once.
    if (model && this.#entries.get(document.uri) === entry) {
      entry.model ??= model;
      entry.inProgress = undefined;
    }
    return model;
  }

  /**
   * Drops what is held for `uri`, abandoning a parse in progress. Called when the document changes
   * or closes: the next request parses the version it asks about.
   */
  forget(uri: string): void {
    this.#entries.get(uri)?.inProgress?.abandon();
    this.#entries.delete(uri);
  }

  /** The document closed: forgets it and what its parses read on each line. */
  close(uri: string): void {
    this.forget(uri);
    this.#lineMemos.delete(uri);
  }

  /** The document's line memo, made on its first parse; none (and none kept) past {@link lineMemoUpToLength}. */
  #lineMemoFor(uri: string, text: string): LineReadMemo | undefined {
    if (text.length > lineMemoUpToLength) {
      this.#lineMemos.delete(uri);
      return undefined;
    }
    let memo = this.#lineMemos.get(uri);
    if (!memo) {
      memo = new LineReadMemo();
      this.#lineMemos.set(uri, memo);
    }
    return memo;
  }

  /** The entry for the document's version, replacing (and abandoning) one of another version. */
  #entryFor(document: TextDocument, languages: readonly LanguageCode[]): Entry {
    const key = languages.join(',');
    const existing = this.#entries.get(document.uri);
    if (existing && existing.version === document.version && existing.languages === key) return existing;
    existing?.inProgress?.abandon();
    // Lines read in other languages read differently: what the memo remembers no longer holds.
    if (existing && existing.languages !== key) this.#lineMemos.delete(document.uri);
    const entry: Entry = { version: document.version, languages: key };
    this.#entries.set(document.uri, entry);
    return entry;
  }
}
