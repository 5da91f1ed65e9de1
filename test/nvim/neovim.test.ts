import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expected, fixtureNames, labelShowsTime, lineStartingWith, locateTimeline, splitLines } from '../fixtures/expectations';
import { fixtureWorkspace, repoRoot } from '../fixtures/fixturePaths';
import { runHeadlessEditor } from '../fixtures/headlessEditor';

/** What test/nvim/lsp-session.lua writes. */
interface SessionResult {
	nvim: string;
	errors: string[];
	serverExit: { code: number; signal: number } | null;
	files: Record<string, FileResult>;
	probes?: ProbeResults;
}

interface LspRange {
	start: { line: number; character: number };
	end: { line: number; character: number };
}

interface PushedDiagnostic {
	code?: string | number;
	severity?: number;
	line: number;
	range: LspRange;
	message: string;
	source?: string;
}

/** What the session saw when it hovered and applied a quick fix (see POSTMORTEM_NVIM_PROBES). */
interface ProbeResults {
	hover?: { kind: string | null; value: string | null; range: LspRange | null };
	codeAction?: {
		actions: { title: string; kind: string | null; isPreferred: boolean; hasEdit: boolean; diagnosticCodes: (string | number)[] }[];
		applied: boolean;
		bufferLines?: string[];
		pushedAfterEdit?: boolean;
		diagnosticsAfter?: PushedDiagnostic[];
	};
}

interface Probes {
	hover?: { file: string; line: number; character: number };
	codeAction?: { file: string; code: string; title: string };
}

interface FileResult {
	uri: string;
	languageId: string;
	symbolsAnswered: boolean;
	symbols: NeovimSymbol[];
	diagnosticsPublished: boolean;
	diagnostics: PushedDiagnostic[];
	error?: string;
}

interface NeovimSymbol {
	name: string;
	detail: string;
	line: number;
	endLine: number;
	parentLine: number | null;
}

const SESSION_DEADLINE_MS = 60_000;
const serverPath = path.join(repoRoot, 'dist', 'server.js');
const sessionScript = path.join(repoRoot, 'test', 'nvim', 'lsp-session.lua');

/** Neovim 0.7 or newer, or a failure that says how to install it (never a silent skip). */
function requireNeovim(): string {
	const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
	if (probe.error || probe.status !== 0) {
		throw new Error('Neovim not found: install it with `apt-get install -y neovim` (0.7 or newer) to run the Neovim tests.');
	}
	const version = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(probe.stdout);
	assert.ok(version, `cannot read the Neovim version from: ${probe.stdout.split('\n')[0]}`);
	const [major, minor] = [Number(version[1]), Number(version[2])];
	assert.ok(major > 0 || minor >= 7, `Neovim ${version[0]} is too old: the tests need 0.7+ (vim.lsp.start_client, vim.wait)`);
	return version[0];
}

