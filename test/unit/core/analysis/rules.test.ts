import * as assert from 'node:assert/strict';
import { check, covered, crlf, findingsOf, lines, postmortem } from './support';

const zoned = 'The outage ran from 10:00 AM to 11:00 AM UTC on August 15, 2024.';

suite('rule: timeline-order', () => {
  test('an entry earlier than the one above it names both times and points at the other entry', () => {
    const text = postmortem(zoned, '- 10:00 AM: Alert fired', '- 10:20 AM: Investigation began', '- 10:05 AM: Engineer paged', '- 11:00 AM: Service restored');
    const [finding, ...rest] = findingsOf(text, 'timeline-order');
    assert.equal(rest.length, 0);
    assert.equal(covered(text, finding!), '10:05 AM');
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /10:05 AM is earlier than the entry above it, 10:20 AM/);
    assert.equal(text.slice(finding!.related![0]!.span.start, finding!.related![0]!.span.end), '10:20 AM');
  });

  test('a timeline that runs past midnight without dates is in order', () => {
    const text = postmortem('The outage ran from 10:30 PM to 12:40 AM UTC.', '- 10:30 PM: Alert fired', '- 11:50 PM: Rollback', '- 12:26 AM: Restored', '- 12:40 AM: All clear');
    assert.deepEqual(findingsOf(text, 'timeline-order'), []);
  });

  test('a 12 AM/PM slip is disorder, and the evident correction is named', () => {
    const text = postmortem(zoned, '- 11:30 AM: Deploy', '- 12:00 PM: Errors', '- 12:15 AM: Paged', '- 12:25 AM: Rollback', '- 12:40 AM: Restored');
    const findings = findingsOf(text, 'timeline-order');
    assert.equal(findings.length, 1);
    assert.equal(covered(text, findings[0]!), '12:15 AM');
    assert.match(findings[0]!.message, /12:15 PM was probably meant/);
  });

  test('a morning time after an evening one with 12 hours or more between them is not read as the next day', () => {
    const text = postmortem(zoned, '- 8:00 PM: Deploy', '- 9:00 PM: Errors', '- 10:00 AM: Engineer paged');
    const [finding] = findingsOf(text, 'timeline-order');
    assert.ok(finding);
    assert.match(finding.message, /10:00 AM is earlier than the entry above it, 9:00 PM \(no date says/);
  });

  test('a time quoted in a sub-bullet does not put the next entry a day later than the entry above', () => {
    // The parser rolls 00:02 past midnight after the quoted 23:35; the rule reads it on 00:00's day.
    const text = lines('## Timeline', '', '- 00:00 UTC: Alerts', '    - status `23:35` → `00:05`', '- 00:02 UTC: Paged', '- 00:01 UTC: Escalated', '');
    const findings = findingsOf(text, 'timeline-order');
    assert.deepEqual(findings.map((f) => covered(text, f)), ['00:01']);
    assert.match(findings[0]!.message, /00:01 is earlier than the entry above it, 00:02$/);
  });

  test('after a rollover the rule does not believe, the entries that follow are read on the same day', () => {
    const text = postmortem(zoned, '- 6:00 PM: Deploy', '- 6:02 AM: Errors', '- 6:05 AM: Paged', '- 6:01 AM: Rollback');
    const findings = findingsOf(text, 'timeline-order');
    assert.deepEqual(findings.map((f) => covered(text, f)), ['6:02 AM', '6:01 AM']);
    assert.match(findings[1]!.message, /6:01 AM is earlier than the entry above it, 6:05 AM$/);
  });

  test('entries with dates that move forward a day are in order', () => {
    const text = postmortem(
      'The outage ran from January 15, 2022, 2:00 PM EST to January 16, 2022, 10:00 AM EST.',
      'January 15, 2:00 PM EST: Errors',
      'January 15, 11:00 PM EST: Escalated',
      'January 16, 9:00 AM EST: Fix deployed',
      'January 16, 10:00 AM EST: Resolved',
    );
    assert.deepEqual(findingsOf(text, 'timeline-order'), []);
  });

  test('a newest-first timeline is checked in its own direction', () => {
    const ordered = postmortem(zoned, '(11:00 UTC) Resolved.', '(10:40 UTC) Rollback.', '(10:20 UTC) Investigating.', '(10:00 UTC) Alert.');
    assert.deepEqual(findingsOf(ordered, 'timeline-order'), []);
    const slipped = postmortem(zoned, '(11:00 UTC) Resolved.', '(10:40 UTC) Rollback.', '(10:50 UTC) Investigating.', '(10:20 UTC) Degraded.', '(10:00 UTC) Alert.');
    const findings = findingsOf(slipped, 'timeline-order');
    assert.equal(findings.length, 1);
    assert.equal(covered(slipped, findings[0]!), '10:50 UTC'.slice(0, 5));
    assert.match(findings[0]!.message, /later than the entry above it, 10:40, in a timeline that lists the newest entry first/);
  });

  test('approximate times may sit a few minutes out of order', () => {
    const text = postmortem(zoned, '- 10:00 AM: Alert', '- ~10:45 AM: Noticed the spike', '- 10:42 AM: Rollback', '- 11:00 AM: Restored');
    assert.deepEqual(findingsOf(text, 'timeline-order'), []);
  });

  test('a time mentioned mid-sentence in a stamped timeline is not an entry to order', () => {
    const text = postmortem(zoned, '- 10:00 AM: Alert', '- 10:30 AM: Rollback', '- 10:50 AM: Restored', '', 'Afterwards:', '', '- Caching was made stricter at 10:40 AM, quietly.');
    assert.deepEqual(findingsOf(text, 'timeline-order'), []);
  });

  test('sections of a status page restart the clock', () => {
    const text = lines(
      '# Status',
      '',
      '## Past incidents',
      '',
      '### June 25, 2020',
      '',
      '(13:20 UTC) Investigating.',
      '',
      '(13:50 UTC) Resolved.',
      '',
      '### May 26, 2020',
      '',
      '(07:30 UTC) Investigating.',
      '',
      '(08:00 UTC) Resolved.',
      '',
    );
    assert.deepEqual(findingsOf(text, 'timeline-order'), []);
  });
});

