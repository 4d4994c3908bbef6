// How writers word a part's heading when not as the template does: a prefix in front of the title
// (一、政府信息公开工作总体情况), a title the 2008 regulation's reports used (三、依申请公开政府信息情况), a title
// as like two parts' (its numeral says which), and a title like none (一、基本情况, 六、其他) in the place of a
// part that has no heading. Each was "missing" (an error) or another part before; each is now its part, with a
// section.title hint, and a list numbered 一、二、 inside a part stays that part's items.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readHeadingLine, recogniseHeading } from '../../../server/src/core/parse/headings';
import { check, parseDocument } from '../../../server/src/core/service';
import { ALL_LAYOUTS, buildReport, HEADINGS } from '../../helpers/build-report';
import { typedAsFresh } from '../../helpers/typed-as-fresh';
import { wordFigures, wordReport } from '../../helpers/word-report';
import { readOriginal } from '../../../server/src/core/readers/original';

const partOf = (line: string) => recogniseHeading(line, 0)?.sectionId;

/** The report with heading k (0-based) written as `line`, in a layout. */
const withHeading = (k: number, line: string, layout: (typeof ALL_LAYOUTS)[number] = 'tab-grid') =>
  buildReport({ layout, headings: HEADINGS.map((h, i) => (i === k ? line : h)) });

const sectionFindings = (text: string) => check(parseDocument(text)).filter((f) => f.code.startsWith('section.')).map((f) => `${f.code} ${f.severity} ${f.message}`);

describe('a heading line read alone', () => {
  it('a template title with the words writers put in front of it is that part, not the template wording', () => {
    for (const line of ['一、政府信息公开工作总体情况', '一、2023年度政府信息公开工作总体情况', '一、政务公开工作总体情况', '一、信息公开工作总体情况']) {
      const h = recogniseHeading(line, 0);
      assert.equal(h?.sectionId, 1, line);
      assert.ok(h!.similarity < 1, `${line}: not the template's wording`);
    }
    // Before: 一、政府信息公开工作总体情况 read as part 五 (its variant 政府信息公开工作存在的主要问题及改进情况 shares more).
    assert.equal(partOf('五、政府信息公开工作存在的主要问题及改进情况'), 5);
    // Not without a numeral: an unnumbered line must be nearly the template's title to be a heading.
    assert.equal(partOf('政府信息公开工作总体情况'), undefined);
    // What is left after the prefix must be a title, not a word or two (政务公开工作情况 is no part).
    assert.equal(partOf('三、政务公开工作情况'), undefined);
  });

  it('the 2008 regulation\'s titles and a reordered title are their parts', () => {
    assert.equal(partOf('三、依申请公开政府信息情况'), 3);
    assert.equal(partOf('三、依申请公开情况'), 3);
    assert.equal(partOf('二、政府信息主动公开情况'), 2);
  });

  it('a title as like two parts\' is its numeral\'s; a title clearly another part\'s keeps that part', () => {
    assert.equal(partOf('三、政府信息公开申请情况'), 3);
    assert.equal(partOf('二、政府信息公开申请情况'), 2);
    // Misnumbered: section.numbering says so, the part stays the title's.
    assert.equal(partOf('三、主动公开政府信息情况'), 2);
    assert.equal(partOf('二、收到和处理政府信息公开申请情况'), 3);
  });
});

