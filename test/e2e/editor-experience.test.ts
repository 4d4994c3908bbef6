// The editor features of issue 7 as a user meets them in a real VS Code (code-server, driven in
// Chromium): the table preview (预览表格) beside the text, the language status item, the
// workspace check (检查工作区中的年度报告) and the grammar's highlighting. One code-server session
// for the file; screenshots under test-results/e2e/NN-editor-*.png. Run with `npm run test:e2e`.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it as nodeIt, type TestContext } from 'node:test';
import type { Frame, Locator, Page } from 'playwright-core';
import { coloursIn, distance, isRed, luminance } from './colours';
import {
  breakSeventhTotal,
  cursorLine,
  editorOf,
  engineDiagnostics,
  engineProblems,
  goToLine,
  ONE_LINE,
  showProblems,
  languageStatus,
  openQuickInput,
  openWorkbench,
  quickOpen,
  REVERT_AND_CLOSE_KEY,
  runCommand,
  screenshot,
  startSession,
  stopSession,
  UI_TIMEOUT_MS,
  waitFor,
  type Session,
  clearProblemsFilter,
  drawnProblems,
} from './harness';

const SEED = '003_9d29cacfbc1688a2.txt';
const BROKEN = '003_broken_total.txt';
const LANGUAGE = /政府信息公开年报|Gov Report/;
/** The commands' titles as the palette shows them: code-server's UI is English, so package.nls.json's, in English alone (issue 19). */
const PREVIEW_TITLE = 'Preview Tables';
const CHECK_WORKSPACE_TITLE = 'Check Annual Reports in Workspace';
const NEW_REPORT_TITLE = 'New Annual Report';

/** A test that saves a screenshot named after it when it fails. */
function it(name: string, fn: (t: TestContext) => Promise<void>): void {
  nodeIt(name, async (t) => {
    try {
      await fn(t);
    } catch (error) {
      if (page) await screenshot(page, `FAILED-editor-${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`).catch(() => undefined);
      throw error;
    }
  });
}

let session: Session | undefined;
let page: Page;

// ---------------------------------------------------------------------------------------------
// The table preview: a webview, i.e. an iframe (…/webview/…/index.html) holding an inner iframe
// (the 'active-frame') with the extension's page.

/** The frame of the preview whose meta line names `file`, once it shows 表三's table. */
async function previewFrame(file: string): Promise<Frame> {
  return waitFor(
    `the table preview of ${file} (表三 drawn)`,
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const found = await frame
          .evaluate((name: string) => {
            const doc = (globalThis as any).document;
            const meta = doc.querySelector('#root .meta');
            return !!meta && String(meta.textContent).includes(name) && !!doc.querySelector('section.t3 table td[data-range]');
          }, file)
          .catch(() => false);
        if (found) return frame;
      }
      return undefined;
    },
    UI_TIMEOUT_MS,
    200,
  );
}

/** The rows of a preview table, each cell's text as drawn. */
function tableRows(frame: Frame, selector: string): Promise<string[][]> {
  return frame.evaluate(
    (sel: string) =>
      Array.from((globalThis as any).document.querySelectorAll(`${sel} tr`)).map((tr: any) =>
        Array.from(tr.querySelectorAll('th, td')).map((c: any) => String(c.textContent).replace(/\s+/g, ' ').trim()),
      ),
    selector,
  );
}

/** The preview cell that stands for line `line` (1-based) of the text. */
function cellOfLine(frame: Frame, line: number): Locator {
  return frame.locator(`section.t3 td.num[data-range^="${line - 1},"]`);
}

async function closeAllEditors(): Promise<void> {
  // A new report left open is unsaved: closing all would ask whether to save it and wait.
  await discardUntitled().catch((error: unknown) => console.log(`# ${String(error)}`));
  await runCommand(page, 'View: Close All Editors');
  // One that could not be thrown away is not saved either, as a user answers the prompt.
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ }).first();
  await dontSave.waitFor({ timeout: 2000 }).then(() => dontSave.click(), () => undefined);
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
}

/**
 * Throws away every untitled editor (a new report), so that closing editors asks nothing. It uses a key bound to
 * View: Revert and Close Editor, not the command palette: on CI the palette opened read-only here for minutes (see
 * runCommand). A dialog (a save prompt) is answered “Don't Save”, and each editor is tried a few times.
 */
