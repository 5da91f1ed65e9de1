import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { drawTimeline } from '../../../server/src/core/picture/drawTimeline';
import { createPostmortemService } from '../../../server/src/core/service';
import {
  pictureClass,
  pictureMarkup,
  timelinePicturePlugin,
  type MarkdownItLike,
  type PreviewPicture,
} from '../../../client/src/markdownPreview/timelinePicturePlugin';

/** The Markdown preview's markdown-it, with the plugin given `picture` for the document `env` names. */
function previewRenderer(picture: PreviewPicture | undefined): (markdown: string) => string {
  const md = new MarkdownIt({ html: true });
  timelinePicturePlugin(md as unknown as MarkdownItLike, (env) => ((env as { currentDocument?: string }).currentDocument === 'file:///postmortem.md' ? picture : undefined));
  return (markdown) => md.render(markdown, { currentDocument: 'file:///postmortem.md' });
}

const drawing = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><text>10:00 alert</text></svg>';
const document = ['# Checkout outage', '', '## Summary', '', 'Checkout failed for 20 minutes.', '', '## Timeline', '', '- 10:00 alert', '- 10:20 fixed', ''].join('\n');

suite('Markdown preview: the timeline picture plugin', () => {
  test('puts the picture right after the heading on the timeline line', () => {
    const html = previewRenderer(pictureMarkup({ svg: drawing, headingLine: 6 }))(document);
    const after = html.indexOf('<h2>Timeline</h2>');
    assert.ok(after >= 0, html);
    const rest = html.slice(after + '<h2>Timeline</h2>'.length).trimStart();
    assert.ok(rest.startsWith(`<div class="${pictureClass}"`), rest);
    assert.ok(rest.includes(drawing));
    assert.ok(rest.indexOf(drawing) < rest.indexOf('<ul>'), 'above the entries');
    assert.equal(html.split(drawing).length, 2, 'drawn once');
  });

  test('a timeline heading written as a paragraph (**Timeline:**, TIMELINE:) gets the picture after it', () => {
    const plain = ['Summary: checkout failed.', '', 'TIMELINE:', '', '10:00 alert', ''].join('\n');
    const html = previewRenderer({ headingLine: 2, html: `<div class="${pictureClass}">${drawing}</div>\n` })(plain);
    assert.match(html, new RegExp(`<p>TIMELINE:</p>\\n<div class="${pictureClass}">`));
  });

  test('nothing is added when the lookup has no picture, or for another document', () => {
    const plain = new MarkdownIt({ html: true }).render(document);
    assert.equal(previewRenderer(undefined)(document), plain);
    const md = new MarkdownIt({ html: true });
    timelinePicturePlugin(md as unknown as MarkdownItLike, () => undefined);
    assert.equal(md.render(document, {}), plain);
  });

  test('a heading line inside a nested block (a list item) is not a place for the picture', () => {
    const nested = ['- TIMELINE:', '- 10:00 alert', ''].join('\n');
    const html = previewRenderer({ headingLine: 0, html: '<div>picture</div>' })(nested);
    assert.ok(!html.includes('picture'), html);
  });

  test('keeps what other plugins render for headings and paragraphs', () => {
    const md = new MarkdownIt({ html: true });
    md.renderer.rules['heading_close'] = (tokens, index) => `</${tokens[index]!.tag}><!-- anchor -->\n`;
    timelinePicturePlugin(md as unknown as MarkdownItLike, () => ({ headingLine: 6, html: '<div>picture</div>\n' }));
    assert.match(md.render(document, {}), /<\/h2><!-- anchor -->\n<div>picture<\/div>/);
  });

  test('pictureMarkup: nothing to draw under a heading says why, escaped; no heading, no picture', () => {
    const empty = pictureMarkup({ svg: '', message: 'No <timeline> entries to draw', headingLine: 3 });
    assert.deepEqual(empty, { headingLine: 3, html: `<p class="${pictureClass}"><em>No &#60;timeline&#62; entries to draw</em></p>\n` });
    assert.equal(pictureMarkup({ svg: drawing }), undefined);
  });

  test('with the core\'s drawing of a document whose entry holds a script: the picture under the heading, the script only as text', () => {
    const text = ['# Outage', '', '## Timeline', '', '- 10:00 UTC - <script>alert(1)</script> pasted in the banner', '- 10:30 UTC - banner fixed', ''].join('\n');
    const drawing = drawTimeline(createPostmortemService().parse(text));
    const html = previewRenderer(pictureMarkup({ ...drawing, headingLine: 2 }))(text);
    const picture = html.slice(html.indexOf('<h2>Timeline</h2>'));
    assert.match(picture, new RegExp(`^<h2>Timeline</h2>\\n<div class="${pictureClass}"><style>[^<]*</style><svg `));
    assert.match(picture, /&lt;script&gt;alert\(1\)/, 'the label, as text');
    // The document's own line is inline HTML that markdown-it passes through, outside the picture.
    const svg = picture.slice(picture.indexOf('<svg'), picture.indexOf('</svg>'));
    assert.ok(!/<script/i.test(svg), 'no script element in the picture');
  });
});
