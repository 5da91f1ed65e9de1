import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (`@microsoft/jest-sarif`, MIT):
 * the OASIS standard's schema (2.1.0-rtm.5), JSON Schema draft 04.
 */
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's language-tag pattern is not a valid Unicode-mode regular expression; ajv must read it the classic way.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
export const validate = ajv.compile(schema);

/** Parses a SARIF log and fails the test, listing the schema errors, unless it is valid SARIF 2.1.0. */
export function assertValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  return log;
}

export interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; helpUri?: string; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: { uri?: string; uriBaseId?: string } }[];
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri?: string; uriBaseId?: string; index: number }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      relatedLocations?: { id: number; message: { text: string } }[];
    }[];
  }[];
}
