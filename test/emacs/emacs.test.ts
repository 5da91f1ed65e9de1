import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { splitLines } from '../fixtures/expectations';
import { repoRoot } from '../fixtures/fixturePaths';
import { runHeadlessEditor } from '../fixtures/headlessEditor';

/** What test/emacs/eglot-session.el writes. */
interface SessionResult {
	emacs?: string;
	eglot?: string;
	server_name?: string;
	major_mode?: string;
	language_id?: string;
	diagnostics?: { type: string; text: string; code: string | null; line: number; text_covered: string }[];
	imenu?: { path: string; line: number }[];
	symbols?: { name: string; detail: string; line: number; parent_line: number | null }[];
	hover?: string | null;
	server_stopped?: boolean;
	errors: string[];
}

const SESSION_DEADLINE_MS = 60_000;
const serverPath = path.join(repoRoot, 'dist', 'server.js');
const sessionScript = path.join(repoRoot, 'test', 'emacs', 'eglot-session.el');
const FIXTURE = 'queue-backlog-postmortem.txt';
const fixturePath = path.join(repoRoot, 'test', 'fixtures', 'emacs', FIXTURE);
const fixtureLines = splitLines(fs.readFileSync(fixturePath, 'utf8'));

function lineOf(prefix: string): number {
	const line = fixtureLines.findIndex((text) => text.startsWith(prefix));
	assert.ok(line >= 0, `${FIXTURE} has a line starting with ${prefix}`);
	return line;
}

/** Emacs with eglot (built in from 29, `elpa-eglot` on Debian 12's Emacs 28), or a failure that says what to install. */
function requireEmacsWithEglot(): void {
	const probe = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
	if (probe.error || probe.status !== 0) {
		throw new Error('Emacs not found: install it with `apt-get install -y --no-install-recommends emacs-nox elpa-eglot` to run the Emacs tests.');
	}
	// The session script looks for eglot the same way (Debian's elpa folder, then Emacs' own).
	const eglot = spawnSync(
		'emacs',
		['--batch', '-Q', '--eval', `(progn (require 'package) (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa") (package-initialize) (princ (if (locate-library "eglot") "found" "missing")))`],
		{ encoding: 'utf8' },
	);
	if (eglot.stdout.trim() !== 'found') {
		throw new Error(`${probe.stdout.split('\n')[0]} has no eglot: install it with \`apt-get install -y --no-install-recommends elpa-eglot\` (or use Emacs 29+) to run the Emacs tests.`);
	}
}

