#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128x128, transparent corners), the Marketplace icon,
// with the Debian Chromium the UI tests use (playwright-core, no downloaded browser).
// `npm run icon`; commit both files.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireChromium } from '../test/e2e/provision.mjs';
import { launchChromium } from '../test/e2e/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'images', 'icon.svg');
const target = path.join(root, 'images', 'icon.png');
const SIZE = 128;

const svg = fs.readFileSync(source, 'utf8');
const chromium = await launchChromium(requireChromium());
try {
  const page = await chromium.browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${SIZE}" height="${SIZE}" style="display:block">` +
      `</body></html>`,
  );
  await page.waitForFunction(() => document.images[0]?.complete && document.images[0].naturalWidth > 0);
  await page.screenshot({ path: target, omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  console.log(`wrote ${path.relative(root, target)} (${fs.statSync(target).size} bytes, ${SIZE}x${SIZE})`);
} finally {
  await chromium.close();
}
