import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyEdits } from '../../../server/src/core/edits/textEdits';
import { classifyEntry, computeMetrics } from '../../../server/src/core/analysis/metrics';
import { formatDuration, formatElapsedClock, formatIncidentOffset } from '../../../server/src/core/analysis/durationText';
import { defaultOptions } from '../../../server/src/core/options';
import { markdownPostmortem, plainTextPostmortem } from '../../paths';
import { postmortem, service } from './analysis/support';

const plainText = fs.readFileSync(plainTextPostmortem, 'utf8');
const markdown = fs.readFileSync(markdownPostmortem, 'utf8');

/** Hover markdown at the `occurrence`-th place `needle` is written (inside it). */
function hoverAt(text: string, needle: string, occurrence = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  return service.hover(service.parse(text), at + 1)?.markdown;
}

suite('the reference postmortems', () => {
  test('incident-postmortem.txt: a timezone-missing warning, no timeline-order, no duration-mismatch', () => {
    const findings = service.check(service.parse(plainText));
    const codes = findings.map((f) => f.code);
    assert.ok(codes.includes('timezone-missing'));
    assert.ok(!codes.includes('timeline-order'));
    assert.ok(!codes.includes('duration-mismatch'));
  });

  test('incident-postmortem.txt: hover on 9:05 PM shows 1 h 50 min since the 7:15 PM start', () => {
    const hover = hoverAt(plainText, '9:05 PM:');
    assert.match(hover!, /`T\+1h50m`: 1 h 50 min since the start \(7:15 PM, the stated start\)/);
    assert.match(hover!, /\+15 min since the previous entry \(8:50 PM\)/);
    assert.match(hover!, /no time zone stated/);
  });

  test('incident-postmortem.txt: the zone quick fix makes timezone-missing go away', () => {
    const document = service.parse(plainText);
    const finding = service.check(document).find((f) => f.code === 'timezone-missing')!;
    const [fix] = service.quickFixes(document, finding);
    assert.equal(fix!.title, 'Add "All times in UTC." to the timeline');
    const fixed = applyEdits(plainText, fix!.edits);
    assert.ok(fixed.includes('TIMELINE: \nAll times in UTC.\n7:15 PM:'));
    assert.ok(!service.check(service.parse(fixed)).some((f) => f.code === 'timezone-missing'));
  });

  test('outage-postmortem.md: no errors or warnings; hover on 2:05 PM gives 2 h 45 min since the 11:20 AM start', () => {
    const serious = service.check(service.parse(markdown)).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious, []);
    const hover = hoverAt(markdown, '2:05 PM UTC -');
    assert.match(hover!, /`T\+2h45m`: 2 h 45 min since the start \(11:20 AM, the stated start\)/);
    assert.match(hover!, /2023-10-23 14:05 UTC/);
    assert.match(hover!, /This entry is the resolution/);
  });
});

suite('hover', () => {
  const text = postmortem('The outage ran from 10:00 AM to 11:00 AM UTC and lasted 45 minutes.', '- 10:00 AM: Alert fired', '- 10:20 AM: Rollback started', '- 10:40 AM: Rolled back', '- 11:00 AM: Service restored');

  test('on a time: since the start, since the previous entry, until the resolution', () => {
    const markdown = hoverAt(text, '10:40 AM')!;
    assert.match(markdown, /`T\+40m`: 40 min since the start/);
    assert.match(markdown, /\+20 min since the previous entry \(10:20 AM\)/);
    assert.match(markdown, /20 min until the resolution \(11:00 AM\)/);
  });

  test('on the stated duration: what the start and end and the timeline give, and whether they agree', () => {
    const markdown = hoverAt(text, '45 minutes')!;
    assert.match(markdown, /Stated duration: 45 minutes/);
    assert.match(markdown, /From the stated start and end, 10:00 AM to 11:00 AM: 1 h — 15 min off the stated duration/);
    assert.match(markdown, /From the timeline, 10:00 AM to 11:00 AM \(stated start to resolution\): 1 h — 15 min off/);
  });

  test('on the timeline heading: the metrics with their definitions', () => {
    const markdown = hoverAt(text, 'Timeline')!;
    assert.match(markdown, /Time to detect: \*\*0 min\*\* \(detected 10:00 AM\) — time to detect = detected − started/);
    assert.match(markdown, /Time to mitigate: \*\*40 min\*\* \(mitigated 10:40 AM\)/);
    assert.match(markdown, /Time to resolve: \*\*1 h\*\* \(resolved 11:00 AM\)/);
    assert.match(markdown, /Total impact: \*\*1 h\*\*/);
  });

  test('nothing to say elsewhere', () => {
    assert.equal(hoverAt(text, 'load balancer'), undefined);
  });

  test('on the end of a range: the hover covers the end time, not the start', () => {
    const ranged = postmortem('Outage (UTC).', '- 13:00 UTC: Alert fired', '- 13:20 - 13:50 UTC: Database failover', '- 14:00 UTC: Service restored');
    const document = service.parse(ranged);
    const spanText = (offset: number) => {
      const hover = service.hover(document, offset);
      assert.ok(hover, `a hover at ${offset}`);
      return { text: ranged.slice(hover.span.start, hover.span.end), markdown: hover.markdown };
    };
    const end = ranged.indexOf('13:50');
    for (const offset of [end, end + 2, end + 5]) {
      const hover = spanText(offset);
      assert.equal(hover.text, '13:50', `hover at ${offset - end} into 13:50`);
      assert.match(hover.markdown, /\*\*13:50\*\* · the end of a range that starts at 13:20/);
      assert.match(hover.markdown, /The range 13:20 to 13:50 lasts 30 min/);
    }
    const start = ranged.indexOf('13:20');
    assert.equal(spanText(start + 2).text, '13:20');
    assert.match(spanText(start + 2).markdown, /^\*\*13:20\*\* · /);
  });
});

