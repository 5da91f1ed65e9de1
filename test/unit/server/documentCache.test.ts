import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemDocument } from '../../../server/src/core/model';
import { parsePostmortem, parsePostmortemInSteps } from '../../../server/src/core/parse/parser';
import { DocumentCache, type SlicingOptions } from '../../../server/src/documentCache';
import { projectDocuments } from '../../projectDocuments';
import { largeTimeline } from '../../protocol/largeDocument';

/** The stepped parse, counting the parses started, the steps taken and the parses ended early. */
function countingSteppedParse() {
  const counts = { started: 0, steps: 0, returnedEarly: 0 };
  function* parse(text: string): Generator<void, PostmortemDocument, void> {
    counts.started++;
    const inner = parsePostmortemInSteps(text);
    let finished = false;
    try {
      for (;;) {
        const step = inner.next();
        counts.steps++;
        if (step.done) {
          finished = true;
          return step.value;
        }
        yield;
      }
    } finally {
      if (!finished) counts.returnedEarly++;
    }
  }
  return { parse, counts };
}

/** Every document in slices, each slice a single step: the most turns of the event loop there can be. */
const everyStepASlice: SlicingOptions = { fromLength: 0, sliceMs: 0 };

function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

suite('document cache: parsing large documents in slices', () => {
  const largeText = largeTimeline(3000);

  test('the model parsed in slices equals the synchronous parse, over the project documents and a large timeline', async () => {
    const texts = [...projectDocuments().map((document) => document.text), largeText];
    for (const [index, text] of texts.entries()) {
      const cache = new DocumentCache(parsePostmortem, parsePostmortemInSteps, everyStepASlice);
      const document = TextDocument.create(`file:///sliced-${index}.postmortem.md`, 'postmortem', 1, text);
      assert.deepEqual(await cache.load(document), parsePostmortem(text), `document ${index}`);
    }
  });

  test('callers asking for one version during its parse share one parse, and later callers get the same model', async () => {
    const { parse, counts } = countingSteppedParse();
    const cache = new DocumentCache(parsePostmortem, parse, everyStepASlice);
    const document = TextDocument.create('file:///shared.postmortem.md', 'postmortem', 1, largeText);
    const [first, second] = await Promise.all([cache.load(document), cache.load(document)]);
    assert.ok(first);
    assert.equal(second, first);
    assert.equal(await cache.load(document), first);
    assert.equal(cache.get(document), first);
    assert.equal(counts.started, 1);
  });

  test('the parse runs across turns of the event loop: other work is done between its slices', async () => {
    const { parse, counts } = countingSteppedParse();
    const cache = new DocumentCache(parsePostmortem, parse, everyStepASlice);
    const document = TextDocument.create('file:///turns.postmortem.md', 'postmortem', 1, largeText);
    let parsed = false;
    const loading = cache.load(document).then(() => (parsed = true));
    let turnsDuringParse = 0;
    while (!parsed && turnsDuringParse < 10_000) {
      await turnOfEventLoop();
      if (!parsed) turnsDuringParse++;
    }
    await loading;
    assert.ok(counts.steps > 2, `the parse took ${counts.steps} steps`);
    assert.ok(turnsDuringParse >= 2, `other work ran in ${turnsDuringParse} turns during the parse`);
  });

  test('a new version abandons the parse of the old one: no further steps, and the old version resolves undefined', async () => {
    const { parse, counts } = countingSteppedParse();
    const cache = new DocumentCache(parsePostmortem, parse, everyStepASlice);
    const first = TextDocument.create('file:///versions.postmortem.md', 'postmortem', 1, largeText);
    const oldLoad = cache.load(first);
    await turnOfEventLoop();
    const second = TextDocument.update(first, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
    const newLoad = cache.load(second);
    assert.equal(counts.returnedEarly, 1, 'the old parse was ended');
    assert.equal(await oldLoad, undefined);
    assert.deepEqual(await newLoad, parsePostmortem(second.getText()));
    assert.equal(counts.started, 2);
  });

  test('forgetting a document (changed or closed) abandons its parse and drops its model', async () => {
    const { parse, counts } = countingSteppedParse();
    const cache = new DocumentCache(parsePostmortem, parse, everyStepASlice);
    const document = TextDocument.create('file:///closed.postmortem.md', 'postmortem', 1, largeText);
    const loading = cache.load(document);
    await turnOfEventLoop();
    cache.forget(document.uri);
    const stepsAtForget = counts.steps;
    assert.equal(await loading, undefined);
    await turnOfEventLoop();
    assert.equal(counts.steps, stepsAtForget, 'no step after the document was forgotten');
    const model = await cache.load(document);
    assert.deepEqual(model, parsePostmortem(largeText));
    assert.equal(counts.started, 2, 'asked again, the version is parsed again');
  });

  test('a synchronous request during a parse in slices finishes that same parse', async () => {
    const { parse, counts } = countingSteppedParse();
    const cache = new DocumentCache(parsePostmortem, parse, everyStepASlice);
    const document = TextDocument.create('file:///sync.postmortem.md', 'postmortem', 1, largeText);
    const loading = cache.load(document);
    await turnOfEventLoop();
    const model = cache.get(document);
    assert.equal(await loading, model);
    assert.equal(counts.started, 1);
    assert.equal(counts.returnedEarly, 0);
  });

  test('documents below the slicing threshold are parsed synchronously', async () => {
    const { parse, counts } = countingSteppedParse();
    const cache = new DocumentCache(parsePostmortem, parse, { fromLength: largeText.length + 1, sliceMs: 0 });
    const document = TextDocument.create('file:///small.postmortem.md', 'postmortem', 1, largeText);
    assert.deepEqual(await cache.load(document), parsePostmortem(largeText));
    assert.equal(counts.started, 0);
  });
});