suite('rule: invalid-time', () => {
  test('each impossible time is an error naming what is wrong', () => {
    const text = postmortem(zoned, '- 10:00 AM: Alert', '- 13:00 PM: Escalated', '- 25:10: Impossible', '- 12:61: Also impossible', '- 11:00 AM: Restored');
    const findings = findingsOf(text, 'invalid-time');
    assert.deepEqual(findings.map((f) => covered(text, f)), ['13:00 PM', '25:10', '12:61']);
    assert.ok(findings.every((f) => f.severity === 'error'));
    assert.match(findings[0]!.message, /13:00 PM is not a valid time: hour 13 is past 12 on the 12-hour clock; 1:00 PM was probably meant/);
    assert.match(findings[1]!.message, /hour 25 is past 23/);
    assert.match(findings[2]!.message, /minute 61 is past 59/);
  });

  test('a broken meridiem is read from the neighbours when only one reading fits', () => {
    const text = postmortem(zoned, '- 10:00 AM: Alert', '- 10:30 M: Paged', '- 11:00 AM: Restored');
    const [finding] = findingsOf(text, 'invalid-time');
    assert.equal(covered(text, finding!), '10:30 M');
    assert.match(finding!.message, /the meridiem is missing its A or P; 10:30 AM was probably meant/);
  });
});

suite('rule: unreadable-time', () => {
  test('template placeholders are information, malformed times warnings', () => {
    const text = postmortem(zoned, '- 10:00 AM: Alert', '- [Time]: Something happened', '- 10:5 AM: Paged', '- 11:00 AM: Restored');
    const findings = findingsOf(text, 'unreadable-time');
    assert.deepEqual(findings.map((f) => [covered(text, f), f.severity]), [
      ['[Time]', 'information'],
      ['10:5 AM', 'warning'],
    ]);
    assert.match(findings[1]!.message, /the minutes need two digits/);
  });
});

