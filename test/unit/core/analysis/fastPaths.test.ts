import * as assert from 'node:assert/strict';
import { classifyEntry, computeMetrics, saysFullRecovery, type IncidentMetrics, type Milestone, type MilestoneKind } from '../../../../server/src/core/analysis/metrics';
import { entryPoint, minutesBetween, windowEndPoint, windowStartPoint, type TimePoint } from '../../../../server/src/core/analysis/timeAxis';
import type { PostmortemDocument, TimelineEntry } from '../../../../server/src/core/model';
import { findDates } from '../../../../server/src/core/parse/timeTokens';
import { findingsOf, lines, service } from './support';
import { seededRandom as random } from '../../../seededRandom';

/**
 * The rules skip work that cannot change their answer (entries whose wording names no
 * milestone, text that cannot hold an ambiguous date, the rest of a section after its first
 * text). These tests hold the shortcuts to the plain readings they stand for, on documents
 * built to reach both sides of every shortcut.
 */

const WORDING = [
  'Alert fired for checkout errors',
  'Engineer paged and joined the bridge',
  'Investigating elevated latency',
  'Rolled back the deploy',
  'Started the rollback',
  'Service partially restored for some users',
  'Service fully restored',
  'All services back to normal',
  'Fix deployed to production',
  'Resolution: config reverted',
  'Customers reported errors; mitigated by failover',
  'Issue resolved',
  'Incident closed',
  'Not yet resolved, still degraded',
  'Traffic was drained from eu-west-1 and the team noticed recovery',
];
const ZONES = ['', ' UTC', ' PST', ' CET'];
const DATES = ['', '2024-08-15 ', '2024-08-16 ', 'August 15, 2024, '];

function randomTimeline(seed: number): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const entries: string[] = [];
  const count = 1 + Math.floor(next() * 14);
  for (let i = 0; i < count; i++) {
    const hour = Math.floor(next() * 24);
    const minute = String(Math.floor(next() * 60)).padStart(2, '0');
    const twelveHour = next() < 0.5;
    const time = twelveHour ? `${hour % 12 || 12}:${minute} ${hour < 12 ? 'AM' : 'PM'}` : `${String(hour).padStart(2, '0')}:${minute}`;
    const dateOnly = next() < 0.08;
    const stamp = dateOnly ? pick(DATES.slice(1)).trim().replace(/,$/, '') : `${pick(DATES)}${time}${pick(ZONES)}`;
    entries.push(`- ${stamp}: ${pick(WORDING)}`);
  }
  const summary = next() < 0.4 ? 'The outage ran from 10:00 AM to 11:30 AM UTC on August 15, 2024.' : 'Checkout failed for some users.';
  return lines('# Checkout outage', '', '## Summary', '', summary, '', '## Timeline', '', ...entries, '');
}

/** The metrics as first written: every point sorted with `minutesBetween`, every entry classified. */
function referenceMetrics(document: PostmortemDocument, entries: readonly TimelineEntry[]): IncidentMetrics {
  const ordered = entries
    .map((entry) => ({ entry, point: entryPoint(entry) }))
    .filter((p): p is { entry: TimelineEntry; point: TimePoint } => p.point !== undefined)
    .map((p, index) => ({ ...p, index }))
    .sort((a, b) => minutesBetween(b.point, a.point) || a.index - b.index);
  const span = (entry: TimelineEntry) => entry.time?.span ?? entry.ownDate?.span;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const windowStart = windowStartPoint(document.window);
  const windowEnd = windowEndPoint(document.window);
  const earliest: Milestone | undefined = first && { kind: 'started', point: first.point, source: 'first-entry', entry: first.entry, span: span(first.entry) };
  const latest: Milestone | undefined = last && { kind: 'ended', point: last.point, source: 'last-entry', entry: last.entry, span: span(last.entry) };
  const started: Milestone | undefined = windowStart ? { kind: 'started', point: windowStart, source: 'window-start', span: document.window.start?.span } : earliest;
  let detected: Milestone | undefined;
  let mitigated: Milestone | undefined;
  let fullyResolved: Milestone | undefined;
  let firstResolved: Milestone | undefined;
  let firstFixed: Milestone | undefined;
  for (const { entry, point } of ordered) {
    const { detected: saysDetected, outcome } = classifyEntry(entry.text);
    const milestone = (kind: MilestoneKind): Milestone => ({ kind, point, source: 'entry', entry, span: span(entry) });
    if (saysDetected) detected ??= milestone('detected');
    if (outcome === 'mitigated' && !firstResolved) mitigated ??= milestone('mitigated');
    if (outcome === 'fixed') firstFixed ??= milestone('resolved');
    if (outcome === 'resolved') {
      firstResolved ??= milestone('resolved');
      if (saysFullRecovery(entry.text)) fullyResolved ??= milestone('resolved');
    }
  }
  const resolved = fullyResolved ?? firstResolved ?? firstFixed;
  const ended: Milestone | undefined = windowEnd
    ? { kind: 'ended', point: windowEnd, source: 'window-end', span: document.window.end?.span }
    : resolved
      ? { ...resolved, kind: 'ended' }
      : latest;
  const since = (m: Milestone | undefined) => (started && m ? minutesBetween(started.point, m.point) : undefined);
  return {
    started,
    detected,
    mitigated,
    resolved,
    ended,
    timeToDetect: since(detected),
    timeToMitigate: since(mitigated),
    timeToResolve: since(resolved),
    totalImpact: since(ended),
    timelineSpan: first && last ? minutesBetween(first.point, last.point) : undefined,
    earliest,
    latest,
    timedEntries: ordered.length,
  };
}

