import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  POSTMORTEM_SNIPPETS,
  postmortemTemplates,
  snippetsForLanguage,
  vscodeSnippetFile,
} from '../../../../server/src/core/authoring/snippetCatalog';
import {
  SNIPPET_TIME_VARIABLES,
  expandSnippet,
  parseSnippet,
  snippetTabStops,
  snippetTimeVariables,
  snippetVariables,
  type SnippetNode,
} from '../../../../server/src/core/authoring/snippetSyntax';
import { parsePostmortem } from '../../../../server/src/core/parse/parser';
import type { SectionKind } from '../../../../server/src/core/model';
import { repoRoot } from '../../../paths';

/** Tab stops that define a value (placeholder or choice), as opposed to mirrors. */
function definitions(nodes: readonly SnippetNode[]): number[] {
  const found: number[] = [];
  const visit = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'choice' || (node.type === 'tabstop' && node.children.length > 0)) found.push(node.index);
      if (node.type === 'tabstop' || node.type === 'variable') visit(node.children);
    }
  };
  visit(nodes);
  return found;
}

const fixedClock = snippetTimeVariables(new Date(Date.UTC(2024, 7, 15, 14, 32)), 0);

suite('snippet catalog', () => {
  test('every body parses, uses only time variables and numbers its tab stops 1..n in document order', () => {
    for (const snippet of POSTMORTEM_SNIPPETS) {
      const nodes = parseSnippet(snippet.body);
      for (const name of snippetVariables(nodes)) {
        assert.ok((SNIPPET_TIME_VARIABLES as readonly string[]).includes(name), `${snippet.prefix}: unknown variable ${name}`);
      }
      const defined = definitions(nodes);
      assert.deepEqual(defined, [...defined].sort((a, b) => a - b), `${snippet.prefix}: Tab walks the document top to bottom`);
      assert.equal(new Set(defined).size, defined.length, `${snippet.prefix}: each tab stop is defined once`);
      assert.deepEqual(defined, defined.map((_, i) => i + 1), `${snippet.prefix}: tab stops are 1..n without gaps`);
      const mirrors = snippetTabStops(nodes).filter((i) => i !== 0 && !defined.includes(i));
      assert.deepEqual(mirrors, [], `${snippet.prefix}: every mirror has a definition`);
      assert.equal(snippetTabStops(nodes).filter((i) => i === 0).length, 1, `${snippet.prefix}: one final cursor`);
    }
  });

  test('prefixes: pm-<id> in Markdown, both flavours in postmortem documents', () => {
    const markdown = snippetsForLanguage('markdown');
    const postmortem = snippetsForLanguage('postmortem');
    assert.ok(markdown.every((s) => s.prefix.startsWith('pm-') && !s.prefix.endsWith('-txt') && s.flavor === 'markdown'));
    for (const list of [markdown, postmortem]) {
      assert.equal(new Set(list.map((s) => s.prefix)).size, list.length, 'prefixes are unique within a language');
      assert.equal(new Set(list.map((s) => s.name)).size, list.length, 'names are unique within a language');
    }
    for (const id of ['holberton', 'sre', 'pagerduty', 'timeline', 'issue-summary', 'action-items', 'entry']) {
      assert.ok(postmortem.some((s) => s.prefix === `pm-${id}`), `pm-${id} in postmortem`);
      assert.ok(postmortem.some((s) => s.prefix === `pm-${id}-txt`), `pm-${id}-txt in postmortem`);
      assert.ok(markdown.some((s) => s.prefix === `pm-${id}`), `pm-${id} in markdown`);
    }
    assert.deepEqual(postmortemTemplates().map((t) => t.prefix), ['pm-holberton', 'pm-sre', 'pm-pagerduty', 'pm-holberton-txt', 'pm-sre-txt', 'pm-pagerduty-txt']);
  });

  test('status and severity are choices; dates and times come from snippet variables', () => {
    const sre = POSTMORTEM_SNIPPETS.find((s) => s.prefix === 'pm-sre')!;
    assert.match(sre.body, /\*\*Status:\*\* \$\{\d+\|Draft,In Review,Final,Action Items in Progress\|\}/);
    assert.match(sre.body, /\*\*Severity:\*\* \$\{\d+\|SEV1,SEV2,SEV3,SEV4\|\}/);
    assert.match(sre.body, /\*\*Date:\*\* \$\{\d+:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\}/);
    const entry = POSTMORTEM_SNIPPETS.find((s) => s.prefix === 'pm-entry')!;
    assert.equal(expandSnippet(entry.body, { variables: fixedClock }), '- 14:32 UTC+00:00 - What happened');
    const row = POSTMORTEM_SNIPPETS.find((s) => s.prefix === 'pm-action')!;
    assert.equal(expandSnippet(row.body, { variables: fixedClock }), '| What to do | @owner | OPS-123 | 2024-08-15 |');
  });

  test('the plain-text flavour writes headings a plain-text reader sees as headings', () => {
    const text = expandSnippet(POSTMORTEM_SNIPPETS.find((s) => s.prefix === 'pm-holberton-txt')!.body, { variables: fixedClock });
    assert.ok(!/^#/m.test(text) && !text.includes('**'), 'no Markdown heading or bold markup');
    assert.match(text, /^Postmortem: Short title of the outage\n=+\n/);
    assert.match(text, /^TIMELINE:$/m);
    assert.match(text, /^ROOT CAUSE AND RESOLUTION:$/m);
  });

  const expectedKinds: Record<string, SectionKind[][]> = {
    holberton: [['title'], ['summary'], ['timeline'], ['root-cause', 'resolution'], ['corrective-actions']],
    sre: [['title'], ['summary'], ['impact'], ['root-cause'], ['root-cause'], ['resolution'], ['detection'], ['corrective-actions'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['timeline']],
    pagerduty: [['title'], ['summary'], ['summary'], ['root-cause'], ['resolution'], ['impact'], ['other'], ['timeline'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['corrective-actions']],
  };

  for (const template of postmortemTemplates()) {
    test(`${template.prefix}: every heading is read as the section it stands for, and every timeline line as an entry`, () => {
      const text = expandSnippet(template.body, { variables: fixedClock });
      const document = parsePostmortem(text);
      assert.deepEqual(document.allSections.map((s) => s.kinds), expectedKinds[template.id], document.allSections.map((s) => s.title).join(' | '));
      const entries = (text.split('\n').filter((line) => /^(?:- |\| )?14:32\b/.test(line))).length;
      assert.equal(document.timeline.entries.filter((e) => e.time?.hour === 14 && e.time.minute === 32).length, entries);
      assert.ok(entries >= 4, 'the template stamps its timeline entries');
    });
  }

  test('snippets/*.json are generated from this catalog (run `npm run snippets` after changing it)', () => {
    for (const language of ['postmortem', 'markdown'] as const) {
      const file = path.join(repoRoot, 'snippets', `${language}.json`);
      assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), vscodeSnippetFile(language), `${file} is stale`);
    }
  });

  test('package.json contributes both snippet files to their languages', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { snippets?: { language: string; path: string }[] } };
    const contributed = manifest.contributes.snippets ?? [];
    assert.deepEqual(
      contributed.map((s) => [s.language, s.path]).sort(),
      [['markdown', './snippets/markdown.json'], ['postmortem', './snippets/postmortem.json']],
    );
  });
});