suite('rule: timezone-missing', () => {
  const bare = postmortem('The outage ran from 10:00 AM to 11:00 AM.', '- 10:00 AM: Alert', '- 11:00 AM: Restored');

  test('a timeline with times and no zone anywhere gets one warning on its heading', () => {
    const findings = findingsOf(bare, 'timezone-missing');
    assert.equal(findings.length, 1);
    assert.equal(covered(bare, findings[0]!), 'Timeline');
    assert.equal(findings[0]!.severity, 'warning');
  });

  test('a zone on the entries, the heading, an All-times line or the summary is enough', () => {
    assert.deepEqual(findingsOf(postmortem('The outage ran from 10:00 AM to 11:00 AM.', '- 10:00 AM UTC: Alert', '- 11:00 AM UTC: Restored'), 'timezone-missing'), []);
    assert.deepEqual(findingsOf(bare.replace('## Timeline', '## Timeline (all times in UTC)'), 'timezone-missing'), []);
    assert.deepEqual(findingsOf(bare.replace('- 10:00 AM: Alert', 'All times in CEST.\n\n- 10:00 AM: Alert'), 'timezone-missing'), []);
    assert.deepEqual(findingsOf(bare.replace('11:00 AM.', '11:00 AM GMT.'), 'timezone-missing'), []);
  });

  test('a configured default zone answers the question', () => {
    assert.deepEqual(findingsOf(bare, 'timezone-missing', { defaultTimeZone: 'UTC' }), []);
  });
});

suite('rule: timezone-mixed', () => {
  test('entries stamped in a zone other than the heading declares', () => {
    const text = postmortem('The outage ran for an hour.', '- 10:00 AM UTC: Alert', '- 10:30 AM UTC: Rollback', '- 11:00 AM UTC: Restored').replace(
      '## Timeline',
      '## Timeline (all times in Pacific Time)',
    );
    const findings = findingsOf(text, 'timezone-mixed');
    assert.equal(findings.length, 1);
    assert.equal(covered(text, findings[0]!), 'UTC');
    assert.match(findings[0]!.message, /UTC on 3 entries disagrees with the timeline's zone, Pacific Time/);
  });

  test('PST next to UTC on the entries', () => {
    const text = postmortem('The outage ran for an hour.', '- 10:00 AM PST: Alert', '- 10:30 AM PST: Rollback', '- 6:45 PM UTC: Restored');
    const [finding, ...rest] = findingsOf(text, 'timezone-mixed');
    assert.equal(rest.length, 0);
    assert.equal(covered(text, finding!), 'UTC');
  });

  test('PST next to PDT, UTC next to GMT, and a stated conversion are not mixed', () => {
    assert.deepEqual(findingsOf(postmortem('Outage.', '- 10:00 AM PST: Alert', '- 10:30 AM PDT: Restored'), 'timezone-mixed'), []);
    assert.deepEqual(findingsOf(postmortem('Outage.', '- 10:00 UTC: Alert', '- 10:30 GMT: Restored'), 'timezone-mixed'), []);
    assert.deepEqual(findingsOf(postmortem('Outage.', '- 10:00 AM PST: Alert', '- 10:30 AM PST (18:30 UTC): Restored'), 'timezone-mixed'), []);
  });
});

suite('rule: duration-mismatch', () => {
  test('a stated duration that disagrees with the stated start and end', () => {
    const text = postmortem('The outage ran from 10:00 AM to 11:30 AM UTC and lasted 45 minutes.', '- 10:00 AM: Alert', '- 11:30 AM: Restored');
    const [finding] = findingsOf(text, 'duration-mismatch');
    assert.equal(covered(text, finding!), '45 minutes');
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /45 minutes, disagrees with the stated start and end, 10:00 AM to 11:30 AM \(1 h 30 min\)/);
  });

  test('a stated duration that agrees with the timeline within the tolerance', () => {
    const text = postmortem('The service was down for 45 minutes (UTC).', '- 10:15 AM: Alert', '- 10:40 AM: Rollback', '- 11:00 AM: Service restored');
    assert.deepEqual(findingsOf(text, 'duration-mismatch'), []);
    assert.equal(findingsOf(text, 'duration-mismatch', { durationToleranceMinutes: 0 }).length, 0);
  });

  test('approximate wording gets a wider tolerance, but not an unlimited one', () => {
    const close = postmortem('The outage lasted approximately three hours (UTC).', '- 12:00 PM: Alert', '- 3:20 PM: Service restored');
    assert.deepEqual(findingsOf(close, 'duration-mismatch'), []);
    const far = postmortem('The outage lasted approximately three hours (UTC).', '- 12:00 PM: Alert', '- 4:30 PM: Service restored');
    const [finding] = findingsOf(far, 'duration-mismatch');
    assert.match(finding!.message, /disagrees with the timeline, which runs 4 h 30 min from 12:00 PM to 4:30 PM/);
  });

  test('a stated end well after the resolution entry is information', () => {
    const text = postmortem('The outage ran from 9:00 AM to 10:15 AM GMT.', '- 9:00 AM: Alert', '- 9:30 AM: Rollback', '- 10:00 AM: Users regained access');
    const [finding] = findingsOf(text, 'duration-mismatch');
    assert.equal(finding!.severity, 'information');
    assert.equal(covered(text, finding!), '10:15 AM');
    assert.match(finding!.message, /15 min after the timeline's resolution, 10:00 AM/);
  });

  test('durations that are not the incident length are not compared', () => {
    const text = postmortem('The team deployed fixes over the next 36 hours (UTC).', '- 07:06: Paged', '- 07:50: Backlog cleared, service restored');
    assert.deepEqual(findingsOf(text, 'duration-mismatch'), []);
  });
});

suite('rule: outside-window', () => {
  test('lead-up and follow-up entries are hints; detection before the start is a warning', () => {
    const text = postmortem(
      'From 6:00 PM to 7:00 PM GMT requests failed.',
      '- 5:30 PM: Load balancer tuned',
      '- 5:50 PM: We received a complaint that the site is not responding',
      '- 6:30 PM: Firewall issue found',
      '- 7:00 PM: Service restored',
      '- 7:30 PM: Postmortem meeting',
    );
    const findings = findingsOf(text, 'outside-window');
    assert.deepEqual(findings.map((f) => [covered(text, f), f.severity]), [
      ['5:30 PM', 'hint'],
      ['5:50 PM', 'warning'],
      ['7:30 PM', 'hint'],
    ]);
    assert.match(findings[1]!.message, /This detection entry, 5:50 PM, is 10 min before the stated start, 6:00 PM/);
  });

  test('a resolution after the stated end is a warning', () => {
    const text = postmortem('From 6:00 PM to 7:00 PM GMT requests failed.', '- 6:00 PM: Alert fired', '- 7:30 PM: Service restored');
    const [finding] = findingsOf(text, 'outside-window');
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /30 min after the stated end, 7:00 PM/);
  });
});

