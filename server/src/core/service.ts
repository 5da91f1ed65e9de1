import type { PostmortemDocument } from './model';
import type { Finding } from './analysis/findings';
import { checkDocumentInSteps } from './analysis/check';
import { defaultOptions, type PostmortemOptions } from './options';
import type { LineReadMemo } from './parse/lineReadMemo';
import { parsePostmortem, parsePostmortemInSteps } from './parse/parser';
import { runToEnd } from './steps';
import type { LanguageCode } from './languages';

export { LineReadMemo } from './parse/lineReadMemo';
import { computeMetrics, type IncidentMetrics } from './analysis/metrics';
import { getHover, type HoverInfo } from './hover';
import { elapsedHints, timelineLenses, type ElapsedHint, type TimelineLens } from './timelineSummary';
import { fixAllEdits, quickFixesFor } from './edits/quickFixes';
import { sortTimelineEdits } from './edits/sortTimeline';
import type { QuickFix, SpanEdit } from './edits/textEdits';
import { readActionItems, type ActionItems } from './parse/actionItems';
import { actionLenses, type ActionLens } from './review/actionLenses';
import { ticketLinks, type TicketLink } from './review/ticketLinks';
import { actionCompletions, type ActionCompletion } from './review/actionCompletion';
import { actionItemAt } from './review/actionHover';
import { actionItemFixes, itemStartingAt, markDoneEdit } from './edits/actionItemEdits';

/**
 * The one entry point of the analysis core. Pure: no editor, LSP or Node imports, so the
 * server, the CLI, a browser worker and tests all use it alike.
 */
export interface PostmortemService {
  /**
   * Parses text into the document model. Never throws. `memo`, one per open document (see
   * {@link LineReadMemo}), lets the parse of a new version reuse what the last one read on
   * lines that did not change; the model is the same with or without it.
   */
  parse(text: string, memo?: LineReadMemo, languages?: readonly LanguageCode[]): PostmortemDocument;
  /**
   * The same parse in bounded steps (a generator: drive it with `next()` until done), for
   * callers that must stay responsive while a very large document is parsed. Never throws.
   */
  parseInSteps(text: string, memo?: LineReadMemo, languages?: readonly LanguageCode[]): Generator<void, PostmortemDocument, void>;
  /** Every finding for a parsed document under the given options. Never throws. */
  check(document: PostmortemDocument, options?: PostmortemOptions): Finding[];
  /**
   * The same findings in bounded steps (one rule per step; drive with `next()` until done), for
   * callers that must stay responsive on a very large document. Shares {@link check}'s cache:
   * a version checked one way is not checked again the other. Never throws.
   */
  checkInSteps(document: PostmortemDocument, options?: PostmortemOptions): Generator<void, Finding[], void>;
  /** Incident milestones and durations (time to detect/mitigate/resolve, total impact) for the whole timeline. */
  metrics(document: PostmortemDocument): IncidentMetrics;
  /** Hover content at a UTF-16 offset, or undefined where there is nothing to say. Never throws. */
  hover(document: PostmortemDocument, offset: number, options?: PostmortemOptions): HoverInfo | undefined;
  /** Elapsed-time labels after each timeline time (empty when `inlayHints` is off). Never throws. */
  elapsedHints(document: PostmortemDocument, options?: PostmortemOptions): ElapsedHint[];
  /** A summary line per timeline heading (duration and metrics). Never throws. */
  timelineLenses(document: PostmortemDocument): TimelineLens[];
  /** The quick fixes for one finding of {@link check}, the preferred first. Never throws. */
  quickFixes(document: PostmortemDocument, finding: Finding, options?: PostmortemOptions): QuickFix[];
  /** The edits of every safe quick fix, for `source.fixAll`. Never throws. */
  fixAll(document: PostmortemDocument, options?: PostmortemOptions): SpanEdit[];
  /** Edits that sort each timeline chronologically, entries moving with their continuation lines. Never throws. */
  sortTimeline(document: PostmortemDocument): SpanEdit[];
  /** The action items and the sections holding them (see `parse/actionItems.ts`). Never throws. */
  actionItems(document: PostmortemDocument): ActionItems;
  /** Code lenses of the review: a summary per action section, "Mark done" per overdue item. Never throws. */
  actionLenses(document: PostmortemDocument, options?: PostmortemOptions): ActionLens[];
  /** Links on ticket keys in action sections, through the `ticketUrl` template. Never throws. */
  ticketLinks(document: PostmortemDocument, options?: PostmortemOptions): TicketLink[];
  /** The action-item fixes at a UTF-16 offset (convert to a table, add columns, mark done), without a diagnostic. Never throws. */
  actionItemActions(document: PostmortemDocument, offset: number, options?: PostmortemOptions): QuickFix[];
  /** Owners and due dates to complete at a UTF-16 offset in an action section. Never throws. */
  actionCompletions(document: PostmortemDocument, offset: number, options?: PostmortemOptions): ActionCompletion[];
  /** The edit marking the item whose line starts at `itemStart` done, if it can be marked. Never throws. */
  markActionDone(document: PostmortemDocument, itemStart: number): SpanEdit | undefined;
}

