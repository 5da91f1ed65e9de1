import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import type * as CodeServerModule from '../e2e/codeServer.mjs' with { 'resolution-mode': 'import' };
import type * as ProvisionModule from '../e2e/provision.mjs' with { 'resolution-mode': 'import' };
import { expected, labelShowsTime, lineStartingWith, plainHeading, splitLines } from '../fixtures/expectations';
import { fixtureWorkspace, repoRoot } from '../fixtures/fixturePaths';
import { waitFor } from '../e2e/waitFor';
import { UI_DEADLINE_MS, Workbench, type ScreenRegion } from './workbench';

/**
 * A user's journey through the extension in a real VS Code workbench (code-server 4.100.3 in
 * headless Chromium), with the extension installed from the packaged postmortem.vsix as a user
 * installs it. Each step acts through the UI only, asserts what the screen shows, and leaves a
 * screenshot in test-results/ui/. Run after `npm run package`: `node out/test/ui/journey.js`;
 * with `--update-readme-images` it also refreshes the README's pictures in docs/images/.
 *
 * New behaviour is covered by appending a step to `steps`; a step may rely on the ones before it.
 */

interface JourneyContext {
	workbench: Workbench;
	/** A throwaway copy of test/fixtures/workspace, opened as the workspace folder. */
	workspace: string;
	/**
	 * Saves a picture of `region` for the README: always to test-results/ui/, and to docs/images/
	 * when the journey runs with `--update-readme-images`.
	 */
	readmePicture(fileName: string, region: ScreenRegion): Promise<void>;
}

interface JourneyStep {
	name: string;
	/** Screenshot file name (without .png) saved after the step, pass or fail. */
	screenshot: string;
	run(context: JourneyContext): Promise<void>;
}

const OUTLINE_DOCUMENT = 'outage-postmortem.md';
/** The plain-text reference postmortem: a .txt file, so it keeps the Plain Text language. */
const PLAIN_TEXT_DOCUMENT = 'incident-postmortem.txt';
/** A copy of it named for the `postmortem` language, made when the workspace is copied. */
const HIGHLIGHTED_DOCUMENT = 'certificate-outage.postmortem.txt';
const ZONE_FIX_TITLE = 'Add "All times in UTC." to the timeline';
/** Action items; its folder's .postmortem.json fixes today (2024-11-16), so one item is overdue. */
const REVIEW_DOCUMENT = 'certificate-expiry.postmortem.md';
/** In the incident library copied into the workspace: two earlier checkout incidents are like it. */
const LIBRARY_DOCUMENT = '2024-06-30-checkout-pool-exhaustion.md';
const REVIEW_LENS = '4 actions · 3 open · 1 overdue · 1 without owner';

/** The 1-based line number of the line starting with `prefix` in a fixture, as the Problems view counts. */
function fixtureLineNumber(fileName: string, prefix: string): number {
	const lines = splitLines(fs.readFileSync(path.join(fixtureWorkspace, fileName), 'utf8'));
	return lineStartingWith(lines, prefix, fileName) + 1;
}

/** The Problems view's rows for one file: those between its file row and the next file's. */
function problemsOf(rows: readonly string[], fileName: string): string[] {
	const fileRow = /^\S+\.(?:txt|md) \d+$/;
	const start = rows.findIndex((row) => row.startsWith(`${fileName} `) && fileRow.test(row));
	if (start < 0) return [];
	const end = rows.findIndex((row, index) => index > start && fileRow.test(row));
	return rows.slice(start + 1, end < 0 ? undefined : end);
}

/** The row after the row equal to `row` (trailing spaces ignored), or undefined. */
function rowAfter(rows: readonly string[], row: string, offset = 1): string | undefined {
	const at = rows.findIndex((shown) => shown.trimEnd() === row);
	return at < 0 ? undefined : rows[at + offset];
}

