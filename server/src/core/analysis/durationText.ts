/**
 * How durations are written back to the reader. All inputs are minutes (fractional for
 * seconds); every output rounds to the whole minute unless the span is under a minute.
 */

/** `1 h 45 min`, `45 min`, `2 h`, `1 d 3 h 5 min`, `30 s`; the sign is kept (`-15 min`). */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) return '?';
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  if (abs > 0 && abs < 1) return `${sign}${Math.round(abs * 60)} s`;
  const total = Math.round(abs);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (mins || parts.length === 0) parts.push(`${mins} min`);
  return sign + parts.join(' ');
}

/** Incident-relative time in the `T+1h05m` style (`T+0m`, `T-15m`, `T+26h10m`). */
export function formatIncidentOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const mins = total % 60;
  return hours ? `T${sign}${hours}h${String(mins).padStart(2, '0')}m` : `T${sign}${mins}m`;
}

/** Compact elapsed time for inlay hints: `+0:32`, `+1:45`, `-0:15`, `+26:05`. */
export function formatElapsedClock(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.round(Math.abs(minutes));
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** A gap between neighbouring entries: `+13 min`, `+1 h 5 min`, `-10 min`, `+0 min`. */
export function formatGap(minutes: number): string {
  const text = formatDuration(minutes);
  return minutes < 0 ? text : `+${text}`;
}

/**
 * A duration in the words authors use for a stated duration: `45 minutes`, `1 hour`,
 * `1 hour and 45 minutes`, `2 days and 3 hours`. Used when rewriting a stated duration.
 */
export function formatDurationWords(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (mins || parts.length === 0) parts.push(`${mins} ${mins === 1 ? 'minute' : 'minutes'}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]!;
}
