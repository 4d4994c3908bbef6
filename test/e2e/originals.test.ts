// Originals in a real VS Code (code-server, driven in Chromium): a report published as a web page
// is opened from the Explorer's context menu (作为年度报告检查) as a read-only rendition with the
// gov-report language; the Problems panel lists what the engine (the installed dist/cli.js) finds
// in that page, at the rendition's lines; the Outline lists its sections; a hover says where a
// cell is in the page; when the page changes on disk the rendition and its problems follow; a file
// that cannot be read gets an error naming it and no document. Screenshots under
// test-results/e2e/NN-originals-*.png. Run with `npm run test:e2e`.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it as nodeIt, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { converted } from '../corpus/libreoffice';
import { validT3 } from '../helpers/build-report';
import { sharedDir } from '../helpers/fixtures';
import { savedAsOneFile } from '../corpus/print';
import { portalPageBytes, wrongTotalsPage } from '../helpers/portal-page';
import { wordReport } from '../helpers/word-report';
import {
  engineDiagnostics,
  goToLine,
  hoverWithMouse,
  openWorkbench,
  readProblems,
  readTree,
  runCommand,
  screenshot,
  settled,
  showProblems,
  startSession,
  stopSession,
  UI_TIMEOUT_MS,
  waitFor,
  type ProblemRow,
  type Session,
  clearProblemsFilter,
  drawnProblems,
  filterProblems,
} from './harness';

const PAGE = 'portal-report.html';
/** A second page, not opened: the workspace check reads it. */
const OTHER_PAGE = 'other-agency.htm';
const BROKEN_PDF = 'truncated.pdf';
/** A Word file cut short (a zip's local header and nothing more). */
const BROKEN_DOCX = 'truncated.docx';
/** The 2021 template Word file with figures typed in, two totals wrong (test/helpers/word-report.ts). */
const WORD = 'word-report.docx';
const WORD_97 = 'word-report.doc';
/** The Word file saved as RTF by LibreOffice. */
const WORD_RTF = 'word-report.rtf';
/** A portal page with the Word file's two wrong totals, saved as one file by Chromium (test/corpus/print.ts). */
const SAVED_PAGE = 'saved-page.mhtml';
/** 洪泽区's published 2023 report (../shared/raw): two wrong 表四 totals on its page 4. */
const HONGZE_PDF = 'hongze-2023.pdf';
const LANGUAGE = /政府信息公开年报|Gov Report/;
const CHECK_AS_REPORT = 'Check as Annual Report';

/**
 * A portal's page (chrome around the article, merged header cells and row labels, saved in GB2312:
 * test/helpers/portal-page.ts) whose 表三 （七）总计 has 自然人 one more than its rows add up to; and
 * the same page mended.
 */
const BROKEN_PAGE = portalPageBytes({ gb2312: true, t3: { total: validT3().total!.map((v, i) => (i === 0 ? v + 1 : v)) } });
const MENDED_PAGE = portalPageBytes({ gb2312: true });

function it(name: string, fn: (t: TestContext) => Promise<void>, options: { todo?: string } = {}): void {
  nodeIt(name, options, async (t) => {
    try {
      await fn(t);
    } catch (error) {
      if (page) await screenshot(page, `FAILED-originals-${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`).catch(() => undefined);
      throw error;
    }
  });
}

let session: Session | undefined;
let page: Page;

const key = (p: Pick<ProblemRow, 'severity' | 'code' | 'line' | 'column'>) => `${p.severity} ${p.code} ${p.line}:${p.column}`;

/** The engine's errors, warnings and infos for an original (the CLI reads the same file with the same reader). */
function expectedProblems(file = PAGE): string[] {
  return engineDiagnostics(session!, file)
    .map((d) => d.key)
    .filter((k) => !k.startsWith('hint '))
    .sort();
}

async function problemsOfPage(expected: string[], file = PAGE): Promise<ProblemRow[]> {
  await showProblems(page);
  let last: string[] = [];
  try {
    return await waitFor(
      `the problems of ${file}`,
      async () => {
        const rows = (await readProblems(page)).filter((p) => p.file.startsWith(file));
        last = rows.map(key).sort();
        return JSON.stringify(last) === JSON.stringify(expected) ? rows : undefined;
      },
      UI_TIMEOUT_MS,
      250,
    );
  } catch (error) {
    assert.deepEqual(last, expected, String(error));
    throw error;
  }
}

