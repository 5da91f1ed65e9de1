import type { PostmortemOptions } from '../options';

/**
 * "Today" for the review checks: `review.today` when set (tests, reproducible CI runs with
 * `postmortem check --today`), else the local calendar day of the clock. Findings are cached
 * per document version, so a document left open past midnight is judged again at its next edit.
 */
export function reviewToday(options: PostmortemOptions): string {
  const fixed = options['review.today'];
  if (fixed) return fixed;
  const now = new Date();
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `YYYY-MM-DD` of `day` plus `days`. */
export function addDaysIso(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "in 5 days", "today", "overdue by 12 days" for a due date seen from `today`. */
export function describeDue(due: string, today: string, done: boolean | undefined): string {
  const days = daysBetween(today, due);
  const unit = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  if (days > 0) return `in ${unit(days)}`;
  if (days === 0) return 'today';
  return done === true ? `${unit(-days)} ago` : `overdue by ${unit(-days)}`;
}
