import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { drawTimeline } from '../../../../server/src/core/picture/drawTimeline';
import { fixturesDirectory, markdownPostmortem, plainTextPostmortem, repoRoot } from '../../../paths';
import { service } from '../analysis/support';
import { overlaps, readSvg, textBoxes } from './svgReader';

/**
 * The drawings of the seed-like documents and the edge cases, kept as files to look at and to
 * review in diffs. After an intended change of the drawing, rewrite them with
 * `npm run snapshots:update` and look at the result (`node scripts/render-pictures.mjs` makes PNGs).
 */
export const snapshotDirectory = path.join(repoRoot, 'test', 'unit', 'snapshots', 'picture');
const update = process.env.UPDATE_SNAPSHOTS === '1';

/** A dense timeline: 300 entries over ten hours, enough to fill every label row. */
export function denseTimeline(count: number): string {
  const entries = Array.from({ length: count }, (_, i) => {
    const minutes = 8 * 60 + Math.floor((i * 600) / count);
    return `- ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} UTC: Replica ${i % 17} lag check ${i}`;
  });
  return ['# Postmortem: replica lag', '', '## Summary', '', 'Lag from 08:00 UTC to 18:00 UTC.', '', '## Timeline', '', ...entries, ''].join('\n');
}

const pictureFixtures = path.join(fixturesDirectory, 'picture');
export const snapshotCases: { name: string; text: () => string; width?: number; highlightLine?: number }[] = [
  { name: 'seed-plain-text', text: () => fs.readFileSync(plainTextPostmortem, 'utf8') },
  { name: 'seed-markdown', text: () => fs.readFileSync(markdownPostmortem, 'utf8'), highlightLine: 14 },
  { name: 'seed-markdown-narrow', text: () => fs.readFileSync(markdownPostmortem, 'utf8'), width: 480 },
  ...fs
    .readdirSync(pictureFixtures)
    .sort()
    .map((file) => ({ name: file.replace(/\.\w+$/, ''), text: () => fs.readFileSync(path.join(pictureFixtures, file), 'utf8') })),
  { name: 'status-page-newest-first', text: () => fs.readFileSync(path.join(fixturesDirectory, 'documents', 'status-page-newest-first.md'), 'utf8') },
  { name: 'table-timeline-pdt', text: () => fs.readFileSync(path.join(fixturesDirectory, 'documents', 'table-timeline-pdt.md'), 'utf8') },
  { name: 'dense-300', text: () => denseTimeline(300) },
];

suite('drawTimeline snapshots', () => {
  for (const snapshot of snapshotCases) {
    test(snapshot.name, () => {
      const drawing = drawTimeline(service.parse(snapshot.text()), { width: snapshot.width, highlightLine: snapshot.highlightLine });
      const markup = `${drawing.svg}\n`;
      const file = path.join(snapshotDirectory, `${snapshot.name}.svg`);
      assert.deepEqual(overlaps(textBoxes(readSvg(drawing.svg))), []);
      if (update) {
        fs.mkdirSync(snapshotDirectory, { recursive: true });
        fs.writeFileSync(file, markup);
        return;
      }
      assert.ok(fs.existsSync(file), `${file} missing: run npm run snapshots:update`);
      assert.equal(markup, fs.readFileSync(file, 'utf8'), `${snapshot.name} changed: look at it, then run npm run snapshots:update`);
    });
  }
});
