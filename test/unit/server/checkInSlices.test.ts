import * as assert from 'node:assert/strict';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver';
import type { Finding } from '../../../server/src/core/analysis/findings';
import { checkDocument } from '../../../server/src/core/analysis/check';
import { defaultOptions } from '../../../server/src/core/options';
import { parsePostmortem } from '../../../server/src/core/parse/parser';
import { createPostmortemService } from '../../../server/src/core/service';
import { findingsInSlices } from '../../../server/src/features/diagnostics';
import { projectDocuments } from '../../projectDocuments';
import { largeTimeline } from '../../protocol/largeDocument';

/** Runs a generator to the end, counting its steps. */
function drive<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
    count++;
  }
}

/** A stepped check whose every step keeps the thread busy for `stepMs`, as rules of a 10 MB document do. */
function* slowSteps(count: number, stepMs: number, findings: Finding[]): Generator<void, Finding[], void> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until) {
      // Busy, like a rule.
    }
    yield;
  }
  return findings;
}

const finding: Finding = { code: 'timeline-order', severity: 'warning', span: { start: 0, end: 1 }, message: 'out of order' };

suite('the check in steps', () => {
  test('gives the findings of the check in one go, for every project document and a large timeline, one rule per step', () => {
    const documents = [...projectDocuments().map((document) => document.text), largeTimeline(2_000)];
    for (const text of documents) {
      const model = parsePostmortem(text);
      const inSteps = drive(createPostmortemService().checkInSteps(model, defaultOptions));
      assert.deepEqual(inSteps.value, checkDocument(model, defaultOptions));
      assert.ok(inSteps.steps >= 2, 'the rules run in more than one step');
    }
  });

  test('shares one cache with the check in one go, and callers get their own copies', () => {
    const service = createPostmortemService();
    const model = parsePostmortem(largeTimeline(500));
    const first = drive(service.checkInSteps(model, defaultOptions));
    assert.ok(first.steps > 0);
    first.value.length = 0;
    const again = drive(service.checkInSteps(model, defaultOptions));
    assert.equal(again.steps, 0, 'a version checked once is answered from the cache, in no step');
    assert.deepEqual(again.value, service.check(model, defaultOptions));
    assert.ok(again.value.length > 0);
  });

  test('lets other work run between slices and returns the findings', async () => {
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const findings = await findingsInSlices(slowSteps(6, 4, [finding]), 5);
    assert.deepEqual(findings, [finding]);
    assert.equal(otherWorkRan, true, 'a callback queued before the check ran before it ended');
  });

  test('stops at the next slice once the request is cancelled', async () => {
    const source = new CancellationTokenSource();
    let stepsRun = 0;
    function* counted(): Generator<void, Finding[], void> {
      for (let i = 0; i < 50; i++) {
        stepsRun++;
        const until = performance.now() + 2;
        while (performance.now() < until) {
          // Busy.
        }
        yield;
      }
      return [finding];
    }
    setImmediate(() => source.cancel());
    await assert.rejects(findingsInSlices(counted(), 3, source.token), (error: unknown) => error instanceof ResponseError);
    assert.ok(stepsRun < 50, `stopped after ${stepsRun} of 50 steps`);
  });
});