/** Runs the Lua session on a copy of the fixture workspace (it edits a buffer). */
async function runSession(files: readonly string[], probes: Probes): Promise<SessionResult> {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-nvim-'));
	const resultPath = path.join(scratch, 'result.json');
	const workspace = path.join(scratch, 'workspace');
	fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
	try {
		return await runHeadlessEditor<SessionResult>({
			name: 'Neovim',
			command: 'nvim',
			args: ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${sessionScript}`],
			cwd: workspace,
			env: {
				...process.env,
				POSTMORTEM_SERVER: serverPath,
				POSTMORTEM_NVIM_ROOT: workspace,
				POSTMORTEM_NVIM_FILES: files.join('\n'),
				POSTMORTEM_NVIM_RESULT: resultPath,
				POSTMORTEM_NVIM_DEADLINE_MS: '20000',
				POSTMORTEM_NVIM_PROBES: JSON.stringify(probes),
			},
			resultPath,
			deadlineMs: SESSION_DEADLINE_MS,
		});
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

const PLAIN_TEXT = 'incident-postmortem.txt';
const plainTextLines = splitLines(fs.readFileSync(path.join(fixtureWorkspace, PLAIN_TEXT), 'utf8'));
const ZONE_FIX_TITLE = 'Add "All times in UTC." to the timeline';
/** Action items; its folder's .postmortem.json fixes today (2024-11-16) for the overdue check. */
const REVIEW_FILE = 'review/certificate-expiry.postmortem.md';

/** Where a user puts the cursor for K: inside the time of the 9:05 PM entry. */
function hoverPosition(): { line: number; character: number } {
	const line = lineStartingWith(plainTextLines, '9:05 PM:', PLAIN_TEXT);
	return { line, character: plainTextLines[line]!.indexOf('9:05 PM') + 2 };
}

suite('Neovim (built-in LSP client, dist/server.js --stdio)', function () {
	this.timeout(SESSION_DEADLINE_MS + 10_000);
	let session: SessionResult;

	suiteSetup(async () => {
		requireNeovim();
		assert.ok(fs.existsSync(serverPath), `${serverPath} is missing: run \`npm run build\` first`);
		session = await runSession([...fixtureNames, REVIEW_FILE], {
			hover: { file: PLAIN_TEXT, ...hoverPosition() },
			codeAction: { file: PLAIN_TEXT, code: 'timezone-missing', title: ZONE_FIX_TITLE },
		});
	});

	test('starts the server over stdio, gets answers and shuts it down cleanly', () => {
		assert.deepEqual(session.errors, []);
		assert.deepEqual(session.serverExit, { code: 0, signal: 0 });
		for (const name of fixtureNames) {
			assert.ok(session.files[name]?.symbolsAnswered, `documentSymbol answered for ${name}: ${session.files[name]?.error ?? ''}`);
			assert.equal(session.files[name]!.languageId, expected(name).languageId, `language id sent for ${name}`);
		}
	});

	for (const name of fixtureNames.filter((fileName) => expected(fileName).timeline)) {
		test(`${name}: the outline nests the timeline entries, with their times, under the timeline section`, () => {
			const lines = splitLines(fs.readFileSync(path.join(fixtureWorkspace, name), 'utf8'));
			const timeline = locateTimeline(name, lines);
			const symbols = session.files[name]!.symbols;
			const listing = `\n${symbols.map((symbol) => `${symbol.line} (in ${symbol.parentLine}): ${symbol.name} | ${symbol.detail}`).join('\n')}`;
			assert.ok(symbols.some((symbol) => symbol.line === timeline.headingLine), `a symbol for the timeline heading (line ${timeline.headingLine})${listing}`);
			const children = symbols.filter((symbol) => symbol.parentLine === timeline.headingLine);
			assert.deepEqual(
				children.map((symbol) => symbol.line),
				timeline.entries.map((entry) => entry.line),
				`the timeline section's children are its entries${listing}`,
			);
			children.forEach((child, index) => {
				const { time } = timeline.entries[index]!;
				assert.ok(labelShowsTime(`${child.name} ${child.detail}`, time), `entry on line ${child.line} shows ${time}${listing}`);
			});
		});
	}

	test('README.md: no symbols and an empty diagnostics push', () => {
		const readme = session.files['README.md']!;
		assert.ok(expected('README.md').notAPostmortem);
		assert.deepEqual(readme.symbols, []);
		assert.ok(readme.diagnosticsPublished, 'diagnostics were pushed (empty) for README.md');
		assert.deepEqual(readme.diagnostics, []);
	});

	test('pushes diagnostics to a client without pull support: incident-postmortem.txt has no time zone', () => {
		const file = session.files['incident-postmortem.txt']!;
		assert.ok(file.diagnosticsPublished, 'publishDiagnostics arrived for incident-postmortem.txt');
		const lines = splitLines(fs.readFileSync(path.join(fixtureWorkspace, 'incident-postmortem.txt'), 'utf8'));
		const { headingLine } = locateTimeline('incident-postmortem.txt', lines);
		assert.ok(
			file.diagnostics.some((diagnostic) => diagnostic.code === 'timezone-missing' && diagnostic.line === headingLine),
			`timezone-missing on the TIMELINE heading (line ${headingLine}); got ${JSON.stringify(file.diagnostics)}`,
		);
	});

	test('incident-postmortem.txt: the pushed diagnostics are exactly one timezone-missing warning, under the word TIMELINE', () => {
		const { headingLine } = locateTimeline(PLAIN_TEXT, plainTextLines);
		const pushed = session.files[PLAIN_TEXT]!.diagnostics;
		assert.deepEqual(
			pushed.map(({ code, severity, range, source }) => ({ code, severity, range, source })),
			[
				{
					code: 'timezone-missing',
					severity: 2, // Warning
					range: { start: { line: headingLine, character: 0 }, end: { line: headingLine, character: 'TIMELINE'.length } },
					source: 'postmortem',
				},
			],
		);
		assert.match(pushed[0]!.message, /^The timeline "TIMELINE" gives times \(7:15 PM and 6 more\) but no time zone/);
	});

	test('review: an overdue action item is pushed as a warning on its due date', () => {
		const file = session.files[REVIEW_FILE];
		assert.ok(file?.diagnosticsPublished, `publishDiagnostics arrived for ${REVIEW_FILE}`);
		const lines = splitLines(fs.readFileSync(path.join(fixtureWorkspace, REVIEW_FILE), 'utf8'));
		const line = lineStartingWith(lines, '- [ ] Renew certificates', REVIEW_FILE);
		const character = lines[line]!.indexOf('2024-10-20');
		const overdue = file.diagnostics.filter((diagnostic) => diagnostic.code === 'action-item-overdue');
		assert.deepEqual(
			overdue.map(({ severity, range, source }) => ({ severity, range, source })),
			[{ severity: 2, range: { start: { line, character }, end: { line, character: character + '2024-10-20'.length } }, source: 'postmortem' }],
		);
		assert.match(overdue[0]!.message, /was due on 2024-10-20, 27 days ago, and is still open/);
	});

	test('incident-postmortem.txt: hover (K) on the 9:05 PM entry says 1 h 50 min since the start', () => {
		const hover = session.probes?.hover;
		assert.ok(hover?.value, `a hover answered: ${JSON.stringify(hover)}`);
		assert.equal(hover.kind, 'markdown');
		assert.match(hover.value, /`T\+1h50m`: 1 h 50 min since the start \(7:15 PM, the stated start\)/);
		const { line } = hoverPosition();
		assert.deepEqual(hover.range, { start: { line, character: 0 }, end: { line, character: '9:05 PM'.length } }, 'the hover covers the time');
	});

	test('incident-postmortem.txt: the timezone quick fix comes as a WorkspaceEdit; applied, it adds the zone line and the next push has no warning', () => {
		const fix = session.probes?.codeAction;
		assert.ok(fix, 'the code action probe ran');
		const titles = fix.actions.map((action) => action.title);
		const zoneFix = fix.actions.find((action) => action.title === ZONE_FIX_TITLE);
		assert.ok(zoneFix, `the zone fix among ${JSON.stringify(titles)}`);
		assert.deepEqual(
			{ kind: zoneFix.kind, isPreferred: zoneFix.isPreferred, hasEdit: zoneFix.hasEdit, diagnosticCodes: zoneFix.diagnosticCodes },
			{ kind: 'quickfix', isPreferred: true, hasEdit: true, diagnosticCodes: ['timezone-missing'] },
		);
		assert.ok(fix.applied, 'vim.lsp.util.apply_workspace_edit ran');

		const { headingLine } = locateTimeline(PLAIN_TEXT, plainTextLines);
		// Neovim's buffer has no entry for the empty string after the file's final newline.
		const expected = [...plainTextLines.slice(0, headingLine + 1), 'All times in UTC.', ...plainTextLines.slice(headingLine + 1)];
		assert.equal(expected.at(-1), '');
		assert.deepEqual(fix.bufferLines, expected.slice(0, -1), 'the buffer after the edit');

		assert.ok(fix.pushedAfterEdit, 'the server pushed diagnostics again after the edit');
		assert.deepEqual(fix.diagnosticsAfter, [], 'no diagnostics once the zone is stated');
	});
});
