// False findings about a report's structure that a tester found, each on a correct report: a part's heading
// worded with the words all parts' titles may start with (一、政府信息公开工作概况) taken for part 二; a part's
// numbering and title on two lines, or a heading wrapped over two; a tab between a numeral and its title.
// Each test below failed before its fix; the guards beside them keep true defects found.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recogniseHeading } from '../../../server/src/core/parse/headings';
import { check, parseDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, HEADINGS } from '../../helpers/build-report';

const partOf = (line: string) => recogniseHeading(line, 0)?.sectionId;
const withHeading = (k: number, line: string | null, layout: (typeof ALL_LAYOUTS)[number] = 'tab-grid') =>
  buildReport({ layout, headings: HEADINGS.map((h, i) => (i === k ? line : h)) });
const sectionFindings = (text: string) => check(parseDocument(text)).filter((f) => f.code.startsWith('section.')).map((f) => `${f.code} ${f.severity} ${f.message}`);
/** No finding but section.title hints (and section.numbering hints on 第一部分, as on one line). */
const onlyHints = (text: string) => sectionFindings(text).filter((f) => !/^section\.(title|numbering) hint/.test(f));
const parts = (text: string) => parseDocument(text).report.sections.map((s) => s.heading.sectionId);

describe('a part\'s heading like another part only by the words all titles may start with (政府信息公开工作…)', () => {
  const wordings: [number, string][] = [
    [0, '一、政府信息公开工作概况'],
    [0, '一、政府信息公开概况'],
    [0, '一、政府信息公开工作概述'],
    [0, '一、政府信息公开工作基本情况'],
    [0, '一、政府信息公开基本情况'],
    [0, '一、政府信息公开工作情况'],
    [0, '第一部分 政府信息公开工作概况'],
    [5, '六、政府信息公开收费及减免情况'],
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: its numeral's part, with a section.title hint; no part missing, misnumbered or repeated`, () => {
      for (const [k, line] of wordings) {
        const text = withHeading(k, line, layout);
        assert.deepEqual(onlyHints(text), [], line);
        assert.deepEqual(parts(text), [1, 2, 3, 4, 5, 6], line);
      }
    });
  }

  it('read alone, such a line names no part (its numeral places it); the prefix still reads with a title after it', () => {
    assert.equal(partOf('一、政府信息公开工作概况'), undefined);
    assert.equal(partOf('六、政府信息公开收费及减免情况'), undefined);
    assert.equal(partOf('一、政府信息公开工作总体情况'), 1);
    assert.equal(partOf('二、政府信息主动公开情况'), 2);
    assert.equal(partOf('四、政府信息公开行政复议、行政诉讼情况'), 4);
  });

  it('a report really missing part 一 still gets the error; a line numbered as another part is not placed', () => {
    assert.match(sectionFindings(withHeading(0, null)).join('\n'), /section\.missing error 缺少第一部分/);
    assert.match(sectionFindings(withHeading(0, '三、政府信息公开工作概况')).join('\n'), /section\.missing error 缺少第一部分/);
    // Part 一 has its heading: a 一、政府信息公开工作概况 list item inside it is no second part.
    const listed = buildReport({ prose: { 0: '一、政府信息公开工作概况\n二、完善制度机制' } });
    assert.deepEqual(parts(listed), [1, 2, 3, 4, 5, 6]);
  });
});

describe('a tab between a part\'s numeral and its title (a Word list\'s automatic numbering, in text)', () => {
  const tabbed = HEADINGS.map((h) => h.replace('、', '、\t'));
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: every part found, no finding, one part or all six so numbered`, () => {
      const plain = check(parseDocument(buildReport({ layout }))).map((f) => f.code);
      assert.deepEqual(check(parseDocument(buildReport({ layout, headings: tabbed }))).map((f) => f.code), plain);
      for (let k = 0; k < 6; k++) assert.deepEqual(sectionFindings(withHeading(k, tabbed[k]!, layout)), [], tabbed[k]);
    });
  }

  it('a tab inside the title is still table cells', () => {
    assert.equal(partOf('一、\t总体情况'), 1);
    assert.equal(partOf('一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'), undefined);
    assert.equal(partOf('一、总体情况\t5\t3'), undefined);
    assert.equal(partOf('一、\t总体情况\t5'), undefined);
  });
});
