import * as assert from 'node:assert/strict';
import { LspHarness } from './harness';
import { markdownDocument, plainTextDocument } from './referenceDocuments';
import { TimelinePictureRequest, type TimelinePicture } from '../../server/src/features/timelinePicture';

/** Zero-based line of the first line starting with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const line = text.split(/\r\n|\r|\n/).findIndex((candidate) => candidate.startsWith(prefix));
  assert.ok(line >= 0, `no line starts with ${prefix}`);
  return line;
}

/** The start tag of the SVG element with `id`. */
function elementTag(svg: string, id: string): string {
  const tag = new RegExp(`<[a-z]+ [^>]*\\bid="${id}"[^>]*>`).exec(svg);
  assert.ok(tag, `an element with id ${id}`);
  return tag[0];
}

/** The ids of the elements carrying the class `pm-current` (the `<style>` block aside). */
function highlightedIds(svg: string): string[] {
  return [...svg.matchAll(/<[a-z]+ [^>]*\bid="([^"]+)"[^>]*\bclass="[^"]*\bpm-current\b|<[a-z]+ [^>]*\bclass="[^"]*\bpm-current\b[^>]*\bid="([^"]+)"/g)].map((match) => match[1] ?? match[2]!);
}

suite('postmortem/timelinePicture over the protocol', () => {
  let harness: LspHarness;
  setup(async () => {
    harness = await LspHarness.start();
  });
  teardown(() => harness.dispose());

  const draw = (uri: string, extra: Record<string, unknown> = {}): Promise<TimelinePicture> =>
    harness.client.sendRequest(TimelinePictureRequest.type, { textDocument: { uri }, ...extra });

  test('is announced in the capabilities', () => {
    assert.deepEqual(harness.initializeResult!.capabilities.experimental, { timelinePicture: true });
  });

  for (const reference of [markdownDocument, plainTextDocument]) {
    test(`${reference.name}: an SVG with one clickable mark per entry, on the entry's line, and the heading's line`, async () => {
      const uri = `file:///work/${reference.name.split(' ')[0]}`;
      await harness.open(uri, 'postmortem', reference.text);
      const picture = await draw(uri);
      assert.match(picture.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>$/);
      assert.equal(picture.message, undefined);
      assert.deepEqual(
        picture.marks.map((mark) => mark.line),
        reference.entries.map((entry) => lineOf(reference.text, entry.linePrefix)),
      );
      for (const mark of picture.marks) {
        assert.equal(mark.placed, true, `${mark.label} is placed`);
        const tag = elementTag(picture.svg, mark.id);
        assert.match(tag, new RegExp(`data-line="${mark.line}"`));
        assert.match(tag, /tabindex="0"/);
        assert.match(tag, /role="button"/);
      }
      assert.equal(picture.headingLine, lineOf(reference.text, reference.timelineHeading));
      assert.deepEqual(highlightedIds(picture.svg), [], 'nothing highlighted without a cursor line');
    });
  }

  test('highlightLine: the entry on that line is drawn highlighted, and only it', async () => {
    const uri = 'file:///work/highlight.postmortem';
    await harness.open(uri, 'postmortem', markdownDocument.text);
    const { marks } = await draw(uri);
    const third = marks[2]!;
    const picture = await draw(uri, { highlightLine: third.line });
    assert.deepEqual(highlightedIds(picture.svg), [third.id]);
    const onHeading = await draw(uri, { highlightLine: picture.headingLine });
    assert.deepEqual(highlightedIds(onHeading.svg), []);
  });

  test('follows the edits: a typed entry is drawn in the next answer', async () => {
    const uri = 'file:///work/typing.postmortem';
    const text = '## Timeline\n\n- 10:00 UTC - alert fired\n- 10:20 UTC - rollback started\n';
    await harness.open(uri, 'postmortem', text);
    assert.equal((await draw(uri)).marks.length, 2);
    await harness.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '- 10:45 UTC - error rate back to normal\n' }]);
    const picture = await draw(uri);
    assert.deepEqual(picture.marks.map((mark) => mark.line), [2, 3, 4]);
    assert.match(picture.svg, /error rate back to normal/);
  });

  test('width: the drawing is as wide as asked, within the bounds', async () => {
    const uri = 'file:///work/width.postmortem';
    await harness.open(uri, 'postmortem', markdownDocument.text);
    assert.match((await draw(uri, { width: 700 })).svg, /^<svg [^>]*width="700"/);
    assert.match((await draw(uri)).svg, /^<svg [^>]*width="960"/, 'default');
    assert.match((await draw(uri, { width: 1e9 })).svg, /^<svg [^>]*width="4096"/);
  });

  test('malformed params are ignored, never an error', async () => {
    const uri = 'file:///work/malformed.postmortem';
    await harness.open(uri, 'postmortem', markdownDocument.text);
    for (const extra of [{ width: 'wide' }, { width: Number.NaN }, { highlightLine: -3 }, { highlightLine: 2.5 }, { highlightLine: '4' }]) {
      const picture = await draw(uri, extra);
      assert.match(picture.svg, /^<svg [^>]*width="960"/, JSON.stringify(extra));
      assert.deepEqual(highlightedIds(picture.svg), [], JSON.stringify(extra));
    }
    const noDocument = await harness.client.sendRequest(TimelinePictureRequest.method, {});
    assert.deepEqual(noDocument, { svg: '', marks: [], message: 'Not a postmortem: there is no timeline to draw.' });
  });

  test('a document that is not a postmortem, or not open, gets an empty drawing and a message', async () => {
    const uri = 'file:///work/README.md';
    await harness.open(uri, 'markdown', '# Notes\n\nMeeting at 10:00, lunch at 12:30.\n');
    for (const asked of [uri, 'file:///work/never-opened.md']) {
      const picture = await draw(asked);
      assert.equal(picture.svg, '');
      assert.deepEqual(picture.marks, []);
      assert.match(picture.message ?? '', /not a postmortem/i);
    }
  });

  test('a postmortem with no timeline entries says there is nothing to draw', async () => {
    const uri = 'file:///work/empty.postmortem';
    await harness.open(uri, 'postmortem', '## Summary\n\nThe site was down.\n\n## Timeline\n\nTo be written.\n');
    const picture = await draw(uri);
    assert.equal(picture.svg, '');
    assert.match(picture.message ?? '', /no timeline entries to draw/i);
    assert.equal(picture.headingLine, 4);
  });

  test('a script in an entry is text in the drawing, never markup', async () => {
    const uri = 'file:///work/script.postmortem';
    await harness.open(uri, 'postmortem', '## Timeline\n\n- 10:00 UTC - <script>alert(1)</script> pasted into the status page\n- 10:05 UTC - removed\n');
    const picture = await draw(uri);
    assert.ok(!/<script/i.test(picture.svg), 'no script element');
    assert.match(picture.svg, /&lt;script&gt;alert\(1\)/);
  });
});
