import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
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
		await this.page
			.locator('.quick-input-widget .monaco-list-row', { hasText: label })
			.first()
			.waitFor({ timeout: UI_DEADLINE_MS });
		await this.page.keyboard.press('Enter');
		await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_DEADLINE_MS });
	}

	/** Ctrl+P, type the file name, open it, and wait until its editor is the active tab. */
	async openFile(fileName: string): Promise<void> {
		await this.page.keyboard.press('Control+P');
		const input = this.page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ timeout: UI_DEADLINE_MS });
		await input.fill(fileName);
		await this.page
			.locator('.quick-input-widget .monaco-list-row', { hasText: fileName })
			.first()
			.waitFor({ timeout: UI_DEADLINE_MS });
		await this.page.keyboard.press('Enter');
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

	/** Saves a full-window screenshot and returns its path. */
	async screenshot(name: string): Promise<string> {
		fs.mkdirSync(this.screenshotDir, { recursive: true });
		const file = path.join(this.screenshotDir, `${name}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}
}
