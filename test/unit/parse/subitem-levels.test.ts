// Sub-heading levels: official documents nest （一） → 1. → （1）, and a style
// met as a child of another is a deeper level, however far the child list
// counts; section.numbering's "mixed styles" hint is only for siblings at one
// level that really use two styles (seed 003's （1）（2）（3）（四）（五）).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { NumberingStyle, SubItem } from '../../../server/src/core/model';
import { keepsLevels, placeNumbering, type NumberingKey } from '../../../server/src/core/numbering-levels';
import { seededRandom } from '../../helpers/random';
import { readOriginal } from '../../../server/src/core/readers/original';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport } from '../../helpers/build-report';
import { sharedDir } from '../../helpers/fixtures';
import { assertLangParity } from '../../helpers/i18n';

/** The sub-items of 一、总体情况 as an indented outline: one line per item, two spaces per level. */
function outline(prose: string): string[] {
  const doc = parseDocument(buildReport({ prose: { 0: prose } }));
  const lines: string[] = [];
  const walk = (items: SubItem[]) => items.forEach((i) => {
    lines.push(`${'  '.repeat(i.level - 1)}${i.numbering.text}${i.title}`);
    walk(i.children);
  });
  walk(doc.report.sections[0]!.subItems);
  return lines;
}

function numberingFindings(prose: string): string[] {
  const text = buildReport({ prose: { 0: prose } });
  const doc = parseDocument(text);
  assertLangParity(doc, 'sub-items');
  return check(doc).filter((f) => f.code === 'section.numbering').map((f) => `${f.severity} ${text.slice(f.range.start, f.range.end)}`);
}

const para = (...lines: string[]) => lines.map((l) => `${l}。内容。`).join('\n');

