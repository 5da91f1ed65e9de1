import * as assert from 'node:assert/strict';
import type { Finding } from '../../../../server/src/core/analysis/findings';
import { applyEdits } from '../../../../server/src/core/edits/textEdits';
import { formatLike } from '../../../../server/src/core/edits/rewriteDuration';
import { editsRemoveFinding } from '../../../../server/src/core/edits/verifyFix';
import { defaultOptions, type PostmortemOptions } from '../../../../server/src/core/options';
import { check, crlf, lines, postmortem, service } from '../analysis/support';

/** Both line-ending flavours of a test document. */
const endings: readonly { readonly name: string; readonly convert: (text: string) => string }[] = [
  { name: 'LF', convert: (text) => text },
  { name: 'CRLF', convert: crlf },
];

function only(text: string, code: string, options: PostmortemOptions = defaultOptions): Finding {
  const findings = check(text, options).filter((f) => f.code === code);
  assert.equal(findings.length, 1, `one ${code} finding expected, got ${findings.map((f) => f.message).join(' | ')}`);
  return findings[0]!;
}

/** Applies the quick fix titled like `title` to the single `code` finding and returns the new text. */
function applyFix(text: string, code: string, title: RegExp, options: PostmortemOptions = defaultOptions): string {
  const document = service.parse(text);
  const fixes = service.quickFixes(document, only(text, code, options), options);
  const fix = fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix titled ${title} among ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

function codes(text: string, options: PostmortemOptions = defaultOptions): string[] {
  return check(text, options).map((f) => f.code);
}

for (const { name, convert } of endings) {
  suite(`quick fixes (${name})`, () => {
    test('add "All times in UTC" under the timeline heading', () => {
      const text = convert(postmortem('The outage ran from 10:00 AM to 11:00 AM.', '- 10:00 AM: Alert', '- 11:00 AM: Service restored'));
      const fixed = applyFix(text, 'timezone-missing', /All times in UTC/);
      assert.equal(fixed, text.replace(convert('## Timeline\n\n'), convert('## Timeline\n\nAll times in UTC.\n\n')));
      assert.ok(!codes(fixed).includes('timezone-missing'));
    });

    test('add the zone to each entry that lacks one', () => {
      const text = convert(postmortem('The outage ran from 10:00 AM to 11:00 AM.', '- 10:00 AM: Alert', '- **11:00 AM**: Service restored'));
      const fixed = applyFix(text, 'timezone-missing', /Add UTC to each/);
      assert.equal(fixed, text.replace('10:00 AM:', '10:00 AM UTC:').replace('**11:00 AM**', '**11:00 AM UTC**'));
      assert.ok(!codes(fixed).includes('timezone-missing'));
    });

    test('plain text with no blank line under the heading gets none either', () => {
      const text = convert(lines('Duration:', 'From 10:00 PM to 11:45 PM.', 'TIMELINE:', '10:00 PM: Alert', '11:45 PM: Restored', ''));
      const fixed = applyFix(text, 'timezone-missing', /All times in UTC/);
      assert.equal(fixed, text.replace(convert('TIMELINE:\n'), convert('TIMELINE:\nAll times in UTC.\n')));
      assert.ok(!codes(fixed).includes('timezone-missing'));
    });

    test('correct an AM/PM slip, with the entries after it that share it', () => {
      const text = convert(postmortem('Outage (UTC).', '- 11:30 AM: Deploy', '- 12:00 PM: Errors', '- 12:15 AM: Paged', '- 12:25 AM: Rollback', '- 1:00 PM: Restored'));
      const fixed = applyFix(text, 'timeline-order', /Change to 12:15 PM \(and the 1 entries after it\)/);
      assert.equal(fixed, text.replace('12:15 AM', '12:15 PM').replace('12:25 AM', '12:25 PM'));
      assert.ok(!codes(fixed).includes('timeline-order'));
    });

    test('sort the timeline: entries move with their continuation lines and sub-bullets, spacing stays', () => {
      const text = convert(
        postmortem(
          'Outage (UTC).',
          '- 10:00 AM: Alert',
          '  - pager fired',
          '',
          '- 10:20 AM: Investigation began',
          '- 10:05 AM: Engineer paged',
          '  and acknowledged',
          '- 11:00 AM: Restored',
        ),
      );
      const fixed = applyFix(text, 'timeline-order', /Sort the timeline/);
      const expected = convert(
        postmortem(
          'Outage (UTC).',
          '- 10:00 AM: Alert',
          '  - pager fired',
          '',
          '- 10:05 AM: Engineer paged',
          '  and acknowledged',
          '- 10:20 AM: Investigation began',
          '- 11:00 AM: Restored',
        ),
      );
      assert.equal(fixed, expected);
      assert.ok(!codes(fixed).includes('timeline-order'));
      assert.deepEqual(service.sortTimeline(service.parse(fixed)), []);
    });

    test('correct 13:00 PM to 1:00 PM', () => {
      const text = convert(postmortem('Outage (UTC).', '- 12:30 PM: Alert', '- 13:00 PM: Paged', '- 1:30 PM: Restored'));
      const fixed = applyFix(text, 'invalid-time', /Change to 1:00 PM/);
      assert.equal(fixed, text.replace('13:00 PM', '1:00 PM'));
      assert.ok(!codes(fixed).includes('invalid-time'));
    });

    test('give a broken meridiem the reading its neighbours allow', () => {
      const text = convert(postmortem('Outage (UTC).', '- 10:00 pm: Alert', '- 10:30 M: Paged', '- 11:00 pm: Restored'));
      const fixed = applyFix(text, 'invalid-time', /Change to 10:30 pm/);
      assert.equal(fixed, text.replace('10:30 M', '10:30 pm'));
      assert.ok(!codes(fixed).includes('invalid-time'));
    });

    test('rewrite a stated duration to match the stated start and end', () => {
      const text = convert(postmortem('The outage ran from 10:00 AM to 11:30 AM UTC and lasted 45 minutes.', '- 10:00 AM: Alert', '- 11:30 AM: Service restored'));
      const fixed = applyFix(text, 'duration-mismatch', /Change the stated duration to 1 hour 30 minutes/);
      assert.equal(fixed, text.replace('lasted 45 minutes', 'lasted 1 hour 30 minutes'));
      assert.ok(!codes(fixed).includes('duration-mismatch'));
    });

    test('rewrite an approximate stated duration to match the timeline, keeping the approximation', () => {
      const text = convert(postmortem('The outage lasted approximately three hours (UTC).', '- 12:00 PM: Alert', '- 4:30 PM: Service restored'));
      const fixed = applyFix(text, 'duration-mismatch', /approximately 4 hours 30 minutes/);
      assert.equal(fixed, text.replace('approximately three hours', 'approximately 4 hours 30 minutes'));
      assert.ok(!codes(fixed).includes('duration-mismatch'));
    });

    test('insert a missing section where the template puts it, in the ATX style of its neighbours', () => {
      const text = convert(
        lines('# Postmortem', '', '## Issue Summary', '', 'Down (UTC).', '', '## Timeline', '', '- 10:00 AM: Alert', '', '## Root Cause', '', 'A rule.', '', '## Corrective and Preventative Measures', '', '- Review.', ''),
      );
      const fixed = applyFix(text, 'missing-section', /Resolution/);
      assert.equal(
        fixed,
        text.replace(convert('A rule.\n\n'), convert('A rule.\n\n## Resolution\n\n<!-- How the issue was fixed, in detail. -->\n\n')),
      );
      assert.ok(!codes(fixed).includes('missing-section'));
    });

    test('insert a missing section in a plain-text document in its label style and capitals', () => {
      const text = convert(lines('ISSUE SUMMARY:', 'Down from 10:00 PM to 11:00 PM UTC.', 'TIMELINE:', '10:00 PM: Alert', 'ROOT CAUSE AND RESOLUTION:', 'A rule, reverted.', ''));
      const fixed = applyFix(text, 'missing-section', /Corrective and Preventative Measures/);
      assert.equal(fixed, text.replace('A rule, reverted.', convert('A rule, reverted.\nCORRECTIVE AND PREVENTATIVE MEASURES:')));
      assert.ok(!codes(fixed).includes('missing-section'));
    });

    test('sort: a sub-bullet that quotes times moves with its entry, and the timeline ends in order', () => {
      const text = convert(lines('## Timeline', '', '- 00:01 UTC: Deploy started', '- 00:00 UTC: Alerts', '    - status `23:35` → `00:05`', '- 00:02 UTC: Paged', ''));
      const fixed = applyFix(text, 'timeline-order', /Sort the timeline/);
      assert.equal(fixed, convert(lines('## Timeline', '', '- 00:00 UTC: Alerts', '    - status `23:35` → `00:05`', '- 00:01 UTC: Deploy started', '- 00:02 UTC: Paged', '')));
      assert.ok(!codes(fixed).includes('timeline-order'));
    });

    test('sort: AM and PM mixed are ordered as the rule reads them, and every finding goes', () => {
      const text = convert(lines('## Timeline', '', 'All times in UTC.', '', '- 2:00 PM: a', '- 6:01 AM: b', '- 6:00 PM: c', '- 6:02 AM: d', ''));
      const document = service.parse(text);
      const findings = check(text).filter((f) => f.code === 'timeline-order');
      assert.equal(findings.length, 2);
      for (const finding of findings) {
        const sort = service.quickFixes(document, finding).find((f) => f.title === 'Sort the timeline chronologically');
        assert.ok(sort, `a sort fix on ${finding.message}`);
        const fixed = applyEdits(text, sort.edits);
        assert.equal(fixed, convert(lines('## Timeline', '', 'All times in UTC.', '', '- 6:01 AM: b', '- 6:02 AM: d', '- 2:00 PM: a', '- 6:00 PM: c', '')));
        assert.ok(!codes(fixed).includes('timeline-order'));
      }
    });

    test('a missing section goes before a code fence left open at the end, not into it', () => {
      const text = convert(lines('## Timeline', '- 10:00 UTC deploy', '```bash', 'echo', ''));
      const fixed = applyFix(text, 'missing-section', /Root Cause/, { ...defaultOptions, requiredSections: ['timeline', 'root-cause'] });
      assert.equal(fixed, convert(lines('## Timeline', '- 10:00 UTC deploy', '', '## Root Cause', '<!-- What caused the issue, in detail. -->', '', '```bash', 'echo', '')));
      assert.ok(!codes(fixed, { ...defaultOptions, requiredSections: ['timeline', 'root-cause'] }).includes('missing-section'));
    });

    test('a missing section goes after a code fence closed on the last line', () => {
      const text = convert(lines('## Timeline', '- 10:00 UTC deploy', '```bash', 'echo', '```'));
      const fixed = applyFix(text, 'missing-section', /Root Cause/, { ...defaultOptions, requiredSections: ['timeline', 'root-cause'] });
      assert.equal(fixed, `${text}${convert('\n\n## Root Cause\n<!-- What caused the issue, in detail. -->')}`);
    });

    test('a missing section set off by blank lines where the neighbour\'s spacing would make it a shell comment', () => {
      const options = { ...defaultOptions, requiredSections: ['timeline' as const, 'root-cause' as const] };
      const text = convert(lines('# Postmortem', '## Timeline', '- 10:00 UTC deploy', 'sudo service nginx status | grep active', ''));
      const fixed = applyFix(text, 'missing-section', /Root Cause/, options);
      assert.equal(fixed, convert(lines('# Postmortem', '## Timeline', '- 10:00 UTC deploy', 'sudo service nginx status | grep active', '', '## Root Cause', '<!-- What caused the issue, in detail. -->', '', '')));
      assert.ok(!codes(fixed, options).includes('missing-section'));
    });

    test('a byte order mark stays the first character when a section goes at the top', () => {
      const options = { ...defaultOptions, requiredSections: ['summary' as const, 'root-cause' as const] };
      const text = convert(lines('\ufeff# Postmortem', '', '## Root Cause', 'Text.', ''));
      const fixed = applyFix(text, 'missing-section', /Summary/, options);
      assert.ok(fixed.startsWith('\ufeff') && !fixed.slice(1).includes('\ufeff'), JSON.stringify(fixed));
      assert.ok(!codes(fixed, options).includes('missing-section'));
    });

    test('a zone added to a time that runs into a word is kept apart from it', () => {
      const text = convert(lines('## Timeline', '- about 10:15fw: Alert', '- 10:30+ Restored', ''));
      const fixed = applyFix(text, 'timezone-missing', /Add UTC to each/);
      assert.equal(fixed, text.replace('10:15fw', '10:15 UTC fw').replace('10:30+', '10:30 UTC +'));
      assert.ok(!codes(fixed).includes('timezone-missing'));
    });

    test('fix-all applies the evident time corrections, and a second run changes nothing', () => {
      const text = convert(postmortem('Outage (UTC).', '- 11:30 AM: Deploy', '- 12:00 PM: Errors', '- 12:15 AM: Paged', '- 13:10 PM: Escalated', '- 1:30 PM: Restored'));
      const once = applyEdits(text, service.fixAll(service.parse(text)));
      assert.equal(once, text.replace('12:15 AM', '12:15 PM').replace('13:10 PM', '1:10 PM'));
      assert.deepEqual(service.fixAll(service.parse(once)), []);
      assert.ok(!codes(once).includes('timeline-order') && !codes(once).includes('invalid-time'));
    });
  });
}

suite('quick fixes: what is not offered', () => {
  test('no meridiem correction when switching would not sit close to the neighbours', () => {
    const text = postmortem('Outage (UTC).', '- 9:00 PM: Alert', '- 10:00 PM: Rollback', '- 9:30 PM: Paged');
    const document = service.parse(text);
    const fixes = service.quickFixes(document, only(text, 'timeline-order'));
    assert.deepEqual(fixes.map((f) => f.title), ['Sort the timeline chronologically']);
    assert.equal(fixes[0]!.safe, false);
  });

  test('an edit counts as a fix only when a fresh parse shows its finding gone', () => {
    const text = postmortem('Outage (UTC).', '- 11:30 AM: Deploy', '- 12:00 PM: Errors', '- 12:15 AM: Paged', '- 1:00 PM: Restored');
    const document = service.parse(text);
    const finding = only(text, 'timeline-order');
    const at = text.indexOf('12:15 AM');
    assert.equal(editsRemoveFinding(document, finding, [{ span: { start: at, end: at + 8 }, newText: '12:15 PM' }], defaultOptions), true);
    assert.equal(editsRemoveFinding(document, finding, [{ span: { start: at, end: at + 8 }, newText: '12:16 AM' }], defaultOptions), false, 'still out of order');
    assert.equal(editsRemoveFinding(document, finding, [], defaultOptions), false, 'no change');
    const paged = text.indexOf('Paged');
    assert.equal(editsRemoveFinding(document, finding, [{ span: { start: paged, end: paged + 5 }, newText: 'Called' }], defaultOptions), false, 'an edit elsewhere');
  });

  test('no guess for 25:10 or 12:61', () => {
    const text = postmortem('Outage (UTC).', '- 10:00 AM: Alert', '- 25:10: Paged', '- 11:00 AM: Restored');
    assert.deepEqual(service.quickFixes(service.parse(text), only(text, 'invalid-time')), []);
  });

  test('formatLike keeps the author\'s units', () => {
    assert.equal(formatLike('1h 45m', 90), '1h 30m');
    assert.equal(formatLike('45m', 60), '1h');
    assert.equal(formatLike('2 hours and 30 minutes', 105), '1 hour and 45 minutes');
    assert.equal(formatLike('~2 hours', 150), '~2 hours 30 minutes');
  });
});