async function discardUntitled(): Promise<void> {
  const untitled = page.locator('.tabs-container .tab[data-resource-name^="Untitled"]').first();
  const dialog = page.locator('.monaco-dialog-box');
  for (let attempt = 1; (await untitled.count()) > 0; attempt++) {
    if (await dialog.isVisible()) {
      console.log(`# a dialog while discarding the new report: ${(await dialog.innerText()).replace(/\s+/g, ' ').trim()}`);
      const dontSave = dialog.locator('.monaco-button', { hasText: /Don.t Save/ }).first();
      if (await dontSave.count()) await dontSave.click();
      else await page.keyboard.press('Escape');
    } else {
      await page.keyboard.press('Escape');
      await untitled.click();
      await page.keyboard.press(REVERT_AND_CLOSE_KEY);
    }
    const closed = await untitled.waitFor({ state: 'detached', timeout: 10_000 }).then(() => true, () => false);
    if (!closed && attempt >= 4) throw new Error(`an untitled editor stayed open after ${attempt} tries to throw it away`);
  }
}

async function openReport(file: string): Promise<Locator> {
  await quickOpen(page, file);
  await waitFor(`${file} in the gov-report language`, async () => LANGUAGE.test(await languageStatus(page).innerText()), UI_TIMEOUT_MS);
  return editorOf(page, file);
}

// ---------------------------------------------------------------------------------------------
// Highlighting: the spans Monaco draws a line with (class mtkN per token colour).

interface TokenSpan {
  readonly text: string;
  readonly cls: string;
  readonly color: string;
}

