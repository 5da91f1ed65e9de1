import type { ClockTime, PostmortemDocument, TimelineEntry } from '../../model';
import type { SpanEdit } from '../../edits/textEdits';
import type { Finding } from '../findings';
import {
  EVIDENT_STEP,
  fixTwentyFourHourWithMeridiem,
  forwardOnDial,
  prefersLowerCaseMeridiem,
  setMeridiemText,
  timeOfDay,
} from '../meridiem';
import { groupTimelineEntries } from '../timelineGroups';
import { DiagnosticCodes, quote, type Rule } from './rule';

/** Facts the quick fix needs; JSON-serialisable. */
export interface InvalidTimeData {
  /** The evident reading, when there is one. */
  readonly fix?: SpanEdit;
}

/** `invalid-time`: a time that cannot exist (`13:00 PM`, `25:10`, `12:61`, `10:00 M`). */
export const checkInvalidTime: Rule = (document) => {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  const report = (time: ClockTime | undefined, neighbours?: Neighbours) => {
    if (!time || time.valid || seen.has(time.span.start)) return;
    seen.add(time.span.start);
    const text = quote(document, time.span);
    const fix = evidentReading(document, time, text, neighbours);
    const data: InvalidTimeData = fix ? { fix } : {};
    findings.push({
      code: DiagnosticCodes.invalidTime,
      severity: 'error',
      span: time.span,
      message: `${text} is not a valid time: ${reason(time, text)}${fix ? `; ${fix.newText} was probably meant` : ''}`,
      data,
    });
  };
  for (const group of groupTimelineEntries(document)) {
    const entries = group.entries;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      // Neighbours matter only to an invalid time; most times are valid.
      if (entry.time && !entry.time.valid) report(entry.time, neighboursOf(entries, index));
      if (entry.endTime && !entry.endTime.valid) report(entry.endTime);
    }
  }
  report(document.window.start);
  report(document.window.end);
  return findings;
};

interface Neighbours {
  readonly before?: ClockTime;
  readonly after?: ClockTime;
}

function neighboursOf(entries: readonly TimelineEntry[], index: number): Neighbours {
  const usable = (entry: TimelineEntry | undefined) => (entry?.time?.valid ? entry.time : undefined);
  let before: ClockTime | undefined;
  for (let i = index - 1; i >= 0 && !before; i--) before = usable(entries[i]);
  let after: ClockTime | undefined;
  for (let i = index + 1; i < entries.length && !after; i++) after = usable(entries[i]);
  return { before, after };
}

function reason(time: ClockTime, text: string): string {
  if (/\sM\.?$/.test(text) && !time.meridiem) return 'the meridiem is missing its A or P';
  const raw = /(\d{1,2})[:.](\d{2})(?::(\d{2}))?/.exec(text);
  const hour = raw ? Number(raw[1]) : time.hour;
  const minute = raw ? Number(raw[2]) : time.minute;
  const second = raw?.[3] === undefined ? undefined : Number(raw[3]);
  if (minute > 59) return `minute ${minute} is past 59`;
  if (second !== undefined && second > 60) return `second ${second} is past 59`;
  if (time.meridiem && (hour > 12 || hour === 0)) {
    return hour > 12 ? `hour ${hour} is past 12 on the 12-hour clock` : 'hour 0 does not exist on the 12-hour clock';
  }
  if (hour > 23) return `hour ${hour} is past 23`;
  return 'it cannot be read as a time of day';
}

/**
 * The time the author evidently meant: `13:00 PM` is 1:00 PM whichever way it is read; a lone
 * `M` becomes AM or PM when exactly one of them sits close after the entry above and before the
 * entry below. Nothing is guessed for `25:10` or `12:61`.
 */
function evidentReading(document: PostmortemDocument, time: ClockTime, text: string, neighbours: Neighbours | undefined): SpanEdit | undefined {
  const twelveHour = fixTwentyFourHourWithMeridiem(text);
  if (twelveHour) return { span: time.span, newText: twelveHour };
  if (!neighbours || time.meridiem || !/\sM\.?$/.test(text)) return undefined;
  const raw = /(\d{1,2})[:.](\d{2})/.exec(text);
  if (!raw) return undefined;
  const hour = Number(raw[1]);
  const minute = Number(raw[2]);
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  const fits = (meridiem: 'am' | 'pm') => {
    const minuteOfDay = ((hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + minute;
    if (neighbours.before && forwardOnDial(timeOfDay(neighbours.before), minuteOfDay) >= EVIDENT_STEP) return false;
    if (neighbours.after && forwardOnDial(minuteOfDay, timeOfDay(neighbours.after)) >= EVIDENT_STEP) return false;
    return neighbours.before !== undefined || neighbours.after !== undefined;
  };
  const candidates = (['am', 'pm'] as const).filter(fits);
  if (candidates.length !== 1) return undefined;
  const newText = setMeridiemText(text, candidates[0]!, prefersLowerCaseMeridiem(document));
  return newText === undefined ? undefined : { span: time.span, newText };
}