/** Runs `compute`, turning an unexpected failure into `fallback`: analysis never takes the server down. */
function guarded<T>(fallback: T, compute: () => T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

/** Runs `steps` to the end, turning an unexpected failure into `fallback`, like {@link guarded}. */
function* guardedSteps<T>(fallback: T, steps: Generator<void, T, void>): Generator<void, T, void> {
  try {
    return yield* steps;
  } catch {
    return fallback;
  }
}

/**
 * The cache of {@link perModel} for a list computed in steps: one cache serves callers that run
 * the steps at once and callers that run them in slices.
 */
function perModelInSteps<T>(compute: (document: PostmortemDocument, options: PostmortemOptions) => Generator<void, T[], void>) {
  const cache = new WeakMap<PostmortemDocument, Map<PostmortemOptions, readonly T[]>>();
  return function* inSteps(document: PostmortemDocument, options: PostmortemOptions): Generator<void, T[], void> {
    let byOptions = cache.get(document);
    if (!byOptions) {
      byOptions = new Map();
      cache.set(document, byOptions);
    }
    let result = byOptions.get(options);
    if (!result) {
      result = yield* compute(document, options);
      byOptions.set(options, result);
    }
    return [...result];
  };
}

/**
 * Caches a list computed from a model and options. A model is never changed after parsing and
 * each document version gets a new one, so a WeakMap on it caches per version and lets go with
 * the model; options objects are likewise replaced, not changed, when settings change. Callers
 * get their own copy of the list: the cached one must stay as computed.
 */
function perModel<T>(compute: (document: PostmortemDocument, options: PostmortemOptions) => T[]) {
  const inSteps = perModelInSteps(function* computeInOneStep(document: PostmortemDocument, options: PostmortemOptions): Generator<void, T[], void> {
    return compute(document, options);
  });
  return (document: PostmortemDocument, options: PostmortemOptions): T[] => runToEnd(inSteps(document, options));
}

export function createPostmortemService(): PostmortemService {
  // Diagnostics, code actions, inlay hints and code lenses all ask again for the same version.
  const findingsInSteps = perModelInSteps((document, options) => guardedSteps<Finding[]>([], checkDocumentInSteps(document, options)));
  const hints = perModel((document, options) => guarded([], () => elapsedHints(document, options)));
  const lenses = perModel((document) => guarded([], () => timelineLenses(document)));
  const reviewLenses = perModel((document, options) => guarded([], () => actionLenses(document, options)));
  return Object.freeze({
    parse: parsePostmortem,
    parseInSteps: parsePostmortemInSteps,
    check(document: PostmortemDocument, options: PostmortemOptions = defaultOptions): Finding[] {
      return runToEnd(findingsInSteps(document, options));
    },
    checkInSteps(document: PostmortemDocument, options: PostmortemOptions = defaultOptions): Generator<void, Finding[], void> {
      return findingsInSteps(document, options);
    },
    metrics(document: PostmortemDocument): IncidentMetrics {
      return guarded({ timedEntries: 0 }, () => computeMetrics(document));
    },
    hover(document: PostmortemDocument, offset: number, options: PostmortemOptions = defaultOptions): HoverInfo | undefined {
      return guarded(undefined, () => getHover(document, offset, options));
    },
    elapsedHints(document: PostmortemDocument, options: PostmortemOptions = defaultOptions): ElapsedHint[] {
      return hints(document, options);
    },
    timelineLenses(document: PostmortemDocument): TimelineLens[] {
      return lenses(document, defaultOptions);
    },
    quickFixes(document: PostmortemDocument, finding: Finding, options: PostmortemOptions = defaultOptions): QuickFix[] {
      return guarded([], () => quickFixesFor(document, finding, options));
    },
    fixAll(document: PostmortemDocument, options: PostmortemOptions = defaultOptions): SpanEdit[] {
      return guarded([], () => fixAllEdits(document, options));
    },
    sortTimeline(document: PostmortemDocument): SpanEdit[] {
      return guarded([], () => sortTimelineEdits(document));
    },
    actionItems: readActionItems,
    actionLenses(document: PostmortemDocument, options: PostmortemOptions = defaultOptions): ActionLens[] {
      return reviewLenses(document, options);
    },
    ticketLinks(document: PostmortemDocument, options: PostmortemOptions = defaultOptions): TicketLink[] {
      return guarded([], () => ticketLinks(document, options));
    },
    actionItemActions(document: PostmortemDocument, offset: number, options: PostmortemOptions = defaultOptions): QuickFix[] {
      return guarded([], () => {
        const item = actionItemAt(document, offset);
        return item ? actionItemFixes(document, item, options, '', item.textSpan) : [];
      });
    },
    actionCompletions(document: PostmortemDocument, offset: number, options: PostmortemOptions = defaultOptions): ActionCompletion[] {
      return guarded([], () => actionCompletions(document, offset, options));
    },
    markActionDone(document: PostmortemDocument, itemStart: number): SpanEdit | undefined {
      return guarded(undefined, () => {
        const item = itemStartingAt(document, itemStart);
        return item ? markDoneEdit(document, item) : undefined;
      });
    },
  });
}