/** Where a token containing `text` is drawn on `line`, in page coordinates; undefined while the line is not in view. */
function tokenBox(editor: Locator, line: number, text: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  return editor.evaluate((el: any, { line, text }: { line: number; text: string }) => {
    const number = Array.from(el.querySelectorAll('.margin-view-overlays .line-numbers')).find((n: any) => n.textContent.trim() === String(line)) as any;
    if (!number) return undefined;
    const top = number.getBoundingClientRect().top;
    const row = Array.from(el.querySelectorAll('.view-lines .view-line')).find((v: any) => Math.abs(v.getBoundingClientRect().top - top) < 2) as any;
    const span = row && (Array.from(row.querySelectorAll('span[class*="mtk"]')).find((s: any) => String(s.textContent).includes(text)) as any);
    if (!span) return undefined;
    const r = span.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, { line, text });
}

function lineSpans(editor: Locator, line: number): Promise<TokenSpan[] | undefined> {
  return editor.evaluate((el: any, line: number) => {
    const number = Array.from(el.querySelectorAll('.margin-view-overlays .line-numbers')).find((n: any) => n.textContent.trim() === String(line)) as any;
    if (!number) return undefined;
    const top = number.getBoundingClientRect().top;
    const row = Array.from(el.querySelectorAll('.view-lines .view-line')).find((v: any) => Math.abs(v.getBoundingClientRect().top - top) < 2) as any;
    if (!row) return undefined;
    const view = el.ownerDocument.defaultView;
    return Array.from(row.querySelectorAll('span[class*="mtk"]')).map((s: any) => ({
      text: String(s.textContent).replace(/\u00a0/g, ' '),
      cls: String(s.className),
      color: view.getComputedStyle(s).color,
    }));
  }, line);
}

describe('gov-report’s editor features in VS Code (code-server)', { timeout: 5 * 60_000 }, () => {
  before(async () => {
    session = await startSession('code-server-editor-experience');
    page = await openWorkbench(session);
    // Room for the preview beside the text: the side bars closed, as a user makes room.
    await runCommand(page, 'View: Close Primary Side Bar');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    if (await page.locator('.part.auxiliarybar').isVisible()) {
      await runCommand(page, 'View: Hide Secondary Side Bar');
      await page.locator('.part.auxiliarybar').waitFor({ state: 'hidden' });
    }
  });

  after(async () => {
    await stopSession(session);
  });

  it('预览表格 draws 表二, 表三 and 表四 beside the text, marks the broken total, follows clicks and typing', async (t) => {
    // Seed 003, from the editor title's button.
    const t0 = Date.now();
    await openReport(SEED);
    const button = page.locator(`.editor-actions .action-label[aria-label*="${PREVIEW_TITLE}"]`).first();
    await button.waitFor({ state: 'visible' });
    await button.click();
    const frame = await previewFrame(SEED);
    t.diagnostic(`preview of seed 003 drawn in ${Date.now() - t0} ms`);
    // Beside the text: the editor is still there, and the webview is in a second group.
    await editorOf(page, SEED).waitFor({ state: 'visible' });
    assert.equal(await page.locator('.editor-group-container').count(), 2);

    const headings = await frame.locator('section.table h2').allInnerTexts();
    assert.deepEqual(headings.map((h) => h.trim().slice(0, 2)), ['表二', '表三', '表四'], `headings: ${JSON.stringify(headings)}`);
    for (const t of ['t2', 't3', 't4']) assert.ok((await frame.locator(`section.${t} table tr`).count()) > 2, `${t} has no table rows`);
    // The template's merged headers.
    const t3head = await tableRows(frame, 'section.t3 thead');
    assert.ok(t3head[0]!.includes('申请人情况'), JSON.stringify(t3head));
    assert.ok(t3head[1]!.includes('法人或其他组织'), JSON.stringify(t3head));
    assert.equal(await frame.locator('section.t3 thead th', { hasText: '申请人情况' }).getAttribute('colspan'), '7');
    assert.equal(await frame.locator('section.t3 thead th', { hasText: '法人或其他组织' }).getAttribute('colspan'), '5');
    const t4head = (await tableRows(frame, 'section.t4 thead')).flat();
    for (const h of ['行政复议', '行政诉讼']) assert.ok(t4head.includes(h), `表四's header lacks ${h}: ${JSON.stringify(t4head)}`);
    // 表三 row 一 (lines 87–93 of seed 003: 6 0 0 0 0 0 6).
    const lines = session!.workspace.files[SEED]!.split('\n');
    assert.deepEqual(lines.slice(86, 93).map((l) => l.trim()), ['6', '0', '0', '0', '0', '0', '6']);
    const rowOne = (await tableRows(frame, 'section.t3 tbody')).find((r) => r[0]!.startsWith('一、本年新收政府信息公开申请数量'));
    assert.ok(rowOne, 'no row 一 in 表三');
    assert.deepEqual(rowOne.slice(1, 8), ['6', '0', '0', '0', '0', '0', '6']);
    assert.equal(await frame.locator('section.t3 td.sev-error').count(), 0, 'seed 003 keeps its sums: no cell of 表三 should be an error');
    await frame.locator('section.t3').scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-preview-seed-003');

    // The broken copy, from the command palette: its （七）总计 cell is an error.
    const { line, was } = breakSeventhTotal(session!.workspace.files[SEED]!);
    assert.equal(line, 341);
    await closeAllEditors();
    await openReport(BROKEN);
    await runCommand(page, PREVIEW_TITLE);
    const broken = await previewFrame(BROKEN);
    const cell = cellOfLine(broken, line);
    await cell.waitFor({ state: 'attached' });
    assert.equal((await cell.locator('.v').innerText()).trim(), String(was + 1));
    assert.match((await cell.getAttribute('class')) ?? '', /\bsev-error\b/);
    const title = (await cell.getAttribute('title')) ?? '';
    // The editor is in English: so are the findings the preview shows.
    assert.match(title, /（七）总计/, `the cell's title: ${title}`);
    assert.match(title, new RegExp(`should be ${was}\\b`), `the cell's title: ${title}`);
    await cell.evaluate((el: any) => el.scrollIntoView({ block: 'center', inline: 'center' }));
    await cell.hover();
    await screenshot(page, 'editor-preview-broken-total');

    // A click on the cell puts the editor's cursor on it. On a loaded machine the webview may take the first click for
    // its focus and drop it (a CI run timed out here once, the run before and after passed): a click every 8 s, three at most.
    await goToLine(page, 1);
    await cell.click();
    let clicked = Date.now();
    let clicks = 1;
    await waitFor(
      `the cursor on line ${line}`,
      async () => {
        if ((await cursorLine(page, { wait: false })) === line) return true;
        if (clicks < 3 && Date.now() - clicked > 8_000) {
          await cell.click();
          clicked = Date.now();
          clicks++;
        }
        return false;
      },
      UI_TIMEOUT_MS,
    );
    await page.locator(`.monaco-editor.focused[data-uri$="/${BROKEN}"]`).waitFor();

    // Typing in the report: the preview follows (debounced). Select the number, type the right one.
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(String(was));
    await page.locator(`.tabs-container .tab.dirty[data-resource-name="${BROKEN}"]`).waitFor();
    await waitFor(
      `the preview's line-${line} cell to read ${was}, no longer an error`,
      async () => {
        const c = cellOfLine(broken, line);
        // Short reads: the preview redraws its cells, and a read of a redrawn cell must not use up the wait.
        return (await c.locator('.v').innerText({ timeout: 2000 })).trim() === String(was) && !/\bsev-error\b/.test((await c.getAttribute('class', { timeout: 2000 })) ?? '');
      },
      UI_TIMEOUT_MS,
      100,
    );
    assert.equal(await broken.locator('section.t3 td.sev-error').count(), 0);
    await screenshot(page, 'editor-preview-after-typing');
    // Undone, the file is as on disk again (so that closing it asks nothing), and the error is back.
    await page.keyboard.press('Control+Z');
    await page.locator(`.tabs-container .tab:not(.dirty)[data-resource-name="${BROKEN}"]`).waitFor();
    await waitFor(`the line-${line} cell an error again`, async () => /\bsev-error\b/.test((await cellOfLine(broken, line).getAttribute('class', { timeout: 2000 })) ?? ''), UI_TIMEOUT_MS, 100);
  });

  it('the language status item shows the counts, the template and the layout; its link opens Problems', async () => {
    await closeAllEditors();
    await openReport(SEED);
    const expected = engineProblems(session!, SEED);
    const errors = expected.filter((p) => p.startsWith('error ')).length;
    const warnings = expected.filter((p) => p.startsWith('warning ')).length;
    assert.ok(warnings > 0, `the engine finds no warnings in seed 003: ${expected.join('\n')}`);
    const item = page.locator('.statusbar-item[id="status.languageStatus"]');
    await item.waitFor({ state: 'visible' });
    // Next to the language mode.
    const itemBox = (await item.boundingBox())!;
    const modeBox = (await languageStatus(page).boundingBox())!;
    assert.ok(Math.abs(itemBox.x - modeBox.x) < 200, `the language status item at x=${itemBox.x}, the language mode at x=${modeBox.x}`);
    const entry = page.locator('.hover-language-status', { hasText: /查看问题|Show Problems/ }).first();
    /** The entry's label and detail once its detail matches `detail`, hovering the "{}" item. */
    const readEntry = (detail: RegExp, timeoutMs: number) =>
      waitFor(
        `the gov-report entry in the language status hover, its detail matching ${detail}`,
        async () => {
          await page.mouse.move(5, 500);
          await item.hover();
          await entry.waitFor({ state: 'visible', timeout: 3000 });
          const left = entry.locator('.left');
          const t = (await left.innerText()).replace(/\s+/g, ' ').trim();
          // The counts: "$(error) N $(warning) M", drawn as icons and numbers.
          if ((await left.locator('.codicon-error').count()) !== 1 || (await left.locator('.codicon-warning').count()) !== 1) return undefined;
          return new RegExp(`^${errors}\\s+${warnings}\\b`).test(t) && detail.test(t) ? t : undefined;
        },
        timeoutMs,
        250,
      );
    // The detail must come without switching editors: detection reopens the document as gov-report,
    // and the status item asks again on that (it once only asked on editor changes).
    const text = await readEntry(/2021/, UI_TIMEOUT_MS);
    assert.match(text, /2021/);
    // The English UI says it in English alone (issue 19: one language per UI).
    assert.match(text, /one cell per line/);
    assert.doesNotMatch(text, /一格一行/);
    await screenshot(page, 'editor-language-status');
    assert.equal(await page.locator('.markers-panel').isVisible(), false, 'the Problems panel is already open');
    await entry.locator('.right a', { hasText: /查看问题|Show Problems/ }).click();
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
  });

  it('检查工作区中的年度报告 lists the problems of reports that are not open', async (t) => {
    await closeAllEditors();
    if (await page.locator('.markers-panel').isVisible()) {
      await runCommand(page, 'View: Hide Panel');
      await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    }
    const t0 = Date.now();
    await runCommand(page, CHECK_WORKSPACE_TITLE);
    const toast = page.locator('.notification-toast', { hasText: /Checked \d+ reports/ }).first();
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    t.diagnostic(`workspace check done in ${Date.now() - t0} ms`);
    const message = (await toast.innerText()).replace(/\s+/g, ' ');
    // seed 003, its broken copy, notes.txt, …年度报告.txt and the page on one line; not the shopping list, nor the
    // column's list of reports (named like a report: the server finds no report in it).
    assert.match(message, /Checked 5 reports/, message);
    // One language: no Chinese sentence in an English notification.
    assert.doesNotMatch(message, /检查了/, message);
    await screenshot(page, 'editor-workspace-check-done');
    await toast.locator('.monaco-button', { hasText: /查看问题|Show Problems/ }).click();
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'a report is open');
    // Walking the panel with the keyboard (readProblems) would open each file, and an opened
    // report leaves the workspace check's list: read the rows as drawn, seed 003's alone
    // (the panel's filter) in the maximised panel.
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    await runCommand(page, 'View: Toggle Maximized Panel');
    await page.locator('.viewpane-filter').locator('input, .monaco-editor').first().click();
    await page.keyboard.type(`**/${SEED}`);
    const expected = engineProblems(session!, SEED).filter((p) => !p.startsWith('hint ')).sort();
    let last: string[] = [];
    const rows = await waitFor(
      `the problems of ${SEED} in the Problems panel`,
      async () => {
        const drawn = await drawnProblems(page);
        last = drawn.map((p) => `${p.severity} ${p.code} ${p.line}:${p.column}`).sort();
        return drawn.every((p) => p.file === SEED) && JSON.stringify(last) === JSON.stringify(expected) ? drawn : undefined;
      },
      UI_TIMEOUT_MS,
      250,
    ).catch((error) => assert.fail(`${String(error)}\nlisted: ${JSON.stringify(last)}\nexpected: ${JSON.stringify(expected)}`));
    assert.ok(rows.every((p) => /^[a-z]+\.[a-z.-]+$/.test(p.code)), JSON.stringify(rows));
    assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'reading the panel opened a report');
    await screenshot(page, 'editor-workspace-check-problems');
    await runCommand(page, 'View: Toggle Maximized Panel');

    // Opened and closed again, unchanged: its problems stay listed (issue 19; they once vanished for good).
    await openReport(SEED);
    await closeAllEditors();
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    await runCommand(page, 'View: Toggle Maximized Panel');
    // Held for 1.5 s in a row: the server's own list goes with the editor, so a match in between would not count.
    let since = 0;
    await waitFor(
      `the problems of ${SEED} listed again after it was opened and closed`,
      async () => {
        const drawn = await drawnProblems(page);
        last = drawn.map((p) => `${p.severity} ${p.code} ${p.line}:${p.column}`).sort();
        const same = drawn.every((p) => p.file === SEED) && JSON.stringify(last) === JSON.stringify(expected);
        since = same ? since || Date.now() : 0;
        return same && Date.now() - since >= 1500;
      },
      UI_TIMEOUT_MS,
      250,
    ).catch((error) => assert.fail(`${String(error)}\nlisted: ${JSON.stringify(last)}\nexpected: ${JSON.stringify(expected)}`));
    assert.equal(await page.locator('.tabs-container .tab').count(), 0);
    await screenshot(page, 'editor-workspace-check-after-open-close');
    await runCommand(page, 'View: Toggle Maximized Panel');
    await clearProblemsFilter(page);
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
  });

  it('a new report lists its unfilled sections in Problems and "3 to fill in" in the status, never ✓', async () => {
    await closeAllEditors();
    await runCommand(page, NEW_REPORT_TITLE);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('某某市某某局');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-message', { hasText: /Report year/ }).or(page.locator('.quick-input-widget', { hasText: /Report year/ })).first().waitFor();
    await input.fill('2025');
    await page.keyboard.press('Enter');
    try {
      await newReportShowsWhatIsLeft();
    } finally {
      // The untitled report is thrown away, so that closing editors later asks nothing.
      await page.keyboard.press('Escape');
      if (await page.locator('.markers-panel').isVisible()) await runCommand(page, 'View: Hide Panel');
      await discardUntitled();
    }
  });

  async function newReportShowsWhatIsLeft(): Promise<void> {
    await waitFor('the new report in the gov-report language', async () => LANGUAGE.test(await languageStatus(page).innerText()), UI_TIMEOUT_MS);
    const item = page.locator('.statusbar-item[id="status.languageStatus"]');
    await item.waitFor({ state: 'visible' });
    const entry = page.locator('.hover-language-status', { hasText: /Show Problems/ }).first();
    const text = await waitFor(
      'the status entry saying 3 to fill in',
      async () => {
        await page.mouse.move(5, 500);
        await item.hover();
        await entry.waitFor({ state: 'visible', timeout: 3000 });
        const left = entry.locator('.left');
        const t = (await left.innerText()).replace(/\s+/g, ' ').trim();
        return /3 to fill in/.test(t) && (await left.locator('.codicon-check').count()) === 0 ? t : undefined;
      },
      UI_TIMEOUT_MS,
      250,
    );
    assert.doesNotMatch(text, /No problems/);
    await screenshot(page, 'editor-new-report-status');
    await page.mouse.move(5, 500);
    await showProblems(page);
    // Only this rule's rows (the workspace check's 33 problems of other files would push them out of view).
    await clearProblemsFilter(page);
    await page.locator('.viewpane-filter input[aria-label="Filter Problems"]').first().focus();
    await page.keyboard.type('section.empty');
    await runCommand(page, 'View: Toggle Maximized Panel');
    const rows = await waitFor(
      'the three unfilled sections in the Problems panel',
      async () => {
        const drawn = (await drawnProblems(page)).filter((p) => p.code === 'section.empty');
        return drawn.length === 3 ? drawn : undefined;
      },
      UI_TIMEOUT_MS,
      250,
    );
    assert.ok(rows.every((p) => p.severity === 'info'), JSON.stringify(rows));
    const labels = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els: any[]) => els.map((e) => String(e.getAttribute('aria-label') ?? '')));
    for (const name of ['总体情况', '存在的主要问题及改进情况', '其他需要报告的事项']) assert.ok(labels.some((l) => l.includes(name)), `${name} in ${JSON.stringify(labels)}`);
    await screenshot(page, 'editor-new-report-problems');
    await runCommand(page, 'View: Toggle Maximized Panel');
    await clearProblemsFilter(page);
    await runCommand(page, 'View: Hide Panel');
  }

  it('long lines wrap in a report', async () => {
    await closeAllEditors();
    const editor = await openReport(ONE_LINE);
    await goToLine(page, session!.workspace.files[ONE_LINE]!.split('\n').length);
    // A wrapped line is drawn as several rows, the later ones without a line number.
    const drawn = await waitFor(
      'the page\'s long body line drawn',
      () =>
        editor.evaluate((el: any) => ({
          rows: el.querySelectorAll('.view-lines .view-line').length,
          numbered: Array.from(el.querySelectorAll('.margin-view-overlays .line-numbers')).filter((n: any) => n.textContent.trim() !== '').length,
        })).then((d: { rows: number; numbered: number }) => (d.rows > 0 ? d : undefined)),
      UI_TIMEOUT_MS,
    );
    assert.ok(drawn.rows > drawn.numbered + 3, `rows ${drawn.rows}, numbered ${drawn.numbered}`);
    await screenshot(page, 'editor-long-lines-wrap');
  });

  it('a web page saved on one line: its parts are found, and each error sits on one number of the line', async () => {
    await closeAllEditors();
    const editor = await openReport(ONE_LINE);
    const expected = engineProblems(session!, ONE_LINE).filter((p) => !p.startsWith('hint '));
    assert.ok(!expected.some((p) => p.includes('section.missing')), expected.join('\n'));
    const errors = engineDiagnostics(session!, ONE_LINE).filter((d) => d.key.startsWith('error '));
    assert.ok(errors.length > 0, 'the page has real errors in its 表三');
    await showProblems(page);
    // Only this file's rows, as a user narrows the panel (an earlier test may have left another filter).
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    const filter = page.locator('.viewpane-filter input[aria-label="Filter Problems"]').first();
    await filter.fill(`**/${ONE_LINE}`);
    // The panel maximised, so every row is drawn (the list draws only the rows in view).
    await runCommand(page, 'View: Toggle Maximized Panel');
    let last: string[] = [];
    await waitFor(
      `the problems of ${ONE_LINE} in the Problems panel`,
      async () => {
        last = (await drawnProblems(page)).filter((p) => p.file === ONE_LINE).map((p) => `${p.severity} ${p.code} ${p.line}:${p.column}`).sort();
        return JSON.stringify(last) === JSON.stringify(expected.sort());
      },
      UI_TIMEOUT_MS,
      250,
    ).catch((error) => assert.fail(`${String(error)}\nlisted: ${JSON.stringify(last)}\nexpected: ${JSON.stringify(expected)}`));
    await runCommand(page, 'View: Toggle Maximized Panel');
    // The body is the page's last line; every error is on it, on a single digit of a run-together row.
    const body = session!.workspace.files[ONE_LINE]!.split('\n');
    for (const p of errors) {
      const [, line, column] = /(\d+):(\d+)$/.exec(p.key)!;
      assert.equal(Number(line), body.length, p.key);
      assert.match(body[Number(line) - 1]!.charAt(Number(column) - 1), /\d/, p.key);
    }
    // The first error's row clicked, as a user does: the editor reveals that digit of the long line (the screenshot).
    // The hover on such a cell is asserted over the protocol (test/protocol/features.test.ts, a page saved on one line).
    const [, line, column] = /(\d+):(\d+)$/.exec(errors[0]!.key)!;
    await page.locator('.markers-panel .monaco-list-row', { hasText: `[Ln ${line}, Col ${column}]` }).first().click();
    await editor.waitFor({ state: 'visible' });
    await screenshot(page, 'editor-one-line-page');
    await page.keyboard.press('Escape');
    await filter.fill('');
    await runCommand(page, 'View: Hide Panel');
  });

  it('in onSave mode the table preview does not move while typing, and follows the save', async () => {
    await closeAllEditors();
    // The workspace's settings, written as a user's settings.json would be.
    const settingsDir = path.join(session!.workspace.folder, '.vscode');
    fs.mkdirSync(settingsDir, { recursive: true });
    fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify({ 'govReport.run': 'onSave' }));
    // VS Code picks the new folder's settings up from its file watcher and the extension then restarts
    // its language client (a new run mode needs a new client; its first pull redraws the preview): no
    // part of the UI says when, so this waits a settled 5 s before the report is opened.
    await page.waitForTimeout(5000);
    try {
      const { line, was } = breakSeventhTotal(session!.workspace.files[SEED]!);
      await openReport(BROKEN);
      await runCommand(page, PREVIEW_TITLE);
      const frame = await previewFrame(BROKEN);
      const value = async () => (await cellOfLine(frame, line).locator('.v').innerText()).trim();
      assert.equal(await value(), String(was + 1));
      await goToLine(page, line);
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type(String(was));
      await page.locator(`.tabs-container .tab.dirty[data-resource-name="${BROKEN}"]`).waitFor();
      // Something not happening is watched for a while: 2 s, several times the preview's 300 ms debounce.
      const until = Date.now() + 2000;
      while (Date.now() < until) {
        assert.equal(await value(), String(was + 1), 'the preview moved while typing in onSave mode');
        await page.waitForTimeout(200);
      }
      await screenshot(page, 'editor-onsave-preview-while-typing');
      await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+S`);
      await page.locator(`.tabs-container .tab:not(.dirty)[data-resource-name="${BROKEN}"]`).waitFor();
      await waitFor(`the preview's line-${line} cell to read ${was} after the save`, async () => (await value()) === String(was), UI_TIMEOUT_MS, 100);
      await screenshot(page, 'editor-onsave-preview-after-save');
      // The file back as it was.
      await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+Z`);
      await page.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+S`);
      await page.locator(`.tabs-container .tab:not(.dirty)[data-resource-name="${BROKEN}"]`).waitFor();
      await waitFor('the file as it was on disk', () => fs.readFileSync(path.join(session!.workspace.folder, BROKEN), 'utf8') === session!.workspace.files[BROKEN], UI_TIMEOUT_MS);
    } finally {
      fs.rmSync(settingsDir, { recursive: true, force: true });
      // Whatever happened, the next test must not meet an unsaved file.
      const dirty = page.locator(`.tabs-container .tab.dirty[data-resource-name="${BROKEN}"]`);
      if (await dirty.count()) {
        await dirty.click();
        await runCommand(page, 'View: Revert and Close Editor');
        await dirty.waitFor({ state: 'detached' });
      }
    }
  });

  it('highlights the section headings and the numbers apart from the prose', async () => {
    await closeAllEditors();
    const editor = await openReport(SEED);
    await goToLine(page, 1);
    const heading = await waitFor('line 18 drawn', () => lineSpans(editor, 18), UI_TIMEOUT_MS);
    assert.equal(heading.map((s) => s.text).join(''), '二、主动公开政府信息情况');
    // Long lines wrap (issue 19), so fewer lines fit: each is brought into view before it is read.
    const spansOf = async (line: number) => {
      await goToLine(page, line);
      return waitFor(`line ${line} drawn`, () => lineSpans(editor, line), UI_TIMEOUT_MS);
    };
    const prose = await spansOf(9);
    const numbers = await spansOf(28);
    const plain = prose.find((s) => s.text.startsWith('我局依照'))!;
    const sectionName = heading.find((s) => s.text.includes('主动公开政府信息情况'))!;
    const zero = numbers.find((s) => s.text.trim() === '0')!;
    const inline = prose.find((s) => s.text.startsWith('6'))!;
    assert.ok(plain && sectionName && zero && inline, JSON.stringify({ prose, heading, numbers }));
    assert.notEqual(sectionName.cls, plain.cls, `heading and prose drawn alike: ${JSON.stringify({ sectionName, plain })}`);
    assert.notEqual(sectionName.color, plain.color);
    assert.notEqual(zero.cls, plain.cls, `a number and prose drawn alike: ${JSON.stringify({ zero, plain })}`);
    assert.notEqual(zero.color, plain.color);
    assert.equal(inline.cls, zero.cls, 'a number inside prose is drawn as a table number');
    await screenshot(page, 'editor-highlighting');
  });

  it('in a light and a dark theme a table label is drawn in a colour of its own, never red: the screenshots are looked at', async () => {
    await closeAllEditors();
    const editor = await openReport(SEED);
    const scale = await page.evaluate(() => (globalThis as any).devicePixelRatio as number);
    // Line 334 of seed 003 is 表三's row label （七）总计; line 9 is prose.
    const LABEL_LINE = 334;
    for (const { theme, dark } of [{ theme: 'Light Modern', dark: false }, { theme: 'Dark Modern', dark: true }]) {
      // As a user picks one: Ctrl+K Ctrl+T (Preferences: Color Theme), the theme's name, Enter.
      const input = await openQuickInput(page, ['Control+K', 'Control+T'], theme);
      await input.fill(theme);
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: theme }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await waitFor(`the ${theme} theme applied`, async () => ((await page.locator('.monaco-workbench').getAttribute('class')) ?? '').split(/\s+/).includes(dark ? 'vs-dark' : 'vs') || undefined, UI_TIMEOUT_MS);
      // The label in view, the cursor two lines below it (the current line is drawn apart), the mouse away (no hover).
      await goToLine(page, LABEL_LINE);
      await goToLine(page, LABEL_LINE + 2);
      await page.mouse.move(5, 500);
      const box = await waitFor('the label drawn', () => tokenBox(editor, LABEL_LINE, '总计'), UI_TIMEOUT_MS);
      // The glyphs only: the line's lower fifth may hold a squiggle.
      const glyphs = { ...box, height: box.height * 0.8 };
      const file = await screenshot(page, `editor-theme-${dark ? 'dark' : 'light'}`);
      const colours = coloursIn(file, glyphs, scale);
      const background = colours[0]!.colour;
      assert.ok(dark ? luminance(background) < 0.25 : luminance(background) > 0.8, `${theme}: the editor's background is ${background}`);
      // The ink: the most frequent colour well apart from the background (anti-aliased edges are many shades of it).
      const ink = colours.find((c) => distance(c.colour, background) > 120)?.colour;
      assert.ok(ink, `${theme}: no glyph colour in ${JSON.stringify(colours.slice(0, 8))}`);
      assert.ok(!isRed(ink), `${theme}: the table label is painted ${ink}, a red (the colour of errors)`);
    }
  });
});
