// False findings about a report's structure that a tester found, each on a correct report: a part's heading
// worded with the words all parts' titles may start with (一、政府信息公开工作概况) taken for part 二; a part's
// numbering and title on two lines, or a heading wrapped over two; a tab between a numeral and its title.
// Each test below failed before its fix; the guards beside them keep true defects found.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recogniseHeading } from '../../../server/src/core/parse/headings';
import { check, parseDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, HEADINGS } from '../../helpers/build-report';
import { typedAsFresh } from '../../helpers/typed-as-fresh';

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

describe('a heading over two lines: its numbering above its title, or wrapped before its title\'s end', () => {
  const NUMERALS = '一二三四五六';
  const findingCodes = (text: string) => check(parseDocument(text)).map((f) => `${f.code} ${f.severity}`).sort();
  const split: [number, string][] = [
    [0, '第一部分\n基本情况'],
    [0, '第一部分\n总体情况'],
    [0, '一、\n总体情况'],
    [0, '一、\n\n总体情况'],
    [3, '四、政府信息公开\n行政复议、行政诉讼情况'],
    [3, '四、政府信息公开行政复议、\n行政诉讼情况'],
    [2, '三、收到和处理政府信息公开申请\n情况'],
    [5, '六、其他需要\n报告的事项'],
    [5, '六、其他需要\n\n报告的事项'],
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: one heading, its part's first words its first paragraph; the findings of the heading on one line`, () => {
      for (const [k, lines] of split) {
        const text = withHeading(k, lines, layout);
        const oneLine = withHeading(k, lines.replace(/^(第.部分)\n+/, '$1 ').replace(/\n+/, ''), layout);
        assert.deepEqual(parts(text), [1, 2, 3, 4, 5, 6], lines);
        assert.deepEqual(findingCodes(text), findingCodes(oneLine), lines);
        const section = parseDocument(text).report.sections[k]!;
        assert.equal(section.heading.title, parseDocument(oneLine).report.sections[k]!.heading.title, lines);
        assert.ok(!section.paragraphs.some((p) => lines.includes(p.text)), `${lines}: its second line is no paragraph`);
      }
      // All six parts so written.
      const all = buildReport({ layout, headings: HEADINGS.map((h, k) => `第${NUMERALS[k]}部分\n${h.slice(2)}`) });
      assert.deepEqual(parts(all), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(sectionFindings(all), NUMERALS.split('').map((n) => `section.numbering hint 编号“第${n}部分”的写法不规范，应为“${n}、”。`));
    });
  }

  it('a wrapped title not the template\'s: the hint\'s fix writes the template\'s title over both lines, keeping the wrap, not beside its tail', () => {
    for (const [written, rewritten] of [['六、其他需要\n报告事项', '六、其他需要\n报告的事项'], ['六、其他需要报\n告事项', '六、其他需要报\n告的事项'], ['六、其他需\n要报告事项', '六、其他需\n要报告的事项']]) {
      const text = withHeading(5, written!);
      const hint = check(parseDocument(text)).find((f) => f.code === 'section.title')!;
      // Each edit within its line (the fuzz's fix-safety check: a title fix never removes a line break).
      const fixed = [...hint.fix!.edits].sort((a, b) => b.range.start - a.range.start).reduce((t, e) => {
        assert.ok(!/[\r\n]/.test(t.slice(e.range.start, e.range.end)), 'an edit within one line');
        return t.slice(0, e.range.start) + e.newText + t.slice(e.range.end);
      }, text);
      assert.ok(fixed.includes(`\n${rewritten}\n`), fixed);
      assert.deepEqual(check(parseDocument(fixed)).map((f) => f.code), check(parseDocument(buildReport())).map((f) => f.code));
    }
  });

  it('not a numbering alone before words, a list, or a table row', () => {
    // A part really missing: a 一、 line before a sentence is no heading.
    assert.match(sectionFindings(withHeading(0, '一、\n本机关认真贯彻落实条例，全面推进政务公开工作。')).join('\n'), /section\.missing error 缺少第一部分/);
    assert.match(sectionFindings(withHeading(0, '一、\n二、')).join('\n'), /section\.missing error 缺少第一部分/);
    // A part's first words under a heading not the template's stay its words.
    const text = withHeading(4, '五、存在的主要问题', 'tab-grid');
    assert.equal(parseDocument(text).report.sections[4]!.paragraphs[0]!.text, '一是公开内容有待丰富。下一步，将进一步加强政策解读。');
    // A real duplicate part over two lines is still one.
    const twice = buildReport({ prose: { 5: '第二部分\n主动公开政府信息情况' } });
    assert.match(sectionFindings(twice).join('\n'), /section\.duplicate/);
    // 表三's row 一、 with its label on the next line, figures after: a table row.
    for (const layout of ALL_LAYOUTS) assert.deepEqual(sectionFindings(buildReport({ layout })), [], layout);
  });

  it('typing the title under its numbering, in its second line, or under a heading, answers as a fresh parse', () => {
    const typeIn = (at: number, chars: string) => Array.from(chars, (c, k) => [at + k, at + k, c] as const);
    const numbered = parseDocument(withHeading(0, '第一部分\n\n'));
    const at = numbered.text.indexOf('第一部分\n') + 5;
    typedAsFresh(numbered, [...typeIn(at, '总体情况'), [at + 2, at + 3, ''], [at + 2, at + 2, '体'], [at, at + 4, '基本情况']]);
    const wrapped = parseDocument(withHeading(5, '六、其他需要\n报告'));
    const tail = wrapped.text.indexOf('\n报告') + 3;
    typedAsFresh(wrapped, [...typeIn(tail, '的事项'), [tail, tail + 1, ''], [tail - 2, tail - 2, '需要']]);
  });
});

