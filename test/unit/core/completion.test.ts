import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { completePostmortem, type CompletionClock, type PostmortemCompletion } from '../../../server/src/core/completion';
import { expandSnippet, parseSnippet } from '../../../server/src/core/authoring/snippetSyntax';
import { defaultOptions } from '../../../server/src/core/options';
import { parsePostmortem } from '../../../server/src/core/parse/parser';
import { markdownPostmortem, plainTextPostmortem } from '../../paths';

const CURSOR = '§';
/** 2024-08-15 14:32 UTC, on an editor clock two hours east of UTC. */
const clock: CompletionClock = { epochMs: Date.UTC(2024, 7, 15, 14, 32), utcOffsetMinutes: 120 };

/** Completions at the `§` in `source`, plus the text without the marker. */
function completeAt(source: string, options = defaultOptions): { items: PostmortemCompletion[]; text: string; offset: number } {
  const offset = source.indexOf(CURSOR);
  assert.ok(offset >= 0, 'the source marks the cursor');
  const text = source.slice(0, offset) + source.slice(offset + CURSOR.length);
  // Sorted as an editor shows them.
  const items = completePostmortem(parsePostmortem(text), offset, { options, clock }).sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return { items, text, offset };
}

function entryItem(source: string): PostmortemCompletion {
  const entry = completeAt(source).items.find((item) => item.kind === 'timeline-entry');
  assert.ok(entry, 'a timeline entry is offered');
  return entry;
}

/** The document after accepting `item` with `description` typed into its placeholder. */
function accept(text: string, item: PostmortemCompletion, description = 'Something happened'): string {
  const inserted = expandSnippet(item.insertText, { values: { 1: description } });
  return text.slice(0, item.replace.start) + inserted + text.slice(item.replace.end);
}

function insertAfterLine(text: string, lineStartsWith: string, insertion: string): string {
  const start = text.split(/\r?\n/).findIndex((line) => line.startsWith(lineStartsWith));
  assert.ok(start >= 0, `a line starts with ${lineStartsWith}`);
  const lines = text.split('\n');
  lines.splice(start + 1, 0, insertion);
  return lines.join('\n');
}