/**
 * The problems of one file, read as the panel draws them with its filter narrowed to that file: after the
 * workspace check the panel holds every report's rows, and walking them with the keyboard opens each file.
 */
async function drawnProblemsOf(file: string, expected: string[]): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) await showProblems(page);
  await filterProblems(page, `**/${file}`);
  let last: string[] = [];
  await waitFor(
    `the problems of ${file} as drawn`,
    async () => {
      last = (await drawnProblems(page)).filter((p) => p.file === file).map(key).sort();
      return JSON.stringify(last) === JSON.stringify(expected) || undefined;
    },
    UI_TIMEOUT_MS,
    250,
  ).catch((error) => assert.fail(`${String(error)}\nlisted: ${JSON.stringify(last)}\nexpected: ${JSON.stringify(expected)}`));
}

/** Right-click on a file in the Explorer, then a menu entry. */
async function explorerMenu(file: string, entry: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  const item = page.locator('.context-view .action-item', { hasText: entry }).first();
  // The extension's menu entries appear once the extension host has read its manifest: until then, close the menu and ask again.
  await waitFor(`“${entry}” in the Explorer's menu of ${file}`, async () => {
    await row.click({ button: 'right' });
    if (await item.waitFor({ timeout: 2000 }).then(() => true, () => false)) return true;
    await page.keyboard.press('Escape');
    return undefined;
  }, UI_TIMEOUT_MS, 500);
  // The menu fades in: a click before it has settled may be lost.
  await settled(item);
  await screenshot(page, 'originals-explorer-menu');
  await item.click();
}

/** Opens a collapsed row of a tree by its twistie (a click on the row itself may open its file). */
async function expand(row: ReturnType<Page['locator']>): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
}

/**
 * The Problems panel's rows of one file as drawn, its problems' related locations open: every file
 * collapsed (others' rows would push them out of view), then the file's and its errors' twisties.
 */
async function drawnProblemRows(file: string, until: (rows: string[]) => boolean): Promise<string[]> {
  // Ctrl+Shift+M toggles the panel when it has focus: only when it is not shown.
  if (!(await page.locator('.markers-panel').isVisible())) await showProblems(page);
  return waitFor(`the problems of ${file} drawn with their related locations`, async () => {
    await page.locator('.panel .action-label[aria-label="Collapse All"]').first().click();
    const fileRow = page.locator('.markers-panel .monaco-list-row', { hasText: file }).first();
    if (!(await fileRow.isVisible())) return undefined;
    await expand(fileRow);
    const errorRows = page.locator('.markers-panel .monaco-list-row[aria-expanded="false"]', { hasText: /gov-report/ });
    for (let k = await errorRows.count(); k > 0; k--) await expand(errorRows.first());
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    return until(rows) ? rows : undefined;
  }, UI_TIMEOUT_MS, 500);
}

/** The editor showing the rendition of `file` (its uri is the gov-report-original: scheme). */
function renditionEditor(file: string) {
  return page.locator(`.monaco-editor[data-uri^="gov-report-original:"][data-uri*="${encodeURIComponent(file)}"]`);
}

