import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import type { ClockTime } from '../../../../server/src/core/model';
import { markdownPostmortem, plainTextPostmortem } from '../../../paths';

function hhmm(time: ClockTime | undefined): string | undefined {
  return time && `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

function isoDate(date: { year?: number; month: number; day: number } | undefined): string | undefined {
  return date && `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

suite('parsePostmortem: the reference postmortems', () => {
  test('incident-postmortem.txt (plain text, Label: and ALL-CAPS headings, no zone)', () => {
    const text = fs.readFileSync(plainTextPostmortem, 'utf8');
    const model = parsePostmortem(text);
    const topLevel = model.sections.map((s) => s.kind);
    assert.deepEqual(topLevel, ['summary', 'timeline', 'root-cause', 'corrective-actions']);
    assert.equal(model.sections[0]!.title, 'Duration');
    assert.equal(model.sections[1]!.title, 'TIMELINE');
    assert.equal(model.sections[1]!.style, 'caps');
    assert.deepEqual(model.sections[2]!.kinds, ['root-cause', 'resolution']);
    assert.deepEqual(model.sections[2]!.children.map((c) => c.title), ['Root Cause', 'Resolution']);
    assert.deepEqual(model.sections[3]!.children.map((c) => c.title), ['IMPROVEMENTS/CHANGES', 'FOLLOW-UP TASKS']);
    assert.deepEqual(model.timeline.entries.map((e) => hhmm(e.time)), ['19:15', '19:22', '19:40', '20:05', '20:35', '20:50', '21:05']);
    assert.ok(model.timeline.entries.every((e) => e.zone === undefined && e.date === undefined));
    // "HTTP 502" in the first entry is not a time; the entry text ends before its trailing space.
    assert.equal(model.timeline.entries[0]!.text, 'Synthetic login checks started failing and an alert fired on a rise in HTTP 502 responses from the gateway.');
    assert.equal(model.timeline.section?.title, 'TIMELINE');
    assert.equal(hhmm(model.window.start), '19:15');
    assert.equal(hhmm(model.window.end), '21:05');
    assert.equal(model.window.endMinutes! - model.window.startMinutes!, 110);
    assert.equal(model.window.zone, undefined);
    assert.equal(model.flavor, 'plaintext');
    // Spans point at the exact text.
    const first = model.timeline.entries[0]!;
    assert.equal(text.slice(first.time!.span.start, first.time!.span.end), '7:15 PM');
    assert.equal(text.slice(model.sections[1]!.titleSpan.start, model.sections[1]!.titleSpan.end), 'TIMELINE');
  });

  test('outage-postmortem.md (Markdown, dated and zoned entries crossing noon)', () => {
    const text = fs.readFileSync(markdownPostmortem, 'utf8');
    const model = parsePostmortem(text);
    assert.deepEqual(model.allSections.map((s) => s.kind), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
    assert.deepEqual(model.allSections[2]!.kinds, ['root-cause', 'resolution']);
    assert.ok(model.allSections.every((s) => s.level === 2), 'the ### Timeline is promoted out of ## Issue Summary');
    const entries = model.timeline.entries;
    assert.deepEqual(entries.map((e) => hhmm(e.time)), ['11:26', '11:41', '12:10', '12:35', '13:05', '13:50', '14:05']);
    assert.ok(entries.every((e) => isoDate(e.date) === '2023-10-23'));
    assert.ok(entries.every((e) => e.zone?.name === 'UTC' && e.ownZone?.name === 'UTC'));
    assert.ok(entries.every((e) => e.ownDate !== undefined));
    assert.equal(text.slice(entries[6]!.time!.span.start, entries[6]!.time!.span.end), '2:05 PM');
    assert.equal(hhmm(model.window.start), '11:20');
    assert.equal(hhmm(model.window.end), '14:05');
    assert.equal(model.window.zone?.name, 'UTC');
    assert.equal(model.window.endMinutes! - model.window.startMinutes!, 165);
    assert.equal(entries[6]!.minutes! - model.window.startMinutes!, 165);
    assert.equal(model.flavor, 'markdown');
  });
});

suite('parsePostmortem: traps', () => {
  const parse = (lines: string[]) => parsePostmortem(lines.join('\n'));

  test('bare 12-hour times roll past midnight; a 12 AM/PM slip does not', () => {
    const rolled = parse(['## Timeline', '- 11:50 PM: alert', '- 12:10 AM: paged', '- 1:00 AM: fixed']);
    assert.deepEqual(rolled.timeline.entries.map((e) => e.dayOffset), [0, 1, 1]);
    const slip = parse(['## Timeline', '- 11:55 AM: alert', '- 12:30 AM: paged']);
    assert.deepEqual(slip.timeline.entries.map((e) => e.dayOffset), [0, 0]);
    assert.ok(slip.timeline.entries[1]!.minutes! < slip.timeline.entries[0]!.minutes!);
  });

  test('zone from the heading, an All-times line and a table header', () => {
    assert.equal(parse(['Timeline (all times in Pacific Time)', '10:00 AM: a', '10:05 AM: b']).timeline.entries[0]!.zone?.name, 'Pacific Time');
    assert.equal(parse(['## Timeline', 'All times in CEST', '', '- 10:00 a', '- 10:05 b']).timeline.entries[1]!.zone?.name, 'CEST');
    const table = parse(['## Timeline', '| Time (GMT +1) | Event |', '|---|---|', '| 10:00 | a |', '| 10:05 | b |']);
    assert.deepEqual(table.timeline.entries.map((e) => [hhmm(e.time), e.zone?.name, e.layout]), [['10:00', 'GMT+1', 'table-row'], ['10:05', 'GMT+1', 'table-row']]);
  });

  test('invalid times are kept and flagged', () => {
    const model = parse(['## Timeline', '- 13:00 PM: a', '- 25:10: b', '- 12:61: c', '- 10:00 M: d']);
    assert.deepEqual(model.timeline.entries.map((e) => e.time?.valid), [false, false, false, false]);
  });

  test('nothing inside fenced code, front matter or shell comments is a heading or an entry', () => {
    const model = parse(['---', 'title: x', 'date: 2020-01-01', '---', '## Timeline', '- 10:00 a', '```', '# not a heading', '10:05 not an entry', '```', '- 10:10 b', '', 'sudo service nginx restart', '# restart nginx', 'echo done']);
    assert.deepEqual(model.allSections.map((s) => s.title), ['Timeline']);
    assert.deepEqual(model.timeline.entries.map((e) => hhmm(e.time)), ['10:00', '10:10']);
  });

  test('an unclosed ```markdown fence around the whole document is transparent', () => {
    const model = parse(['Certainly! Here is your postmortem:', '```markdown', '## Issue Summary', 'x', '## Timeline', '- 10:00 AM: a']);
    assert.deepEqual(model.allSections.map((s) => s.kind), ['summary', 'timeline']);
  });

  test('CRLF, lone CR and emoji keep exact UTF-16 spans', () => {
    const text = '## Timeline\r\n- 😀😀 10:00 PM deploy\r- 10:05 PM done\r\n';
    const model = parsePostmortem(text);
    const times = model.timeline.entries.map((e) => text.slice(e.time!.span.start, e.time!.span.end));
    assert.deepEqual(times, ['10:00 PM', '10:05 PM']);
  });

  test('date lines set the date for the entries below them; ISO and month-name dates', () => {
    const model = parse(['## Timeline', '- Sunday, May 13th, 2023:', '  - 10:20 pm: a', '- Monday, May 14th, 2023:', '  - 9:00 am: b', '- 2024-08-16 00:05 UTC c']);
    assert.deepEqual(model.timeline.entries.map((e) => isoDate(e.date)), ['2023-05-13', '2023-05-14', '2024-08-16']);
  });

  test('window: from/to, began/until, Start:/End: labels and stated durations', () => {
    const fromTo = parse(['Issue Summary:', 'The outage lasted from 10:30 PM to 8:30 AM and lasted for ~10 hours.', 'Timeline:', '10:30 PM: a']);
    assert.deepEqual([hhmm(fromTo.window.start), hhmm(fromTo.window.end), fromTo.window.endMinutes! - fromTo.window.startMinutes!], ['22:30', '08:30', 600]);
    assert.equal(fromTo.window.statedDurationMinutes, 600);
    assert.equal(fromTo.window.statedDurationApproximate, true);
    const labels = parse(['## Issue Summary', 'Start Time: 14:30 UTC', 'End Time: 16:00 UTC', '## Timeline', '- 14:30 UTC a']);
    assert.deepEqual([hhmm(labels.window.start), hhmm(labels.window.end), labels.window.zone?.name], ['14:30', '16:00', 'UTC']);
    const lasted = parse(['## Summary', 'The incident lasted 2 hours and 15 minutes, with a 4-minute polling interval.', '## Timeline', '- 10:00 a']);
    assert.equal(lasted.window.statedDurationMinutes, 135);
  });

  test('reverse-chronological status pages are recognised', () => {
    const model = parse(['## Past incidents', '', '**Update 20:09** resolved', '**Update 19:40** fix deployed', '**Update 18:52** investigating']);
    assert.equal(model.timeline.reverseChronological, true);
  });

  test('suppression comments', () => {
    const model = parse(['<!-- postmortem-disable timezone-missing -->', '<!-- postmortem-disable-next-line timeline-order, invalid-time -->', 'x', 'postmortem-disable: duration-mismatch']);
    assert.deepEqual(model.suppressions.map((s) => [s.scope, s.codes]), [['document', ['timezone-missing']], ['next-line', ['timeline-order', 'invalid-time']], ['document', ['duration-mismatch']]]);
  });

  test('never throws on hostile input', () => {
    const inputs = ['', '\u0000\ud800\udfff', '#'.repeat(10_000), '10:'.repeat(50_000), '## Timeline\n' + '- 10:00 PM x\n'.repeat(2_000), '\r\r\r\n\n', '|'.repeat(5000)];
    for (const input of inputs) {
      const model = parsePostmortem(input);
      assert.equal(model.text, input);
    }
  });
});

suite('parsePostmortem: shapes seen outside the development corpus', () => {
  const parse = (lines: string[]) => parsePostmortem(lines.join('\n'));

  test('headings: ALL-CAPS ATX, bold inside ATX with a kaomoji, indented caps, <b> with <br/>', () => {
    const model = parse(['## ISSUE SUMMARY', 'x', '### **TIMELINE:** (╯°□°)╯︵ ┻━┻', '- 10:00 UTC a', '', '  CAUSE', 'y', '', '<b>CORRECTIVE ACTIONS</b> <br/>', 'z']);
    assert.deepEqual(model.allSections.map((s) => [s.kind, s.title]), [['summary', 'ISSUE SUMMARY'], ['timeline', 'TIMELINE'], ['root-cause', 'CAUSE'], ['corrective-actions', 'CORRECTIVE ACTIONS']]);
  });

  test('zones: city-time headings without a space, lowercase names, tz names, unknown names, an aside line', () => {
    assert.equal(parse(['Timeline(in Kigali Time):', '10:00 AM: a', '10:05 AM: b']).timeline.entries[0]!.zone?.offsetMinutes, 120);
    assert.equal(parse(['Timeline(all times pacific Time):', '10:00 AM: a', '10:05 AM: b']).timeline.entries[0]!.zone?.name, 'Pacific Time');
    assert.equal(parse(['## Timeline', 'All times in Africa/Kigali', '- 10:00 a', '- 10:05 b']).timeline.entries[0]!.zone?.offsetMinutes, 120);
    assert.equal(parse(['## Timeline', 'All times in Zulu-7', '- 10:00 a', '- 10:05 b']).timeline.entries[0]!.zone?.name, 'Zulu-7');
    assert.equal(parse(['## Summary', '<aside>', '📆 All timestamps in UTC', '</aside>', '## Timeline', '- 10:00 a', '- 10:05 b']).timeline.entries[0]!.zone?.name, 'UTC');
  });

  test('a date line above a table that declares the zone; a date-only first row', () => {
    const model = parse(['## Timeline', '2015-10-21 (*all times UTC*)', '', '| Time | Event |', '|---|---|', '| 14:57 | a |', '| 15:02 | b |']);
    assert.deepEqual(model.timeline.entries.map((e) => [hhmm(e.time), isoDate(e.date), e.zone?.name]), [['14:57', '2015-10-21', 'UTC'], ['15:02', '2015-10-21', 'UTC']]);
    const dateRow = parse(['## Timeline', '| When | What |', '|---|---|', '| Jul 25, 2016 | |', '| 6:20:08 PM | a |', '| … | … |', '| 6:45 PM | b |']);
    assert.deepEqual(dateRow.timeline.entries.map((e) => [hhmm(e.time), isoDate(e.date)]), [['18:20', '2016-07-25'], ['18:45', '2016-07-25']]);
  });

  test('status updates that cross midnight, dated entries without a year, spacing mixed in one document', () => {
    const updates = parse(['**Update 23:35:** investigating', '', '**Update 23:50:** found', '', '**Update 00:05:** fixed']);
    assert.deepEqual(updates.timeline.entries.map((e) => e.dayOffset), [0, 0, 1]);
    const noYear = parse(['## Timeline', '- August 10, 15:30 UTC: a', '- August 11, 01:00 UTC: b']);
    assert.ok(noYear.timeline.entries[1]!.minutes! - noYear.timeline.entries[0]!.minutes! === 570);
    const mixed = parse(['## Timeline', '- 9:45 AM: a', '- 10:00AM: b', '- 07:30am: c']);
    assert.deepEqual(mixed.timeline.entries.map((e) => hhmm(e.time)), ['09:45', '10:00', '07:30']);
  });

  test('window: military ranges, overnight ranges, ranges across two days with an em dash', () => {
    const military = parse(['## Summary', 'For 6 minutes from 0233 to 0239 on 15Sep94, the service was down.', '## Timeline', '- 02:33 a']);
    assert.deepEqual([hhmm(military.window.start), hhmm(military.window.end), military.window.statedDurationMinutes], ['02:33', '02:39', 6]);
    const overnight = parse(['## Summary', 'From 10:30 PM to 8:30 AM the queue stalled.', '## Timeline', '- 10:30 PM a']);
    assert.equal(overnight.window.endMinutes! - overnight.window.startMinutes!, 600);
    const twoDays = parse(['Duration: January 5, 2023, 10:00 PM — January 6, 2023, 2:00 AM EST', '', 'Timeline:', '10:00 PM a']);
    assert.deepEqual([isoDate(twoDays.window.startDate), isoDate(twoDays.window.endDate), twoDays.window.endMinutes! - twoDays.window.startMinutes!], ['2023-01-05', '2023-01-06', 240]);
  });

  test('durations that are not the outage are not read as the stated duration', () => {
    for (const sentence of ['We keep a 24 hour operations rotation.', 'The client timeout is 10 minutes.', 'Only pods 6-9hours old were affected.', 'The maintenance window of 4 hours was planned.']) {
      assert.equal(parse(['## Summary', sentence, '## Timeline', '- 10:00 a']).window.statedDurationMinutes, undefined, sentence);
    }
    assert.equal(parse(['## Summary', 'Incident duration: 36 minutes', 'Time to resolve: 9 minutes', '## Timeline', '- 10:00 a']).window.statedDurationMinutes, 36);
  });

  test('a summary heading in Portuguese; CRLF throughout', () => {
    const model = parsePostmortem(['## Resumo', 'x', '## Timeline', '- 10:00 UTC a', '- 10:05 UTC b'].join('\r\n'));
    assert.deepEqual(model.allSections.map((s) => s.kind), ['summary', 'timeline']);
    assert.equal(model.timeline.entries.length, 2);
  });
});

suite('parsePostmortem: edge cases found by the property tests', () => {
  test('midnight rollover is judged against the last readable time, across an unreadable one', () => {
    const model = parsePostmortem('## Timeline\n- 11:00 PM: a\n- 25:00: b\n- 12:30 AM: c\n');
    assert.deepEqual(model.timeline.entries.map((e) => e.dayOffset), [0, 0, 1]);
  });

  test('a byte order mark does not hide the first heading', () => {
    const text = '\ufeff## Root Cause\nText.\n';
    const model = parsePostmortem(text);
    assert.deepEqual(model.allSections.map((s) => [s.style, s.title]), [['atx', 'Root Cause']]);
    assert.equal(text.slice(model.allSections[0]!.titleSpan.start, model.allSections[0]!.titleSpan.end), 'Root Cause');
  });

  test('a table-like line with a pipe is not a shell command that hides headings', () => {
    const model = parsePostmortem('a\n## Timeline\nb | c\n## Resolution\n');
    assert.deepEqual(model.allSections.map((s) => s.kind), ['timeline', 'resolution']);
    assert.deepEqual(parsePostmortem('echo x | grep y\n# not a heading\n').allSections, []);
  });

  test('a status page whose updates are joined by <br /> in one paragraph', () => {
    const text = 'We are investigating.<br /><br />**Update: 18:52** Found it.<br /><br />**Update 19:12** Mitigated.<br /><br />**Update 21:18** Resolved.';
    const model = parsePostmortem(text);
    assert.deepEqual(model.timeline.entries.map((e) => [hhmm(e.time), e.layout, e.text]), [['18:52', 'line', 'Found it.'], ['19:12', 'line', 'Mitigated.'], ['21:18', 'line', 'Resolved.']]);
    assert.equal(text.slice(model.timeline.entries[1]!.time!.span.start, model.timeline.entries[1]!.time!.span.end), '19:12');
  });

  test('a date-time offset or a timezone key in the front matter is the document zone', () => {
    const stamped = parsePostmortem('---\ntitle: x\ndate: 2020-05-24T17:36:00+00:00\n---\n**Update 18:52** a<br />**Update 19:12** b<br />**Update 21:18** c\n');
    assert.deepEqual(stamped.timeline.entries.map((e) => e.zone?.name), ['UTC', 'UTC', 'UTC']);
    assert.equal(stamped.zones.at(-1)?.source, 'document');
    const keyed = parsePostmortem('---\ntimezone: CEST\n---\n## Timeline\n- 10:00 a\n- 10:05 b\n');
    assert.equal(keyed.timeline.entries[0]!.zone?.name, 'CEST');
  });

  test('the front matter states the window when the text does not: start and end keys, or a status page\'s date and resolvedWhen', () => {
    const window = (text: string) => {
      const w = parsePostmortem(text).window;
      return [hhmm(w.start), isoDate(w.startDate), hhmm(w.end), isoDate(w.endDate)];
    };
    const body = '## Summary\nThe queue stalled.\n\n## Timeline\n- 08:40 UTC alert\n- 10:05 UTC recovered\n';
    assert.deepEqual(window(`---\nstarted_at: 2024-10-21T08:40:00Z\nresolved_at: "2024-10-21T10:05:00Z"\n---\n${body}`), ['08:40', '2024-10-21', '10:05', '2024-10-21']);
    // A status page: the incident's date and when it was resolved, two days later.
    assert.deepEqual(window(`---\ntitle: Packages unavailable\ndate: 2022-05-27T16:50:00-00:00\nresolved: true\nresolvedWhen: 2022-05-29T16:22:00-00:00\n---\n${body}`), ['16:50', '2022-05-27', '16:22', '2022-05-29']);
    // A bare date is the day a report was published, and a boolean `resolved` says no time.
    assert.deepEqual(window(`---\ntitle: Blog post\ndate: 2023-09-08 10:00:00\nresolved: true\n---\n${body}`), [undefined, undefined, undefined, undefined]);
    // What the text states wins over the metadata.
    assert.deepEqual(window(`---\nstarted_at: 2024-10-21T08:40:00Z\nresolved_at: 2024-10-21T10:05:00Z\n---\n## Summary\nFrom 09:00 to 09:30 UTC on October 21, 2024, the queue stalled.\n`), ['09:00', '2024-10-21', '09:30', '2024-10-21']);
  });
});
