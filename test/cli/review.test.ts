import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixturesDirectory } from '../paths';
import { runCli } from './runCli';

const taskList = path.join(fixturesDirectory, 'review', 'task-list.md');
const kehoe = path.join(fixturesDirectory, 'review', 'table-kehoe.md');

suite('postmortem CLI: review', () => {
  test('--format json: action items with 1-based positions and null for absent values; the impact statement', async () => {
    const run = await runCli(['check', '--format', 'json', '--today', '2024-11-01', taskList, kehoe]);
    assert.equal(run.code, 0, run.stderr);
    const [tasks, table] = JSON.parse(run.stdout) as { actionItems: Record<string, unknown>[]; impact: unknown }[];
    for (const item of tasks!.actionItems) assert.deepEqual(Object.keys(item), ['line', 'column', 'text', 'owner', 'due', 'ticket', 'done', 'type']);
    assert.deepEqual(tasks!.actionItems[0], { line: 14, column: 7, text: 'Alert when a backup is older than 26 hours', owner: '@kim', due: '2024-10-20', ticket: null, done: false, type: null });
    assert.deepEqual(tasks!.actionItems[3], { line: 17, column: 7, text: 'Document the backup layout #412', owner: null, due: null, ticket: '#412', done: false, type: null });
    assert.deepEqual(table!.actionItems.map((i) => [i.due, i.type]), [['2025-06-17', 'prevent'], ['2025-06-30', 'detect'], ['2025-02-30', 'process']]);
    assert.deepEqual(tasks!.impact, null);
  });

  test('--today makes overdue findings reproducible; the new codes are in the text output', async () => {
    const early = await runCli(['check', '--today', '2024-10-15', taskList]);
    const late = await runCli(['check', '--today=2024-11-16', taskList]);
    assert.doesNotMatch(early.stdout, /action-item-overdue/);
    const overdue = late.stdout.split('\n').filter((line) => line.includes('action-item-overdue'));
    assert.deepEqual(overdue.map((line) => line.split(': ')[0]), [`${taskList}:14:68`, `${taskList}:16:61`]);
    assert.match(overdue[0]!, /warning action-item-overdue .*was due on 2024-10-20, 27 days ago/);
    assert.match(late.stdout, /information action-item-owner /);
    assert.equal(late.code, 0, 'warnings do not fail the run');
  });

  test('--today must be a real date', async () => {
    for (const value of ['2024-02-30', 'tomorrow', '']) {
      const run = await runCli(['check', '--today', value, taskList]);
      assert.equal(run.code, 2, value);
      assert.match(run.stderr, /--today must be a date written YYYY-MM-DD/);
    }
  });
});
