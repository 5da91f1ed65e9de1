// The page of the timeline panel (timelinePanel.ts), as text: kept free of the `vscode` API so
// the security tests can read the policy it sets.

/** A fresh nonce for one page: 144 random bits, hex. */
export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The Content Security Policy of the page: nothing by default, and only the script and styles
 * carrying this page's nonce. No remote content, no inline script, no `eval`; the drawing's own
 * `<style>` is moved by the script into the nonce'd `drawing-style` element.
 */
export function timelinePageCsp(nonce: string): string {
  return [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
}

/** The page: `scriptUri` is the webview URI of dist/webview/timelineView.js. */
export function timelinePageHtml(scriptUri: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${timelinePageCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { padding: 8px 12px; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
  #picture { width: 100%; overflow-x: auto; }
  #picture svg { display: block; max-width: none; }
  #picture [data-line] { cursor: pointer; }
  #picture [data-line]:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  #note { color: var(--vscode-descriptionForeground); }
</style>
<style nonce="${nonce}" id="drawing-style"></style>
<title>Timeline</title>
</head>
<body>
<main id="picture" aria-label="Timeline" aria-live="polite"></main>
<p id="note" role="status"></p>
<script nonce="${nonce}" src="${scriptUri.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`)}"></script>
</body>
</html>`;
}
