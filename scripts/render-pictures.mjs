#!/usr/bin/env node
// Renders the timeline picture snapshots (test/unit/snapshots/picture/*.svg) to PNGs in
// docs/images/ with the Debian Chromium (playwright-core, no downloaded browser), in VS Code's
// light colours (the fallbacks) and, for the first, a dark theme. It also measures every label
// as Chromium lays it out and reports any two that overlap, and how wide the real text is
// against the layout's estimate. `node scripts/render-pictures.mjs`; commit the PNGs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireChromium } from '../test/e2e/provision.mjs';
import { launchChromium } from '../test/e2e/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const snapshots = path.join(root, 'test', 'unit', 'snapshots', 'picture');
const target = path.join(root, 'docs', 'images');
const KEY = ['seed-plain-text', 'seed-markdown', 'midnight-crossing', 'months-span', 'mixed-unplaced', 'hostile-labels', 'dense-300'];
const DARK = {
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-charts-foreground': '#cccccc',
  '--vscode-charts-lines': 'rgba(204,204,204,.3)',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-green': '#89d185',
  '--vscode-focusBorder': '#0078d4',
};

const jobs = [...KEY.map((name) => ({ name, theme: 'light' })), { name: KEY[0], theme: 'dark' }];
const chromium = await launchChromium(requireChromium());
let problems = 0;
try {
  const page = await chromium.browser.newPage({ viewport: { width: 1000, height: 400 }, deviceScaleFactor: 1 });
  for (const { name, theme } of jobs) {
    const svg = fs.readFileSync(path.join(snapshots, `${name}.svg`), 'utf8');
    const variables = theme === 'dark' ? Object.entries(DARK).map(([k, v]) => `${k}:${v}`).join(';') : '';
    const background = theme === 'dark' ? DARK['--vscode-editor-background'] : '#ffffff';
    await page.setContent(`<!doctype html><html><body style="margin:0;padding:8px;display:inline-block;background:${background};${variables}">${svg}</body></html>`);
    const measured = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('svg text')].map((text) => {
        const box = text.getBBox();
        const bold = Number(getComputedStyle(text).fontWeight) >= 600;
        return { text: text.textContent, bold, left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height, width: box.width };
      });
      const overlapping = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          // A pixel of slack: glyph boxes of neighbouring rows touch by their line gap.
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 2 && b.top < a.bottom - 2) overlapping.push([a.text, b.text]);
        }
      }
      return { overlapping, widths: boxes.map((box) => ({ text: box.text, width: box.width, bold: box.bold })) };
    });
    const { estimateTextWidth } = await import(path.join(root, 'out', 'server', 'src', 'core', 'picture', 'svgText.js'));
    const ratios = measured.widths.filter((w) => w.text.length > 3).map((w) => ({ text: w.text, ratio: w.width / estimateTextWidth(w.text, 11, w.bold) }));
    const widest = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const ratio = widest.ratio;
    const body = await page.$('body');
    const file = path.join(target, `timeline-${name}${theme === 'dark' ? '-dark' : ''}.png`);
    await body.screenshot({ path: file });
    console.log(`wrote ${path.relative(root, file)}: widest text ${(ratio * 100).toFixed(0)}% of its estimate ("${widest.text.slice(0, 30)}"), ${measured.overlapping.length} overlapping pairs`);
    for (const [a, b] of measured.overlapping) console.log(`  overlap: "${a}" / "${b}"`);
    problems += measured.overlapping.length;
  }
} finally {
  await chromium.close();
}
process.exitCode = problems > 0 ? 1 : 0;
