import * as assert from 'node:assert/strict';
import { isSafe } from 'redos-detector';
import { projectDocuments } from '../projectDocuments';
import { constructedRegexes, filesConstructingRegexes, regexLiterals, type CollectedRegex } from './regexCollection';
import { attackText, measureGrowth } from './regexGrowth';
import { reviewedSuperlinear } from './regexReview';

suite('regular expressions in server/src/core', () => {
  let all: CollectedRegex[] = [];
  suiteSetup(() => {
    const literals = regexLiterals();
    const constructed = constructedRegexes((load) => {
      const { createPostmortemService } = load('service') as typeof import('../../server/src/core/service');
      const { completePostmortem } = load('completion') as typeof import('../../server/src/core/completion');
      const service = createPostmortemService();
      for (const { text } of projectDocuments()) {
        const model = service.parse(text);
        for (const finding of service.check(model)) service.quickFixes(model, finding);
        service.fixAll(model);
        for (const entry of model.timeline.entries.slice(0, 5)) {
          service.hover(model, entry.lineSpan.start);
          completePostmortem(model, entry.lineSpan.end);
        }
      }
    });
    const unique = new Map<string, CollectedRegex>();
    for (const regex of [...literals, ...constructed]) if (!unique.has(`${regex.source}/${regex.flags}`)) unique.set(`${regex.source}/${regex.flags}`, regex);
    all = [...unique.values()];
    console.log(`    ${literals.length} literals, ${constructed.length} constructed at run time, ${all.length} distinct patterns`);
  });

  test('collects the patterns built at run time as well as the literals', () => {
    assert.ok(filesConstructingRegexes().length > 0);
    assert.ok(all.some((regex) => regex.where === 'constructed'), 'no RegExp construction was observed');
  });

  test('every pattern is checked for ambiguity (redos-detector) and measured on adversarial input; none grows faster than linearly unless reviewed', function () {
    this.timeout(120_000);
    const superlinear: string[] = [];
    const seenReviewed = new Set<string>();
    let unambiguous = 0;
    for (const regex of all) {
      const key = `/${regex.source}/${regex.flags}`;
      try {
        const result = isSafe(new RegExp(regex.source, regex.flags.replace(/[^iu]/g, '')), { timeout: 20, maxSteps: 2000 });
        if (result.safe) unambiguous++;
      } catch {
        // Patterns the detector cannot model (lookbehind, some Unicode escapes) are measured all the same.
      }
      const growth = measureGrowth(new RegExp(regex.source, regex.flags));
      if (!growth.superlinear) continue;
      if (key in reviewedSuperlinear) {
        seenReviewed.add(key);
        continue;
      }
      superlinear.push(
        `${regex.where} ${key}\n    ${growth.ms.toFixed(0)} ms on ${growth.length} characters of ${JSON.stringify(attackText(growth.attack, 12))}…, time x${(2 ** growth.exponent).toFixed(1)} per doubling`,
      );
    }
    console.log(`    ${all.length} patterns: ${unambiguous} proved unambiguous by redos-detector, ${seenReviewed.size} super-linear but reviewed as bounded, ${superlinear.length} unreviewed super-linear`);
    assert.deepEqual(superlinear, [], 'patterns whose time grows faster than linearly (rewrite them, or bound their input and review them in regexReview.ts)');
    const stale = Object.keys(reviewedSuperlinear).filter((key) => !all.some((regex) => `/${regex.source}/${regex.flags}` === key));
    assert.deepEqual(stale, [], 'regexReview.ts lists patterns the core no longer has');
  });
});