describe('originals in VS Code (code-server)', { timeout: 10 * 60_000 }, () => {
  before(async () => {
    session = await startSession('code-server-originals');
    fs.writeFileSync(path.join(session.workspace.folder, PAGE), BROKEN_PAGE);
    fs.writeFileSync(path.join(session.workspace.folder, OTHER_PAGE), portalPageBytes({ agency: '另一个局', t4: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }));
    fs.writeFileSync(path.join(session.workspace.folder, WORD), wordReport());
    fs.writeFileSync(path.join(session.workspace.folder, WORD_97), converted(wordReport(), 'doc'));
    fs.writeFileSync(path.join(session.workspace.folder, WORD_RTF), converted(wordReport(), 'rtf'));
    fs.writeFileSync(path.join(session.workspace.folder, SAVED_PAGE), (await savedAsOneFile([portalPageBytes(wrongTotalsPage())]))[0]!);
    fs.writeFileSync(path.join(session.workspace.folder, BROKEN_DOCX), Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]));
    fs.copyFileSync(path.join(sharedDir('raw'), '淮安市洪泽区人民政府_2023.pdf'), path.join(session.workspace.folder, HONGZE_PDF));
    fs.writeFileSync(path.join(session.workspace.folder, BROKEN_PDF), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<', 'latin1'), Buffer.alloc(64)]));
    page = await openWorkbench(session);
  });

  after(async () => {
    await stopSession(session);
  });

  it('作为年度报告检查 on a web page opens its rendition, read-only, in the gov-report language', async () => {
    await explorerMenu(PAGE, CHECK_AS_REPORT);
    const editor = renditionEditor(PAGE);
    await editor.waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.tabs-container .tab.active', { hasText: PAGE }).waitFor();
    await waitFor('the gov-report language in the status bar', async () => LANGUAGE.test(await page.locator('.statusbar-item[id="status.editor.mode"]').innerText()), UI_TIMEOUT_MS);
    // The rendition is the text the checker reads: the title and the table rows, the page's chrome gone.
    const text = await editor.locator('.view-lines').innerText();
    assert.match(text, /某某市某某局2022年政府信息公开工作年度报告/);
    assert.doesNotMatch(text, /网站标识码|打印本页|当前位置/);
    // Read-only: typing changes nothing and VS Code says why.
    await editor.locator('.view-lines').click();
    await page.keyboard.type('改');
    await page.locator('.monaco-editor-overlaymessage, .message', { hasText: /read-only|只读|Cannot edit/i }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.doesNotMatch(await editor.locator('.view-lines').innerText(), /改/);
    await screenshot(page, 'originals-rendition');
  });

  it('the Problems panel lists what the engine finds in the page, the sum error at the （七）总计 row', async () => {
    const expected = expectedProblems();
    const sum = engineDiagnostics(session!, PAGE).filter((d) => d.key.startsWith('error '));
    assert.equal(sum.length, 1, `the engine finds one error in the page: ${JSON.stringify(sum)}`);
    const rows = await problemsOfPage(expected);
    const error = rows.find((r) => r.severity === 'error')!;
    assert.equal(key(error), sum[0]!.key);
    await screenshot(page, 'originals-problems');
    // Where the engine places it: the row （七）总计 of the rendition.
    await goToLine(page, error.line);
    const line = await waitFor('the error line drawn', async () => {
      const text = await renditionEditor(PAGE).locator('.view-line', { hasText: '总计' }).allInnerTexts();
      return text.find((t) => /（七）总计/.test(t));
    }, UI_TIMEOUT_MS);
    assert.match(line, /（七）总计\s+5\s+1/);
  });

  it('a hover on the wrong cell says where it is in the page', async () => {
    const rows = (await readProblems(page)).filter((p) => p.file.startsWith(PAGE));
    const error = rows.find((r) => r.severity === 'error')!;
    await goToLine(page, error.line);
    const hover = await hoverWithMouse(page, renditionEditor(PAGE), error.line, '5', /In the original|原文位置/);
    const said = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(said, /表三 row “（七）总计”, column “自然人”|表三“（七）总计”行“自然人”列/);
    await screenshot(page, 'originals-hover');
  });

  it('the Outline lists the page’s six sections', async () => {
    await runCommand(page, 'Explorer: Focus on Outline View');
    const outline = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Outline' }) }).locator('.monaco-list');
    const rows = await waitFor('the Outline of the page', async () => {
      const all = await readTree(page, outline);
      return all.filter((r) => r.level === 1).length >= 6 ? all : undefined;
    }, UI_TIMEOUT_MS, 250);
    const top = rows.filter((r) => r.level === 1).map((r) => r.label);
    for (const name of ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项']) {
      assert.ok(top.some((l) => l.includes(name)), `${name} not in the Outline:\n${top.join('\n')}`);
    }
    await screenshot(page, 'originals-outline');
  });

  it('when the page changes on disk, the rendition and its problems follow', async () => {
    fs.writeFileSync(path.join(session!.workspace.folder, PAGE), MENDED_PAGE);
    const expected = expectedProblems();
    assert.ok(!expected.some((k) => k.startsWith('error ')), 'the mended page has no error');
    await problemsOfPage(expected);
    await waitFor('the rendition showing the mended total', async () => {
      const lines = await renditionEditor(PAGE).locator('.view-line', { hasText: '（七）总计' }).allInnerTexts();
      return lines.some((t) => /（七）总计\s+4\s+1/.test(t)) || undefined;
    }, UI_TIMEOUT_MS);
    await screenshot(page, 'originals-followed');
  });

  it('the language status item names the template and the rendition’s layout; the table preview draws its tables', async () => {
    await page.locator('.tabs-container .tab', { hasText: PAGE }).first().click();
    // The language status item ({} beside the language mode): the template, and the layout the rendition is written in.
    const item = page.locator('.statusbar-item[id="status.languageStatus"]');
    await item.waitFor({ state: 'visible' });
    const entry = page.locator('.hover-language-status', { hasText: /查看问题|Show Problems/ }).first();
    const said = await waitFor('the gov-report entry of the language status', async () => {
      await page.mouse.move(5, 500);
      await item.hover();
      if (!(await entry.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false))) return undefined;
      const text = (await entry.innerText()).replace(/\s+/g, ' ');
      return /2021/.test(text) && /制表符表格|tab grid/.test(text) ? text : undefined;
    }, UI_TIMEOUT_MS, 250);
    assert.match(said, /2021/);
    await screenshot(page, 'originals-status-item');
    await page.mouse.move(5, 500);
    await runCommand(page, 'Preview Tables');
    await waitFor('the preview of the rendition', async () => {
      for (const frame of page.frames()) {
        const drawn = await frame.evaluate(() => !!(globalThis as any).document.querySelector('section.t3 table td[data-range]')).catch(() => false);
        if (drawn) return true;
      }
      return undefined;
    }, UI_TIMEOUT_MS);
    await screenshot(page, 'originals-preview');
  });

  it('the workspace check reads the other page and lists its problems against its rendition', async () => {
    const expected = engineDiagnostics(session!, OTHER_PAGE).map((d) => d.key).filter((k) => !k.startsWith('hint ')).sort();
    assert.ok(expected.some((k) => k.startsWith('error ')), `the engine finds an error in ${OTHER_PAGE}: ${expected.join(', ')}`);
    await runCommand(page, 'Check Annual Reports in Workspace');
    await showProblems(page);
    // The check lists the workspace's .txt reports too. The page's rows are read as drawn, not by walking the
    // tree with the keyboard: that opens each row's file, and opening a rendition switches its language.
    // Read as drawn, not by walking the tree with the keyboard: that opens each row's file, and opening a
    // rendition switches its language under the walk.
    const drawn = await drawnProblemRows(OTHER_PAGE, (rows) =>
      expected.every((k) => {
        const [, code, at] = k.split(' ');
        const [line, column] = at!.split(':');
        return rows.some((t) => t.includes(code!) && t.includes(`[Ln ${line}, Col ${column}]`));
      }) && rows.some((t) => t.startsWith(OTHER_PAGE) && t.includes('[Ln')),
    );
    assert.ok(drawn.some((t) => /In the original: 表四 row “行政复议”, column “总计”|原文位置：表四“行政复议”行“总计”列/.test(t)), drawn.join('\n'));
    await screenshot(page, 'originals-workspace-check');
  });

  it('将读出的文本另存为 .txt saves the rendition beside the page and opens it, editable', async () => {
    await page.locator('.tabs-container .tab', { hasText: PAGE }).first().click();
    await runCommand(page, 'Save the Text Read as .txt');
    // code-server's save dialog is a quick input holding the proposed path: accept it.
    const input = page.locator('.quick-input-widget input');
    await waitFor('the proposed .txt path', async () => (await input.inputValue()).endsWith('portal-report.txt') || undefined, UI_TIMEOUT_MS);
    await page.keyboard.press('Enter');
    const saved = path.join(session!.workspace.folder, 'portal-report.txt');
    await waitFor('the .txt written', () => fs.existsSync(saved) || undefined, UI_TIMEOUT_MS);
    await page.locator('.tabs-container .tab.active', { hasText: 'portal-report.txt' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const cli = path.join(session!.extensionsDir, 'gov-report.gov-report-0.1.0', 'dist', 'cli.js');
    const rendered = spawnSync(process.execPath, [cli, 'render', path.join(session!.workspace.folder, PAGE)], { encoding: 'utf8' }).stdout;
    assert.equal(fs.readFileSync(saved, 'utf8'), rendered);
    await waitFor('the gov-report language for the saved text', async () => LANGUAGE.test(await page.locator('.statusbar-item[id="status.editor.mode"]').innerText()) || undefined, UI_TIMEOUT_MS);
    await screenshot(page, 'originals-saved-txt');
  });

  /** Checks an original with two wrong totals (表三 （七）总计, 表四 行政复议) as a report: its rendition lists them, each with its place in the file. */
  async function originalShowsItsTwoTotals(file: string, shot: string): Promise<void> {
    await runCommand(page, 'View: Close All Editors');
    await explorerMenu(file, CHECK_AS_REPORT);
    await renditionEditor(file).waitFor({ timeout: UI_TIMEOUT_MS });
    const expected = expectedProblems(file);
    assert.equal(expected.filter((k) => k.startsWith('error ')).length, 2, expected.join('\n'));
    await drawnProblemsOf(file, expected);
    const drawn = await drawnProblemRows(file, (rows) => rows.filter((t) => /In the original/.test(t)).length >= 2);
    for (const place of [/表三 row “（七）总计”, column “总计”/, /表四 row “行政复议”, column “总计”/]) {
      assert.ok(drawn.some((t) => /In the original/.test(t) && place.test(t)), `${place} not among:\n${drawn.join('\n')}`);
    }
    await screenshot(page, shot);
  }

  it('a Word file: its rendition lists the two wrong totals the engine finds, each with its place in the file', async () => {
    await originalShowsItsTwoTotals(WORD, 'originals-word');
  });

  it('the same Word file saved as Word 97–2003 by LibreOffice (.doc): the same two wrong totals, at the same places', async () => {
    await originalShowsItsTwoTotals(WORD_97, 'originals-word-97');
  });

  it('the same Word file saved as RTF by LibreOffice (.rtf): the same two wrong totals, at the same places', async () => {
    await originalShowsItsTwoTotals(WORD_RTF, 'originals-rtf');
  });

  it('a page saved as one file by Chromium (.mhtml): the same two wrong totals, at the same places', async () => {
    await originalShowsItsTwoTotals(SAVED_PAGE, 'originals-mhtml');
  });

  it('a published PDF: its two wrong 表四 totals, each said to be on page 4 at its cell', async () => {
    await runCommand(page, 'View: Close All Editors');
    await explorerMenu(HONGZE_PDF, CHECK_AS_REPORT);
    await renditionEditor(HONGZE_PDF).waitFor({ timeout: UI_TIMEOUT_MS });
    const expected = expectedProblems(HONGZE_PDF);
    assert.equal(expected.filter((k) => k.startsWith('error ')).length, 2, expected.join('\n'));
    await drawnProblemsOf(HONGZE_PDF, expected);
    const drawn = await drawnProblemRows(HONGZE_PDF, (rows) => rows.filter((t) => /In the original: page 4/.test(t)).length >= 2);
    for (const place of [/page 4, 表四 row “行政复议”, column “总计”/, /page 4, 表四 row “行政诉讼 复议后起诉”, column “总计”/]) {
      assert.ok(drawn.some((t) => place.test(t)), `${place} not among:\n${drawn.join('\n')}`);
    }
    await screenshot(page, 'originals-pdf');
    await clearProblemsFilter(page);
  });

  it('a Word file that cannot be read: an error naming it, and no document', async () => {
    await explorerMenu(BROKEN_DOCX, CHECK_AS_REPORT);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /[Cc]annot read|Could not read|无法读取/ }).filter({ hasText: BROKEN_DOCX }).first();
    await toast.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await toast.innerText(), /Word/);
    await screenshot(page, 'originals-unreadable');
    assert.equal(await renditionEditor(BROKEN_DOCX).count(), 0);
  });

  it('a PDF that cannot be read: an error naming it, and no document', async () => {
    // The Word file's toast is dismissed first, as a user would: a new toast under an old one may stay hidden.
    await runCommand(page, 'Notifications: Clear All Notifications');
    await explorerMenu(BROKEN_PDF, CHECK_AS_REPORT);
    // The error is a toast, or, when VS Code keeps it in the notification centre instead (a second error in
    // a row), there: the user reads it either way.
    const said = /[Cc]annot read|Could not read|无法读取/;
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: said }).filter({ hasText: BROKEN_PDF }).first();
    if (!(await toast.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
      await runCommand(page, 'Notifications: Show Notifications');
      await page.locator('.notifications-center .notification-list-item', { hasText: said }).filter({ hasText: BROKEN_PDF }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    }
    await screenshot(page, 'originals-unreadable-pdf');
    assert.equal(await renditionEditor(BROKEN_PDF).count(), 0);
  });

});
