import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { checkDocument } from '../../../server/src/core/analysis/check';
import { computeMetrics } from '../../../server/src/core/analysis/metrics';
import { groupTimelineEntries } from '../../../server/src/core/analysis/timelineGroups';
import { getHover } from '../../../server/src/core/hover';
import type { PostmortemDocument, Section, TimelineEntry } from '../../../server/src/core/model';
import { defaultOptions, type PostmortemOptions } from '../../../server/src/core/options';
import { parsePostmortem } from '../../../server/src/core/parse/parser';
import { createPostmortemService } from '../../../server/src/core/service';
import { elapsedHints, timelineLenses } from '../../../server/src/core/timelineSummary';
import { DocumentCache } from '../../../server/src/documentCache';
import { projectDocuments } from '../../projectDocuments';
import { seededRandom } from '../../seededRandom';

/** What typing in a postmortem inserts: times, zones, dates, headings, entries, markup, line breaks. */
const fragments = [
  '1', '0', ':', ' ', '\n', '\r\n', 'AM', ' PM', ' UTC', ' PST', 'Z', '-', '—', '**', '`', '#', '~',
  '- 10:42 PM UTC — service restored\n', '* 09:15: alert fired, paged on-call\n', '14:05 - rolled back the deploy\n',
  '## Timeline\n', '### Friday, March 8th, 2024\n', '## Root Cause\n\nA bad config.\n', 'TIMELINE:\n',
  'Duration: 45 minutes\n', 'lasted about 2 hours', 'All times in PST.\n', '2024-03-08T22:10Z ', '04-12-2022 ',
  '<!-- postmortem-disable timeline-order -->\n', '```\n', '| 10:00 | mitigated |\n', '𐀀', 'é',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One random change against `text`: an insertion, a deletion or a replacement, in LSP terms. */
function randomChange(random: () => number, text: string): { change: TextDocumentContentChangeEvent; after: string } {
  const at = Math.floor(random() * (text.length + 1));
  const removed = random() < 0.45 ? Math.min(text.length - at, 1 + Math.floor(random() * 40)) : 0;
  const inserted = removed > 0 && random() < 0.5 ? '' : pick(random, fragments);
  const before = TextDocument.create('file:///positions', 'postmortem', 0, text);
  const change = { range: { start: before.positionAt(at), end: before.positionAt(at + removed) }, text: inserted };
  // Offsets round-trip through positions: a cut inside a surrogate pair or CRLF lands where the editor puts it.
  const start = before.offsetAt(change.range.start);
  const end = before.offsetAt(change.range.end);
  return { change, after: text.slice(0, start) + inserted + text.slice(end) };
}

/** Grouping by checking every section for every entry: what the one-pass sweep must agree with. */
function groupsByExhaustiveSearch(document: PostmortemDocument, granularity: 'timeline' | 'innermost'): { section?: Section; entries: TimelineEntry[] }[] {
  const groups: { section?: Section; entries: TimelineEntry[] }[] = [];
  for (const entry of document.timeline.entries) {
    const at = entry.lineSpan.start;
    let innermost: Section | undefined;
    let timelineSection: Section | undefined;
    for (const section of document.allSections) {
      if (at < section.span.start || at >= section.span.end) continue;
      if (entry.layout === 'heading' && at >= section.headingSpan.start && at <= section.headingSpan.end) continue;
      innermost = section;
      if (section.kinds.includes('timeline')) timelineSection = section;
    }
    const owner = granularity === 'timeline' ? (timelineSection ?? innermost) : innermost;
    const group = groups.find((g) => g.section === owner);
    if (group) group.entries.push(entry);
    else groups.push({ section: owner, entries: [entry] });
  }
  return groups;
}

const strictOptions: PostmortemOptions = Object.freeze({
  ...defaultOptions,
  defaultTimeZone: 'UTC',
  durationToleranceMinutes: 0,
  severities: Object.freeze({ 'timezone-missing': 'off', 'missing-section': 'error' } as const),
  inlayHints: true,
});
const quietOptions: PostmortemOptions = Object.freeze({ ...defaultOptions, inlayHints: false, requiredSections: Object.freeze([]) });

/**
 * The server parses once per version (DocumentCache) and keeps findings, hints, lenses,
 * timeline groups and metrics per model and options. None of that may change an answer: after
 * any sequence of edits, every result equals the one computed from scratch on the final text.
 */
suite('analysis caching', () => {
  const sources = projectDocuments().filter((_, index) => index % 2 === 0);

  test(`cached answers equal answers from a fresh parse, over seeded random edits of ${sources.length} documents`, function () {
    this.timeout(60_000);
    let compared = 0;
    for (const [sourceIndex, source] of sources.entries()) {
      const seed = 0x5eed + sourceIndex;
      const random = seededRandom(seed);
      const service = createPostmortemService();
      const cache = new DocumentCache(service.parse);
      let document = TextDocument.create(`file:///cached-${sourceIndex}.postmortem.md`, 'postmortem', 1, source.text);
      let text = source.text;
      for (let step = 0; step < 20; step++) {
        const changes: TextDocumentContentChangeEvent[] = [];
        const batch = 1 + Math.floor(random() * 3);
        for (let i = 0; i < batch; i++) {
          const { change, after } = randomChange(random, text);
          changes.push(change);
          text = after;
        }
        document = TextDocument.update(document, changes, document.version + 1);
        const where = `${source.name}, seed ${seed}, step ${step}`;
        assert.equal(document.getText(), text, `${where}: the edited document holds the expected text`);
        // Skip some versions, so the cache also holds models of versions never asked about.
        if (random() < 0.3) continue;

        const model = cache.get(document);
        assert.equal(cache.get(document), model, `${where}: a second request for the version reuses its model`);
        const fresh = parsePostmortem(text);
        assert.deepEqual(model, fresh, `${where}: the cached model is the model of the current text`);

        // Options alternate, so per-options entries of one model are exercised in both orders.
        const optionSets = random() < 0.5 ? [defaultOptions, strictOptions, quietOptions] : [quietOptions, strictOptions, defaultOptions];
        for (const options of optionSets) {
          for (let repeat = 0; repeat < 2; repeat++) {
            assert.deepEqual(service.check(model, options), checkDocument(parsePostmortem(text), options), `${where}: findings`);
            assert.deepEqual(service.elapsedHints(model, options), elapsedHints(parsePostmortem(text), options), `${where}: inlay hints`);
          }
        }
        assert.deepEqual(service.timelineLenses(model), timelineLenses(fresh), `${where}: code lenses`);
        assert.deepEqual(service.metrics(model), computeMetrics(parsePostmortem(text)), `${where}: metrics`);

        const offsets = [
          ...model.timeline.entries.slice(0, 4).map((entry) => (entry.time ?? entry.ownDate)?.span.start ?? entry.lineSpan.start),
          ...Array.from({ length: 3 }, () => Math.floor(random() * (text.length + 1))),
        ];
        for (const offset of offsets) {
          assert.deepEqual(service.hover(model, offset, strictOptions), getHover(parsePostmortem(text), offset, strictOptions), `${where}: hover at ${offset}`);
        }

        for (const granularity of ['timeline', 'innermost'] as const) {
          const groups = groupTimelineEntries(model, granularity);
          assert.deepEqual(groups, groupsByExhaustiveSearch(fresh, granularity), `${where}: ${granularity} groups`);
          const count = groups.length;
          groups.pop();
          assert.equal(groupTimelineEntries(model, granularity).length, count, `${where}: callers cannot change the cached groups`);
        }
        const findings = service.check(model, defaultOptions);
        findings.length = 0;
        assert.deepEqual(service.check(model, defaultOptions), checkDocument(fresh, defaultOptions), `${where}: callers cannot change the cached findings`);
        compared++;
      }
    }
    assert.ok(compared >= sources.length * 8, `compared ${compared} versions`);
  });

  test('a new version is parsed again, an old model is not served for it', () => {
    const service = createPostmortemService();
    const cache = new DocumentCache(service.parse);
    const first = TextDocument.create('file:///versions.postmortem.md', 'postmortem', 1, '## Timeline\n\n- 10:00 alert\n- 09:00 paged\n');
    const before = cache.get(first);
    const second = TextDocument.update(first, [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } }, text: '11' }], 2);
    const after = cache.get(second);
    assert.notEqual(after, before);
    assert.deepEqual(after, parsePostmortem(second.getText()));
    assert.equal(service.check(before).some((finding) => finding.code === 'timeline-order'), true, 'the first version is out of order');
    assert.equal(service.check(after).some((finding) => finding.code === 'timeline-order'), false, 'the second is not');
  });
});
