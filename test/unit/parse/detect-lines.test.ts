// otherDocumentKind reads the head line by line (detect.ts eachLine) and stops where it has its answer. The reading
// that split the head whole first is the specification: on random heads made of what a head is made of (titles,
// list entries, part headings, table rows, labels, menus, every kind of line break), both must give the same kind.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DETECTION_WINDOW, otherDocumentKind, type OtherDocumentKind } from '../../../server/src/core/detect';
import { seededRandom } from '../../helpers/random';

// detect.ts's expressions and bounds as they were when the head was split whole (a copy: the reading must not drift).
const REPORT_NAMED = /政府信息公[开開](?:工作)?年度[报報]告|政府信息公[开開]年[报報]/;
const INTERPRETATION = /解读|图解|一图(?:读懂|看懂|速览|了解)|图说|问答|简读/;
const CORRECTION = /更正(?:说明|公告|声明|启事|通知|情况)|勘误|的更正|修正说明/;
const OTHER_TITLES: readonly (readonly [RegExp, OtherDocumentKind])[] = [
  [/信息公开指南|政务公开指南/, 'guide'],
  [/^(?:一图读懂|一图看懂|图解)/, 'interpretation'],
  [/工作要点|工作计划|实施方案|工作安排|任务分工/, 'plan'],
  [/工作总结|情况总结/, 'summary'],
];
const ABOVE_TITLE = /^(?:附件\s*\d*[:：]?|附表\s*\d*|.{0,30}〔\d{4}〕\s*\d+\s*号|\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?.{0,12}|(?:首页|当前位置|您的位置).*|(?:发布时间|发布日期|发布机构|文号|栏目|来源|原文链接|索引号|浏览次数)\s*[:：].*|[-=_*#\s]+)$/;
const TITLE_LABEL = /^\s*(?:标题|題目|题目|名称)\s*[:：]\s*/;
const MENU = /[|>›»]|\S\s{2,}\S.*\S\s{2,}\S/;
const LISTED_TITLE = /^.{0,40}((?:19|20)\d\d)\s?年度?.{0,20}(?:政府信息公[开開](?:工作)?年度[报報]告|政府信息公[开開]年[报報])\s*$/;
const PART_HEADING_LINE = /^[一二三四五六][、.．]\s*[\u4e00-\u9fa5（）()]{2,24}$/;
const TABLE_ROW = /(?:\d+\s*\t\s*){4}\d/;

function otherDocumentKindBySplit(head: string): OtherDocumentKind | undefined {
  if (listsReportsBySplit(head)) return 'list';
  const title = titleOfBySplit(head);
  if (!title) return undefined;
  if (REPORT_NAMED.test(title)) return CORRECTION.test(title) ? 'correction' : INTERPRETATION.test(title) ? 'interpretation' : undefined;
  for (const [pattern, kind] of OTHER_TITLES) if (pattern.test(title)) return kind;
  return undefined;
}

function listsReportsBySplit(head: string): boolean {
  const years = new Set<string>();
  for (const raw of head.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line.length > 300 || PART_HEADING_LINE.test(line) || TABLE_ROW.test(line)) return false;
    const year = LISTED_TITLE.exec(line)?.[1];
    if (year) years.add(year);
  }
  return years.size >= 3;
}

function titleOfBySplit(head: string): string | undefined {
  let seen = 0;
  for (const raw of head.split(/\r\n|\r|\n/)) {
    if (++seen > 12) return undefined;
    const line = raw.replace(TITLE_LABEL, '').trim();
    if (!line || ABOVE_TITLE.test(line)) continue;
    return line.length <= 120 && !MENU.test(line) ? line.replace(/\s+/g, '') : undefined;
  }
  return undefined;
}

const LINES = [
  '2021年政府信息公开工作年度报告', '2022年度政府信息公开工作年度报告', '某市2020年政府信息公开年报', '2019年政府信息公开年度报告的更正说明',
  '2023年政府信息公开工作年度报告解读', '一图读懂2022年政府信息公开年报', '政府信息公开指南', '2024年政务公开工作要点', '2021年政务公开工作总结',
  '一、总体情况', '二、主动公开政府信息情况', '1\t2\t3\t4\t5', '标题：2021年政府信息公开工作年度报告', '发布时间：2022-01-20', '首页 > 政务公开',
  '政策解读 | 政务公开 | 互动', '附件1', '', ' ', '\u3000', '本机关2021年共收到申请12件。', '字'.repeat(130), '字'.repeat(310),
];
const ABOVE = ['', ' ', '附件1', '发布时间：2022-01-20', '首页 > 政务公开'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r\n'];

test('otherDocumentKind, read line by line, is the reading of the head split whole', () => {
  const random = seededRandom(20261207);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const kinds = new Map<string, number>();
  for (let k = 0; k < 20_000; k++) {
    let head = '';
    // Some heads open with lines a title stands below, around the twelve lines titleOf reads.
    if (random() < 0.2) for (let i = 10 + Math.floor(random() * 4); i > 0; i--) head += pick(ABOVE) + pick(BREAKS);
    const count = Math.floor(random() * 16);
    for (let i = 0; i < count; i++) head += pick(LINES) + (i < count - 1 || random() < 0.5 ? pick(BREAKS) : '');
    head = head.slice(0, DETECTION_WINDOW);
    const kind = otherDocumentKind(head);
    assert.equal(kind, otherDocumentKindBySplit(head), JSON.stringify(head));
    kinds.set(String(kind), (kinds.get(String(kind)) ?? 0) + 1);
  }
  // Every kind comes up: the comparison is not only of heads that are nothing.
  for (const kind of ['undefined', 'list', 'correction', 'interpretation', 'guide', 'plan', 'summary']) assert.ok((kinds.get(kind) ?? 0) > 50, `${kind}: ${kinds.get(kind)}`);
});
