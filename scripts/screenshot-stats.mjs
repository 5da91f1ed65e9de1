#!/usr/bin/env node
// Renders the HTML report of `postmortem stats --format html` in the Debian Chromium the UI
// tests use (playwright-core, no downloaded browser) and saves a full-page screenshot for the
// README: docs/images/stats-report.png. Build first (`npm run build`); commit the image.
//
//   node scripts/screenshot-stats.mjs [paths...]   (default: the library fixtures, as of 2024-10-01)

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireChromium } from '../test/e2e/provision.mjs';
import { launchChromium } from '../test/e2e/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'images', 'stats-report.png');
const paths = process.argv.slice(2);
const args = paths.length > 0 ? paths : ['test/fixtures/library', '--today', '2024-10-01'];
const html = execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'stats', '--format', 'html', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).toString();

const chromium = await launchChromium(requireChromium());
try {
  const page = await chromium.browser.newPage({ viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
  // Nothing may be fetched: the page is self-contained.
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setContent(html, { waitUntil: 'load' });
  if (requests.length > 0) throw new Error(`the report fetched ${requests.join(', ')}`);
  await page.screenshot({ path: target, fullPage: true });
  console.log(`wrote ${path.relative(root, target)} (${fs.statSync(target).size} bytes)`);
} finally {
  await chromium.close();
}