describe('a part found by its numeral where its heading is missing', () => {
  const wordings: [number, string][] = [
    [0, '一、基本情况'],
    [0, '一、政府信息公开工作总体情况'],
    [1, '二、政府信息主动公开情况'],
    [2, '三、依申请公开情况'],
    [2, '三、依申请公开政府信息情况'],
    [3, '四、复议诉讼情况'],
    [4, '五、存在的主要问题及下一步工作打算'],
    [4, '五、问题与打算'],
    [5, '六、其他'],
    [5, '六、其他情况'],
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: no part missing, a section.title hint on the heading, the part's table and findings kept`, () => {
      const plain = check(parseDocument(buildReport({ layout }))).map((f) => f.code);
      for (const [k, line] of wordings) {
        const text = withHeading(k, line, layout);
        const found = sectionFindings(text);
        assert.ok(!found.some((f) => f.startsWith('section.missing') || f.startsWith('section.order') || f.startsWith('section.duplicate') || f.startsWith('section.numbering')), `${line}:\n${found.join('\n')}`);
        assert.deepEqual(found.filter((f) => f.startsWith('section.title')).length, 1, `${line}:\n${found.join('\n')}`);
        const doc = parseDocument(text);
        assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6], line);
        assert.equal(doc.report.sections[k]!.heading.title, line.slice(2), line);
        // Everything else as in the report with the template's headings.
        assert.deepEqual(check(doc).map((f) => f.code).filter((c) => c !== 'section.title'), plain, line);
      }
    });
  }

  it('not a list numbered 一、二、 in the place of the missing part, nor a line numbered as another part', () => {
    const base = buildReport();
    const listed = base.replace('一、总体情况\n', '一、基本情况\n二、完善制度机制\n');
    assert.match(sectionFindings(listed).join('\n'), /section\.missing error 缺少第一部分/);
    // A lone 三、 line in part 一's place is not part 一 (and part 三 has its heading).
    const other = base.replace('一、总体情况\n', '三、基本情况\n');
    assert.match(sectionFindings(other).join('\n'), /section\.missing error 缺少第一部分/);
  });

  it('not when the part has its heading elsewhere, nor a 表三 row', () => {
    // Part 一 present: a 一、 line in the preface stays prose.
    const text = buildReport().replace(/\n一、总体情况\n/, '\n一、有关说明\n一、总体情况\n');
    const doc = parseDocument(text);
    assert.deepEqual(doc.report.sections.map((s) => s.heading.title), HEADINGS.map((h) => h.slice(2)));
    // Part 三's heading missing: 表三's row 三、本年度办理结果 (cell per line, alone on its line) is not taken for it.
    const cells = buildReport({ layout: 'cell-per-line', headings: HEADINGS.map((h, i) => (i === 2 ? null : h)) });
    assert.match(sectionFindings(cells).join('\n'), /section\.missing error 缺少第三部分/);
  });

  it('typing in the placed heading, or numbering a line before it, answers as a fresh parse', () => {
    const doc = parseDocument(withHeading(0, '一、基本情况'));
    const at = doc.text.indexOf('基本情况');
    const typed: [number, number, string][] = [[at + 4, at + 4, '和'], [at + 5, at + 5, '概'], [at + 6, at + 6, '况'], [at, at + 2, ''], [at, at, '工作']];
    const bodyLine = doc.text.indexOf('\n', at) + 1;
    typed.push([bodyLine, bodyLine, '二、'], [bodyLine, bodyLine + 2, '']);
    typedAsFresh(doc, typed);
  });
});