const steps: JourneyStep[] = [
	{
		name: 'the workspace opens with the fixture files in the Explorer',
		screenshot: '01-workspace',
		async run({ workbench }) {
			await workbench.waitUntilLoaded();
			const expectedFiles = [OUTLINE_DOCUMENT, 'incident-postmortem.txt', 'README.md'];
			await waitFor(
				async () => {
					const entries = await workbench.explorerEntries();
					assert.ok(expectedFiles.every((name) => entries.some((entry) => entry.includes(name))), `the Explorer shows ${JSON.stringify(entries)}`);
					return true;
				},
				UI_DEADLINE_MS,
				`the Explorer to list ${expectedFiles.join(', ')}`,
			);
		},
	},
	{
		name: `${OUTLINE_DOCUMENT} (Markdown) opens in an editor`,
		screenshot: '02-postmortem-open',
		async run({ workbench }) {
			await workbench.openFile(OUTLINE_DOCUMENT);
			await workbench.page.locator('.editor-instance .view-lines', { hasText: 'Issue Summary' }).waitFor();
		},
	},
	{
		name: 'the Outline view lists the timeline entries with their times',
		screenshot: '03-outline',
		async run({ workbench }) {
			await workbench.runCommand('Explorer: Focus on Outline View');
			// The Outline renders only the rows it has room for: fold the file tree away first.
			await workbench.collapseView('.explorer-folders-view');
			await workbench.resizeSideBar(640);
			const times = expected(OUTLINE_DOCUMENT).timeline!.map((entry) => entry.time);
			const headings = expected(OUTLINE_DOCUMENT).headings!;
			// The Outline refreshes as each symbol provider comes up: poll until it settles on both
			// the Markdown headings and the timeline entries.
			const rows = await waitFor(
				async () => {
					await workbench.expandOutline();
					const shown = await workbench.outlineRows();
					const missing = [
						...times.filter((time) => !shown.some((row) => labelShowsTime(row, time))),
						...headings.filter((heading) => !shown.some((row) => row.toLowerCase().includes(plainHeading(heading)))),
					];
					assert.deepEqual(missing, [], `the Outline shows ${JSON.stringify(shown, null, 1)}`);
					return shown;
				},
				UI_DEADLINE_MS,
				`the Outline to show entries at ${times.join(', ')} and the headings`,
			);
			console.log(`      Outline rows:\n${rows.map((row) => `        | ${row}`).join('\n')}`);
		},
	},
	{
		name: `${PLAIN_TEXT_DOCUMENT} copied as ${HIGHLIGHTED_DOCUMENT} opens as Postmortem, coloured by the grammar, with its timeline summary above the heading`,
		screenshot: '04-highlighting',
		async run({ workbench, readmePicture }) {
			await workbench.showSideBar(false);
			await workbench.openFile(HIGHLIGHTED_DOCUMENT);
			await waitFor(async () => (await workbench.statusBarLanguage()) === 'Postmortem', UI_DEADLINE_MS, 'the status bar to show the Postmortem language');
			// Headings, times and `Label:` fields each get their own colour, none the colour of prose.
			const colours = await waitFor(
				async () => {
					const shown = {
						prose: await workbench.tokenColour('Synthetic login checks'),
						heading: await workbench.tokenColour('TIMELINE'),
						time: await workbench.tokenColour('7:15 PM'),
						field: await workbench.tokenColour('Impact'),
					};
					assert.equal(new Set(Object.values(shown)).size, 4, `four distinct colours: ${JSON.stringify(shown)}`);
					return shown;
				},
				UI_DEADLINE_MS,
				'the grammar to colour the document',
			);
			console.log(`      token colours: ${JSON.stringify(colours)}`);
			const lens = await waitFor(
				async () => {
					const texts = await workbench.page.locator('.codelens-decoration:visible').allInnerTexts();
					return texts.find((text) => text.includes('Impact'));
				},
				UI_DEADLINE_MS,
				'the code lens above the timeline heading',
			);
			assert.equal(lens.trim(), 'Impact 1 h 50 min · detected T+0m · resolved T+1h50m · 7 entries');
			console.log(`      code lens: ${lens.trim()}`);
			await workbench.page.mouse.move(1, 1);
			await readmePicture('highlighting.png', await workbench.regionOf(['.part.editor']));
			await workbench.runCommand('View: Close Editor');
		},
	},
	{
		name: `${PLAIN_TEXT_DOCUMENT} (plain text) shows a timezone-missing squiggle, explained in its hover and in Problems`,
		screenshot: '05-diagnostic',
		async run({ workbench }) {
			await workbench.openFile(PLAIN_TEXT_DOCUMENT);
			assert.equal(await workbench.statusBarLanguage(), 'Plain Text');
			await workbench.squiggles('warning').first().waitFor({ timeout: UI_DEADLINE_MS });
			assert.equal(await workbench.squiggles('warning').count(), 1, 'one warning squiggle');
			const message = 'The timeline "TIMELINE" gives times (7:15 PM and 6 more) but no time zone';

			await workbench.page.keyboard.press('Control+Shift+M');
			const line = fixtureLineNumber(PLAIN_TEXT_DOCUMENT, 'TIMELINE:');
			const problems = await waitFor(
				async () => {
					const rows = problemsOf(await workbench.problemRows(), PLAIN_TEXT_DOCUMENT);
					assert.equal(rows.length, 1, `one problem in ${PLAIN_TEXT_DOCUMENT}: ${JSON.stringify(rows)}`);
					assert.ok(rows[0]!.includes(message), `the message: ${rows[0]}`);
					assert.match(rows[0]!, new RegExp(`postmortem\\W*timezone-missing\\W*\\[Ln ${line}, Col 1\\]$`));
					return rows;
				},
				UI_DEADLINE_MS,
				'the Problems view to list the warning',
			);
			console.log(`      Problems, ${PLAIN_TEXT_DOCUMENT}: ${problems.join(' | ')}`);

			// The squiggle sits on the timeline heading, so its hover also carries the heading's metrics.
			const hover = await workbench.waitForHover(
				(text) => {
					assert.ok(text.includes(message), `hover: ${JSON.stringify(text)}`);
					assert.match(text, /postmortem\W*timezone-missing/);
					assert.match(text, /Time to resolve: 1 h 50 min \(resolved 9:05 PM\)/);
				},
				'the squiggle\'s hover',
				() => workbench.hoverSquiggle('warning'),
			);
			console.log(`      hover: ${hover.replace(/\n+/g, ' | ').slice(0, 400)}…`);
		},
	},
	{
		name: 'Ctrl+. on the squiggle offers the UTC fix; choosing it adds "All times in UTC." and the squiggle goes away',
		screenshot: '06-quick-fix-applied',
		async run({ workbench, readmePicture }) {
			await workbench.clickSquiggle('warning');
			await workbench.page.keyboard.press('Control+.');
			const offered = await waitFor(
				async () => {
					const rows = await workbench.codeActionRows();
					assert.ok(rows.includes(ZONE_FIX_TITLE), `quick fixes: ${JSON.stringify(rows)}`);
					return rows;
				},
				UI_DEADLINE_MS,
				'the quick-fix menu',
			);
			console.log(`      quick fixes: ${JSON.stringify(offered)}`);
			await workbench.page.mouse.move(1, 1);
			// The editor with the menu, and the Problems view's title and rows (not its empty rest).
			await readmePicture(
				'diagnostics-quickfix.png',
				await workbench.regionOf(['.part.editor', '.part.panel .composite.title', '.markers-panel .monaco-list-row']),
			);

			await workbench.page.locator('.action-widget .monaco-list-row', { hasText: ZONE_FIX_TITLE }).click({ timeout: UI_DEADLINE_MS });
			const rows = await waitFor(
				async () => {
					const shown = await workbench.editorRows();
					assert.equal(rowAfter(shown, 'TIMELINE:'), 'All times in UTC.', `the line after TIMELINE: ${JSON.stringify(shown.slice(0, 8))}`);
					assert.ok(rowAfter(shown, 'TIMELINE:', 2)?.startsWith('7:15 PM'), `then the first entry: ${JSON.stringify(shown.slice(0, 8))}`);
					return shown;
				},
				UI_DEADLINE_MS,
				'the fix to insert the zone line',
			);
			const heading = rows.findIndex((row) => row.trimEnd() === 'TIMELINE:');
			console.log(`      editor rows from the heading: ${JSON.stringify(rows.slice(heading, heading + 3))}`);
			await waitFor(async () => (await workbench.squiggles('warning').count()) === 0, UI_DEADLINE_MS, 'the squiggle to go away');
			await waitFor(
				async () => problemsOf(await workbench.problemRows(), PLAIN_TEXT_DOCUMENT).length === 0,
				UI_DEADLINE_MS,
				`the Problems view to list nothing for ${PLAIN_TEXT_DOCUMENT}`,
			);
		},
	},
	{
		name: 'hovering the 9:05 PM entry shows 1 h 50 min since the start',
		screenshot: '07-hover',
		async run({ workbench, readmePicture }) {
			const hover = await workbench.waitForHover(
				(text) => {
					assert.ok(text.includes('T+1h50m'), `hover: ${JSON.stringify(text)}`);
					assert.ok(text.includes('1 h 50 min since the start (7:15 PM, the stated start)'), `hover: ${JSON.stringify(text)}`);
				},
				'the hover on 9:05 PM',
				// The entry's time, not the same time in the summary line above.
				() => workbench.hoverText('9:05 PM', '9:05 PM'),
			);
			console.log(`      hover: ${hover.replace(/\n/g, ' | ')}`);
			await readmePicture('hover.png', await workbench.regionOf(['.part.editor']));
		},
	},
	{
		name: 'the action items: the code lens over the section counts them; hovering the overdue item says by how many days',
		screenshot: '07b-action-items',
		async run({ workbench, readmePicture }) {
			const { page } = workbench;
			await page.mouse.move(1, 1);
			await workbench.openFile(REVIEW_DOCUMENT);
			// The action items close the document: go to its end, as a reader would.
			await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
			await page.keyboard.press('Control+End');
			// Scroll the section to the top, so the hover opens below the item and leaves the lens in view.
			for (let i = 0; i < 10; i++) await page.keyboard.press('Control+ArrowDown');
			const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: REVIEW_LENS });
			await lens.first().waitFor({ timeout: UI_DEADLINE_MS });
			console.log(`      code lens: ${(await lens.first().innerText()).trim()}`);
			await readmePicture('action-items-lens.png', await workbench.regionOf(['.part.editor']));
			const hover = await workbench.waitForHover(
				(text) => {
					assert.ok(text.includes('overdue by 27 days'), `hover: ${JSON.stringify(text)}`);
					assert.ok(text.includes('Owner: @kim'), `hover: ${JSON.stringify(text)}`);
				},
				'the hover on the overdue action item',
				() => workbench.hoverText('Renew certificates', '- [ ]'),
			);
			console.log(`      hover: ${hover.replace(/\n/g, ' | ')}`);
			await readmePicture('action-items.png', await workbench.regionOf(['.part.editor']));
			await page.mouse.move(1, 1);
		},
	},
	{
		name: 'a new postmortem from the pm-holberton snippet: two entries typed, a third from the entry completion, all in the Outline',
		screenshot: '08-snippet-outline',
		async run({ workbench }) {
			const { page } = workbench;
			await page.mouse.move(1, 1);
			await workbench.showSideBar(true);
			await workbench.runCommand('File: New Untitled Text File');
			await page.locator('.tabs-container .tab.active', { hasText: 'Untitled-' }).waitFor({ timeout: UI_DEADLINE_MS });
			await workbench.runCommandAndPick('Change Language Mode', 'Postmortem');
			await waitFor(async () => (await workbench.statusBarLanguage()) === 'Postmortem', UI_DEADLINE_MS, 'the untitled editor to be a Postmortem');

			await page.keyboard.type('pm-holberton');
			await page.keyboard.press('Control+Space');
			const offered = await waitFor(
				async () => {
					const shown = await workbench.suggestions();
					assert.ok(shown.rows.length > 0, 'the suggest widget lists suggestions');
					assert.equal(shown.focused, 'pm-holberton', `the selected suggestion: ${JSON.stringify(shown)}`);
					return shown;
				},
				UI_DEADLINE_MS,
				'the suggest widget to select pm-holberton',
			);
			console.log(`      suggestions: ${JSON.stringify(offered.rows)}`);
			await page.keyboard.press('Enter');
			await workbench.waitForText('# Postmortem: Short title of the outage');

			// Tab stop by tab stop, as an author fills the template: type over a placeholder, or keep it.
			const KEEP = undefined;
			const tabStops = [
				'Checkout outage after a load balancer change', // 1 title
				'1 hour 45 minutes', // 2 duration
				'14:05', // 3 start, also the first entry's time
				'15:50', // 4 end, also the last entry's time
				'UTC', // 5 zone, on every entry
				'2024-08-15', // 6 date
				KEEP, // 7 impact
				KEEP, // 8 what users saw
				KEEP, // 9 share of users
				KEEP, // 10 root cause
				'Checkout 5xx alert paged the on-call engineer.', // 11 first entry
				'14:20', // 12 second entry's time
				'On-call engineer restarted the checkout pods.', // 13 second entry
				// The next two entries default to the current time: give them times in order, so the
				// timeline reads forward and the completion below has room after 14:20.
				'14:45', // 14
				KEEP, // 15
				'15:10', // 16
			];
			for (const [index, value] of tabStops.entries()) {
				if (value !== KEEP) await page.keyboard.type(value);
				if (index < tabStops.length - 1) await page.keyboard.press('Tab');
			}
			await page.keyboard.press('Escape'); // leave the snippet
			// Inlay hints (+0:15) come between an entry's time and zone: the Outline below checks the times.
			await workbench.waitForText('On-call engineer restarted the checkout pods.');

			// A new line under the second entry: the completion proposes the entry 5 minutes later.
			await workbench.clickText('On-call engineer restarted the checkout pods.');
			await page.keyboard.press('End');
			await page.keyboard.press('Enter');
			await page.keyboard.press('Control+Space');
			const entry = await waitFor(
				async () => {
					const shown = await workbench.suggestions();
					assert.ok(shown.focused?.includes('14:25 UTC'), `the selected suggestion: ${JSON.stringify(shown)}`);
					return shown.focused;
				},
				UI_DEADLINE_MS,
				'the next-entry completion',
			);
			console.log(`      entry completion: ${entry}`);
			await page.keyboard.press('Enter');
			await page.keyboard.type('Platform team asked to stand by.');
			await page.keyboard.press('Escape');
			await workbench.waitForText('Platform team asked to stand by.');

			const typedEntries = [
				{ time: '14:05', text: 'Checkout 5xx alert paged the on-call engineer.' },
				{ time: '14:20', text: 'On-call engineer restarted the checkout pods.' },
				{ time: '14:25', text: 'Platform team asked to stand by.' },
				{ time: '14:45', text: 'Misleading path: what was checked that turned out not to be the cause' },
				{ time: '15:50', text: 'Resolved: how the incident was resolved' },
			];
			const rows = await waitFor(
				async () => {
					await workbench.expandOutline();
					const shown = await workbench.outlineRows();
					for (const { time, text } of typedEntries) {
						assert.ok(shown.some((row) => row.includes(text) && labelShowsTime(row, time)), `an Outline row for ${time} ${text}: ${JSON.stringify(shown, null, 1)}`);
					}
					assert.ok(shown.some((row) => plainHeading(row) === 'timeline'), `the Timeline section: ${JSON.stringify(shown)}`);
					return shown;
				},
				UI_DEADLINE_MS,
				'the Outline to show the typed entries',
			);
			console.log(`      Outline rows:\n${rows.map((row) => `        | ${row}`).join('\n')}`);
			await page.mouse.move(1, 1);
		},
	},
	{
		name: `Show Timeline draws ${OUTLINE_DOCUMENT}'s timeline beside it; clicking a mark puts the cursor on its entry`,
		screenshot: '09-timeline-panel',
		async run({ workbench, readmePicture }) {
			const { page } = workbench;
			await closeAllEditorsWithoutSaving(workbench);
			if (await page.locator('#workbench\\.parts\\.panel').isVisible()) {
				await workbench.runCommand('View: Toggle Panel Visibility');
				await page.locator('#workbench\\.parts\\.panel').waitFor({ state: 'hidden', timeout: UI_DEADLINE_MS });
			}
			await workbench.showSideBar(false);
			await workbench.openFile(OUTLINE_DOCUMENT);
			// The command is offered once the server has said the document is a postmortem with a
			// timeline; its button in the editor's title bar shows when it has.
			await page.locator('.editor-actions .action-label[aria-label^="Postmortem: Show Timeline"], .editor-actions .action-label[aria-label^="Show Timeline"]').first().waitFor({ timeout: UI_DEADLINE_MS });
			await workbench.runCommand('Postmortem: Show Timeline');
			const panel = await webviewFrameWith(page, TIMELINE_MARK);
			const marks = panel.locator(TIMELINE_MARK);
			assert.equal(await marks.count(), expected(OUTLINE_DOCUMENT).timeline!.length, 'one mark per timeline entry');
			// The mark of the entry at 12:35 PM, clicked as a person would.
			const lines = splitLines(fs.readFileSync(path.join(fixtureWorkspace, OUTLINE_DOCUMENT), 'utf8'));
			const entryLine = lineStartingWith(lines, 'October 23rd, 2023, 12:35 PM UTC', OUTLINE_DOCUMENT);
			await panel.locator(`${TIMELINE_MARK}[data-line="${entryLine}"]`).click({ timeout: UI_DEADLINE_MS });
			const cursor = await waitFor(
				async () => {
					const shown = (await page.locator('[id="status.editor.selection"]').innerText()).trim();
					assert.match(shown, new RegExp(`^Ln ${entryLine + 1}, Col 1\\b`));
					return shown;
				},
				UI_DEADLINE_MS,
				`the cursor to move to line ${entryLine + 1}`,
			);
			console.log(`      after the click: ${cursor}`);
			// The entry under the cursor is drawn highlighted.
			await panel.locator(`${TIMELINE_MARK}.pm-current[data-line="${entryLine}"]`).waitFor({ timeout: UI_DEADLINE_MS });
			await page.mouse.move(1, 1);
			await readmePicture('timeline-panel.png', await workbench.regionOf(['.part.editor']));

			// From the keyboard: on the first mark, the right arrow moves to the second; Enter shows its
			// entry in the editor and leaves the focus in the picture, which redraws with the highlight.
			await marks.first().focus();
			await page.keyboard.press('ArrowRight');
			const second = await marks.nth(1).getAttribute('data-line');
			await waitFor(async () => (await panel.locator(':focus').getAttribute('data-line')) === second, UI_DEADLINE_MS, 'the focus to move to the second mark');
			await page.keyboard.press('Enter');
			// The panel keeps the focus, so the status bar shows no cursor: the editor's line number does.
			await waitFor(
				async () => (await page.locator('.editor-instance .monaco-editor .line-numbers.active-line-number').allInnerTexts()).some((shown) => shown.trim() === String(Number(second) + 1)),
				UI_DEADLINE_MS,
				`Enter to put the cursor on line ${Number(second) + 1}`,
			);
			await panel.locator(`${TIMELINE_MARK}.pm-current[data-line="${second}"]`).waitFor({ timeout: UI_DEADLINE_MS });
			assert.equal(await panel.locator(':focus').getAttribute('data-line'), second, 'the focus stays on the mark');
		},
	},
	{
		name: `the Markdown preview of ${OUTLINE_DOCUMENT} draws the timeline under its heading`,
		screenshot: '10-markdown-preview',
		async run({ workbench, readmePicture }) {
			const { page } = workbench;
			await closeAllEditorsWithoutSaving(workbench);
			await workbench.openFile(OUTLINE_DOCUMENT);
			await workbench.runCommand('Markdown: Open Preview to the Side');
			const preview = await webviewFrameWith(page, `.${PREVIEW_PICTURE_CLASS} svg`);
			const headingAbove = await preview.locator(`.${PREVIEW_PICTURE_CLASS}`).evaluate((element) => `${element.previousElementSibling?.tagName} ${element.previousElementSibling?.textContent}`.trim());
			assert.equal(headingAbove, 'H3 Timeline', 'the picture comes right after the Timeline heading');
			await preview.locator(`.${PREVIEW_PICTURE_CLASS} svg`).scrollIntoViewIfNeeded();
			// The mouse rests over the preview, away from the title bar and breadcrumbs and their tooltips.
			const previewBox = await page.locator('.part.editor').boundingBox();
			if (previewBox) await page.mouse.move(previewBox.x + previewBox.width * 0.75, previewBox.y + previewBox.height - 10);
			await waitFor(async () => (await page.locator('.workbench-hover:visible, .monaco-hover:visible').count()) === 0, UI_DEADLINE_MS, 'no tooltip over the picture');
			await readmePicture('markdown-preview-timeline.png', await workbench.regionOf(['.part.editor']));
		},
	},
	{
		name: 'the Incidents view lists the workspace postmortems; the open one shows its similar incidents and a Similar: code lens on its root cause',
		screenshot: '11-incidents-view',
		async run({ workbench, readmePicture }) {
			const { page } = workbench;
			await closeAllEditorsWithoutSaving(workbench);
			await page.mouse.move(1, 1);
			await workbench.showSideBar(true);
			await workbench.openFile(LIBRARY_DOCUMENT);
			await workbench.runCommand('Explorer: Focus on Incidents View');
			await workbench.collapseView('.explorer-folders-view');
			await workbench.collapseView('.outline-pane');
			await workbench.resizeSideBar(640);
			const row = (text: string) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
			await row('2024-11-19 Image uploads rejected').waitFor({ timeout: UI_DEADLINE_MS });
			await row('Similar to').waitFor({ timeout: UI_DEADLINE_MS });
			console.log(`      row: ${(await row('2024-03-02 Checkout outage').innerText()).replace(/\s+/g, ' ')}`);
			const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: 'Similar:' });
			const shown = await lens
				.first()
				.waitFor({ timeout: LENS_FIRST_WAIT_MS })
				.then(() => true)
				.catch(() => false);
			if (!shown) {
				// In some runs VS Code asks the server for no code lens at all for an editor opened right
				// after Close All Editors (the server's log of requests shows none for the document, and
				// none of its lenses show, not only Similar:). It asks again on the next edit, as it would
				// for someone typing: a space, undone, leaves the document as it was.
				console.log('      no code lens asked for yet: a space typed and undone');
				await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
				await page.keyboard.press('Control+End');
				await page.keyboard.type(' ');
				await page.keyboard.press('Control+Z');
				await lens.first().waitFor({ timeout: UI_DEADLINE_MS });
			}
			console.log(`      code lens: ${(await lens.first().innerText()).trim()}`);
			await readmePicture('incidents-view.png', await workbench.regionOf(['.monaco-workbench']));
		},
	},
	{
		name: 'the Action Items view groups the items by state; a click reveals the item in its postmortem',
		screenshot: '12-action-items-view',
		async run({ workbench, readmePicture }) {
			const { page } = workbench;
			await workbench.runCommand('Explorer: Focus on Action Items View');
			// Room for the items: the Incidents view folds, as a click on its title does.
			await page.locator('.pane-header.expanded', { hasText: 'Incidents' }).first().click();
			// The newest incident's item comes first in its state group, whatever today is.
			const item = page.locator('.pane-body .monaco-list-row', { hasText: 'Expire unused image variants' }).first();
			await item.waitFor({ timeout: UI_DEADLINE_MS });
			await item.click();
			await page.locator('.tabs-container .tab.active', { hasText: '2024-11-19-image-uploads.md' }).waitFor({ timeout: UI_DEADLINE_MS });
			await page.locator('.editor-instance .monaco-editor .current-line').first().waitFor({ timeout: UI_DEADLINE_MS });
			await readmePicture('action-items-view.png', await workbench.regionOf(['.monaco-workbench']));
		},
	},
];