suite('rules: sections', () => {
  test('missing-section: each required kind that is absent, as information on the title', () => {
    const text = lines('# Postmortem', '', '## Summary', '', 'Down.', '', '## Timeline', '', '- 10:00 UTC: Alert', '');
    const findings = findingsOf(text, 'missing-section');
    assert.deepEqual(
      findings.map((f) => f.message.replace(/,.*$/, '')),
      ['No root cause section', 'No resolution section', 'No corrective actions section'],
    );
    assert.ok(findings.every((f) => f.severity === 'information' && covered(text, f) === 'Postmortem'));
  });

  test('missing-section: "Root Cause and Resolution" covers both', () => {
    assert.deepEqual(findingsOf(postmortem(zoned, '- 10:00 AM: Alert'), 'missing-section'), []);
  });

  test('missing-section: a profile replaces requiredSections', () => {
    const text = postmortem(zoned, '- 10:00 AM: Alert');
    const kinds = findingsOf(text, 'missing-section', { profile: 'google-sre' }).map((f) => f.message.replace(/ section,.*$/, ''));
    assert.deepEqual(kinds, ['No impact', 'No detection', 'No lessons learned']);
    assert.match(findingsOf(text, 'missing-section', { profile: 'google-sre' })[0]!.message, /the google-sre profile asks for one/);
  });

  test('empty-section: a recognised heading with nothing under it', () => {
    const text = lines('# Postmortem', '', '## Summary', '', 'Down.', '', '## Root Cause', '', '<!-- todo -->', '', '## Resolution', '', 'Reverted.', '');
    const findings = findingsOf(text, 'empty-section');
    assert.deepEqual(findings.map((f) => covered(text, f)), ['Root Cause']);
    assert.equal(findings[0]!.severity, 'warning');
  });

  test('empty-section: a heading that introduces unrecognised sub-headings is not empty', () => {
    const text = lines('IMPACT ANALYSIS', '', 'SECURITY EXPOSURE:', '  - Duration: 19 hours', '', 'ROOT CAUSE', '', 'A change.', '');
    assert.deepEqual(findingsOf(text, 'empty-section'), []);
  });

  test('duplicate-section: the same heading twice is a warning; a qualified twin is information', () => {
    const text = lines('# Postmortem', '', '## Issue Summary', '', 'A.', '', '## Timeline', '', 'B.', '', '## Timeline', '', 'C.', '', '## Summary', '', 'D.', '');
    const findings = findingsOf(text, 'duplicate-section');
    assert.deepEqual(findings.map((f) => [covered(text, f), f.severity]), [
      ['Timeline', 'warning'],
      ['Summary', 'information'],
    ]);
  });

  test('duplicate-section: overlapping kinds and separate incidents are not duplicates', () => {
    const text = lines('# Postmortem', '', '## Root Cause', '', 'A.', '', '## Root Cause and Resolution', '', 'B.', '', '## What went well', '', 'C.', '', '## What went wrong', '', 'D.', '');
    assert.deepEqual(findingsOf(text, 'duplicate-section'), []);
  });
});

