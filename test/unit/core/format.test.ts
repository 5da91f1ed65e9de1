import * as assert from 'node:assert/strict';
import { describeEntryTime, formatClockTime, formatDisplayDate, formatIsoDate } from '../../../server/src/core/format';
import type { ClockTime, TimelineEntry } from '../../../server/src/core/model';

const span = { start: 0, end: 1 };
const time = (hour: number, minute: number, extra: Partial<ClockTime> = {}): ClockTime => ({
  hour,
  minute,
  valid: true,
  approximate: false,
  span,
  ...extra,
});

function entry(extra: Partial<TimelineEntry>): TimelineEntry {
  return { span, lineSpan: span, dayOffset: 0, text: 'x', layout: 'line', ...extra };
}

suite('time formatting', () => {
  test('writes times on the 24-hour clock with seconds only when written', () => {
    assert.equal(formatClockTime(time(22, 5)), '22:05');
    assert.equal(formatClockTime(time(0, 0)), '00:00');
    assert.equal(formatClockTime(time(9, 3, { second: 7 })), '09:03:07');
  });

  test('writes dates as ISO, and none without a year', () => {
    assert.equal(formatIsoDate({ year: 2024, month: 8, day: 15, span }), '2024-08-15');
    assert.equal(formatIsoDate({ month: 8, day: 15, span }), undefined);
    assert.equal(formatDisplayDate({ month: 8, day: 15, span }), '08-15');
  });

  test('describes an entry by date, time range and zone', () => {
    const zone = { name: 'UTC', offsetMinutes: 0, source: 'entry' as const, span };
    assert.equal(describeEntryTime(entry({ time: time(22, 5) })), '22:05');
    assert.equal(
      describeEntryTime(entry({ time: time(14, 32), date: { year: 2024, month: 8, day: 15, span }, zone })),
      '2024-08-15 14:32 UTC',
    );
    assert.equal(describeEntryTime(entry({ time: time(13, 20), endTime: time(13, 50), zone })), '13:20-13:50 UTC');
    assert.equal(describeEntryTime(entry({ time: time(13, 20, { approximate: true }) })), '~13:20');
    assert.equal(describeEntryTime(entry({ date: { year: 2024, month: 1, day: 2, span }, zone })), '2024-01-02');
    assert.equal(describeEntryTime(entry({})), '');
  });
});
