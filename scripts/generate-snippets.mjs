#!/usr/bin/env node
// Writes snippets/postmortem.json and snippets/markdown.json from the snippet catalog in the
// core (server/src/core/authoring/snippetCatalog.ts), which is their single source.
// Run after `tsc -b` (`npm run snippets` does both); a unit test fails when the files are stale.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { vscodeSnippetFile } = require(path.join(root, 'out/server/src/core/authoring/snippetCatalog.js'));

for (const language of ['postmortem', 'markdown']) {
  const file = path.join(root, 'snippets', `${language}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(vscodeSnippetFile(language), null, 2)}\n`);
  console.log(`wrote ${path.relative(root, file)} (${Object.keys(vscodeSnippetFile(language)).length} snippets)`);
}
