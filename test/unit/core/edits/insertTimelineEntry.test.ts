import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { insertTimelineEntryEdit, type StampClock } from '../../../../server/src/core/edits/insertTimelineEntry';
import { applyEdits } from '../../../../server/src/core/edits/textEdits';
import { defaultOptions } from '../../../../server/src/core/options';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import { markdownPostmortem, plainTextPostmortem } from '../../../paths';

/** 2024-08-15 23:52:10 UTC, on an editor clock two hours east of UTC (01:52 on the 16th locally). */
const clock: StampClock = { epochMs: Date.UTC(2024, 7, 15, 23, 52, 10), utcOffsetMinutes: 120 };

/** The document after the insertion, with `‸` where the cursor lands. */
function insert(text: string, cursor?: number, at: StampClock = clock): { result: string; stamp: string } {
  const insertion = insertTimelineEntryEdit(parsePostmortem(text), at, defaultOptions, cursor);
  const edited = applyEdits(text, [insertion.edit]);
  return { result: `${edited.slice(0, insertion.cursor)}‸${edited.slice(insertion.cursor)}`, stamp: insertion.stamp };
}

suite('insert timeline entry', () => {
  test('incident-postmortem.txt: after the last entry, 12-hour, on the local clock since the report gives no zone', () => {
    const { result, stamp } = insert(fs.readFileSync(plainTextPostmortem, 'utf8'));
    assert.equal(stamp, '1:52 AM UTC+02:00');
    assert.ok(result.includes('the queued reset emails went out.\n1:52 AM UTC+02:00: ‸\nROOT CAUSE AND RESOLUTION: '), 'right after the last entry, without the blank line the last entries do not have');
    const entries = parsePostmortem(result.replace('‸', 'Postmortem written.')).timeline.entries;
    assert.equal(entries.length, 8);
    assert.equal(entries.at(-1)!.text, 'Postmortem written.');
  });

  test('outage-postmortem.md: converted to UTC, dated like the entries, a blank line apart like them', () => {
    // 2023-10-23 14:40:10 UTC on a clock two hours east of UTC: 4:40 PM local, 2:40 PM in the document's zone.
    const { result, stamp } = insert(fs.readFileSync(markdownPostmortem, 'utf8'), undefined, { epochMs: Date.UTC(2023, 9, 23, 14, 40, 10), utcOffsetMinutes: 120 });
    assert.equal(stamp, '2:40 PM UTC');
    assert.ok(result.includes('a review meeting booked for the following day.\n\nOctober 23rd, 2023, 2:40 PM UTC - ‸\n\n### Root Cause and Resolution'), result);
  });

  test('a dated timeline takes the entry at its place in time', () => {
    const { result } = insert('## Timeline\n\n- 2024-08-15 09:00 UTC - a\n- 2024-08-16 09:00 UTC - b\n');
    assert.equal(result, '## Timeline\n\n- 2024-08-15 09:00 UTC - a\n- 2024-08-15 23:52 UTC - ‸\n- 2024-08-16 09:00 UTC - b\n');
  });

  test('a newest-first timeline takes it on top', () => {
    const { result } = insert('## Past incidents\n\n**Update 20:09 UTC** - fixed\n\n**Update 18:52 UTC** - investigating\n\n**Update 18:00 UTC** - found\n');
    assert.ok(result.startsWith('## Past incidents\n\n**Update 23:52 UTC** - ‸\n\n**Update 20:09 UTC** - fixed'), result);
  });

  test('a table gets a row in the zone of its header, with empty cells', () => {
    const { result } = insert('## Timeline\n\n| Time (PDT) | Event | Link |\n|---|---|---|\n| 14:00 | x | y |\n\n## Root Cause\n\nz\n');
    assert.ok(result.includes('| 14:00 | x | y |\n| 16:52 | ‸ | |\n\n## Root Cause'), result);
    const empty = insert('## Timeline\n\n| Time (UTC) | Event | Link |\n|---|---|---|\n\n## Root Cause\n').result;
    assert.ok(empty.includes('|---|---|---|\n| 23:52 | ‸ | |\n'), empty);
  });

  test('seconds are written when the timeline writes them', () => {
    const { result } = insert('TIMELINE\n\n  01:22:30 [system] restart\n  01:22:31 [system] up\n');
    assert.ok(result.endsWith('  01:22:31 [system] up\n  01:52:10 UTC+02:00 ‸\n'), result);
  });

  test('an empty timeline section gets a first entry in the summary zone', () => {
    const { result } = insert('## Summary\n\nDown from 10:00 to 11:00 EST.\n\n## Timeline\n\n## Root Cause\n\nz\n');
    assert.ok(result.includes('## Timeline\n\n- 18:52 EST - ‸\n\n## Root Cause'), result);
  });

  test('without a timeline, one is added where the template puts it, in the document heading style', () => {
    const markdown = insert('## Summary\n\nDown.\n\n## Root Cause\n\nz\n').result;
    assert.match(markdown, /## Summary\n\nDown\.\n\n## Timeline\n\n(?:<!--.*-->\n\n)?- 01:52 UTC\+02:00 - ‸\n\n## Root Cause/);
    const plain = insert('ISSUE SUMMARY:\nDown.\n\nROOT CAUSE:\nz\n').result;
    assert.match(plain, /ISSUE SUMMARY:\nDown\.\n\nTIMELINE:\n\n01:52 UTC\+02:00 - ‸\n\nROOT CAUSE:/);
  });

  test('the cursor picks the timeline when there are several', () => {
    const text = '## Incident A\n\n### Timeline\n\n- 2024-08-15 10:00 UTC - a\n\n## Incident B\n\n### Timeline\n\n- 2024-08-15 12:00 UTC - b\n';
    const { result } = insert(text, text.indexOf('- 2024-08-15 10:00'));
    assert.ok(result.includes('- 2024-08-15 10:00 UTC - a\n- 2024-08-15 23:52 UTC - ‸\n\n## Incident B'), result);
  });

  test('CRLF documents get CRLF line breaks', () => {
    const { result } = insert('## Timeline\r\n\r\n- 10:00 UTC - a\r\n\r\n## Root Cause\r\n');
    assert.equal(result, '## Timeline\r\n\r\n- 10:00 UTC - a\r\n- 23:52 UTC - ‸\r\n\r\n## Root Cause\r\n');
  });
});
