import type { PostmortemDocument } from '../model';
import { formatDurationWords } from '../analysis/durationText';
import type { SpanEdit } from './textEdits';

const APPROXIMATE_PREFIX = /^(~\s?|(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|just over|just under|over|under)\s+)/i;

/**
 * Replaces the stated duration with `minutes`, written the way the author wrote it: an
 * approximation word is kept (`approximately three hours` → `approximately 4 hours`), compact
 * units stay compact (`1h 45m`), and "and" is used only if the author used it.
 */
export function rewriteDurationEdit(document: PostmortemDocument, minutes: number): SpanEdit | undefined {
  const span = document.window.statedDurationSpan;
  if (!span) return undefined;
  const written = document.text.slice(span.start, span.end);
  return { span, newText: formatLike(written, minutes) };
}

/** `minutes` in the style of `written`. */
export function formatLike(written: string, minutes: number): string {
  const prefix = APPROXIMATE_PREFIX.exec(written)?.[0] ?? '';
  const body = written.slice(prefix.length);
  const total = Math.max(0, Math.round(minutes));
  if (/\d\s?[hm]\b/i.test(body) && !/hours?|minutes?|hrs?|mins?/i.test(body)) {
    const hours = Math.floor(total / 60);
    const mins = total % 60;
    const spaced = /\d\s[hm]\b/i.test(body) ? ' ' : '';
    const parts = [hours ? `${hours}${spaced}h` : '', mins || !hours ? `${mins}${spaced}m` : ''].filter(Boolean);
    return prefix + parts.join(' ');
  }
  let words = formatDurationWords(total);
  if (!/\band\b/i.test(body)) words = words.replace(/,? and /, ' ').replace(/, /g, ' ');
  return prefix + words;
}