const MILESTONES = ['started', 'detected', 'mitigated', 'resolved', 'ended', 'earliest', 'latest'] as const;

suite('rules: shortcuts agree with the plain readings', () => {
  test('metrics equal those of sorting every point and classifying every entry', () => {
    let withResolution = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomTimeline(seed);
      const document = service.parse(text);
      const entries = [...document.timeline.entries];
      const actual = computeMetrics(document, entries);
      const expected = referenceMetrics(document, entries);
      assert.deepEqual(actual, expected, `seed ${seed}:\n${text}`);
      // Readings of the duration tell milestones read from one entry apart by their point's identity.
      for (const a of MILESTONES) {
        for (const b of MILESTONES) {
          const same = actual[a] !== undefined && actual[a]?.point === actual[b]?.point;
          assert.equal(same, expected[a] !== undefined && expected[a]?.point === expected[b]?.point, `seed ${seed}: ${a} and ${b}`);
        }
      }
      if (expected.resolved) withResolution++;
    }
    assert.ok(withResolution > 50, 'the documents reach resolutions');
  });

  test('ambiguous dates are found exactly where the parser reads one, wherever a numeric date stands', () => {
    const next = random(7);
    const pieces = ['04/12/2022', '4-12-22', '12/12/2022', '13/04/2022', '2022-04-12', 'v1.2.3', '1-2-3', '11/5/21', '3/3/2023', 'a04/12/2022', '04/12-2022', '5/6/7/8', 'April 12, 2022', ' ', '\n', '`04/05/2021`'];
    for (let round = 0; round < 300; round++) {
      const words: string[] = [];
      for (let i = 0; i < 1 + Math.floor(next() * 6); i++) words.push(pieces[Math.floor(next() * pieces.length)]!);
      const text = lines('# Outage', '', '## Summary', '', words.join(' '), '');
      const document = service.parse(text);
      const expected = findDates(text)
        .filter((date) => date.ambiguous && !document.ignoredSpans.some((span) => date.span.start >= span.start && date.span.start < span.end))
        .map((date) => date.span.start);
      // One finding per distinct date, its repeats as related places: together they are every place reported.
      const reported = findingsOf(text, 'ambiguous-date')
        .flatMap((finding) => [finding.span.start, ...(finding.related ?? []).map((place) => place.span.start)])
        .sort((a, b) => a - b);
      // Reported dates are a subset (an unambiguous reading elsewhere settles one), and none is missed for want of a scan.
      assert.ok(reported.every((start) => expected.includes(start)), text);
      if (expected.length > 0 && !findDates(text).some((date) => !date.ambiguous)) assert.deepEqual(reported, [...new Set(expected)], text);
    }
  });

  test('a section is empty when only white space and comments follow its heading, whatever comes first', () => {
    const empty = (body: string) => findingsOf(lines('# Outage', '', '## Summary', body, '## Root Cause', '', 'A bad config.', ''), 'empty-section').length === 1;
    assert.equal(empty(''), true);
    assert.equal(empty('\n   \t\n'), true);
    assert.equal(empty('\n<!-- to do -->\n'), true);
    assert.equal(empty('\n<!-- one --> <!-- two -->\n'), true);
    assert.equal(empty('\n<!-- unclosed'), true);
    assert.equal(empty('\n<b>Checkout</b> failed.'), false);
    assert.equal(empty('\n<!-- note --> Checkout failed.'), false);
    assert.equal(empty('\n\u00a0Checkout failed.'), false);
    assert.equal(empty('\nCheckout failed.'), false);
  });

  test('unreadable times are found on lines ended by CR, CRLF or LF alike', () => {
    const body = ['## Timeline', '', '- 10:00 UTC: Alert fired', '- [Time]: Paged', '  - 10;30: Rolled back', '- 10:45 UTC: Restored', ''];
    const spans = (text: string) => findingsOf(text, 'unreadable-time').map((finding) => text.slice(finding.span.start, finding.span.end));
    const expected = spans(body.join('\n'));
    assert.deepEqual(expected, ['[Time]', '10;30']);
    assert.deepEqual(spans(body.join('\r\n')), expected);
    assert.deepEqual(spans(body.join('\r')), expected);
  });
});
