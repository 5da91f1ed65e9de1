import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newNonce, timelinePageCsp, timelinePageHtml } from '../../client/src/timelinePage';
import { repoRoot } from '../paths';

/** The page of Show Timeline: what its Content Security Policy allows, and what the page loads. */

const scriptUri = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/timelineView.js';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

suite('the timeline panel page', () => {
  const nonce = newNonce();
  const html = timelinePageHtml(scriptUri, nonce);

  test('its policy allows nothing but the script and styles carrying its nonce: no remote content, no inline script, no eval', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta, 'a CSP meta element');
    assert.equal(meta[1], timelinePageCsp(nonce));
    assert.deepEqual(
      [...directives(meta[1]!)],
      [
        ['default-src', ["'none'"]],
        ['style-src', [`'nonce-${nonce}'`]],
        ['script-src', [`'nonce-${nonce}'`]],
      ],
    );
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'), 'the policy comes before anything it governs');
  });

  test('loads one script, the extension\'s own, from its URI, and every script and style carries the nonce', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]![1], ` nonce="${nonce}" src="${scriptUri}"`);
    assert.equal(scripts[0]![2], '', 'no inline script');
    const styles = [...html.matchAll(/<style\b([^>]*)>/g)];
    assert.ok(styles.length >= 2);
    for (const style of styles) assert.match(style[1]!, new RegExp(`^ nonce="${nonce}"`));
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no event handler attributes');
    assert.doesNotMatch(html, /\b(?:src|href)="(?!https:\/\/file\+\.vscode-resource)/, 'no other resource');
  });

  test('a URI cannot break out of the script element', () => {
    assert.match(timelinePageHtml('x"><script>alert(1)</script>', nonce), /src="x&#34;&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;"/);
  });

  test('nonces are fresh: 144 random bits each time', () => {
    const seen = new Set(Array.from({ length: 100 }, () => newNonce()));
    assert.equal(seen.size, 100);
    for (const value of seen) assert.match(value, /^[0-9a-f]{36}$/);
  });

  test('the panel loads pages only from the folder of its script', () => {
    const panel = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'timelinePanel.ts'), 'utf8');
    assert.match(panel, /const scripts = vscode\.Uri\.joinPath\(extensionUri, 'dist', 'webview'\);/);
    assert.match(panel, /localResourceRoots: \[scripts\]/);
    assert.equal(panel.match(/localResourceRoots/g)?.length, 1);
  });
});
