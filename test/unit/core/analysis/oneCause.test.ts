import * as assert from 'node:assert/strict';
import { computeMetrics } from '../../../../server/src/core/analysis/metrics';
import { getHover } from '../../../../server/src/core/hover';
import { defaultOptions } from '../../../../server/src/core/options';
import { covered, findingsOf, lines, service } from './support';

suite('one cause, one finding', () => {
  test('an ambiguous date on every entry is one finding, the other places related', () => {
    const text = lines('04/03/2024 10:15 Backup starts.', '04/03/2024 10:42 Backup fails.', '04/03/2024 11:20 Backup restarted.', '05/06/2024 09:00 Checked again.', '');
    const found = findingsOf(text, 'ambiguous-date');
    assert.deepEqual(found.map((f) => covered(text, f)), ['04/03/2024', '05/06/2024']);
    assert.equal(found[0]!.related?.length, 2);
    assert.deepEqual(found[0]!.related!.map((r) => text.slice(r.span.start, r.span.end)), ['04/03/2024', '04/03/2024']);
    assert.equal(found[1]!.related, undefined);
  });

  test('related places are capped, the last one saying how many more there are', () => {
    const text = Array.from({ length: 60 }, (_, i) => `04/03/2024 ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i).padStart(2, '0')} step ${i}`).join('\n');
    const [finding] = findingsOf(text, 'ambiguous-date');
    assert.equal(finding!.related!.length, 21);
    assert.match(finding!.related!.at(-1)!.message, /39 more/);
  });

  test('a log with no sections gets one missing-section finding naming every kind, and no single fix', () => {
    const text = lines('2024-04-03 10:15 UTC Backup starts.', '2024-04-03 10:42 UTC Backup fails.', '2024-04-03 11:20 UTC Backup restarted.', '');
    const found = findingsOf(text, 'missing-section');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /summary, timeline, root cause, resolution, corrective actions/);
    // Adding one section would turn the one finding into four: the author adds the structure.
    assert.deepEqual(service.quickFixes(service.parse(text), found[0]!, defaultOptions), []);
  });

  test('a document with some sections still gets one finding per missing kind', () => {
    const text = lines('# Outage', '', '## Summary', '', 'It broke.', '', '## Timeline', '', '- 10:00 UTC broke', '');
    assert.equal(findingsOf(text, 'missing-section').length, 3);
  });

  const summary = (window: string) => lines('# Login timeouts', '', '## Summary', '', `On 8 July 2024, ${window}, logins timed out.`, '', '## Timeline', '');
  test('entries in UTC against a summary without a zone, off by a whole number of hours, are read as converted', () => {
    const text = summary('from 9:10 AM to 10:25 AM') + lines('- 2024-07-08 16:10 UTC - Alert fires.', '- 2024-07-08 16:52 UTC - Pool lowered.', '- 2024-07-08 17:25 UTC - Logins are back to normal.', '- 2024-07-08 19:40 UTC - Review scheduled.', '');
    const found = findingsOf(text, 'outside-window');
    assert.deepEqual(found.map((f) => covered(text, f)), ['19:40']);
    assert.match(found[0]!.message, /−7 h from the summary's zone/);
  });

  test('without an evident conversion, every entry outside in another zone is one warning with the others related', () => {
    const text = summary('from 9:10 AM to 9:20 AM') + lines('- 2024-07-08 16:10 UTC - Alert fires.', '- 2024-07-08 19:00 UTC - Pool lowered.', '- 2024-07-08 23:00 UTC - Logins are back.', '');
    const found = findingsOf(text, 'outside-window');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message, /All 3 timed entries/);
    assert.deepEqual(found[0]!.related!.slice(1).map((r) => text.slice(r.span.start, r.span.end)), ['19:00', '23:00']);
  });

  test('entries in the summary\'s own zone outside the window are still reported one by one', () => {
    const text = summary('from 9:10 AM to 9:20 AM UTC') + lines('- 2024-07-08 16:10 UTC - Alert fires.', '- 2024-07-08 19:00 UTC - Pool lowered.', '');
    assert.equal(findingsOf(text, 'outside-window').length, 2);
  });

  test('an AM/PM slip outside the window is left to timeline-order', () => {
    const text = lines('# Outage', '', '## Summary', '', 'On June 28, 2023 (11:25 AM) the site was down; it lasted for 1 hour and 20 minutes.', '', '## Timeline', '', '- 11:30 AM upgrade starts', '- 12:00 PM downtime starts', '- 12:15 AM pagers alert the on-call', '- 12:45 AM traffic is back online', '');
    assert.equal(findingsOf(text, 'outside-window').length, 0);
    assert.equal(findingsOf(text, 'timeline-order').length, 1);
  });
});

