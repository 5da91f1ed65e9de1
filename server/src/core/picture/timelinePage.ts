import type { TimelineDrawing } from './drawTimeline';
import { escapeXml } from './svgText';

/**
 * The theme variables the drawing reads, for a page outside VS Code: light by default, dark
 * when the reader's system prefers it. Names and roles follow VS Code's theme colours.
 */
const PAGE_THEME = `:root{color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{
--vscode-editor-foreground:#e6edf3;--vscode-editor-background:#0d1117;--vscode-descriptionForeground:#9198a1;
--vscode-charts-foreground:#9198a1;--vscode-charts-lines:rgba(145,152,161,.35);--vscode-charts-blue:#4493f8;
--vscode-charts-red:#f85149;--vscode-charts-orange:#db6d28;--vscode-charts-purple:#ab7df8;--vscode-charts-green:#3fb950;
--vscode-focusBorder:#4493f8}}
body{margin:16px;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--vscode-editor-foreground,#1f2328);background:var(--vscode-editor-background,#fff)}
h1{font-size:16px;margin:0 0 8px}
.pm-entries{font-size:13px}
.pm-entries li{margin:2px 0}`;

/**
 * A standalone HTML page holding the drawing: no script and no remote content (its Content
 * Security Policy allows only its own inline style), readable in light and dark mode, with the
 * entries also listed as text under the picture.
 */
export function timelinePage(drawing: TimelineDrawing, title: string): string {
  const listed = drawing.marks
    .slice(0, 2000)
    .map((mark) => `<li>${mark.time ? `<time>${escapeXml(mark.time)}</time> ` : ''}${escapeXml(mark.label)} <small>(line ${mark.line + 1}${mark.placed ? '' : ', not placed'})</small></li>`);
  const body = drawing.svg === '' ? `<p>${escapeXml(drawing.message ?? 'Nothing to draw.')}</p>` : drawing.svg;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${PAGE_THEME}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeXml(title)}</h1>`,
    body,
    listed.length > 0 ? `<details class="pm-entries"><summary>Entries as text (${drawing.marks.length})</summary><ol>${listed.join('')}</ol></details>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