describe('a part\'s sub-headings and captions that name a part are the part\'s words, not parts', () => {
  const ITEMS = '一、主动公开情况\n\n主动公开文件10件。\n\n二、依申请公开情况\n\n收到申请5件。\n\n三、政府信息管理情况\n\n加强管理。\n\n四、政府信息公开平台建设情况\n\n建设平台。\n\n五、监督保障情况\n\n加强监督。';
  const NUMERALS = '一二三四五六';
  const cases: [string, Parameters<typeof buildReport>[0]][] = [
    ['下一步工作 inside 五', { prose: { 4: '一是公开内容有待丰富。\n\n下一步工作\n\n将进一步加强政策解读。' } }],
    ['下一步工作： inside 五', { prose: { 4: '一是公开内容有待丰富。\n\n下一步工作：\n\n将进一步加强政策解读。' } }],
    ['**下一步工作** inside 五', { prose: { 4: '一是公开内容有待丰富。\n\n**下一步工作**\n\n将进一步加强政策解读。' } }],
    ['五 in items 一、二、', { prose: { 4: '一、存在的主要问题\n\n公开内容有待丰富。\n\n二、改进情况\n\n将进一步加强政策解读。' } }],
    ['一\'s items 一、…五、', { prose: { 0: ITEMS } }],
    ['一\'s items under 第一部分', { headings: HEADINGS.map((h, k) => `第${NUMERALS[k]}部分 ${h.slice(2)}`), prose: { 0: ITEMS } }],
    ['unnumbered sub-headings inside 一', { prose: { 0: '概述\n\n本年度工作平稳。\n\n主动公开政府信息情况\n\n主动公开文件10件。\n\n依申请公开情况\n\n收到申请5件。' } }],
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: no part repeated, misnumbered or empty`, () => {
      for (const [name, data] of cases) {
        const text = buildReport({ layout, ...data });
        assert.deepEqual(sectionFindings(text).filter((f) => !/^section\.numbering hint 编号“第/.test(f)), [], name);
        assert.deepEqual(parts(text), [1, 2, 3, 4, 5, 6], name);
      }
      const heading = '三、收到和处理政府信息公开申请情况\n';
      for (const caption of ['收到和处理政府信息公开申请情况', '**收到和处理政府信息公开申请情况**', '收到和处理政府信息公开申请情况\t\t\t\t\t\t', '| 收到和处理政府信息公开申请情况 | | | |']) {
        const text = buildReport({ layout }).replace(heading, `${heading}\n${caption}\n`);
        assert.deepEqual(sectionFindings(text), [], caption);
        assert.ok(parseDocument(text).report.tables.t3, caption);
      }
    });
  }

  it('a part written twice is still a duplicate; a missing part is still missing', () => {
    assert.match(sectionFindings(buildReport({ prose: { 5: '二、主动公开政府信息情况' } })).join('\n'), /section\.duplicate warning 第二部分/);
    assert.match(sectionFindings(buildReport({ prose: { 5: '本年度无。\n\n六、其他需要报告的事项\n\n无。' } })).join('\n'), /section\.duplicate warning 第六部分/);
    // Part 三's heading missing: a sub-item naming it inside 一 is not taken for it, nor dropped as a duplicate of nothing.
    const missing = buildReport({ headings: HEADINGS.map((h, k) => (k === 2 ? null : h)) });
    assert.match(sectionFindings(missing).join('\n'), /section\.missing error 缺少第三部分/);
  });
});

describe('a report whose parts are numbered 1. to 6.: a part titled unlike the template found by its Arabic numeral', () => {
  const ARABIC = HEADINGS.map((h, k) => `${k + 1}.${h.slice(2)}`);
  const arabic = (k: number, line: string | null, layout: (typeof ALL_LAYOUTS)[number] = 'tab-grid', prose?: Partial<Record<number, string>>) =>
    buildReport({ layout, headings: ARABIC.map((h, i) => (i === k ? line : h)), ...(prose ? { prose } : {}) });
  const wordings: [number, string][] = [
    [0, '1.基本情况'],
    [0, '1.工作概述'],
    [0, '1.2022年政府信息公开工作总体情况'],
    [0, '1、基本情况'],
    [2, '3.政府信息公开申请情况'],
    [4, '5.存在的不足及改进措施'],
    [4, '5.存在的主要问题及下一步工作打算'],
    [5, '6.其他事项'],
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: its numeral's part, with a section.title hint and the numbering warning; no part missing`, () => {
      for (const [k, line] of wordings) {
        const text = arabic(k, line, layout);
        assert.deepEqual(parts(text), [1, 2, 3, 4, 5, 6], line);
        const found = sectionFindings(text);
        assert.deepEqual(found.filter((f) => !/^section\.(title hint|numbering warning)/.test(f)), [], line);
        assert.ok(found.some((f) => f.startsWith('section.title hint')), line);
        assert.equal(found.filter((f) => f.startsWith('section.numbering warning')).length, 6, line);
        assert.equal(parseDocument(text).report.sections[k]!.heading.title, line.replace(/^\d[.、]/, ''), line);
      }
    });
  }

  it('a part really missing is still missing: none, two, a list 1. 2. 3., or a line numbered as another part', () => {
    const missing = /section\.missing error 缺少第一部分/;
    assert.match(sectionFindings(arabic(0, null)).join('\n'), missing);
    assert.match(sectionFindings(arabic(0, '1.基本情况\n\n本年度工作平稳。\n\n1.工作概述')).join('\n'), missing);
    assert.match(sectionFindings(arabic(0, '3.基本情况')).join('\n'), missing);
    assert.match(sectionFindings(arabic(0, '1.基本情况。')).join('\n'), missing);
    assert.match(sectionFindings(arabic(0, '1.加强组织领导\n\n本年度工作平稳。\n\n2.完善制度建设\n\n3.健全工作机制')).join('\n'), missing);
    assert.match(sectionFindings(arabic(0, null, 'tab-grid', { 0: '1.加强组织领导\n2.完善制度建设' })).join('\n'), missing);
    // Figures after it: a table row's label, no heading.
    assert.match(sectionFindings(arabic(0, '1.基本情况\n\n5\n\n3')).join('\n'), missing);
  });

  it('a list 1. 2. 3. under the part\'s heading is the part\'s items; the heading is the line numbered alone', () => {
    for (const layout of ALL_LAYOUTS) {
      const text = arabic(0, '1.基本情况', layout, { 0: '1.加强组织领导\n\n2.完善制度建设\n\n3.健全工作机制' });
      assert.deepEqual(parts(text), [1, 2, 3, 4, 5, 6], layout);
      assert.equal(parseDocument(text).report.sections[0]!.heading.title, '基本情况', layout);
      assert.equal(parseDocument(text).report.sections[0]!.subItems.length, 3, layout);
    }
  });

  it('a report numbered 一、 to 六、 is unchanged: a line numbered 1. is no part there', () => {
    const missing = /section\.missing error 缺少第一部分/;
    assert.match(sectionFindings(withHeading(0, '1.基本情况')).join('\n'), missing);
    assert.match(sectionFindings(withHeading(0, null)).join('\n'), missing);
    for (const layout of ALL_LAYOUTS) {
      const text = buildReport({ layout, prose: { 0: '1.加强组织领导\n\n2.完善制度建设' } });
      assert.deepEqual(sectionFindings(text), [], layout);
      assert.deepEqual(parts(text), [1, 2, 3, 4, 5, 6], layout);
    }
    // Only one other part numbered 1. to 6.: not a report numbered so.
    const one = buildReport({ headings: HEADINGS.map((h, k) => (k === 0 ? '1.基本情况' : k === 1 ? `2.${h.slice(2)}` : h)) });
    assert.match(sectionFindings(one).join('\n'), missing);
  });

  it('typing the heading, a list under it, or a second one, answers as a fresh parse', () => {
    const typeIn = (at: number, chars: string) => Array.from(chars, (c, k) => [at + k, at + k, c] as const);
    const start = parseDocument(arabic(0, '1.\n\n本年度工作平稳。\n\n加强组织领导\n\n完善制度建设'));
    const at = start.text.indexOf('1.\n') + 2;
    const items = start.text.indexOf('加强组织领导');
    const typed = [...typeIn(at, '基本情况')];
    // After the heading (4 characters typed): number the two lines below it as a list, then as a second part 1.
    const shift = 4;
    typedAsFresh(start, [
      ...typed,
      [items + shift, items + shift, '1.'],
      [start.text.indexOf('完善制度建设') + shift + 2, start.text.indexOf('完善制度建设') + shift + 2, '2.'],
      [start.text.indexOf('完善制度建设') + shift + 2, start.text.indexOf('完善制度建设') + shift + 3, '1'],
      [items + shift, items + shift + 2, ''],
      [at, at + 2, ''],
      [at, at, '总体'],
    ]);
    // A second line numbered 1. that stops looking like a heading (a full stop, a comma) leaves the first the part's.
    const two = parseDocument(arabic(0, '1.基本情况\n\n本年度工作平稳。\n\n1.工作概述'));
    const end = two.text.indexOf('1.工作概述') + '1.工作概述'.length;
    typedAsFresh(two, [[end, end, '。'], [end, end + 1, ''], [end, end, '，'], [end, end + 1, '']]);
  });
});

