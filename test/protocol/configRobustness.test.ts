import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findProjectConfigForUri } from '../../server/src/node/projectConfig';
import { LspHarness, waitFor } from './harness';

const text = '## Summary\n\nText.\n\n## Timeline\n\n- 10:00 deploy\n- 09:00 rollback\n';

suite('configuration robustness over the protocol', function () {
  this.timeout(30_000);
  let harness: LspHarness | undefined;
  let folder: string;
  setup(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-config-'));
  });
  teardown(async () => {
    await harness?.dispose();
    harness = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function diagnosticCodes(h: LspHarness, uri: string): Promise<string[]> {
    const report = await h.pullDiagnostics(uri);
    return report.kind === 'full' ? report.items.map((d) => String(d.code)) : [];
  }

  test('settings of the wrong type: a warning names each setting, defaults are used, diagnostics still come', async () => {
    harness = await LspHarness.start({
      configuration: () => ({ requiredSections: 'summary', durationToleranceMinutes: 'five', severities: ['off'], inlayHints: 'yes', maxDocumentSize: -1, profile: 7, defaultTimeZone: 12 }),
    });
    const uri = 'file:///tmp/settings.postmortem';
    await harness.open(uri, 'postmortem', text);
    const codes = await diagnosticCodes(harness, uri);
    assert.ok(codes.includes('timeline-order') || codes.length > 0, 'analysis runs with the defaults');
    const shown = await waitFor('the warnings', () => (harness!.shownMessages.length >= 7 ? harness!.shownMessages : undefined));
    for (const setting of ['requiredSections', 'durationToleranceMinutes', 'severities', 'inlayHints', 'maxDocumentSize', 'profile', 'defaultTimeZone']) {
      assert.ok(shown.some((m) => m.type === 2 && m.message.includes(`postmortem.${setting}`)), `a warning names postmortem.${setting}: ${JSON.stringify(shown)}`);
    }
  });

  test('a malformed .postmortem.json: one warning naming the file, the editor settings are used', async () => {
    const configPath = path.join(folder, '.postmortem.json');
    fs.writeFileSync(configPath, '{ "severities": { "timeline-order": "off" }, oops');
    fs.writeFileSync(path.join(folder, 'a.postmortem'), text);
    harness = await LspHarness.start({ host: { loadProjectConfig: findProjectConfigForUri } });
    const uri = pathToFileURL(path.join(folder, 'a.postmortem')).href;
    const second = pathToFileURL(path.join(folder, 'b.postmortem')).href;
    await harness.open(uri, 'postmortem', text);
    await harness.open(second, 'postmortem', text);
    assert.ok((await diagnosticCodes(harness, uri)).includes('timeline-order'), 'the broken file\'s "off" is not applied');
    await diagnosticCodes(harness, second);
    const warnings = harness.shownMessages.filter((m) => m.message.includes(configPath));
    assert.equal(warnings.length, 1, JSON.stringify(harness.shownMessages));
    assert.match(warnings[0]!.message, /not valid JSON/);
  });

  test('a .postmortem.json with wrong values: each named with the file, the rest applied', async () => {
    const configPath = path.join(folder, '.postmortem.json');
    fs.writeFileSync(configPath, JSON.stringify({ severities: { 'timeline-order': 'off', 'missing-section': 'loud' }, durationToleranceMinutes: 1e9, nonsense: true }));
    harness = await LspHarness.start({ host: { loadProjectConfig: findProjectConfigForUri } });
    const uri = pathToFileURL(path.join(folder, 'a.postmortem')).href;
    await harness.open(uri, 'postmortem', text);
    assert.ok(!(await diagnosticCodes(harness, uri)).includes('timeline-order'), 'the valid part of the file applies');
    const fromFile = harness.shownMessages.filter((m) => m.message.includes(configPath));
    for (const setting of ['missing-section', 'durationToleranceMinutes', 'nonsense']) {
      assert.ok(fromFile.some((m) => m.message.includes(setting)), `a warning about ${setting} naming the file: ${JSON.stringify(fromFile)}`);
    }
  });

  test('a .postmortem.json that is not an object, or a huge file: no crash', async () => {
    for (const content of ['[]', '"text"', 'null', '42', `{"requiredSections": [${'"summary",'.repeat(100_000)}"timeline"]}`, '\ufeff{}']) {
      fs.writeFileSync(path.join(folder, '.postmortem.json'), content);
      const h = await LspHarness.start({ host: { loadProjectConfig: findProjectConfigForUri } });
      const uri = pathToFileURL(path.join(folder, 'a.postmortem')).href;
      await h.open(uri, 'postmortem', text);
      assert.ok((await diagnosticCodes(h, uri)).length > 0, `analysis runs with ${content.slice(0, 20)}`);
      await h.dispose();
    }
  });
});
