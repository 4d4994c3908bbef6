// What a reviewer's folder holds beside the reports (a helper's field, ROBUSTNESS.md defect 191): the report's 解读
// and 一图读懂, a 更正说明 quoting the corrected table, the 政府信息公开指南, a 工作总结 with the template's part titles,
// the column's list page with excerpts. Checked as reports they got "parts missing" errors, a picture page ended the
// run with exit 2 and a 解读 hid last year's report from the cross-year check. Now the folder walk skips them, and a
// file named on the command line gets one information finding saying what it is.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { otherDocumentKind, looksLikeReport } from '../../../server/src/core/detect';
import { buildReport } from '../../helpers/build-report';
import { AGENCY, yearSeries } from '../../helpers/year-series';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin/gov-report.js');

interface JsonResult {
  file: string;
  diagnostics: { code: string; severity: string; message: string }[];
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const TITLE_2023 = `${AGENCY}2023年政府信息公开工作年度报告`;

const INTERPRETATION = [
  `《${TITLE_2023}》解读`,
  '',
  '一、总体情况',
  '',
  '2023年，我局主动公开政府信息126条，收到政府信息公开申请5件。',
  '',
  '二、主动公开政府信息情况',
  '',
  '全年制发行政规范性文件2件，现行有效30件。',
].join('\n');

const CORRECTION = [
  `关于《${TITLE_2023}》的更正说明`,
  '',
  '原报告第三部分表格中“（七）总计”行“总计”列“6”更正为“5”。更正后的表格如下：',
  '',
  buildReport({ year: 2023, agency: AGENCY }).split('\n').filter((l) => /\t/.test(l)).join('\n'),
].join('\n');

const GUIDE = [
  `${AGENCY}政府信息公开指南`,
  '',
  '一、主动公开',
  '',
  '本机关主动公开政府信息工作年度报告等信息。每年1月31日前公布上一年度政府信息公开工作年度报告。',
  '',
  '二、依申请公开',
  '',
  '公民、法人或者其他组织可以向本机关申请获取相关政府信息。',
].join('\n');

const SUMMARY = [`${AGENCY}2023年政务公开工作总结`, '', '一、总体情况', '', '全年开展业务培训3次。', '', '二、主动公开政府信息情况', '', '全年主动公开政府信息126条。'].join('\n');

const LIST_PAGE = [
  `政府信息公开年报 - ${AGENCY}`,
  '',
  ...[2023, 2022, 2021, 2020].flatMap((y) => [`${AGENCY}${y}年政府信息公开工作年度报告`, `一、总体情况 ${y}年，我局持续深化政务公开……`, `${y + 1}-01-29`, '']),
].join('\n');

// A 一图读懂 page: its title, then the report's figures drawn as pictures.
const PICTURES_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>一图读懂</title></head><body>
<h1>一图读懂｜${TITLE_2023}</h1>
<p><img src="1.png" width="750" height="1600"></p><p><img src="2.png" width="750" height="1600"></p>
</body></html>`;

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-report-beside-'));
  temps.push(dir);
  for (const { year, text } of yearSeries()) if (year >= 2021) writeFileSync(path.join(dir, `${AGENCY}${year}.txt`), text);
  return dir;
}

function withNeighbours(dir: string): string {
  writeFileSync(path.join(dir, '2023年报解读.txt'), INTERPRETATION);
  writeFileSync(path.join(dir, '更正说明.txt'), CORRECTION);
  writeFileSync(path.join(dir, '政府信息公开指南.txt'), GUIDE);
  writeFileSync(path.join(dir, '政务公开工作总结.txt'), SUMMARY);
  writeFileSync(path.join(dir, '年报栏目.txt'), LIST_PAGE);
  writeFileSync(path.join(dir, '一图读懂.html'), PICTURES_PAGE);
  return dir;
}

const findingsOf = (stdout: string) =>
  (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.file)} ${d.code} ${d.severity}`)).sort();

describe('documents beside the reports in a folder', () => {
  test('are skipped: the reports give what they give alone, cross-year findings included, and the run ends as before', () => {
    const alone = cli(['check', '--format', 'json', folder()]);
    const mixed = cli(['check', '--format', 'json', withNeighbours(folder())]);
    assert.equal(mixed.stderr, '');
    assert.equal(mixed.status, alone.status);
    assert.deepEqual(findingsOf(mixed.stdout), findingsOf(alone.stdout));
    assert.ok(findingsOf(alone.stdout).some((f) => f.includes('cross-year.')), 'the series has its cross-year findings');
    const text = cli(['check', withNeighbours(folder())]).stdout;
    assert.match(text, /跳过 6 个不像年报的文件/);
  });

  test('named on the command line: one information finding each, saying what it is; exit 0', () => {
    const dir = withNeighbours(mkdtempSync(path.join(os.tmpdir(), 'gov-report-beside-')));
    temps.push(dir);
    const names = ['2023年报解读.txt', '更正说明.txt', '政府信息公开指南.txt', '政务公开工作总结.txt', '年报栏目.txt', '一图读懂.html'];
    const run = cli(['check', '--format', 'json', ...names.map((n) => path.join(dir, n))]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.deepEqual(findingsOf(run.stdout), names.map((n) => `${n} file.not-report information`).sort());
    assert.match(cli(['check', path.join(dir, '2023年报解读.txt')]).stdout, /标题表明这是年度报告的解读或图解，不是政府信息公开工作年度报告本身/);
  });
});

describe('otherDocumentKind: told by the title alone', () => {
  test('names each kind', () => {
    assert.equal(otherDocumentKind(INTERPRETATION), 'interpretation');
    assert.equal(otherDocumentKind(`标题: 一图读懂｜${TITLE_2023}\n发布时间: 2024-01-31 17:40\n`), 'interpretation');
    assert.equal(otherDocumentKind(`政策解读：《${TITLE_2023}》\n\n一、总体情况`), 'interpretation');
    assert.equal(otherDocumentKind(CORRECTION), 'correction');
    assert.equal(otherDocumentKind(GUIDE), 'guide');
    assert.equal(otherDocumentKind(SUMMARY), 'summary');
    assert.equal(otherDocumentKind(`${AGENCY}2024年政务公开工作要点\n\n一、总体要求`), 'plan');
    assert.equal(otherDocumentKind(LIST_PAGE), 'list');
  });

  test('says nothing of a report, however its opening looks', () => {
    for (const { text } of yearSeries()) assert.equal(otherDocumentKind(text), undefined);
    const report = buildReport({ year: 2023, agency: AGENCY });
    const body = report.split('\n').slice(1).join('\n');
    const openings = [
      `${TITLE_2023}（更正版）\n${body}`,
      `附件1\n${TITLE_2023}\n${body}`,
      `标题: ${TITLE_2023}\n发布时间: 2024-01-05 16:41\n栏目: 政策解读\n${body}`,
      // A site's menu above the title, and a report page listing other years' reports above its own title.
      `首页 | 政策解读 | 政务公开 | 互动交流\n${TITLE_2023}\n${body}`,
      `相关阅读\n${AGENCY}2022年政府信息公开工作年度报告\n${AGENCY}2021年政府信息公开工作年度报告\n${AGENCY}2020年政府信息公开工作年度报告\n\n${TITLE_2023}\n${body}`,
      `${AGENCY}2023年政务公开工作总结暨政府信息公开工作年度报告\n${body}`,
    ];
    for (const text of openings) {
      assert.equal(otherDocumentKind(text), undefined, text.slice(0, 80));
      assert.ok(looksLikeReport(text), text.slice(0, 80));
    }
  });
});
