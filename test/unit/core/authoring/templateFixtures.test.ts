import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postmortemTemplates, type PostmortemSnippet } from '../../../../server/src/core/authoring/snippetCatalog';
import { expandSnippet, parseSnippet, snippetTabStops, snippetTimeVariables } from '../../../../server/src/core/authoring/snippetSyntax';
import { completePostmortem } from '../../../../server/src/core/completion';
import { createPostmortemService } from '../../../../server/src/core/service';
import { resolveOptions } from '../../../../server/src/core/config';
import type { SectionKind } from '../../../../server/src/core/model';
import { fixturesDirectory } from '../../../paths';

/**
 * One document per template, made only from the snippet and a completion, as an author would:
 * expand the template on 2024-08-15, type a plausible value into each tab stop, then add one
 * more timeline entry with the entry completion. The files in test/fixtures/templates/ are
 * exactly that; `UPDATE_TEMPLATE_FIXTURES=1 npm run test:unit` rewrites them after a catalog change.
 */

const clock = { epochMs: Date.UTC(2024, 7, 15, 9, 0), utcOffsetMinutes: 0 };

/**
 * What the author types into every tab stop, by template, and the description of the entry
 * added with completion. JSON, so the extension-host test can type the same values.
 */
interface TemplateValues {
  readonly tabStops: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly addedEntry: Readonly<Record<string, string>>;
}
const values = JSON.parse(fs.readFileSync(path.join(fixturesDirectory, 'templates', 'values.json'), 'utf8')) as TemplateValues;

const service = createPostmortemService();
const writtenOn = resolveOptions({ review: { today: '2024-08-15' } }).options;

function buildTemplateFixture(template: PostmortemSnippet): string {
  const typed = values.tabStops[template.id]!;
  const expanded = expandSnippet(template.body, { variables: snippetTimeVariables(new Date(clock.epochMs), clock.utcOffsetMinutes), values: typed });
  // A new line after the second entry, then the entry completion there.
  const second = service.parse(expanded).timeline.entries[1]!;
  const at = second.span.end;
  const withLine = `${expanded.slice(0, at)}\n${expanded.slice(at)}`;
  const entry = completePostmortem(service.parse(withLine), at + 1, { clock }).find((item) => item.kind === 'timeline-entry');
  assert.ok(entry, `${template.prefix}: the entry completion is offered after the second entry`);
  const inserted = expandSnippet(entry.insertText, { values: { 1: values.addedEntry[template.id]! } });
  return withLine.slice(0, entry.replace.start) + inserted + withLine.slice(entry.replace.end);
}

function templateFixturePath(template: PostmortemSnippet): string {
  return path.join(fixturesDirectory, 'templates', `${template.id}.postmortem.${template.flavor === 'markdown' ? 'md' : 'txt'}`);
}

const expectedKinds: Record<string, SectionKind[][]> = {
  holberton: [['title'], ['summary'], ['timeline'], ['root-cause', 'resolution'], ['corrective-actions']],
  sre: [['title'], ['summary'], ['impact'], ['root-cause'], ['root-cause'], ['resolution'], ['detection'], ['corrective-actions'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['timeline']],
  pagerduty: [['title'], ['summary'], ['summary'], ['root-cause'], ['resolution'], ['impact'], ['other'], ['timeline'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['corrective-actions']],
};

suite('documents written from the templates', () => {
  for (const template of postmortemTemplates()) {
    const file = templateFixturePath(template);

    test(`${template.prefix}: a value for every tab stop, so nothing is left at its default`, () => {
      const stops = [...new Set(snippetTabStops(parseSnippet(template.body)))].filter((i) => i !== 0).sort((a, b) => a - b);
      assert.deepEqual(Object.keys(values.tabStops[template.id]!).map(Number), stops);
    });

    test(`${path.basename(file)} is the ${template.prefix} snippet filled in, plus one completed entry`, () => {
      const built = buildTemplateFixture(template);
      if (process.env.UPDATE_TEMPLATE_FIXTURES === '1') {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, built);
      }
      assert.equal(fs.readFileSync(file, 'utf8'), built, `${file} is stale`);
    });

    test(`${path.basename(file)}: every section recognised, every timeline line an entry, no warnings`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const document = service.parse(text);
      assert.deepEqual(document.allSections.map((s) => s.kinds), expectedKinds[template.id]);
      const entries = document.timeline.entries;
      assert.equal(entries.length, template.id === 'holberton' ? 6 : 5);
      assert.ok(entries.every((e) => e.time && e.zone && e.text.length > 10), 'every entry has a time, a zone and a description');
      const minutes = entries.map((e) => e.minutes!);
      assert.deepEqual(minutes, [...minutes].sort((a, b) => a - b), 'in time order');
      // Judged on the day the templates were filled in: their action items fall due in the weeks after.
      const findings = service.check(document, writtenOn).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), []);
    });
  }
});