suite('status-page updates', () => {
  test('state-led updates with the stamp last are entries, and their states mark the milestones', () => {
    const text = lines(
      'Card payments failing',
      '',
      'Resolved - This incident has been resolved. Oct 17, 11:32 UTC',
      'Monitoring - The failover is complete. Oct 17, 11:05 UTC',
      'Identified - The acquirer times out. Oct 17, 10:20 UTC',
      'Investigating - We see more declines. Oct 17, 10:02 UTC',
      '',
    );
    const model = service.parse(text);
    assert.deepEqual(model.timeline.entries.map((e) => text.slice(e.time!.span.start, e.time!.span.end)), ['11:32', '11:05', '10:20', '10:02']);
    assert.deepEqual(model.timeline.entries.map((e) => e.date && `${e.date.month}-${e.date.day}`), ['10-17', '10-17', '10-17', '10-17']);
    assert.equal(model.timeline.entries[0]!.text, 'Resolved - This incident has been resolved.');
    const metrics = computeMetrics(model);
    assert.equal(metrics.detected?.entry, model.timeline.entries[3]);
    assert.equal(metrics.mitigated?.entry, model.timeline.entries[1]);
    assert.equal(metrics.resolved?.entry, model.timeline.entries[0]);
    assert.equal(metrics.timeToResolve, 90);
  });

  test('an update followed by its stamp line gives the entry its text and covers both lines', () => {
    const text = lines('# Search lag', '', '**Resolved** - Search is complete again.', 'Mar 4, 21:05 UTC', '', '**Identified** - A shard lost its replica.', 'Mar 4, 20:12 UTC', '', '**Investigating** - Documents are missing from search.', 'Mar 4, 19:55 UTC', '');
    const model = service.parse(text);
    assert.deepEqual(model.timeline.entries.map((e) => e.text), ['Resolved - Search is complete again.', 'Identified - A shard lost its replica.', 'Investigating - Documents are missing from search.']);
    assert.equal(model.timeline.entries[0]!.span.start, text.indexOf('**Resolved**'));
    assert.equal(computeMetrics(model).timeToResolve, 70);
  });

  test('a sentence that merely starts with "Update" and ends with a time is not an update without the dash', () => {
    const model = service.parse(lines('# Notes', '', 'Update the runbook before 10:00 UTC', ''));
    assert.equal(model.timeline.entries.length, 0);
  });
});