suite('rule: ambiguous-date', () => {
  test('a numeric date whose day and month can swap, unless another date settles it', () => {
    const text = postmortem('The outage on 04-12-2022 ran from 10:00 AM to 11:00 AM UTC.', '- 10:00 AM: Alert', '- 11:00 AM: Restored');
    const [finding] = findingsOf(text, 'ambiguous-date');
    assert.equal(covered(text, finding!), '04-12-2022');
    assert.match(finding!.message, /12 April 2022 or 4 December 2022/);
    const settled = text.replace('Postmortem: checkout outage', 'Postmortem: checkout outage of April 12, 2022');
    assert.deepEqual(findingsOf(settled, 'ambiguous-date'), []);
  });
});

suite('check: options and suppressions', () => {
  const text = postmortem('The outage ran from 10:00 AM to 11:00 AM.', '- 10:00 AM: Alert', '- 10:20 AM: Investigating', '- 10:05 AM: Paged', '- 11:00 AM: Restored');

  test('findings come in document order', () => {
    const findings = check(text);
    const starts = findings.map((f) => f.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  test('a severity override changes the severity; off removes the code', () => {
    assert.equal(findingsOf(text, 'timeline-order', { severities: { 'timeline-order': 'error' } })[0]!.severity, 'error');
    assert.deepEqual(findingsOf(text, 'timeline-order', { severities: { 'timeline-order': 'off' } }), []);
  });

  test('<!-- postmortem-disable CODE --> silences the code in the whole document', () => {
    const disabled = `<!-- postmortem-disable timeline-order -->\n${text}`;
    assert.deepEqual(findingsOf(disabled, 'timeline-order'), []);
    assert.equal(findingsOf(disabled, 'timezone-missing').length, 1);
  });

  test('<!-- postmortem-disable-next-line CODE --> silences only the next line', () => {
    const disabled = text.replace('- 10:05 AM: Paged', '<!-- postmortem-disable-next-line timeline-order -->\n- 10:05 AM: Paged');
    assert.deepEqual(findingsOf(disabled, 'timeline-order'), []);
    const elsewhere = text.replace('- 10:00 AM: Alert', '<!-- postmortem-disable-next-line timeline-order -->\n- 10:00 AM: Alert');
    assert.equal(findingsOf(elsewhere, 'timeline-order').length, 1);
  });

  test('the plain-text form postmortem-disable: CODE', () => {
    assert.deepEqual(findingsOf(`postmortem-disable: timezone-missing\n${text}`, 'timezone-missing'), []);
  });

  test('maxDocumentSize stops analysis', () => {
    assert.deepEqual(check(text, { maxDocumentSize: 10 }), []);
  });

  test('CRLF text gives the same findings at the same UTF-16 offsets as LF text with the CRs counted', () => {
    const lf = check(text).map((f) => [f.code, covered(text, f)]);
    const windows = crlf(text);
    assert.deepEqual(check(windows).map((f) => [f.code, covered(windows, f)]), lf);
  });

  test('bad input never throws', () => {
    for (const input of ['', '\r', '## Timeline\n- 99:99 PM', '## Timeline\n'.repeat(50), '\u0000\uFFFF## Timeline\n- 10:00 M']) {
      assert.doesNotThrow(() => check(input));
    }
  });
});
