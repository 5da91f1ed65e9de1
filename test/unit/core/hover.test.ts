import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyEdits } from '../../../server/src/core/edits/textEdits';
import { classifyEntry, computeMetrics } from '../../../server/src/core/analysis/metrics';
import { formatDuration, formatElapsedClock, formatIncidentOffset } from '../../../server/src/core/analysis/durationText';
import { defaultOptions } from '../../../server/src/core/options';
import { seed000, seed003 } from '../../paths';
import { postmortem, service } from './analysis/support';

const seed000Text = fs.readFileSync(seed000, 'utf8');
const seed003Text = fs.readFileSync(seed003, 'utf8');

/** Hover markdown at the `occurrence`-th place `needle` is written (inside it). */
function hoverAt(text: string, needle: string, occurrence = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  return service.hover(service.parse(text), at + 1)?.markdown;
}

suite('seed acceptance', () => {
  test('seed 000: a timezone-missing warning, no timeline-order, no duration-mismatch', () => {
    const findings = service.check(service.parse(seed000Text));
    const codes = findings.map((f) => f.code);
    assert.ok(codes.includes('timezone-missing'));
    assert.ok(!codes.includes('timeline-order'));
    assert.ok(!codes.includes('duration-mismatch'));
  });

  test('seed 000: hover on 11:45 PM shows 1 h 45 min since the 10:00 PM start', () => {
    const markdown = hoverAt(seed000Text, '11:45 PM:');
    assert.match(markdown!, /`T\+1h45m`: 1 h 45 min since the start \(10:00 PM, the stated start\)/);
    assert.match(markdown!, /\+15 min since the previous entry \(11:30 PM\)/);
    assert.match(markdown!, /no time zone stated/);
  });

  test('seed 000: the zone quick fix makes timezone-missing go away', () => {
    const document = service.parse(seed000Text);
    const finding = service.check(document).find((f) => f.code === 'timezone-missing')!;
    const [fix] = service.quickFixes(document, finding);
    assert.equal(fix!.title, 'Add "All times in UTC." to the timeline');
    const fixed = applyEdits(seed000Text, fix!.edits);
    assert.ok(fixed.includes('TIMELINE: \nAll times in UTC.\n10:00 PM:'));
    assert.ok(!service.check(service.parse(fixed)).some((f) => f.code === 'timezone-missing'));
  });

  test('seed 003: no errors or warnings; hover on 6:00 PM gives 3 h 30 min since the 2:30 PM start', () => {
    const serious = service.check(service.parse(seed003Text)).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious, []);
    const markdown = hoverAt(seed003Text, '6:00 PM UTC -');
    assert.match(markdown!, /`T\+3h30m`: 3 h 30 min since the start \(2:30 PM, the stated start\)/);
    assert.match(markdown!, /2024-08-15 18:00 UTC/);
    assert.match(markdown!, /This entry is the resolution/);
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
