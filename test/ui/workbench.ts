import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../e2e/waitFor';

/** How long one user-visible reaction (a view opening, a row appearing) may take. */
export const UI_DEADLINE_MS = 30_000;

/**
 * What a person does in the VS Code workbench, expressed with the selectors VS Code 1.100 renders.
 * Every wait has a deadline; nothing sleeps a fixed time.
 */
export class Workbench {
	constructor(
		readonly page: Page,
		private readonly screenshotDir: string,
	) {}

	/** Waits for the workbench to finish loading with a folder open in the Explorer. */
	async waitUntilLoaded(): Promise<void> {
		await this.page.locator('.monaco-workbench').waitFor({ timeout: UI_DEADLINE_MS });
		await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: UI_DEADLINE_MS });
	}

	/** The names the Explorer shows for the open folder. */
	async explorerEntries(): Promise<string[]> {
		return this.page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts();
	}

	/** F1, type a command's label, run the first match. */
	async runCommand(label: string): Promise<void> {
		await this.page.keyboard.press('F1');
		const input = this.page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ timeout: UI_DEADLINE_MS });
		await input.fill(`>${label}`);
		// Click the row labelled exactly so: the first row may be a longer command containing the words.
		await this.quickPickRow(label).click({ timeout: UI_DEADLINE_MS });
		await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_DEADLINE_MS });
	}

	/** The row of the open quick pick whose label is exactly `label`. */
	private quickPickRow(label: string): Locator {
		const exactly = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
		return this.page
			.locator('.quick-input-widget .monaco-list-row')
			.filter({ has: this.page.locator('.label-name', { hasText: exactly }) })
			.first();
	}

	/** Ctrl+P, type the file name, open it, and wait until its editor is the active tab. */
	async openFile(fileName: string): Promise<void> {
		await this.page.keyboard.press('Control+P');
		const input = this.page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ timeout: UI_DEADLINE_MS });
		await input.fill(fileName);
		// Click the file's row: Enter would open the focused row, which may still be another
		// recently opened file while the list catches up with the typed name.
		await this.page
			.locator('.quick-input-widget .monaco-list-row', { hasText: fileName })
			.first()
			.click({ timeout: UI_DEADLINE_MS });
		await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: UI_DEADLINE_MS });
		await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_DEADLINE_MS });
	}

	/** Collapses the side-bar view whose body matches `bodySelector`, as a click on its title does. */
	async collapseView(bodySelector: string): Promise<void> {
		const pane = this.page.locator(`.pane:has(${bodySelector})`);
		if ((await pane.locator('.pane-header.expanded').count()) === 0) return;
		await pane.locator('.pane-header').click();
		await pane.locator('.pane-header.expanded').waitFor({ state: 'detached', timeout: UI_DEADLINE_MS });
	}

	/** Drags the sash between the side bar and the editor so the side bar is `width` pixels wide. */
	async resizeSideBar(width: number): Promise<void> {
		const sideBar = await this.page.locator('#workbench\\.parts\\.sidebar').boundingBox();
		if (!sideBar) throw new Error('the side bar is not visible');
		const edge = sideBar.x + sideBar.width;
		const sashes = await this.page.locator('.monaco-sash.vertical').all();
		for (const sash of sashes) {
			const box = await sash.boundingBox();
			if (!box || Math.abs(box.x + box.width / 2 - edge) > 4) continue;
			const y = box.y + box.height / 2;
			await this.page.mouse.move(edge, y);
			await this.page.mouse.down();
			await this.page.mouse.move(sideBar.x + width, y, { steps: 5 });
			await this.page.mouse.up();
			await waitFor(
				async () => {
					const shown = (await this.page.locator('#workbench\\.parts\\.sidebar').boundingBox())?.width ?? 0;
					if (Math.abs(shown - width) > 4) throw new Error(`the side bar is ${shown}px wide`);
					return true;
				},
				UI_DEADLINE_MS,
				`the side bar to be ${width}px wide`,
			);
			return;
		}
		throw new Error(`no sash found at the side bar's edge (x=${edge})`);
	}

	/**
	 * Expands every collapsed Outline row, as clicking each twistie would (with several symbol
	 * providers the Outline groups their symbols under collapsed provider rows).
	 */
	async expandOutline(): Promise<void> {
		const collapsed = this.page.locator('.outline-pane .monaco-tl-twistie.collapsible.collapsed');
		for (let clicks = 0; clicks < 50 && (await collapsed.count()) > 0; clicks++) {
			await collapsed.first().click({ timeout: UI_DEADLINE_MS });
		}
	}

	/** The rows the Outline view renders, as shown (label and description). */
	async outlineRows(): Promise<string[]> {
		const rows = await this.page.locator('.outline-pane .monaco-list-row').allInnerTexts();
		return rows.map((row) => row.replace(/\s+/g, ' ').trim());
	}

	/** Saves a screenshot of the window (or of `clip`, a region of it) and returns its path. */
	async screenshot(name: string, clip?: ScreenRegion): Promise<string> {
		fs.mkdirSync(this.screenshotDir, { recursive: true });
		const file = path.join(this.screenshotDir, `${name}.png`);
		// Hovers and menus fade in: finish the animation rather than catch them half transparent.
		await this.page.screenshot({ path: file, clip, animations: 'disabled' });
		return file;
	}

	/**
	 * The smallest region holding every visible element matched by `selectors`, grown by
	 * `margin` pixels and kept inside the window: what a README picture crops to.
	 */
	async regionOf(selectors: readonly string[], margin = 0): Promise<ScreenRegion> {
		const boxes: ScreenRegion[] = [];
		for (const selector of selectors) {
			for (const element of await this.page.locator(selector).all()) {
				const box = await element.boundingBox();
				if (box && box.width > 0 && box.height > 0) boxes.push(box);
			}
		}
		if (boxes.length === 0) throw new Error(`nothing visible matches ${selectors.join(', ')}`);
		const viewport = this.page.viewportSize() ?? { width: Infinity, height: Infinity };
		const left = Math.max(0, Math.min(...boxes.map((box) => box.x)) - margin);
		const top = Math.max(0, Math.min(...boxes.map((box) => box.y)) - margin);
		const right = Math.min(viewport.width, Math.max(...boxes.map((box) => box.x + box.width)) + margin);
		const bottom = Math.min(viewport.height, Math.max(...boxes.map((box) => box.y + box.height)) + margin);
		return { x: left, y: top, width: right - left, height: bottom - top };
	}

	/** Runs a command from the palette that asks for a choice, and picks the item labelled `choice`. */
	async runCommandAndPick(label: string, choice: string): Promise<void> {
		await this.page.keyboard.press('F1');
		const input = this.page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ timeout: UI_DEADLINE_MS });
		await input.fill(`>${label}`);
		await this.quickPickRow(label).click({ timeout: UI_DEADLINE_MS });
		// The same widget comes back with the command's own list: wait for its input to be cleared.
		await waitFor(async () => !(await input.inputValue()).startsWith('>'), UI_DEADLINE_MS, `${label} to show its choices`);
		await input.fill(choice);
		await this.quickPickRow(choice).click({ timeout: UI_DEADLINE_MS });
		await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_DEADLINE_MS });
	}

	/** Shows or hides the primary side bar (View: Toggle Primary Side Bar Visibility) and waits for it. */
	async showSideBar(visible: boolean): Promise<void> {
		const sideBar = this.page.locator('#workbench\\.parts\\.sidebar');
		if ((await sideBar.isVisible()) === visible) return;
		await this.runCommand('View: Toggle Primary Side Bar Visibility');
		await sideBar.waitFor({ state: visible ? 'visible' : 'hidden', timeout: UI_DEADLINE_MS });
	}

	/** The language the status bar shows for the active editor (`Plain Text`, `Postmortem`). */
	async statusBarLanguage(): Promise<string> {
		return (await this.page.locator('[id="status.editor.mode"]').innerText()).trim();
	}

	/**
	 * The rows the active editor renders, top to bottom, as shown: a wrapped line gives several
	 * rows, and inlay hints appear inside the row they decorate.
	 */
	async editorRows(): Promise<string[]> {
		// The test project compiles without the DOM library: the element argument is untyped here.
		return this.page.locator(`${ACTIVE_EDITOR} .view-lines`).evaluate((viewLines) => {
			const rows: { top: number; text: string }[] = [];
			for (const line of viewLines.querySelectorAll('.view-line')) {
				rows.push({ top: parseFloat(line.style.top), text: String(line.textContent).replace(/\u00a0/g, ' ') });
			}
			return rows.sort((a, b) => a.top - b.top).map((row) => row.text);
		});
	}

	/**
	 * Where `text` is drawn in the active editor (its first occurrence on screen, in a row starting
	 * with `rowPrefix` when given), or undefined.
	 */
	async textOnScreen(text: string, rowPrefix = ''): Promise<ScreenRegion | undefined> {
		const box = await this.page.locator(`${ACTIVE_EDITOR} .view-lines`).evaluate((viewLines, [needle, prefix]: [string, string]) => {
			const page = viewLines.ownerDocument;
			for (const line of viewLines.querySelectorAll('.view-line')) {
				// Tokens, inlay hints and decorations split a row into several text nodes.
				const pieces: { node: unknown; start: number }[] = [];
				let shown = '';
				const walker = page.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					pieces.push({ node, start: shown.length });
					shown += String(node.data).replace(/\u00a0/g, ' ');
				}
				const at = shown.indexOf(needle);
				if (at < 0 || !shown.startsWith(prefix)) continue;
				const pieceAt = (offset: number, isEnd: boolean) =>
					[...pieces].reverse().find((piece) => (isEnd ? piece.start < offset : piece.start <= offset))!;
				const first = pieceAt(at, false);
				const last = pieceAt(at + needle.length, true);
				const range = page.createRange();
				range.setStart(first.node, at - first.start);
				range.setEnd(last.node, at + needle.length - last.start);
				const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
				return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
			}
			return undefined;
		}, [text, rowPrefix] as [string, string]);
		return box ?? undefined;
	}

	/** Waits until `text` is on screen in the active editor and returns where. */
	async waitForText(text: string, rowPrefix = ''): Promise<ScreenRegion> {
		return waitFor(() => this.textOnScreen(text, rowPrefix), UI_DEADLINE_MS, `${JSON.stringify(text)} to be shown in the editor`);
	}

	/** Moves the mouse onto `text` in the active editor, as a person about to read its hover. */
	async hoverText(text: string, rowPrefix = ''): Promise<void> {
		const box = await this.waitForText(text, rowPrefix);
		// Leave first, so the editor sees a new hover even if the mouse was already there.
		await this.page.mouse.move(1, 1);
		await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
	}

	/** Clicks into `text` in the active editor, which puts the cursor there. */
	async clickText(text: string): Promise<void> {
		const box = await this.waitForText(text);
		await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	}

	/** The squiggles the active editor draws under problems of a severity. */
	squiggles(severity: 'error' | 'warning' | 'info'): Locator {
		return this.page.locator(`${ACTIVE_EDITOR} .squiggly-${severity}`);
	}

	/** The text of every hover shown in the editor, joined (empty when none is shown). */
	async hoverContents(): Promise<string> {
		const parts = await this.page.locator('.monaco-hover .hover-contents:visible').allInnerTexts();
		return parts.map((part) => part.trim()).join('\n');
	}

	/**
	 * Points at something with `point` and waits until a hover whose text satisfies `check` (which
	 * throws to say why not) is shown. Points again while the right hover has not appeared: lines
	 * move when a code lens or a wrapped line comes in, leaving the mouse over a neighbour.
	 */
	async waitForHover(check: (text: string) => void, what: string, point: () => Promise<void>): Promise<string> {
		const repointAfterMs = 1_500;
		await point();
		let pointedAt = Date.now();
		return waitFor(
			async () => {
				const text = await this.hoverContents();
				try {
					check(text);
				} catch (error) {
					if (Date.now() - pointedAt > repointAfterMs) {
						await point();
						pointedAt = Date.now();
					}
					throw error;
				}
				return text;
			},
			UI_DEADLINE_MS,
			what,
		);
	}

	/** Moves the mouse onto the first squiggle of a severity in the active editor. */
	async hoverSquiggle(severity: 'error' | 'warning' | 'info'): Promise<void> {
		const box = await this.squiggles(severity).first().boundingBox();
		if (!box) throw new Error(`no ${severity} squiggle on screen`);
		await this.page.mouse.move(1, 1);
		await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
	}

	/** Clicks the text under the first squiggle of a severity, which puts the cursor in it. */
	async clickSquiggle(severity: 'error' | 'warning' | 'info'): Promise<void> {
		const box = await this.squiggles(severity).first().boundingBox();
		if (!box) throw new Error(`no ${severity} squiggle on screen`);
		await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	}

	/** The rows of the open quick-fix (code action) menu. */
	async codeActionRows(): Promise<string[]> {
		const rows = await this.page.locator('.action-widget .monaco-list-row:visible').allInnerTexts();
		return rows.map((row) => row.replace(/\s+/g, ' ').trim());
	}

	/** The rows of the Problems view: a file row, then its problems. */
	async problemRows(): Promise<string[]> {
		const rows = await this.page.locator('.markers-panel .monaco-list-row:visible').allInnerTexts();
		return rows.map((row) => row.replace(/\s+/g, ' ').trim());
	}

	/** The rows of the open suggest widget, and the one selected (accepted by Enter). */
	async suggestions(): Promise<{ rows: string[]; focused: string | undefined }> {
		const widget = this.page.locator('.editor-widget.suggest-widget.visible');
		const rows = (await widget.locator('.monaco-list-row').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
		const focused = await widget.locator('.monaco-list-row.focused .label-name').allInnerTexts();
		return { rows, focused: focused[0]?.trim() };
	}

	/** The colour the active editor draws the first token holding `text` in (CSS `rgb(...)`). */
	async tokenColour(text: string): Promise<string> {
		const colour = await this.page.locator(`${ACTIVE_EDITOR} .view-lines`).evaluate((viewLines, needle: string) => {
			for (const token of viewLines.querySelectorAll('.view-line span[class^="mtk"]')) {
				if (String(token.textContent).replace(/\u00a0/g, ' ').includes(needle)) {
					return String(token.ownerDocument.defaultView.getComputedStyle(token).color);
				}
			}
			return undefined;
		}, text);
		if (!colour) throw new Error(`no token showing ${JSON.stringify(text)} in the editor`);
		return colour;
	}
}

/** A rectangle of the window, in CSS pixels. */
export interface ScreenRegion {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The editor of the active editor group (the one the keyboard types into). */
const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance .monaco-editor';
