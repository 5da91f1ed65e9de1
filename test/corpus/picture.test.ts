import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { drawTimeline } from '../../server/src/core/picture/drawTimeline';
import { mermaidTimeline } from '../../server/src/core/picture/mermaidTimeline';
import { createPostmortemService } from '../../server/src/core/service';
import { runProgram } from '../cli/runCli';
import { repoRoot } from '../paths';
import { overlaps, readSvg, textBoxes } from '../unit/core/picture/svgReader';
import { corpusDocuments } from './corpusRoot';

const documents = corpusDocuments();
const service = createPostmortemService();

suite('timeline picture over the corpus', () => {
  for (const { name, text } of documents) {
    test(`${name}: well-formed, bounded, every entry a mark, no overlapping text`, () => {
      const model = service.parse(text);
      const drawing = drawTimeline(model);
      assert.equal(drawing.marks.length, model.timeline.entries.length);
      if (drawing.svg === '') {
        assert.ok(drawing.message);
        return;
      }
      assert.ok(drawing.svg.length < 1_000_000);
      assert.deepEqual(overlaps(textBoxes(readSvg(drawing.svg))), []);
    });
  }

  test('the Mermaid chart of every document with timed entries (the seeds among them) is read by Mermaid', async () => {
    const charts = documents.map(({ name, text }) => {
      const model = service.parse(text);
      const placed = drawTimeline(model).marks.filter((mark) => mark.placed).length;
      return { name, placed, markdown: mermaidTimeline(model, name).markdown };
    });
    const drawn = charts.filter((chart) => chart.markdown !== '');
    assert.ok(drawn.some((chart) => chart.name.startsWith('seeds/')) && drawn.filter((chart) => chart.name.startsWith('seeds/')).length === 2, 'both seeds have a chart');
    const run = await runProgram(process.execPath, [path.join(repoRoot, 'test', 'cli', 'mermaidCheck.mjs')], { input: JSON.stringify(drawn.map((chart) => chart.markdown)), env: { TZ: 'UTC' } });
    assert.equal(run.code, 0, run.stderr);
    const readings = JSON.parse(run.stdout) as { ok: boolean; error?: string; tasks: { section: string }[] }[];
    for (const [index, reading] of readings.entries()) {
      assert.ok(reading.ok, `${drawn[index]!.name}: ${reading.error}`);
      assert.equal(reading.tasks.filter((task) => task.section === 'Timeline').length, Math.min(300, drawn[index]!.placed), drawn[index]!.name);
    }
  });
});