suite('windows stated in the summary', () => {
  const doc = (summaryLine: string, ...rest: string[]) => lines('# Outage', '', '## Summary', '', summaryLine, '', '## Timeline', '', '- 09:40 UTC errors start', '- 10:15 UTC uploads are restored', '', ...rest);

  test('a start in parentheses after the date, then how long it lasted', () => {
    const window = service.parse(doc('On 12 May 2024 (09:40 UTC) uploads failed; the outage lasted for 35 minutes.')).window;
    assert.equal(window.start?.hour, 9);
    assert.equal(window.start?.minute, 40);
    assert.equal(window.statedDurationMinutes, 35);
  });

  test('a start after "starting" with no duration is not taken as the window', () => {
    assert.equal(service.parse(doc('On 12 May 2024, starting 09:40 UTC, uploads failed.')).window.start, undefined);
  });

  test('of two durations in a sentence the outage\'s is taken, and the hover says so', () => {
    const text = doc('On 12 May 2024 (09:40 UTC) thumbnails were late for 2 hours after an outage that lasted 35 minutes.');
    const model = service.parse(text);
    assert.equal(model.window.statedDurationMinutes, 35);
    assert.deepEqual(model.window.otherDurationSpans?.map((s) => text.slice(s.start, s.end)), ['2 hours']);
    const hover = getHover(model, model.window.statedDurationSpan!.start, defaultOptions);
    assert.match(hover!.markdown, /Two durations are stated: 35 minutes is taken as the outage's, 2 hours as what followed it/);
    assert.ok(getHover(model, model.window.otherDurationSpans![0]!.start, defaultOptions), 'the other duration has the hover too');
  });

  test('export fields in a table, across midnight', () => {
    const text = lines('# INC-1', '', '| Field | Value |', '| --- | --- |', '| Started at | 2024-11-02 23:48 UTC |', '| Resolved at | 2024-11-03 01:12 UTC |', '| Duration | 1h 24m |', '', '## Timeline', '', '- 2024-11-02 23:50 UTC lag grows', '');
    const window = service.parse(text).window;
    assert.deepEqual([window.start?.hour, window.end?.hour, window.startDate?.day, window.endDate?.day, window.statedDurationMinutes], [23, 1, 2, 3, 84]);
    assert.equal(window.endMinutes! - window.startMinutes!, 84);
  });

  test('one date for a range that crosses midnight puts the end on the next day', () => {
    const window = service.parse(doc('Between 23:10 and 00:45 UTC on 5 June 2024 logins failed.')).window;
    assert.equal(window.endMinutes! - window.startMinutes!, 95);
    assert.equal(window.endDate?.day, 6);
  });

  test('dates on both ends of a range each stay with their time', () => {
    const window = service.parse(doc('From 23:40 UTC on 2 March 2024 to 01:15 UTC on 3 March 2024, the API failed.')).window;
    assert.deepEqual([window.startDate?.day, window.endDate?.day], [2, 3]);
    assert.equal(window.endMinutes! - window.startMinutes!, 95);
  });
});

suite('timelines in unusual places', () => {
  test('a section titled otherwise whose lines are mostly time-led is a timeline', () => {
    const text = lines('# DNS', '', '## Summary', '', 'Lookups failed.', '', '## Investigation', '', '08:30 UTC checked the pods', '08:41 UTC found the pool full', 'Some pods restarted.', '', '## Notes', '', 'We met at 10:00 UTC to talk.', 'Nobody was paged.', '');
    const sections = service.parse(text).allSections.map((s) => `${s.kinds.join('+')}|${s.title}`);
    assert.deepEqual(sections, ['title|DNS', 'summary|Summary', 'timeline|Investigation', 'other|Notes']);
  });

  test('a later timeline section takes the zone and day its heading states', () => {
    const text = lines('# Lag', '', '## Summary', '', 'On 3 September 2024 replicas lagged.', '', '## Timeline (UTC)', '', '- 14:10 lag starts', '- 17:30 lag ends', '', '## Timeline, day 2 (CEST)', '', '- 09:05 lag again', '');
    const entries = service.parse(text).timeline.entries;
    assert.deepEqual(entries.map((e) => `${e.date?.day} ${e.zone?.name}`), ['3 UTC', '3 UTC', '4 CEST']);
    assert.equal(entries[2]!.minutes! - entries[1]!.minutes!, 1440 - 17 * 60 - 30 + 9 * 60 + 5);
  });

  test('Future: and Next steps: are corrective actions', () => {
    for (const heading of ['Future:', 'Next steps:', '## Future']) {
      const model = service.parse(lines('# Outage', '', '## Summary', '', 'It broke.', '', heading, '', '- Add an alert.', ''));
      assert.ok(model.allSections.some((s) => s.kind === 'corrective-actions'), heading);
    }
  });
});
