import * as assert from 'node:assert/strict';
import { looksLikePostmortem } from '../../../server/src/core/analysis/detect';
import type { PostmortemDocument, Section, SectionKind } from '../../../server/src/core/model';

function section(kinds: SectionKind[], children: Section[] = []): Section {
  const span = { start: 0, end: 1 };
  return {
    kind: kinds[0]!,
    kinds,
    title: kinds.join(' and '),
    level: 2,
    style: 'atx',
    headingSpan: span,
    titleSpan: span,
    span,
    children,
  };
}

function documentWith(sections: Section[]): PostmortemDocument {
  const all: Section[] = [];
  const walk = (list: readonly Section[]): void => {
    for (const s of list) {
      all.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return {
    text: '',
    sections,
    allSections: all,
    timeline: { entries: [], reverseChronological: false },
    window: {},
    zones: [],
    suppressions: [],
    ignoredSpans: [],
    flavor: 'markdown',
  };
}

suite('looksLikePostmortem', () => {
  test('accepts a timeline or summary with another recognised section', () => {
    assert.ok(looksLikePostmortem(documentWith([section(['timeline']), section(['root-cause'])])));
    assert.ok(looksLikePostmortem(documentWith([section(['summary']), section(['impact'])])));
    assert.ok(looksLikePostmortem(documentWith([section(['title'], [section(['summary'], [section(['lessons-learned'])])])])));
  });

  test('counts every kind a combined heading covers', () => {
    assert.ok(looksLikePostmortem(documentWith([section(['timeline', 'resolution'])])));
  });

  test('rejects documents with too little evidence', () => {
    assert.equal(looksLikePostmortem(documentWith([])), false);
    assert.equal(looksLikePostmortem(documentWith([section(['timeline'])])), false);
    assert.equal(looksLikePostmortem(documentWith([section(['title']), section(['timeline']), section(['other'])])), false);
    assert.equal(looksLikePostmortem(documentWith([section(['timeline']), section(['timeline'])])), false);
  });

  test('needs a timeline or a summary among the kinds', () => {
    assert.equal(looksLikePostmortem(documentWith([section(['root-cause']), section(['corrective-actions']), section(['impact'])])), false);
  });
});