/** How long the Incidents step waits for the Similar: lens before it nudges VS Code with an edit. */
const LENS_FIRST_WAIT_MS = 10_000;
/** A mark of the timeline drawing (server/src/core/picture/drawTimeline.ts). */
const TIMELINE_MARK = '[data-line][role="button"]';
/** The element the Markdown preview plugin wraps the picture in (client/src/markdownPreview). */
const PREVIEW_PICTURE_CLASS = 'postmortem-timeline-picture';

/** Closes every editor, discarding the earlier steps' unsaved edits, for a picture of one document. */
async function closeAllEditorsWithoutSaving(workbench: Workbench): Promise<void> {
	const { page } = workbench;
	await workbench.runCommand('View: Close All Editors');
	const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
	await waitFor(
		async () => {
			if (await dontSave.isVisible()) await dontSave.click();
			return (await page.locator('.editor-group-container .tab').count()) === 0;
		},
		UI_DEADLINE_MS,
		'every editor to close',
	);
}

/**
 * The frame of the webview (a panel, the Markdown preview) showing `selector`, once it does.
 * Webviews are nested iframes; their page is the innermost.
 */
async function webviewFrameWith(page: Page, selector: string): Promise<Frame> {
	return waitFor(
		async () => {
			for (const frame of page.frames()) {
				if (frame === page.mainFrame()) continue;
				if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
			}
			return undefined;
		},
		UI_DEADLINE_MS,
		`a webview showing ${selector}`,
	);
}