suite('metrics', () => {
  test('classifies entry wording clause by clause', () => {
    assert.deepEqual(classifyEntry('Issue detected through monitoring alerts'), { detected: true });
    assert.deepEqual(classifyEntry('Full functionality restored, and a post-outage review initiated'), { detected: false, outcome: 'resolved' });
    assert.deepEqual(classifyEntry('Start of the rollback'), { detected: false });
    assert.deepEqual(classifyEntry('Successful rollback'), { detected: false, outcome: 'mitigated' });
    assert.deepEqual(classifyEntry('Service partially restored'), { detected: false, outcome: 'mitigated' });
    assert.deepEqual(classifyEntry('Fixed the config. Re-deployed.'), { detected: false, outcome: 'fixed' });
  });

  test('each duration is its milestone minus started', () => {
    const text = postmortem('Outage (UTC).', '- 09:50: Deploy', '- 10:05: Alert fired', '- 10:30: Failed over to the replica', '- 11:20: Back to normal');
    const metrics = computeMetrics(service.parse(text));
    assert.equal(metrics.started?.source, 'first-entry');
    assert.equal(metrics.timeToDetect, 15);
    assert.equal(metrics.timeToMitigate, 40);
    assert.equal(metrics.timeToResolve, 90);
    assert.equal(metrics.totalImpact, 90);
  });

  test('a full restoration is preferred over an earlier partial one', () => {
    const text = postmortem('Outage (UTC).', '- 10:00: Alert', '- 10:30: Service restored for most users, still degraded', '- 11:00: Fully restored');
    assert.equal(computeMetrics(service.parse(text)).timeToResolve, 60);
  });
});

suite('inlay hints and code lens', () => {
  const text = postmortem('The outage ran from 10:00 AM to 11:45 AM UTC.', '- 10:00 AM: Alert', '- 10:32 AM: Paged', '- 11:45 AM: Service restored');

  test('elapsed time after each timeline time', () => {
    const hints = service.elapsedHints(service.parse(text));
    assert.deepEqual(
      hints.map((h) => [text.slice(h.offset - 8, h.offset), h.label]),
      [
        ['10:00 AM', '+0:00'],
        ['10:32 AM', '+0:32'],
        ['11:45 AM', '+1:45'],
      ],
    );
    assert.deepEqual(service.elapsedHints(service.parse(text), { ...defaultOptions, inlayHints: false }), []);
  });

  test('a lens on the timeline heading summarises duration and metrics', () => {
    const [lens, ...rest] = service.timelineLenses(service.parse(text));
    assert.equal(rest.length, 0);
    assert.equal(text.slice(lens!.span.start, lens!.span.end), '## Timeline');
    assert.equal(lens!.title, 'Impact 1 h 45 min · detected T+0m · resolved T+1h45m · 3 entries');
  });

  test('duration formats', () => {
    assert.equal(formatDuration(105), '1 h 45 min');
    assert.equal(formatDuration(0.5), '30 s');
    assert.equal(formatDuration(1500), '1 d 1 h');
    assert.equal(formatIncidentOffset(65), 'T+1h05m');
    assert.equal(formatIncidentOffset(-15), 'T-15m');
    assert.equal(formatElapsedClock(32), '+0:32');
    assert.equal(formatElapsedClock(-15), '-0:15');
  });
});