describe('sub-item levels', () => {
  it('（一） → 1. → （1）: a child list that reaches the parent’s next number stays a child', () => {
    // （2） then 2.: the 2. continues the 1. above, not the （1）（2） list.
    const prose = para('（一）主动公开', '1.网站', '（1）首页', '（2）专栏', '2.新媒体', '（1）微信', '（2）微博', '（3）抖音', '3.政务服务', '（二）依申请公开', '1.受理', '2.答复', '（三）政府信息管理');
    assert.deepEqual(outline(prose), [
      '（一）主动公开',
      '  1.网站',
      '    （1）首页',
      '    （2）专栏',
      '  2.新媒体',
      '    （1）微信',
      '    （2）微博',
      '    （3）抖音',
      '  3.政务服务',
      '（二）依申请公开',
      '  1.受理',
      '  2.答复',
      '（三）政府信息管理',
    ]);
    assert.deepEqual(numberingFindings(prose), []);
  });

  it('any order of the styles nests the same way (1. → （1）, （1） → 1、)', () => {
    assert.deepEqual(outline(para('1.网站', '（1）首页', '2.新媒体', '（1）微信', '（2）微博', '3.政务服务')), [
      '1.网站', '  （1）首页', '2.新媒体', '  （1）微信', '  （2）微博', '3.政务服务',
    ]);
    assert.deepEqual(numberingFindings(para('1.网站', '（1）首页', '2.新媒体', '（1）微信', '（2）微博', '3.政务服务')), []);
    assert.deepEqual(outline(para('（1）网站', '1、首页', '2、专栏', '（2）新媒体')), ['（1）网站', '  1、首页', '  2、专栏', '（2）新媒体']);
  });

  it('a misnumbered item stays at its style’s level', () => {
    assert.deepEqual(outline(para('（一）主动公开', '1.网站', '1.新媒体', '（二）依申请公开', '（二）政府信息管理')), [
      '（一）主动公开', '  1.网站', '  1.新媒体', '（二）依申请公开', '（二）政府信息管理',
    ]);
  });

  it('siblings in two styles at one level are still a hint: （1）（2）（3）（四）（五） with children', () => {
    const prose = para('（1）主动公开', '（2）依申请公开', '（3）政府信息管理', '（四）平台建设', '1、网站', '2、互联网问政', '3、办不成事', '（五）监督保障');
    assert.deepEqual(outline(prose), [
      '（1）主动公开', '（2）依申请公开', '（3）政府信息管理', '（四）平台建设', '  1、网站', '  2、互联网问政', '  3、办不成事', '（五）监督保障',
    ]);
    assert.deepEqual(numberingFindings(prose), ['hint （四）', 'hint （五）']);
  });

  it('and so are two styles among the children of one item', () => {
    const prose = para('（一）主动公开', '1.网站', '2.新媒体', '（3）政务服务', '（二）依申请公开');
    assert.deepEqual(outline(prose), ['（一）主动公开', '  1.网站', '  2.新媒体', '  （3）政务服务', '（二）依申请公开']);
    assert.deepEqual(numberingFindings(prose), ['hint （3）']);
  });

  // A writer starts from the blank template: 表三's rows are there, its figures not yet. With no numbers the
  // table ends at its anchor, and its rows (“三、本年度办理结果\t（一）予以公开”, “\t（三）不予公开\t1.属于国家秘密”)
  // were read as sub-items of part 三, with a hint to renumber the template's own labels.
  it('a 表三 row with no figures yet is not a sub-item: its title ends at the cell (the tab)', () => {
    const prose = '三、收到和处理政府信息公开申请情况';
    const rows = ['三、本年度办理结果\t（一）予以公开\t\t\t', '\t（三）不予公开\t1.属于国家秘密\t\t\t', '\t\t2.其他法律行政法规禁止公开\t\t\t', '\t（四）无法提供\t1.本机关不掌握相关政府信息\t\t\t'];
    const text = buildReport({ prose: { 2: `${rows.join('\n')}\n` } });
    const doc = parseDocument(text);
    const part3 = doc.report.sections.find((s) => s.heading.title.includes(prose.slice(2, 6)))!;
    assert.deepEqual(part3.subItems.map((i) => i.numbering.text + i.title), []);
    assert.deepEqual(check(doc).filter((f) => f.code === 'section.numbering'), []);
  });

  it('the blank 2021 Word template (../shared/raw): no sub-items in its tables, no numbering hint', async () => {
    const bytes = readFileSync(path.join(sharedDir('raw'), '政务公开年报模版_2021.docx'));
    const outcome = await readOriginal(bytes);
    assert.ok(outcome?.ok);
    const doc = parseDocument(outcome.rendition.text);
    assert.equal(doc.report.sections.length, 6);
    assert.deepEqual(doc.report.sections.flatMap((s) => s.subItems.map((i) => i.numbering.text + i.title)), []);
    assert.deepEqual(check(doc).filter((f) => f.code === 'section.numbering').map((f) => f.message), []);
  });
});

/** Every item's level, the whole sequence nested again (the reference keepsLevels must agree with). */
function numberingLevels(items: readonly NumberingKey[]): number[] {
  const open: NumberingKey[] = [];
  return items.map((item) => {
    const depth = placeNumbering(open, item);
    open.length = depth;
    open.push(item);
    return depth + 1;
  });
}

describe('keepsLevels: one item renumbered, followed only until the nestings agree again', () => {
  it('answers as the whole section nested again would, on 3,000 random sequences', () => {
    const random = seededRandom(20261204);
    const styles: NumberingStyle[] = ['chinese', 'arabic', 'paren-chinese', 'paren-arabic'];
    let kept = 0;
    for (let run = 0; run < 3000; run++) {
      const items: NumberingKey[] = Array.from({ length: 1 + Math.floor(random() * 12) }, () => ({ style: styles[Math.floor(random() * 4)]!, ordinal: 1 + Math.floor(random() * 5) }));
      const levels = numberingLevels(items);
      const place = Math.floor(random() * items.length);
      const changed = { style: styles[Math.floor(random() * 4)]!, ordinal: items[place]!.ordinal };
      const renumbered = items.map((item, k) => (k === place ? changed : item));
      const expected = numberingLevels(renumbered).every((level, k) => level === levels[k]);
      assert.equal(keepsLevels(items, levels, place, changed), expected, JSON.stringify({ items, place, changed }));
      if (expected) kept++;
    }
    // Both answers are met often.
    assert.ok(kept > 300 && kept < 2700, `${kept} of 3000 kept their levels`);
  });
});
