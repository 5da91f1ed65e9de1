import type { ClockTime } from '../model';

/**
 * Bare times (no am/pm) on a 12-hour clock, read from their neighbours as the midnight rollover
 * reads a fall back past midnight:
 * - in a morning-to-afternoon run (`11:50`, `12:20`, `1:05`, `2:30`), an unpadded hour after
 *   noon is in the afternoon: `1:05` is 13:05, not five past one in the night;
 * - in an evening-to-morning run (`11:50 PM`, `12:20`, `1:05 AM`), a bare `12:xx` is just past
 *   midnight, not noon.
 * A timeline that writes any afternoon hour on the 24-hour clock (`13:05`) is left as written.
 */
export function readTwelveHourNeighbours(drafts: ReadonlyArray<{ time: ClockTime | undefined }>): void {
  for (const draft of drafts) {
    const time = draft.time;
    if (time && time.valid && !time.meridiem && time.hour >= 13) return;
  }
  let previous: ClockTime | undefined;
  let afternoon = false;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index]!;
    const time = draft.time;
    if (!time || !time.valid) continue;
    if (!time.meridiem && previous) {
      const before = previous.hour * 60 + previous.minute;
      const now = time.hour * 60 + time.minute;
      if (time.hour === 12 && before >= 18 * 60) {
        const next = nextTimed(drafts, index);
        if (next && next.hour < 6) draft.time = withHour(time, 0);
      } else if (isUnpaddedHour(time) && time.hour >= 1 && time.hour <= 11 && (afternoon || previous.hour === 12)) {
        const asAfternoon = now + 12 * 60;
        if (now < before && asAfternoon >= before && asAfternoon - before <= 6 * 60) {
          draft.time = withHour(time, time.hour + 12);
          afternoon = true;
        }
      }
    }
    if (draft.time!.hour < 12 && draft.time === time && !time.meridiem) afternoon = false;
    previous = draft.time;
  }
}

function nextTimed(drafts: ReadonlyArray<{ time: ClockTime | undefined }>, index: number): ClockTime | undefined {
  for (let i = index + 1; i < drafts.length; i++) if (drafts[i]!.time?.valid) return drafts[i]!.time;
  return undefined;
}

/** `1:05`, `1:05:30`: an hour of one digit, as 12-hour clocks write it (a 24-hour clock writes `01:05`). */
function isUnpaddedHour(time: ClockTime): boolean {
  const length = time.span.end - time.span.start;
  return time.second === undefined ? length === 4 : length === 7;
}

function withHour(time: ClockTime, hour: number): ClockTime {
  return { ...time, hour };
}

/**
 * The end of a window stated on a 12-hour clock without am/pm (`between 11:40 and 2:10`): an
 * unpadded end hour before a morning or noon start is in the afternoon, as it is in a timeline.
 */
export function afternoonEnd(start: ClockTime, end: ClockTime): ClockTime {
  if (!start.valid || !end.valid || start.meridiem || end.meridiem || !isUnpaddedHour(end) || end.hour < 1 || end.hour > 11) return end;
  const from = start.hour * 60 + start.minute;
  const to = end.hour * 60 + end.minute;
  return to < from && from >= 6 * 60 && from < 13 * 60 && to + 12 * 60 > from ? withHour(end, end.hour + 12) : end;
}
