import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { optionKeys, resolveFileInclude, resolveOptions } from '../../server/src/core/config';
import { defaultOptions, type PostmortemOptions } from '../../server/src/core/options';
import { createPostmortemService } from '../../server/src/core/service';
import { announceSeed, propertyParameters } from './support/settings';

/** Values of the wrong type, out of range, or hostile, for any setting. */
const wrongValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(-1, 0, 1e308, -1e308, Number.NaN, Infinity, 2 ** 53 + 2, 0.5, '', ' ', 'UTC; rm -rf /', '__proto__', [], {}, null, true),
  fc.constantFrom({ __proto__: { polluted: true } }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } }),
);

function assertValidOptions(options: PostmortemOptions): void {
  assert.ok(Array.isArray(options.requiredSections));
  assert.ok(Number.isFinite(options.durationToleranceMinutes) && options.durationToleranceMinutes >= 0 && options.durationToleranceMinutes <= 10_080);
  assert.ok(Number.isInteger(options.maxDocumentSize) && options.maxDocumentSize >= 1);
  assert.equal(typeof options.inlayHints, 'boolean');
  assert.ok(options.defaultTimeZone === undefined || typeof options.defaultTimeZone === 'string');
  for (const value of Object.values(options.severities)) assert.ok(['error', 'warning', 'information', 'hint', 'off'].includes(value));
  for (const key of ['review.overdue', 'review.requireActionItems', 'review.blameLanguage', 'review.impactQuantified'] as const) assert.equal(typeof options[key], 'boolean');
  for (const key of ['review.requireOwner', 'review.requireDueDate', 'review.requireTicket'] as const) assert.ok(options[key] === undefined || typeof options[key] === 'boolean');
  for (const key of ['review.blameWords.add', 'review.blameWords.remove'] as const) assert.ok(options[key].every((phrase) => typeof phrase === 'string' && phrase.length > 0));
  assert.ok(options['review.today'] === undefined || /^\d{4}-\d{2}-\d{2}$/.test(options['review.today']));
  assert.ok(options.ticketUrl === undefined || options.ticketUrl.includes('{id}'));
}

suite('property: configuration robustness', () => {
  suiteSetup(announceSeed);

  test('any value for any setting: never throws, options stay valid, each rejected value is named with its setting', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...optionKeys, 'files.include', 'files', 'trace.server'), fc.string()), wrongValue, { maxKeys: 6 }), (raw) => {
        const { options, problems } = resolveOptions(raw, defaultOptions, 'postmortem.');
        assertValidOptions(options);
        for (const problem of problems) {
          assert.ok(problem.message.length > 0);
          if (problem.key !== '') assert.ok(problem.message.includes(problem.key.split('.')[0]!), `"${problem.message}" names ${problem.key}`);
        }
        resolveFileInclude(raw, undefined, 'postmortem.');
        // The options drive the whole analysis without failing.
        const service = createPostmortemService();
        service.check(service.parse('## Timeline\n- 10:00 deploy\n- 09:00 rollback\n'), options);
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
      }),
      propertyParameters('configuration', 500),
    );
  });

  test('every setting given a wrong type falls back to its default and says which setting', () => {
    const wrong: Record<string, unknown> = {
      languages: 'pt',
      requiredSections: 'summary',
      profile: 42,
      defaultTimeZone: { zone: 'UTC' },
      durationToleranceMinutes: -5,
      severities: ['off'],
      inlayHints: 'yes',
      maxDocumentSize: 0,
      'review.requireOwner': 'yes',
      'review.requireDueDate': 1,
      'review.requireTicket': [],
      'review.overdue': 'no',
      'review.requireActionItems': null,
      'review.blameLanguage': 0,
      'review.blameWords.add': 'human error',
      'review.blameWords.remove': { phrase: 'careless' },
      'review.impactQuantified': 'true',
      'review.today': '2024-02-30',
      ticketUrl: 'ftp://tracker.example/{id}',
    };
    for (const key of optionKeys) {
      assert.ok(key in wrong, `a wrong value for ${key} is tested`);
      const { options, problems } = resolveOptions({ [key]: wrong[key] }, defaultOptions, 'postmortem.');
      assert.deepEqual(options[key], defaultOptions[key], `${key} falls back to its default`);
      assert.equal(problems.length, 1, `${key}: one problem`);
      assert.match(problems[0]!.message, new RegExp(`postmortem\\.${key}`), `the message names postmortem.${key}`);
    }
  });
});