async function loadModules(): Promise<{ codeServer: typeof CodeServerModule; provision: typeof ProvisionModule }> {
	// The helpers are plain ES modules beside the sources (they also run before any build).
	const load = (file: string) => import(pathToFileURL(path.join(repoRoot, 'test', 'e2e', file)).href);
	return { codeServer: await load('codeServer.mjs'), provision: await load('provision.mjs') };
}

async function main(): Promise<void> {
	const { codeServer, provision } = await loadModules();
	const timeoutMs = Number(process.env.POSTMORTEM_UI_TIMEOUT_MS || 300_000);
	let server: CodeServerModule.CodeServer | undefined;
	const guard = codeServer.exitGuard({ timeoutMs, timeoutMessage: () => (server ? `--- code-server log (tail) ---\n${server.logTail()}` : '') });

	try {
		const vsix = path.join(repoRoot, 'postmortem.vsix');
		assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
		const chromiumPath = provision.requireChromium();
		const { entry } = provision.ensureCodeServer();

		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ui-'));
		guard.onCleanup(() => fs.rmSync(scratch, { recursive: true, force: true }));
		const workspace = path.join(scratch, 'workspace');
		fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
		fs.copyFileSync(path.join(workspace, PLAIN_TEXT_DOCUMENT), path.join(workspace, HIGHLIGHTED_DOCUMENT));
		// The incident library's views list the postmortems of the whole workspace: ten more here.
		fs.cpSync(path.join(fixtureWorkspace, '..', 'incident-library'), path.join(workspace, 'library'), { recursive: true });
		const userDataDir = path.join(scratch, 'user-data');
		const extensionsDir = path.join(scratch, 'extensions');

		await codeServer.installExtension({
			entry,
			userDataDir,
			extensionsDir,
			vsix,
			onProcess: (pgid) => guard.onCleanup(() => codeServer.killProcessGroup(pgid)),
		});
		const installed = fs.readdirSync(extensionsDir).filter((name) => name.startsWith('postmortem-tools.postmortem-'));
		assert.equal(installed.length, 1, `the .vsix installed one extension folder; found ${fs.readdirSync(extensionsDir).join(', ')}`);

		server = await codeServer.spawnCodeServer({
			entry,
			userDataDir,
			extensionsDir,
			settings: {
				'outline.collapseItems': 'alwaysExpand',
				'editor.minimap.enabled': false,
				// Prose lines are long: wrapped, the whole of each shows in the pictures.
				'editor.wordWrap': 'on',
				// No boxes around the word under the cursor in the pictures.
				'editor.occurrencesHighlight': 'off',
				// Suggestions open on Ctrl+Space only, so a Tab typed in a snippet always moves to the
				// next placeholder instead of accepting a word suggestion that popped up meanwhile.
				'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
			},
		});
		const started = server;
		guard.onCleanup(() => started.stop());
		await started.ready();

		const chromium = await codeServer.launchChromium(chromiumPath);
		guard.onCleanup(() => chromium.close());
		const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 860 } });
		const screenshotDir = path.join(repoRoot, 'test-results', 'ui');
		fs.rmSync(screenshotDir, { recursive: true, force: true });
		const workbench = new Workbench(page, screenshotDir);
		await page.goto(`${started.origin}/?folder=${encodeURIComponent(workspace)}`);

		const updateReadmeImages = process.argv.includes('--update-readme-images');
		const readmePicture = async (fileName: string, region: ScreenRegion): Promise<void> => {
			const shot = await workbench.screenshot(`readme-${path.parse(fileName).name}`, region);
			if (updateReadmeImages) fs.copyFileSync(shot, path.join(repoRoot, 'docs', 'images', fileName));
			console.log(`      README picture: ${path.relative(repoRoot, shot)}${updateReadmeImages ? ` -> docs/images/${fileName}` : ''}`);
		};
		const failed = await runSteps({ workbench, workspace, readmePicture });
		await guard.finish(failed ? 1 : 0);
	} catch (error) {
		// A missing prerequisite is reported as what to install, not as a stack trace.
		const report = error instanceof provision.ProvisionError ? error.message : error instanceof Error ? error.stack : String(error);
		await guard.finish(1, `ui journey: ${report}`);
	}
}

/** Runs the steps in order, stopping at the first failure; returns whether one failed. */
async function runSteps(context: JourneyContext): Promise<boolean> {
	console.log(`\n  UI journey (code-server, extension installed from postmortem.vsix)`);
	let passed = 0;
	let failure: { step: JourneyStep; error: unknown } | undefined;
	for (const step of steps) {
		const started = Date.now();
		try {
			await step.run(context);
			passed++;
			console.log(`    ✔ ${step.name} (${Date.now() - started}ms)`);
		} catch (error) {
			failure = { step, error };
			console.log(`    ✖ ${step.name}`);
		}
		const shot = await context.workbench.screenshot(step.screenshot).catch((error: unknown) => `(no screenshot: ${String(error)})`);
		console.log(`      screenshot: ${path.relative(repoRoot, shot)}`);
		if (failure) break;
	}
	const notRun = steps.length - passed - (failure ? 1 : 0);
	console.log(`\n  ${passed} passing, ${failure ? 1 : 0} failing${notRun ? `, ${notRun} not run (after the failure)` : ''}`);
	if (failure) {
		const { error } = failure;
		console.log(`\n  ✖ ${failure.step.name}:\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	}
	return failure !== undefined;
}

void main();
