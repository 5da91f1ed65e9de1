import type { ClockTime, PostmortemDocument } from '../model';

/** Minutes in half a day: what an AM/PM slip moves a time by. */
export const HALF_DAY = 720;
/**
 * The largest step between neighbouring entries a corrected time may make. A slip fix is
 * offered only when the corrected time sits close to its neighbours; anything further away
 * is a guess, not an evident correction.
 */
export const EVIDENT_STEP = 360;

/** Minute of the day of a time as read (hour already on the 24-hour clock). */
export function timeOfDay(time: ClockTime): number {
  return time.hour * 60 + time.minute + (time.second ?? 0) / 60;
}

/** Minutes forward from `from` to `to` on a 24-hour dial (0..1439): a midnight crossing counts forward. */
export function forwardOnDial(from: number, to: number): number {
  return (((to - from) % 1440) + 1440) % 1440;
}

/**
 * The token text with its meridiem switched (`12:15 AM` → `12:15 PM`, `9am` → `9pm`,
 * `10:00 a.m.` → `10:00 p.m.`), keeping case and punctuation; undefined when it has none.
 */
export function switchMeridiemText(tokenText: string): string | undefined {
  const match = /([aApP])(\.?\s?[mM]\.?)$/.exec(tokenText);
  if (!match) return undefined;
  const letter = match[1]!;
  const swapped = letter === 'a' ? 'p' : letter === 'A' ? 'P' : letter === 'p' ? 'a' : 'A';
  return tokenText.slice(0, match.index) + swapped + match[2];
}

/**
 * The token text with a meridiem set, for a time written with a broken one (`10:00 M`):
 * the lone `M` becomes `AM`/`PM`, in the case the rest of the document uses.
 */
export function setMeridiemText(tokenText: string, meridiem: 'am' | 'pm', lowerCase: boolean): string | undefined {
  const match = /\s?M$/.exec(tokenText);
  if (!match) return undefined;
  const word = lowerCase ? meridiem : meridiem.toUpperCase();
  return `${tokenText.slice(0, match.index)} ${word}`;
}

/**
 * `13:00 PM` read as the 24-hour time it states, rewritten on the 12-hour clock (`1:00 PM`)
 * in the token's own style; undefined for any other kind of invalid time.
 */
export function fixTwentyFourHourWithMeridiem(tokenText: string): string | undefined {
  const match = /^(~\s?)?(\d{1,2})([:.])(\d{2})((?::\d{2})?)(\s?)([pP])(\.?\s?[mM]\.?)$/.exec(tokenText);
  if (!match) return undefined;
  const hour = Number(match[2]);
  const minute = Number(match[4]);
  if (hour < 13 || hour > 23 || minute > 59) return undefined;
  return `${match[1] ?? ''}${hour - 12}${match[3]}${match[4]}${match[5]}${match[6]}${match[7]}${match[8]}`;
}

/** Whether the document writes its meridiems in lower case (`10:00 am`) more often than upper case. */
export function prefersLowerCaseMeridiem(document: PostmortemDocument): boolean {
  let lower = 0;
  let upper = 0;
  for (const entry of document.timeline.entries) {
    if (!entry.time?.meridiem) continue;
    const text = document.text.slice(entry.time.span.start, entry.time.span.end);
    if (/[ap]\.?\s?m\.?$/.test(text)) lower++;
    else upper++;
  }
  return lower > upper;
}