suite('completion', () => {
  suite('timeline entries', () => {
    test('incident-postmortem.txt: a plain 12-hour line 5 minutes after the entry above, no zone, colon separator', () => {
      const source = insertAfterLine(fs.readFileSync(plainTextPostmortem, 'utf8'), '7:22 PM:', CURSOR);
      const item = entryItem(source);
      assert.equal(item.insertText, '7:27 PM: ${1:What happened}$0');
      assert.equal(item.plainText, '7:27 PM: ');
      assert.ok(item.preselect);
      assert.match(item.detail, /7:27 PM \(5 min after the entry above\)/);
      assert.match(item.documentation, /detected/);
    });

    test('outage-postmortem.md: the date, 12-hour time, zone and dash separator of the entries above', () => {
      const source = fs.readFileSync(markdownPostmortem, 'utf8').replace('\n### Root Cause and Resolution', `\n${CURSOR}\n\n### Root Cause and Resolution`);
      const { text } = completeAt(source);
      const item = entryItem(source);
      assert.equal(item.insertText, 'October 23rd, 2023, 2:10 PM UTC - ${1:What happened}$0');
      // Accepted, the new entry is read as the next entry of the timeline, on the same date and zone.
      const after = parsePostmortem(accept(text, item));
      const last = after.timeline.entries.at(-1)!;
      assert.deepEqual([last.time?.hour, last.time?.minute, last.zone?.name, last.date?.day, last.text], [14, 10, 'UTC', 23, 'Something happened']);
    });

    test('bold times with a zone keep their markup', () => {
      assert.equal(entryItem(`## Timeline\n\n- **14:00 UTC** - db down\n- ${CURSOR}\n`).insertText, '- **14:05 UTC** - ${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n**15:00 UTC: Issue Detection**\n\n${CURSOR}\n`).insertText, '**15:05 UTC: ${1:What happened}**$0');
      assert.equal(entryItem(`## Timeline\n\n- _10:00 AM_ – first\n${CURSOR}\n`).insertText, '- _10:05 AM_ – ${1:What happened}$0');
    });

    test('an approximate or ranged entry gives an exact, single time', () => {
      assert.equal(entryItem(`## Timeline\n\n- ~10:42 am - guess\n${CURSOR}\n`).insertText, '- 10:47 am - ${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n- 13:20 - 13:50 UTC: a window\n${CURSOR}\n`).insertText, '- 13:55 UTC: ${1:What happened}$0');
    });

    test('clock style: padding, seconds, lower-case and dotted meridiem', () => {
      assert.equal(entryItem(`## Timeline\n\n- 09:00 AM: a\n- 09:55 AM: b\n${CURSOR}\n`).insertText, '- 10:00 AM: ${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n- 9:50 PM: a\n- 10:55 PM: b\n${CURSOR}\n`).insertText, '- 11:00 PM: ${1:What happened}$0');
      assert.equal(entryItem(`TIMELINE\n\n  01:22:30 [system] restart\n  ${CURSOR}\n`).insertText, '  01:27:30 ${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n- 7:06am - deploy\n${CURSOR}\n`).insertText, '- 7:11am - ${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n- 11:58 p.m. - deploy\n${CURSOR}\n`).insertText, '- 12:03 a.m. - ${1:What happened}$0');
    });

    test('table rows get the time cell, a description cell and empty trailing cells', () => {
      const item = entryItem(`## Timeline\n\n| Time (UTC) | Event | Data Link |\n|---|---|---|\n| 23:58 | deploy | https://x |\n${CURSOR}\n`);
      assert.equal(item.insertText, '| 00:03 | ${1:What happened} | |$0');
    });

    test('one heading per entry: the time as a heading, the description under it', () => {
      const item = entryItem(`## Timeline\n\n### 21:00\n\nTeam alerted\n\n${CURSOR}\n`);
      assert.equal(item.insertText, '### 21:05\n\n${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n### 21:00 - Team alerted\n\n${CURSOR}\n`).insertText, '### 21:05 - ${1:What happened}$0');
    });

    test('crossing midnight advances the date written on the entries', () => {
      assert.equal(entryItem(`### Timeline\n\nAugust 15th, 2024, 11:58 PM UTC - a\n\n${CURSOR}\n`).insertText, 'August 16th, 2024, 12:03 AM UTC - ${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n- 2024-12-31 23:57 UTC - a\n${CURSOR}\n`).insertText, '- 2025-01-01 00:02 UTC - ${1:What happened}$0');
    });

    test('between two entries less than 5 minutes apart, the new time stays between them', () => {
      const item = entryItem(`## Timeline\n\n- 10:00 - a\n${CURSOR}\n- 10:02 - b\n`);
      assert.equal(item.insertText, '- 10:01 - ${1:What happened}$0');
    });

    test('an empty timeline starts at the summary start, in the summary zone', () => {
      const item = entryItem(`## Summary\n\nThe site was down from 10:00 PM to 11:00 PM PST.\n\n## Timeline\n\n${CURSOR}\n`);
      assert.equal(item.insertText, '- 10:00 PM PST - ${1:What happened}$0');
      assert.match(item.detail, /start of the incident/);
    });

    test('an empty timeline with nothing to go by is stamped now: in its declared zone, else on the local clock', () => {
      assert.equal(entryItem(`## Timeline (all times in UTC)\n\n${CURSOR}\n`).insertText, '- 14:32 - ${1:What happened}$0');
      assert.equal(entryItem(`## Timeline\n\n${CURSOR}\n`).insertText, '- 16:32 UTC+02:00 - ${1:What happened}$0');
      assert.equal(entryItem(`TIMELINE:\n\n${CURSOR}\n`).insertText, '16:32 UTC+02:00 - ${1:What happened}$0');
    });

    test('what was typed is replaced and matches the filter text', () => {
      const source = `## Timeline\n\n- 10:00 - a\n- 1${CURSOR}\n`;
      const { items, offset } = completeAt(source);
      const item = items.find((i) => i.kind === 'timeline-entry')!;
      assert.deepEqual(item.replace, { start: offset - 3, end: offset });
      assert.ok(item.filterText.startsWith('- 1'));
    });

    test('not offered outside the timeline, mid-line, or after prose on the line', () => {
      assert.equal(completeAt(`## Summary\n\n${CURSOR}\n\n## Timeline\n\n- 10:00 - a\n`).items.filter((i) => i.kind === 'timeline-entry').length, 0);
      assert.equal(completeAt(`## Timeline\n\n- 10:00 - a\n  which was then ${CURSOR}\n`).items.length, 0);
      assert.equal(completeAt(`## Timeline\n\n- 10:00 - a\nThe team restarted the pods and then ${CURSOR}\n`).items.length, 0);
      assert.equal(completeAt(`## Timeline\n\n${CURSOR}- 10:00 - a\n`).items.length, 0);
    });
  });

  suite('sections', () => {
    test('only missing sections are offered, required first, in the document heading style', () => {
      const { items } = completeAt(`## Issue Summary\n\nShort.\n\n## Timeline\n\n- 10:00 UTC - a\n\n${CURSOR}\n`);
      const labels = items.filter((i) => i.kind === 'section').map((i) => i.label);
      assert.ok(!labels.some((l) => /Summary|Timeline/.test(l)), 'present sections are not offered');
      assert.deepEqual(labels.slice(0, 3), ['## Root Cause and Resolution', '## Root Cause', '## Root Causes']);
      assert.ok(labels.indexOf('## Corrective and Preventative Measures') < labels.indexOf('## Impact'), 'required before optional');
      const rootCause = items.find((i) => i.label === '## Root Cause and Resolution')!;
      assert.equal(rootCause.insertText, '## Root Cause and Resolution\n\n$0');
      assert.match(rootCause.detail, /Missing required section: root cause and resolution/);
      assert.match(rootCause.documentation, /fix/);
    });

    test('incident-postmortem.txt (ALL-CAPS with colons): headings come out as `DETECTION:`', () => {
      const { items } = completeAt(fs.readFileSync(plainTextPostmortem, 'utf8').replace('\nCORRECTIVE AND PREVENTIVE MEASURES: ', `\n${CURSOR}\nCORRECTIVE AND PREVENTIVE MEASURES: `));
      const labels = items.filter((i) => i.kind === 'section').map((i) => i.label);
      assert.deepEqual(labels.sort(), ['DETECTION:', 'IMPACT:', 'LESSONS LEARNED:']);
    });

    test('outage-postmortem.md (`### Timeline`): a missing section is written at the level the sections use', () => {
      const source = fs.readFileSync(markdownPostmortem, 'utf8').replace('### Corrective and Preventative Measures', CURSOR);
      const labels = completeAt(source).items.map((i) => i.label);
      assert.equal(labels[0], '### Corrective and Preventative Measures');
    });

    test('the heading markup of the document is reused, decoration dropped, case matched', () => {
      const first = (source: string) => completeAt(source).items.find((i) => i.kind === 'section')!;
      assert.equal(first(`**Issue Summary:**\n\nx\n\n**Timeline:**\n\n- 10:00 - a\n\n**Root Cause and Resolution:**\n\nx\n\n${CURSOR}\n`).label, '**Corrective and Preventative Measures:**');
      assert.equal(first(`## ⏰ Timeline:\n\n- 10:00 - a\n\n## 🤯 Issue Summary:\n\nx\n\n${CURSOR}\n`).label, '## Root Cause and Resolution:');
      assert.equal(first(`Issue summary\n\nx\n\nRoot cause and resolution\n\nx\n\n${CURSOR}\n`).label, 'Corrective and preventative measures');
      assert.equal(first(`## 1. Summary\n\nx\n\n## 2. Timeline\n\n- 10:00 - a\n\n${CURSOR}\n`).label, '## Root Cause and Resolution');
      assert.equal(first(`<b>ISSUE SUMMARY</b> <br/>\n\nx\n\n<b>TIMELINE</b> <br/>\n\n10:00 a\n\n${CURSOR}\n`).label, '<b>ROOT CAUSE AND RESOLUTION</b> <br/>');
      const setext = first(`Summary\n=======\n\nx\n\n${CURSOR}\n`);
      assert.equal(setext.insertText, 'Timeline\n========\n\n$0');
    });

    test('sentence-case documents get sentence-case headings', () => {
      const { items } = completeAt(`## Issue summary\n\nx\n\n## Root cause and resolution\n\nx\n\n${CURSOR}\n`);
      assert.ok(items.some((i) => i.label === '## Corrective and preventative measures'));
    });

    test('a heading after a paragraph line gets a blank line above it', () => {
      const item = completeAt(`TIMELINE:\n10:00 PM: a\n${CURSOR}`).items.find((i) => i.label === 'ROOT CAUSE AND RESOLUTION:')!;
      assert.equal(item.insertText, '\nROOT CAUSE AND RESOLUTION:\n\n$0');
    });

    test('required sections follow the options', () => {
      const options = { ...defaultOptions, requiredSections: ['summary', 'detection'] as const };
      const { items } = completeAt(`## Summary\n\nx\n\n${CURSOR}\n`, { ...options, requiredSections: [...options.requiredSections] });
      const detection = items.find((i) => i.label === '## Detection')!;
      assert.match(detection.detail, /required/);
      assert.match(items.find((i) => i.label === '## Timeline')!.detail, /Optional/);
    });

    test('a chosen template decides the headings and what is required', () => {
      const { items } = completeAt(`## Summary\n\nx\n\n${CURSOR}\n`, { ...defaultOptions, profile: 'google-sre' });
      const labels = items.map((i) => i.label);
      assert.ok(!labels.includes('## Root Cause and Resolution'), 'the SRE template keeps cause and resolution apart');
      assert.ok(labels.indexOf('## Root Causes') < labels.indexOf('## Root Cause'), 'the template heading comes first');
      assert.match(items.find((i) => i.label === '## Detection')!.detail, /required/);
      assert.match(items.find((i) => i.label === '## Lessons Learned')!.detail, /required/);
    });

    test('headings without Markdown follow the flavour: `TITLE:` in plain text', () => {
      const labels = completeAt(`The site went down.\n\n${CURSOR}\n`).items.map((i) => i.label);
      assert.ok(labels.includes('TIMELINE:'), labels.join(', '));
      const markdownLabels = completeAt(`The site went **down**.\nSee \`kubectl logs\`.\n\n${CURSOR}\n`).items.map((i) => i.label);
      assert.ok(markdownLabels.includes('## Timeline'), markdownLabels.join(', '));
    });
  });

  suite('zones', () => {
    test('after a time: zones of the document first, then the local one, then common ones', () => {
      const { items, offset } = completeAt(`## Timeline (times in PST)\n\n- 10:05 PM PST - down\n- 10:20 PM P${CURSOR}\n`);
      assert.ok(items.every((i) => i.kind === 'zone'));
      const sorted = [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((i) => i.label);
      assert.deepEqual(sorted.slice(0, 4), ['PST', 'UTC+02:00', 'UTC', 'GMT']);
      assert.equal(new Set(sorted).size, sorted.length, 'no zone twice');
      const pst = items.find((i) => i.label === 'PST')!;
      assert.deepEqual(pst.replace, { start: offset - 1, end: offset }, 'the typed letters are replaced');
      assert.match(pst.detail, /Used 2 times/);
      assert.match(pst.documentation, /UTC−08:00/);
      assert.ok(pst.preselect);
    });

    test('also after "All times in" and in a table header', () => {
      assert.ok(completeAt(`## Timeline\n\nAll times in ${CURSOR}\n`).items.some((i) => i.label === 'UTC'));
      assert.ok(completeAt(`| Time (${CURSOR}) | Event |\n`).items.some((i) => i.label === 'CEST'));
    });

    test('not after a number that is not a time, nor inside code', () => {
      assert.equal(completeAt(`Version 2.5 ${CURSOR}\n`).items.filter((i) => i.kind === 'zone').length, 0);
      assert.equal(completeAt('```\n10:05 ' + CURSOR + '\n```\n').items.length, 0);
    });
  });

  test('snippet text is valid and its plain form is the snippet with empty placeholders', () => {
    const sources = [
      `## Timeline\n\n- **14:00 UTC** - db down\n- ${CURSOR}\n`,
      `## Timeline\n\n### 21:00\n\nTeam alerted\n\n${CURSOR}\n`,
      `## Issue Summary\n\nx\n\n${CURSOR}\n`,
      `- 10:05 ${CURSOR}\n`,
    ];
    for (const source of sources) {
      for (const item of completeAt(source).items) {
        parseSnippet(item.insertText);
        assert.equal(expandSnippet(item.insertText, { values: { 1: '' } }), item.plainText, item.label);
      }
    }
  });

  test('long lines stay cheap: whitespace runs and long prose before the cursor', () => {
    const sources = [
      `## Timeline\n\n- 10:00 UTC - a\n${' '.repeat(200_000)}x ${CURSOR}\n`,
      `## Timeline\n\n- 10:00${' '.repeat(200_000)}${CURSOR}\n`,
      `## Timeline\n\n- 10:00 - ${'All times in '.repeat(20_000)}${CURSOR}\n`,
      `## Timeline\n\n${'~ '.repeat(50_000)}10:00 - a\n${CURSOR}\n`,
    ];
    for (const source of sources) {
      const started = Date.now();
      completeAt(source);
      assert.ok(Date.now() - started < 1000, `completed in ${Date.now() - started} ms`);
    }
  });

  test('never throws and keeps every replaced span inside the text and before the cursor', () => {
    const pieces = ['## Timeline', '\n', '- 10:00 PM PST - a', 'TIMELINE:', '| 10:00 | x |', '```', '**', '23:59', ' ', 'August 15th, 2024, ', '\r\n', '§'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), (parts, seed) => {
        const text = parts.join('');
        const offset = seed % (text.length + 1);
        const items = completePostmortem(parsePostmortem(text), offset, { clock });
        for (const item of items) {
          assert.ok(item.replace.start >= 0 && item.replace.start <= item.replace.end && item.replace.end === offset);
        }
      }),
      { numRuns: 300 },
    );
  });
});