// A heading and the line after it joined with nothing between (一、总体情况2023年，本机关…), as text re-flowed from a
// PDF or a Word paragraph has it: the line was no heading, "缺少第一部分", an error (found by a tester re-flowing the
// real PDF texts). The template's very title, then a sentence, is the heading and the part's first words.
describe('a part\'s exact title with its first words run onto it, nothing between', () => {
  const JOINED: [number, string][] = [
    [0, '一、总体情况2022年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。'],
    [4, '五、存在的主要问题及改进情况一是公开内容有待丰富。下一步，将进一步加强政策解读。'],
    [5, '六、其他需要报告的事项本年度未收取信息处理费。'],
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: the six parts, the words checked as the part's first paragraph`, () => {
      for (const [k, joined] of JOINED) {
        const text = buildReport({ layout }).replace(new RegExp(`${HEADINGS[k]}\\n\\n[^\\n]*`), joined);
        assert.ok(text.includes(joined), joined);
        assert.deepEqual(parts(text), [1, 2, 3, 4, 5, 6], joined);
        assert.deepEqual(check(parseDocument(text)).map((f) => `${f.code} ${f.message}`), [], joined);
        const section = parseDocument(text).report.sections.find((s) => s.heading.sectionId === k + 1)!;
        assert.equal(section.heading.title, HEADINGS[k]!.slice(2));
        assert.ok(section.paragraphs[0]!.text.startsWith(joined.slice(HEADINGS[k]!.length, HEADINGS[k]!.length + 4)), joined);
      }
    });
  }
  it('a caption, a longer title or a short word after the title is not cut off as the part\'s words; another part\'s title is none', () => {
    // Read whole, as before: the title is the line's (a hint says how it differs), no words are split from it.
    for (const line of ['二、主动公开政府信息情况表', '三、收到和处理政府信息公开申请情况统计', '一、总体情况良好。']) {
      assert.equal(recogniseHeading(line, 0)?.title, line.slice(2).replace(/。$/, ''), line);
    }
    assert.equal(partOf('二、总体情况2022年，本机关全面推进政务公开。'), undefined);
  });
  it('typing the words onto the heading, or a line break between them, answers as a fresh parse', () => {
    const text = buildReport();
    const at = text.indexOf('一、总体情况') + '一、总体情况'.length;
    typedAsFresh(parseDocument(text), [[at, at + 2, ''], [at, at, '\n\n'], [at, at + 2, '']]);
  });
});
