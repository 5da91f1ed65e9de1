import * as assert from 'node:assert/strict';
import { defaultFileIncludePatterns } from '../../../server/src/core/config';
import { matchesFilePatterns } from '../../../server/src/core/fileMatch';

suite('matchesFilePatterns', () => {
  const defaults = defaultFileIncludePatterns;

  test('matches postmortem-like names by default, whatever the case', () => {
    for (const file of [
      '/repo/docs/2024-01-15-postmortem.md',
      '/repo/Post-Mortem checkout.txt',
      'C:\\work\\INCIDENT-REPORT-42.md',
      '/repo/postmortems/2024/db-outage.md',
      '/repo/post_mortem.txt',
      '/home/me/notes/incident-review-q3.md',
    ]) {
      assert.ok(matchesFilePatterns(file, defaults), file);
    }
  });

  test('leaves other files alone', () => {
    for (const file of ['/repo/README.md', '/repo/CHANGELOG.md', '/repo/docs/notes.txt', 'Untitled-1', '/repo/postmortem-tools/README.md']) {
      assert.equal(matchesFilePatterns(file, defaults), false, file);
    }
  });

  test('keeps * and ? inside one folder and lets ** cross folders', () => {
    assert.ok(matchesFilePatterns('/a/b/report.md', ['*.md']));
    assert.equal(matchesFilePatterns('/a/b/report.md', ['/a/*.md']), false);
    assert.ok(matchesFilePatterns('/a/b/report.md', ['/a/**/*.md']));
    assert.ok(matchesFilePatterns('/a/report.md', ['/a/**/report.md']));
    assert.ok(matchesFilePatterns('/a/b/r1.md', ['r?.md']));
    assert.equal(matchesFilePatterns('/a/b/r12.md', ['r?.md']), false);
  });

  test('matches a relative pattern with folders at any folder boundary', () => {
    assert.ok(matchesFilePatterns('/work/repo/docs/incidents/db.md', ['docs/incidents/*.md']));
    assert.equal(matchesFilePatterns('/work/repo/mydocs/incidents/db.md', ['docs/incidents/*.md']), false);
  });

  test('supports alternatives and treats regex characters literally', () => {
    assert.ok(matchesFilePatterns('/x/outage.txt', ['outage.{md,txt}']));
    assert.equal(matchesFilePatterns('/x/outage.rst', ['outage.{md,txt}']), false);
    assert.equal(matchesFilePatterns('/x/outageXmd', ['outage.md']), false);
    assert.ok(matchesFilePatterns('/x/a+b (1).md', ['a+b (1).md']));
  });
});
