#!/usr/bin/env node
// Writes schemas/postmortem.schema.json, the JSON schema of `.postmortem.json`, from the settings
// in package.json (`contributes.configuration`), their single source, through the core's
// buildProjectConfigSchema (server/src/core/configSchema.ts).
// Run after `tsc -b` (`npm run schema` does both); a unit test fails when the file is stale.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { buildProjectConfigSchema, formatProjectConfigSchema, projectConfigSchemaPath } = require(
  path.join(root, 'out/server/src/core/configSchema.js'),
);

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const schema = buildProjectConfigSchema(manifest.contributes.configuration.properties);
const file = path.join(root, projectConfigSchemaPath);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, formatProjectConfigSchema(schema));
console.log(`wrote ${projectConfigSchemaPath} (${Object.keys(schema.properties).length - 1} keys)`);
