import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openFixture, SERVER_DEADLINE_MS, waitFor } from './helpers';

/**
 * The timeline picture in VS Code's Markdown preview, rendered by the Markdown extension's own
 * engine (`markdown.api.render`, the renderer the preview uses, with every contributed
 * markdown-it plugin). The first render asks the server for the picture; a later one shows it.
 */

const pictureElement = /<div class="postmortem-timeline-picture"><style>[^<]*<\/style><svg [\s\S]*?<\/svg><\/div>/;

async function render(document: vscode.TextDocument): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', document);
}

suite('Markdown preview: the timeline picture', () => {
  const settings = () => vscode.workspace.getConfiguration('postmortem');
  teardown(() => settings().update('preview.timelinePicture', undefined, vscode.ConfigurationTarget.Global));

  test('drawn under the Timeline heading of a postmortem, one mark per entry; the setting turns it off', async () => {
    const document = await openFixture('outage-postmortem.md');
    await activeExtension();
    const html = await waitFor(async () => {
      const rendered = await render(document);
      return pictureElement.test(rendered) ? rendered : undefined;
    }, SERVER_DEADLINE_MS, 'the preview to draw the picture');
    assert.match(html, /<h3[^>]*>Timeline<\/h3>\s*<div class="postmortem-timeline-picture">/, 'right under the heading');
    const picture = pictureElement.exec(html)![0];
    assert.equal(picture.match(/<g [^>]*role="button"/g)?.length, 7, 'a mark for each of the 7 entries');
    assert.equal(html.match(/postmortem-timeline-picture"/g)?.length, 1, 'drawn once');

    await settings().update('preview.timelinePicture', false, vscode.ConfigurationTarget.Global);
    await waitFor(async () => !(await render(document)).includes('postmortem-timeline-picture'), SERVER_DEADLINE_MS, 'the picture to go when turned off');
  });

  test('not drawn for a Markdown file that is not a postmortem', async () => {
    const readme = await openFixture('README.md');
    await activeExtension();
    // This render asks the server about the README; the picture of a postmortem not rendered
    // before, asked for after it, shows that the server has answered.
    await render(readme);
    const postmortem = await openFixture('checkout-latency.postmortem.md');
    await waitFor(async () => pictureElement.test(await render(postmortem)), SERVER_DEADLINE_MS, 'the postmortem\'s picture');
    assert.ok(!(await render(readme)).includes('postmortem-timeline-picture'));
  });
});
