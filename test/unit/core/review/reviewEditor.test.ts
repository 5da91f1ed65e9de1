import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveOptions } from '../../../../server/src/core/config';
import { applyEdits } from '../../../../server/src/core/edits/textEdits';
import { createPostmortemService } from '../../../../server/src/core/service';
import { fixturesDirectory } from '../../../paths';

const service = createPostmortemService();
const read = (file: string) => fs.readFileSync(path.join(fixturesDirectory, 'review', file), 'utf8');
const on = (day: string, raw: Record<string, unknown> = {}) => resolveOptions({ ...raw, review: { today: day } }).options;

function fixesFor(text: string, code: string, itemText: string, options = on('2025-01-01')) {
  const model = service.parse(text);
  const finding = service.check(model, options).find((f) => f.code === code && text.slice(f.span.start, f.span.end).includes(itemText));
  assert.ok(finding, `${code} on ${itemText}`);
  return service.quickFixes(model, finding, options);
}

suite('review in the editor (core)', () => {
  suite('quick fixes', () => {
    const taskList = read('task-list.md');
    const expectedTable = [
      '| Action | Owner | Due | Ticket | Status |',
      '| --- | --- | --- | --- | --- |',
      '| Alert when a backup is older than 26 hours | @kim | 2024-10-20 |  | Open |',
      '| Fix the expired storage credential | Ravi | 2024-10-11 | OPS-902 | Done |',
      '| Restore-test one backup every week, assigned to Jo, by November 15 | Jo | 2024-11-15 |  | Open |',
      '| Document the backup layout #412 |  |  | #412 | Open |',
    ];

    for (const lineBreak of ['\n', '\r\n']) {
      test(`convert a task list to an action table, keeping each item's fields (${JSON.stringify(lineBreak)})`, () => {
        const text = taskList.replace(/\n/g, lineBreak);
        const model = service.parse(text);
        const fix = service.actionItemActions(model, text.indexOf('Document the backup layout')).find((f) => f.title.startsWith('Convert'));
        assert.ok(fix);
        assert.equal(fix.safe, false);
        const edited = applyEdits(text, fix.edits);
        assert.ok(edited.endsWith(expectedTable.join(lineBreak) + lineBreak), edited);
        assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(edited) || lineBreak === '\n', 'line breaks kept');
        const items = service.actionItems(service.parse(edited)).items;
        assert.deepEqual(items.map((i) => [i.text, i.owner?.text, i.due?.iso, i.ticket?.text, i.done]), [
          ['Alert when a backup is older than 26 hours', '@kim', '2024-10-20', undefined, false],
          ['Fix the expired storage credential', 'Ravi', '2024-10-11', 'OPS-902', true],
          ['Restore-test one backup every week, assigned to Jo, by November 15', 'Jo', '2024-11-15', undefined, false],
          ['Document the backup layout #412', undefined, undefined, '#412', false],
        ]);
      });
    }

    test('add the missing columns to a table, padding short rows', () => {
      const text = read('table-item-owner-status.md');
      const fix = service.actionItemActions(service.parse(text), text.indexOf('Make slugs')).find((f) => f.title.startsWith('Add the'));
      assert.equal(fix?.title, 'Add the Due column to the action table');
      const edited = applyEdits(text, fix!.edits);
      assert.match(edited, /^\| Item \| Owner \| Status \| Due \|$/m);
      assert.match(edited, /^\|------\|-------\|--------\| --- \|$/m);
      assert.match(edited, /^\| Make slugs non-nullable \| Marco \| Noted \| \|$/m);
      const items = service.actionItems(service.parse(edited)).items;
      assert.equal(items.length, 5);
      assert.ok(items.every((i) => i.table?.header?.columns.some((c) => c.role === 'due')));
    });

    test('mark done: a checkbox, a status cell, a TODO marker, a plain bullet', () => {
      const markDone = (text: string, itemText: string) => {
        const model = service.parse(text);
        const item = service.actionItems(model).items.find((i) => i.text.includes(itemText))!;
        const edit = service.markActionDone(model, item.lineSpan.start);
        assert.ok(edit, itemText);
        const edited = applyEdits(text, [edit]);
        assert.equal(service.actionItems(service.parse(edited)).items.find((i) => i.text.includes(itemText))?.done, true, itemText);
        return edited;
      };
      assert.match(markDone(read('task-list.md'), 'Alert when'), /^- \[x\] Alert when/m);
      assert.match(markDone(read('table-item-owner-status.md'), 'Make slugs'), /^\| Make slugs non-nullable \| Marco \| Done \|$/m);
      assert.match(markDone(read('markers.md'), 'export systemd'), /^\*\*DONE\*\*: export systemd/m);
      assert.match(markDone(read('bullets-links.md'), 'overcommit'), /^- \[x\] Write down the overcommit/m);
      const done = service.parse(read('task-list.md'));
      const item = service.actionItems(done).items.find((i) => i.done === true)!;
      assert.equal(service.markActionDone(done, item.lineSpan.start), undefined, 'already done');
    });

    test('the overdue finding offers marking done; the missing-field findings offer nothing that would leave them', () => {
      const fixes = fixesFor(read('task-list.md'), 'action-item-overdue', '2024-10-20');
      assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [['Mark the action item done', true]]);
      assert.deepEqual(fixesFor(read('task-list.md'), 'action-item-owner', 'Document the backup layout'), []);
    });

    test('not offered when the list holds more than fields (it would lose text), nor for plain lines', () => {
      const text = '# T\n\n## Action Items\n\n- Add a canary\n  because the last deploy had none\n- Page on errors\n';
      const model = service.parse(text);
      const actions = service.actionItemActions(model, text.indexOf('Add a canary'));
      assert.ok(!actions.some((f) => f.title.startsWith('Convert')));
      const plain = read('plain-lines.txt');
      assert.ok(!service.actionItemActions(service.parse(plain), plain.indexOf('Load test')).some((f) => f.title.startsWith('Convert')));
    });

    test('fix-all never converts, adds columns or marks done', () => {
      const model = service.parse(read('task-list.md'));
      assert.deepEqual(service.fixAll(model, on('2025-01-01')), []);
    });
  });

  suite('hover, lens, links, completion', () => {
    test('hover on an item: owner, due with how far off, ticket, state', () => {
      const text = read('task-list.md');
      const model = service.parse(text);
      const hover = service.hover(model, text.indexOf('Alert when a backup'), on('2024-11-01', { ticketUrl: 'https://tracker.example/browse/{id}' }));
      assert.match(hover!.markdown, /Owner: @kim/);
      assert.match(hover!.markdown, /Due: 2024-10-20 \(overdue by 12 days\)/);
      assert.match(hover!.markdown, /State: open/);
      const later = service.hover(model, text.indexOf('Fix the expired'), on('2024-10-06', { ticketUrl: 'https://tracker.example/browse/{id}' }));
      assert.match(later!.markdown, /Due: 2024-10-11 \(in 5 days\)/);
      assert.match(later!.markdown, /Ticket: \[OPS\\-902\]\(https:\/\/tracker\.example\/browse\/OPS-902\)/);
      assert.match(later!.markdown, /State: done/);
    });

    test('the action section lens counts actions, open, overdue and missing owners; Mark done over overdue items', () => {
      const model = service.parse(read('task-list.md'));
      const lenses = service.actionLenses(model, on('2024-11-01'));
      assert.deepEqual(lenses.map((l) => l.title), ['4 actions · 3 open · 1 overdue · 1 without owner', 'Mark done']);
      const table = service.actionLenses(service.parse(read('table-item-owner-status.md')), on('2025-03-05'));
      assert.deepEqual(table.map((l) => l.title), ['5 actions · 4 open · 0 overdue · 1 without owner']);
    });

    test('links on ticket keys through the template; none without one; URLs left to the editor', () => {
      const text = read('table-kehoe.md');
      const model = service.parse(text);
      assert.deepEqual(service.ticketLinks(model, on('2025-01-01')), []);
      const links = service.ticketLinks(model, on('2025-01-01', { ticketUrl: 'https://tracker.example/browse/{id}' }));
      assert.deepEqual(links.map((l) => [text.slice(l.span.start, l.span.end), l.target]), [
        ['OPS-311', 'https://tracker.example/browse/OPS-311'],
        ['OPS-312', 'https://tracker.example/browse/OPS-312'],
        ['OPS-313', 'https://tracker.example/browse/OPS-313'],
      ]);
      const hashes = read('ticket-tasks.txt');
      const hashLinks = service.ticketLinks(service.parse(hashes), on('2025-01-01', { ticketUrl: 'https://git.example/issues/{id}' }));
      assert.deepEqual(hashLinks.map((l) => l.target), ['https://git.example/issues/1234', 'https://git.example/issues/1235', 'https://git.example/issues/1236']);
    });

    test('completion: owners and handles after owner:/@ and in the Owner column; due dates today + 7/14/30', () => {
      const text = read('table-kehoe.md').replace('| Process | ops@example.org |', '| Process | @ |');
      const model = service.parse(text);
      const at = text.indexOf('| @ |') + 3;
      const owners = service.actionCompletions(model, at, on('2025-06-10'));
      assert.deepEqual(owners.map((o) => o.label), ['@lena', '@omar']);
      const task = '# T\n\n## Action Items\n\n- [ ] Add a canary (owner: @li)\n- [ ] Page on errors, due \n';
      const due = service.actionCompletions(service.parse(task), task.length - 1, on('2025-01-25'));
      assert.deepEqual(due.map((d) => d.label), ['2025-02-01', '2025-02-08', '2025-02-24']);
      assert.deepEqual(service.actionCompletions(service.parse(task), 3, on('2025-01-25')), [], 'not outside the action section');
    });
  });
});
