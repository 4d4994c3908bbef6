// Sub-heading levels: official documents nest （一） → 1. → （1）, and a style
// met as a child of another is a deeper level, however far the child list
// counts; section.numbering's "mixed styles" hint is only for siblings at one
// level that really use two styles (seed 003's （1）（2）（3）（四）（五）).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SubItem } from '../../../server/src/core/model';
import { check, parseDocument } from '../../../server/src/core/service';
import { buildReport } from '../../helpers/build-report';
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
});