describe('parts numbered 第一部分, or in brackets in a report with no other part heading', () => {
  const numbered = (number: (k: number, title: string) => string) => buildReport({ headings: HEADINGS.map((h, k) => number(k, h.slice(2))) });
  const NUMERALS = '一二三四五六';

  it('第一部分 总体情况: every part found; section.numbering offers 一、 as a hint', () => {
    for (const text of [numbered((k, t) => `第${NUMERALS[k]}部分 ${t}`), numbered((k, t) => `第${NUMERALS[k]}部分：${t}`)]) {
      const found = sectionFindings(text);
      assert.deepEqual(parseDocument(text).report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(found, NUMERALS.split('').map((n, k) => `section.numbering hint 编号“第${n}部分${text.includes('部分：') ? '：' : ''}”的写法不规范，应为“${NUMERALS[k]}、”。`));
    }
  });

  it('（一）总体情况 … （六）其他需要报告的事项: every part found when no line is numbered as a part', () => {
    const text = numbered((k, t) => `（${NUMERALS[k]}）${t}`);
    assert.deepEqual(parseDocument(text).report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
    assert.ok(!sectionFindings(text).some((f) => f.includes('section.missing')), sectionFindings(text).join('\n'));
  });

  it('a part\'s sub-items that name parts stay sub-items where the parts have headings', () => {
    const items = ['（一）主动公开政府信息情况', '本年度主动公开政府信息120条。', '（二）收到和处理政府信息公开申请情况', '本年度收到申请5件。', '（三）其他需要报告的事项', '无。'];
    const text = buildReport().replace(/^一、总体情况\n/m, `一、总体情况\n${items.join('\n')}\n`);
    const doc = parseDocument(text);
    assert.deepEqual(doc.report.sections.map((s) => s.heading.title), HEADINGS.map((h) => h.slice(2)));
    assert.equal(doc.report.sections[0]!.subItems.length, 3);
  });

  it('typing in a part numbered in brackets answers as a fresh parse', () => {
    const doc = parseDocument(numbered((k, t) => `（${NUMERALS[k]}）${t}`));
    const at = doc.text.indexOf('（二）') + 3;
    typedAsFresh(doc, [[at, at, '政'], [at, at + 1, ''], [at + 2, at + 2, '年'], [at - 3, at, '二、']]);
  });
});

// A part's heading with the part's first words after it on its line, as writers put a heading and its text in one
// paragraph (六、其他需要报告的事项：无。). Read whole, the line was a title unlike the template's, whose fix deleted
// the words; with a full stop or a comma in the words, or a long paragraph, no heading at all: "part missing", an
// error. Now the title before the colon, full stop, space or bracket is the heading and the words are the part's
// first paragraph: the report reads as it does with the words on a line of their own.
describe('a heading with its part\'s first words on its line', () => {
  const cases: [number, string, string][] = [
    [5, '：', '无。'],
    [5, '：', '本年度未收取信息处理费。'],
    [5, '。', '本年度无其他需要报告的事项。'],
    [5, ' ', '本年度未收取信息处理费。'],
    [5, '', '（本年度未收取信息处理费）'],
    [4, '：', '一是公开内容有待丰富。下一步，将进一步加强政策解读。'],
    [0, '：', '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，主动公开政府信息，依法办理政府信息公开申请。'],
  ];
  const findingsOf = (text: string) => check(parseDocument(text)).map((f) => `${f.severity} ${f.code} ${f.message}`).sort();

  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: the part found, titled as the template, its words its first paragraph; findings as with the words on a line of their own`, () => {
      for (const [k, mark, words] of cases) {
        const line = `${HEADINGS[k]}${mark}${words}`;
        const joined = buildReport({ layout, headings: HEADINGS.map((h, i) => (i === k ? line : h)), prose: { [k]: '' } });
        const apart = buildReport({ layout, prose: { [k]: words } });
        const doc = parseDocument(joined);
        assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6], line);
        const section = doc.report.sections[k]!;
        assert.equal(section.heading.title, HEADINGS[k]!.slice(2), line);
        assert.equal(section.paragraphs[0]?.text, words, line);
        assert.equal(joined.slice(section.paragraphs[0]!.range.start, section.paragraphs[0]!.range.end), words, line);
        assert.deepEqual(findingsOf(joined), findingsOf(apart), line);
      }
    });
  }

  it('in a Word file (the national template typed into): the findings of the words in a paragraph of their own', async () => {
    for (const [k, mark, words] of cases.filter(([k]) => k === 0 || k === 4 || k === 5)) {
      const figures = wordFigures();
      const joined = await readOriginal(wordReport({ ...figures, headings: HEADINGS.map((h, i) => (i === k ? `${h}${mark}${words}` : h)), prose: { ...figures.prose, [k]: '' } }));
      const apart = await readOriginal(wordReport({ ...figures, prose: { ...figures.prose, [k]: words } }));
      assert.ok(joined?.ok && apart?.ok);
      assert.deepEqual(findingsOf(joined.rendition.text), findingsOf(apart.rendition.text), `${HEADINGS[k]}${mark}${words}`);
    }
  });

  it('not a title whose whole line reads better, a 表三 row, a row of figures, a sentence numbered as another part', () => {
    // A space inside the title: the whole line is the title.
    assert.equal(recogniseHeading('二、主动公开政府信息 情况', 0)?.title, '主动公开政府信息 情况');
    assert.equal(recogniseHeading('三、本年度办理结果：（一）予以公开', 0), undefined);
    // Figures after the title are a table row's cells (assemble.ts tells heading from row), not the part's words.
    assert.equal(recogniseHeading('四、政府信息公开行政复议、行政诉讼情况 1 0 1 0 2', 0)?.title, '政府信息公开行政复议、行政诉讼情况');
    assert.equal(parseDocument(buildReport().replace('四、政府信息公开行政复议、行政诉讼情况\n', '四、政府信息公开行政复议、行政诉讼情况 1 0 1 0 2\n')).report.sections[3]?.paragraphs.length, 0);
    // Numbered 一 with part 二's title and words after it: a sentence, not part 二 (nor part 一).
    assert.equal(recogniseHeading('一、主动公开政府信息情况：本年度主动公开政府信息120条。', 0), undefined);
  });

  it('Markdown around the heading: its closing marks are no words; bold closed after the colon is not in them', () => {
    for (const line of ['## 六、其他需要报告事项 ##', '**[六、其他需要报告事项]{style="font-family:黑体"}**', '**六、其他需要报告事项**']) {
      assert.deepEqual(readHeadingLine(line, 0).restStart, 0, line);
    }
    const bold = '**六、其他需要报告的事项：**无。';
    const { heading, restStart } = readHeadingLine(bold, 0);
    assert.equal(heading?.title, '其他需要报告的事项');
    assert.equal(bold.slice(restStart), '无。');
  });

  it('typing in the heading\'s words, or in its title, answers as a fresh parse', () => {
    const doc = parseDocument(buildReport({ headings: HEADINGS.map((h, i) => (i === 5 ? `${h}：无。` : h)), prose: { 5: '' } }));
    const at = doc.text.indexOf('其他需要报告的事项：无');
    const typed: [number, number, string][] = [[at + 11, at + 11, '本年度'], [at + 11, at + 14, ''], [at + 10, at + 11, '。'], [at + 10, at + 11, '：'], [at + 2, at + 4, ''], [at + 2, at + 2, '需要']];
    typedAsFresh(doc, typed);
  });
});

// A caption writers put over a table, under its part's heading: 主动公开政府信息情况表 read as the part's title
// again, unnumbered: part 二 "duplicated", "without a numbering", and "empty" (two warnings and an information).
describe('a table\'s caption under its part\'s heading', () => {
  const captions: [number, string][] = [
    [1, '主动公开政府信息情况表'],
    [1, '表一 主动公开政府信息情况'],
    [2, '收到和处理政府信息公开申请情况统计表'],
    [2, '表3 收到和处理政府信息公开申请情况统计表'],
    [3, '政府信息公开行政复议、行政诉讼情况统计表'],
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: no part read twice, nothing found that the report without the caption lacks`, () => {
      const plain = check(parseDocument(buildReport({ layout }))).map((f) => `${f.code} ${f.message}`);
      for (const [k, caption] of captions) {
        const text = buildReport({ layout }).replace(`${HEADINGS[k]}\n`, `${HEADINGS[k]}\n${caption}\n`);
        assert.ok(text.includes(caption));
        const doc = parseDocument(text);
        assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6], caption);
        assert.deepEqual(check(doc).map((f) => `${f.code} ${f.message}`).filter((f) => !plain.includes(f)), [], caption);
      }
    });
  }

  it('numbered, such a line is still its part\'s heading', () => {
    assert.equal(partOf('二、主动公开政府信息情况表'), 2);
  });
});