/** Runs the session on a copy of the fixture; the scratch folder is removed afterwards. */
async function runSession(hover: { line: number; character: number }): Promise<SessionResult> {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-emacs-'));
	const resultPath = path.join(scratch, 'result.json');
	const file = path.join(scratch, FIXTURE);
	fs.copyFileSync(fixturePath, file);
	try {
		return await runHeadlessEditor<SessionResult>({
			name: 'Emacs',
			command: 'emacs',
			args: ['--batch', '-Q', '-l', sessionScript],
			cwd: scratch,
			env: {
				...process.env,
				POSTMORTEM_SERVER: serverPath,
				POSTMORTEM_EMACS_FILE: file,
				POSTMORTEM_EMACS_RESULT: resultPath,
				POSTMORTEM_EMACS_DEADLINE_MS: '20000',
				POSTMORTEM_EMACS_HOVER: `${hover.line}:${hover.character}`,
			},
			resultPath,
			deadlineMs: SESSION_DEADLINE_MS,
		});
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

suite('Emacs (eglot, node dist/server.js --stdio)', function () {
	this.timeout(SESSION_DEADLINE_MS + 10_000);
	const hoverLine = lineOf('09:31 - ');
	let session: SessionResult;

	suiteSetup(async () => {
		requireEmacsWithEglot();
		assert.ok(fs.existsSync(serverPath), `${serverPath} is missing: run \`npm run build\` first`);
		session = await runSession({ line: hoverLine, character: 2 });
		console.log(`    Emacs ${session.emacs}, eglot ${session.eglot}`);
	});

	test('eglot connects to the server for a text-mode buffer as plaintext, and shuts it down', () => {
		assert.deepEqual(session.errors, []);
		assert.equal(session.server_name, 'postmortem-language-server');
		assert.equal(session.major_mode, 'text-mode');
		assert.equal(session.language_id, 'plaintext');
		assert.equal(session.server_stopped, true);
	});

	test('Flymake shows one timezone-missing warning under the word TIMELINE, and notes on the two actions without owner or date', () => {
		const shown = (session.diagnostics ?? []).map(({ type, code, line, text_covered }) => ({ type, code, line, text_covered }));
		assert.deepEqual(
			shown.filter((diagnostic) => diagnostic.type !== 'eglot-note'),
			[{ type: 'eglot-warning', code: 'timezone-missing', line: lineOf('TIMELINE:'), text_covered: 'TIMELINE' }],
		);
		const note = (code: string, action: string) => ({ type: 'eglot-note', code, line: lineOf(`- ${action}`), text_covered: action });
		const byPosition = (a: { line: number; code: string | null }, b: { line: number; code: string | null }) => a.line - b.line || String(a.code).localeCompare(String(b.code));
		assert.deepEqual(
			shown.filter((diagnostic) => diagnostic.type === 'eglot-note').sort(byPosition),
			[
				note('action-item-due', 'Check configuration keys against production before a rollout.'),
				note('action-item-owner', 'Check configuration keys against production before a rollout.'),
				note('action-item-due', 'Alert on worker restarts, not only on queue depth.'),
				note('action-item-owner', 'Alert on worker restarts, not only on queue depth.'),
			],
		);
		assert.match(session.diagnostics!.find((diagnostic) => diagnostic.code === 'timezone-missing')!.text, /^postmortem \[timezone-missing\]: The timeline "TIMELINE" gives times \(09:10 and 5 more\) but no time zone/);
	});

	test('documentSymbol nests the six timeline entries, with their times, under TIMELINE', () => {
		const symbols = session.symbols ?? [];
		const timeline = lineOf('TIMELINE:');
		const title = symbols.find((symbol) => symbol.parent_line === null);
		assert.equal(title?.name, fixtureLines[0]);
		assert.deepEqual(
			symbols.filter((symbol) => symbol.parent_line === title!.line).map((symbol) => symbol.name),
			['SUMMARY', 'TIMELINE', 'ROOT CAUSE', 'RESOLUTION', 'CORRECTIVE ACTIONS'],
		);
		const entries = fixtureLines.flatMap((text, line) => (/^\d\d:\d\d - /.test(text) ? [{ line, time: text.slice(0, 5), name: text.slice(8) }] : []));
		assert.equal(entries.length, 6);
		assert.deepEqual(
			symbols.filter((symbol) => symbol.parent_line === timeline).map(({ line, detail, name }) => ({ line, time: detail, name })),
			entries,
		);
	});

	test('imenu (M-x imenu) lists the same outline through eglot-imenu', () => {
		const rows = session.imenu ?? [];
		assert.deepEqual(
			rows.map((row) => row.line),
			(session.symbols ?? []).map((symbol) => symbol.line),
		);
		const entry = rows.find((row) => row.line === hoverLine);
		assert.match(entry?.path ?? '', /::TIMELINE > Workers found crash-looping on a missing configuration key\.$/);
	});

	test('ElDoc hover on the 09:31 entry says 21 min since the 09:10 start and 13 min after 09:18', () => {
		assert.ok(session.hover, 'a hover was shown');
		assert.match(session.hover, /`T\+21m`: 21 min since the start \(09:10, the stated start\)/);
		assert.match(session.hover, /\+13 min since the previous entry \(09:18\)/);
	});
});
