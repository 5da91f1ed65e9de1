import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPostmortemService } from '../../server/src/core/service';
import { DocumentCache } from '../../server/src/documentCache';
import { LspHarness } from '../protocol/harness';
import { anyDocument } from './support/documents';
import { editBatches, resolveEdit, type AbstractEdit } from './support/edits';
import { announceSeed, assertNoSoakFailures, count, describeFigures, propertyParameters, soakable, soakableAsync } from './support/settings';

const service = createPostmortemService();

/** JSON round trip with one URI renamed, to compare answers about two documents. */
function normalise(value: unknown, uri: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).split(JSON.stringify(uri).slice(1, -1)).join('file:///fresh.postmortem'));
}

suite('property: incremental edits', () => {
  suiteSetup(announceSeed);

  const modelProperty = 'incremental edits equal a fresh parse';
  test('TextDocument.update and the document cache, after any edit sequence, give the model of a fresh parse of the final text', () => {
    fc.assert(
      fc.property(anyDocument(), editBatches, soakable(modelProperty, (initial: string, batches: AbstractEdit[][]) => {
        count(modelProperty, 'edit sequences');
        const cache = new DocumentCache(service.parse);
        let document = TextDocument.create('file:///edited.postmortem', 'postmortem', 1, initial);
        let shadow = initial;
        cache.get(document);
        for (const batch of batches) {
          const changes = [];
          for (const edit of batch) {
            const { change, after } = resolveEdit(shadow, edit);
            changes.push(change);
            shadow = after;
            count(modelProperty, 'edits');
          }
          document = TextDocument.update(document, changes, document.version + 1);
          assert.equal(document.getText(), shadow, 'the edited text equals the text built by slicing');
          // Parse some intermediate versions too, so the cache holds stale entries to trip over.
          if (batch.length % 2 === 0) cache.get(document);
        }
        const fresh = service.parse(shadow);
        assert.deepEqual(cache.get(document), fresh, 'the cached model of the last version equals a fresh parse');
        assert.deepEqual(service.check(cache.get(document)), service.check(fresh));
      })),
      propertyParameters(modelProperty, 150),
    );
    assertNoSoakFailures(modelProperty);
  });

  const protocolProperty = 'edits through the protocol equal a fresh open';
  let harness: LspHarness;
  suiteSetup(async () => {
    harness = await LspHarness.start();
  });
  suiteTeardown(async () => {
    await harness.dispose();
    console.log(`    ${describeFigures(modelProperty)}`);
    console.log(`    ${describeFigures(protocolProperty)}`);
  });

  let sequence = 0;
  test('didChange sequences over JSON-RPC leave the server answering exactly as for the final text opened fresh', async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument(), editBatches, fc.array(fc.boolean(), { maxLength: 12 }), soakableAsync(protocolProperty, async (initial: string, batches: AbstractEdit[][], askBetween: boolean[]) => {
        count(protocolProperty, 'edit sequences');
        sequence++;
        const edited = `file:///edited-${sequence}.postmortem`;
        const fresh = `file:///fresh-${sequence}.postmortem`;
        await harness.open(edited, 'postmortem', initial, 1);
        let shadow = initial;
        let version = 1;
        try {
          for (const [index, batch] of batches.entries()) {
            const changes = batch.map((edit) => {
              const { change, after } = resolveEdit(shadow, edit);
              shadow = after;
              return change;
            });
            await harness.change(edited, ++version, changes);
            count(protocolProperty, 'didChange notifications');
            count(protocolProperty, 'edits', changes.length);
            if (askBetween[index]) {
              await harness.documentSymbols(edited);
              count(protocolProperty, 'requests');
            }
          }
          await harness.open(fresh, 'postmortem', shadow, 1);
          const answers = async (uri: string): Promise<unknown> =>
            normalise(
              {
                symbols: await harness.documentSymbols(uri),
                folding: await harness.foldingRanges(uri),
                diagnostics: await harness.pullDiagnostics(uri),
              },
              uri,
            );
          const [afterEdits, afterOpen] = [await answers(edited), await answers(fresh)];
          count(protocolProperty, 'requests', 6);
          assert.deepEqual(afterEdits, normalise(afterOpen, 'file:///fresh.postmortem'));
        } finally {
          await harness.close(edited);
          await harness.close(fresh);
        }
      })),
      propertyParameters(protocolProperty, 60),
    );
    assertNoSoakFailures(protocolProperty);
  });
});