// The mark an input method slips in for 、 (一，总体情况, 二）, 三：): every part but 一 read as unnumbered (its
// title just long enough), 一 "missing" (an error), and the fix for the others put a second numeral in front
// (二、二，主动公开…). Now a numbering with a slipped mark, for part headings only; section.numbering offers 、.
describe('a part\'s numeral with the mark an input method slips in for 、', () => {
  for (const mark of ['，', ',', '）', ')', '：', ':']) {
    it(`${mark}: six parts, one hint a part whose fix writes 、 over the mark`, () => {
      const text = buildReport({ headings: HEADINGS.map((h) => h.replace('、', mark)) });
      const doc = parseDocument(text);
      assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
      const found = check(doc).filter((f) => f.code.startsWith('section.'));
      assert.equal(found.length, 6, found.map((f) => f.message).join('\n'));
      for (const [k, f] of found.entries()) {
        assert.equal(f.severity, 'hint');
        assert.deepEqual(f.fix?.edits.map((e) => [text.slice(e.range.start, e.range.end), e.newText]), [[`${'一二三四五六'[k]}${mark}`, `${'一二三四五六'[k]}、`]]);
      }
    });
  }

  it('not for a sub-item, whose numbering sets its level', () => {
    const text = buildReport({ prose: { 0: '（一）主动公开情况\n一，加强制度建设。' } });
    assert.equal(parseDocument(text).report.sections[0]!.subItems.length, 1);
  });
});

// A table of contents after the title (目录, then the six headings, with dot leaders and page numbers or not), as a
// Word file's contents field gives it: every part read twice, "empty" the first time and "duplicated" the second.
describe('a table of contents', () => {
  const contents = [
    `目录\n${HEADINGS.join('\n')}\n`,
    `目  录\n${HEADINGS.map((h, k) => `${h}……………………${k + 1}`).join('\n')}\n`,
    `目录\n\n${HEADINGS.map((h, k) => `${h} ${k + 2}`).join('\n\n')}\n\n`,
  ];
  for (const layout of ALL_LAYOUTS) {
    it(`${layout}: the parts read once, where they are; nothing found that the report without contents lacks`, () => {
      const base = buildReport({ layout });
      const title = base.split('\n')[0]!;
      const plain = check(parseDocument(base)).map((f) => `${f.code} ${f.message}`);
      for (const toc of contents) {
        const text = base.replace(`${title}\n`, `${title}\n${toc}`);
        const doc = parseDocument(text);
        assert.deepEqual(doc.report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
        assert.ok(doc.report.sections[0]!.heading.range.start > text.indexOf(toc) + toc.length, 'part 一 is the body\'s');
        assert.deepEqual(check(doc).map((f) => `${f.code} ${f.message}`).filter((f) => !plain.includes(f)), []);
      }
    });
  }

  it('not parts left empty one after another, whose headings come once', () => {
    // A draft with 二 to 四 not written yet: their headings one after another, nothing later names them again.
    const draft = ['某某局2022年政府信息公开工作年度报告', HEADINGS[0], '本机关全面推进政务公开工作。', HEADINGS[1], HEADINGS[2], HEADINGS[3], HEADINGS[4], '一是公开内容有待丰富。', HEADINGS[5], '无。'].join('\n');
    assert.deepEqual(parseDocument(draft).report.sections.map((s) => s.heading.sectionId), [1, 2, 3, 4, 5, 6]);
  });
});
