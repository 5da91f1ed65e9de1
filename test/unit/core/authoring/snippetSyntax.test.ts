import * as assert from 'node:assert/strict';
import {
  SnippetSyntaxError,
  escapeSnippetText,
  expandSnippet,
  parseSnippet,
  snippetTabStops,
  snippetTimeVariables,
  snippetVariables,
} from '../../../../server/src/core/authoring/snippetSyntax';

suite('snippet syntax', () => {
  test('parses tab stops, placeholders, choices and variables', () => {
    const nodes = parseSnippet('- ${1:$CURRENT_HOUR:$CURRENT_MINUTE} ${2|UTC,PST|} - $3${4:x ${5:nested}}$0');
    assert.deepEqual(snippetTabStops(nodes), [1, 2, 3, 4, 5, 0]);
    assert.deepEqual(snippetVariables(nodes), ['CURRENT_HOUR', 'CURRENT_MINUTE']);
    assert.deepEqual(nodes[1], { type: 'tabstop', index: 1, children: [
      { type: 'variable', name: 'CURRENT_HOUR', children: [] },
      { type: 'text', value: ':' },
      { type: 'variable', name: 'CURRENT_MINUTE', children: [] },
    ] });
    assert.deepEqual(nodes[3], { type: 'choice', index: 2, options: ['UTC', 'PST'] });
  });

  test('reads escapes in text and in choices', () => {
    assert.deepEqual(parseSnippet('a \\$1 \\} \\\\ b'), [{ type: 'text', value: 'a $1 } \\ b' }]);
    assert.deepEqual(parseSnippet('${1|a\\,b,c\\|d|}'), [{ type: 'choice', index: 1, options: ['a,b', 'c|d'] }]);
    // A dollar sign that starts nothing is text.
    assert.deepEqual(parseSnippet('costs $ 5'), [{ type: 'text', value: 'costs $ 5' }]);
  });

  test('rejects unbalanced and malformed bodies with the offset', () => {
    assert.throws(() => parseSnippet('${1:open'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('close }'), (error: unknown) => error instanceof SnippetSyntaxError && error.offset === 6);
    assert.throws(() => parseSnippet('${1|a,b'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${?}'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1/regex/x/}'), SnippetSyntaxError);
  });

  test('expands defaults, mirrors, choices and variables; values replace defaults everywhere', () => {
    const body = '${1:start} to ${2:end} ${3|UTC,PST|}; again $1 $3 at $HOUR${4:} ${UNKNOWN:fallback}$0';
    assert.equal(expandSnippet(body, { variables: { HOUR: '14' } }), 'start to end UTC; again start UTC at 14 fallback');
    assert.equal(
      expandSnippet(body, { variables: { HOUR: '14' }, values: new Map([[1, '10:00'], [3, 'PST']]) }),
      '10:00 to end PST; again 10:00 PST at 14 fallback',
    );
    assert.equal(expandSnippet('$1 then ${1:x}', { values: { 1: 'y' } }), 'y then y');
    assert.equal(expandSnippet('$1 then ${1:x}'), 'x then x', 'a mirror before its definition shows the default');
  });

  test('escaping makes any text literal', () => {
    for (const text of ['$1 } \\ ${x}', 'plain', '100% $$', '}']) {
      assert.equal(expandSnippet(escapeSnippetText(text)), text);
    }
  });

  test('time variables match VS Code for an instant and a local offset', () => {
    const instant = new Date(Date.UTC(2024, 7, 15, 23, 5, 9));
    const east = snippetTimeVariables(instant, 150);
    assert.equal(`${east.CURRENT_YEAR}-${east.CURRENT_MONTH}-${east.CURRENT_DATE} ${east.CURRENT_HOUR}:${east.CURRENT_MINUTE}:${east.CURRENT_SECOND}`, '2024-08-16 01:35:09');
    assert.equal(east.CURRENT_TIMEZONE_OFFSET, '+02:30');
    assert.equal(east.CURRENT_DAY_NAME, 'Friday');
    assert.equal(east.CURRENT_MONTH_NAME_SHORT, 'Aug');
    const west = snippetTimeVariables(instant, -420);
    assert.equal(`${west.CURRENT_DATE} ${west.CURRENT_HOUR}:${west.CURRENT_MINUTE} ${west.CURRENT_TIMEZONE_OFFSET}`, '15 16:05 -07:00');
    assert.equal(west.CURRENT_SECONDS_UNIX, String(instant.getTime() / 1000));
  });
});
