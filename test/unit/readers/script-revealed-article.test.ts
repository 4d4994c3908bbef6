// Reports published as WeChat public-account articles (微信公众号文章) and other pages whose script shows the article
// once loaded. WeChat serves the article's text in `#js_content` with `style="visibility: hidden"`; a crawler's saved
// source, or a reviewer's "view source" copy, holds it so. The reader dropped invisible elements, so the whole report
// vanished ("未找到年度报告的正文", its defects lost). The pages are test/helpers/wechat-page.ts's (the editor's nested
// sections, span runs, figures' digits in two runs, lazy pictures), and Chromium's DOM after the page's script ran.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { check, parseDocument } from '../../../server/src/core/service';
import { copiedTextsOf, domAfterScripts, savedAsOneFile } from '../../corpus/print';
import { htmlToMarkdown, pandoc } from '../../corpus/render';
import { htmlCells } from '../../../server/src/core/tables/html-cells';
import { buildReport, validT3 } from '../../helpers/build-report';
import { portalPageHtml, wrongTotalsPage } from '../../helpers/portal-page';
import { wechatArticleHtml } from '../../helpers/wechat-page';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function renditionOf(bytes: Uint8Array): Promise<string> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)?.slice(0, 300)}`);
  return outcome.rendition.text;
}

const codes = (text: string) => check(parseDocument(text)).map((f) => `${f.code}:${f.severity}`).sort();
const wrong = wrongTotalsPage();

describe('a WeChat article as served: the article invisible until the page\'s script shows it', () => {
  for (const [name, data] of [['a correct report', {}], ['a report with two wrong totals', wrong]] as const) {
    it(`${name}: read whole, the findings of the same report as text`, async () => {
      const page = wechatArticleHtml({ ...data, emptyTitle: true });
      assert.match(page, /id="js_content" style="visibility: hidden;"/);
      const text = await renditionOf(utf8(page));
      assert.deepEqual(codes(text), codes(buildReport(data)));
      // The title from h1#activity-name (the served <title> is empty), then the report, without the page's chrome.
      assert.equal(text.split('\n')[0], '某某市某某局2022年政府信息公开工作年度报告');
      for (const chrome of ['阅读', '在看', '关注该公众号', '微信扫一扫', '留言']) assert.ok(!text.includes(chrome), `“${chrome}” read`);
    });
  }

  it('a figure retyped in two runs with a zero-width space between them, U+FEFF after figures: the figure as shown', async () => {
    // `8</span><span>&#8203;5\ufeff` shows 85: read with the marks, the text's blanking parted it into 8 and 5 (表二's
    // 行政许可 "有 2 个数", a warning on a correct report).
    for (const data of [{}, wrong]) {
      const page = wechatArticleHtml({ ...data, unseenMarks: true });
      assert.match(page, /<span style="font-size:12px">8<\/span><span style="font-size:12px">&#8203;5\ufeff<\/span>/);
      assert.deepEqual(codes(await renditionOf(utf8(page))), codes(buildReport(data)));
    }
  });

  it('each part\'s numeral in a badge beside its title (一 alone, a line above the title in the text and in a copy)', async () => {
    // The page's text and Chromium's copy hold `一` / `总体情况` on two lines: the title was "missing its numbering"
    // (six warnings on a correct report). Read as one heading, the numeral without its 、 is a hint, as `一 总体情况` is.
    const notHints = (text: string) => codes(text).filter((c) => !c.endsWith(':hint'));
    const hints = (text: string) => codes(text).filter((c) => c.endsWith(':hint'));
    const pages = [wechatArticleHtml({ badges: true, emptyTitle: true }), wechatArticleHtml({ ...wrong, badges: true, emptyTitle: true })];
    const copies = await copiedTextsOf(pages);
    for (const [k, data] of [{}, wrong].entries()) {
      const read = await renditionOf(utf8(pages[k]!));
      assert.match(read, /^一\n总体情况$/m);
      assert.match(copies[k]!, /^一\n+总体情况$/m);
      for (const text of [read, copies[k]!]) {
        // The copy holds the page's toolbar after the article (阅读 1024 / 分享 / 在看): 分享 is a control's word.
        assert.deepEqual(notHints(text).filter((c) => c !== 'text.artifact:warning'), codes(buildReport(data)));
        assert.deepEqual(hints(text), Array(6).fill('section.numbering:hint'));
      }
    }
  });

  it('the page as Chromium holds it after the script ran (Save page as… Complete, --dump-dom), and saved as one file', async () => {
    const raw = [wechatArticleHtml({ emptyTitle: true }), wechatArticleHtml({ ...wrong, emptyTitle: true })];
    const after = await domAfterScripts(raw);
    assert.match(after[0]!, /id="js_content" style="visibility: visible;"/);
    const single = await savedAsOneFile(raw.map(utf8));
    for (const [k, data] of [{}, wrong].entries()) {
      const expected = codes(buildReport(data));
      assert.deepEqual(codes(await renditionOf(utf8(after[k]!))), expected, `DOM ${k}`);
      assert.deepEqual(codes(await renditionOf(single[k]!)), expected, `.mhtml ${k}`);
    }
  });
});

describe('invisible copies of a report shown on the page stay dropped', () => {
  const draftBody = /<body[^>]*>([\s\S]*)<\/body>/i.exec(portalPageHtml(wrong))![1]!;
  it('a shown article with an invisible draft of it (inline visibility:hidden): the article\'s own findings', async () => {
    for (const page of [wechatArticleHtml({ revealed: true }), portalPageHtml()]) {
      const withDraft = page.replace(/<body([^>]*)>/i, `<body$1><div style="visibility:hidden;position:absolute">${draftBody}</div>`);
      assert.deepEqual(codes(await renditionOf(utf8(withDraft))), codes(buildReport()));
    }
  });
  it('a page whose only text is an invisible heading is empty, as with display:none: no article a script shows', async () => {
    for (const style of ['visibility:hidden', 'display:none']) {
      const outcome = await readOriginal(utf8(`<html><head><script>var x = 1;</script></head><body><div style="${style}">一、总体情况</div></body></html>`));
      assert.ok(outcome && !outcome.ok && outcome.problem.kind === 'empty', style);
    }
  });
  it('a WeChat article as served, beside a draft not displayed (display:none): the article alone is read', async () => {
    // Read again with what is invisible shown, the page still leaves out what is not displayed at all: the draft's
    // wrong totals are no finding of the article.
    const page = wechatArticleHtml({ emptyTitle: true }).replace('<div id="js_pc_qr_code"', `<div style="display:none">${draftBody}</div><div id="js_pc_qr_code"`);
    assert.deepEqual(codes(await renditionOf(utf8(page))), codes(buildReport()));
  });
});

describe('the article through pandoc\'s Markdown (`pandoc page.html -o page.md`)', () => {
  // pandoc keeps the editor's styled runs as spans: a heading in two runs is `**[二、]{style="…"}[主动公开…]{style="…"}**`
  // (its title held the seam's attributes: "缺少第二部分", "缺少第四部分", "缺少第六部分", errors), and 表四, kept as HTML,
  // has its first cell's tag wrapped over two lines (`<p><span` / `style="…">行政复议</span>`: the table "missing",
  // its wrong total lost).
  // A figure the editor kept in two runs is `[8]{…}[5]{…}` in pandoc's table of columns: two figures ("有 2 个数").
  for (const [name, data] of [['a correct report', {}], ['a report with two wrong totals', wrong]] as const) {
    it(`${name}: every part and table found, the findings of the same report as text`, () => {
      const markdown = pandoc(wechatArticleHtml(data), 'html', 'markdown');
      assert.match(markdown, /\*\*\[二、\]\{style="[^"]*"\}\[主动公开政府信息情况\]\{/);
      assert.match(markdown, /<p><span\nstyle="font-size:12px">行政复议<\/span>/);
      assert.match(markdown, /\[8\]\{style="font-size:12px"\}\[5\]\{style="font-size:12px"\}/);
      assert.deepEqual(codes(markdown), codes(buildReport(data)));
    });
  }
  // pandoc's gfm keeps the article's <div>s (WeChat's sections) as HTML blocks: the file starts as a page does and is
  // read as one, but its paragraphs are parted by blank lines, which HTML shows as a space: the preface and part 一's
  // heading ran into one line ("缺少第一部分", an error), 表二's pipe rows into one ("没有找到表二").
  for (const [name, data] of [['a correct report', {}], ['a report with two wrong totals', wrong]] as const) {
    it(`${name} as pandoc's gfm (Markdown with the page's <div>s in it): the findings of the same report as text`, async () => {
      const gfm = pandoc(wechatArticleHtml(data), 'html', 'gfm');
      assert.match(gfm, /^<div id="js_article"/);
      assert.match(gfm, /<\/span>\n\n {2}\n\n\*\*<span\nstyle="[^"]*">一、总体情况<\/span>\*\*/);
      assert.deepEqual(codes(await renditionOf(utf8(gfm))), codes(buildReport(data)));
    });
  }
  // An empty paragraph after a table (`<p><br/></p>`, as UEditor and WeChat's editor leave one) is a lone `\` in pandoc's
  // Markdown, and the editor's <section> around a table a fenced div (`::: {.section …}` … `:::`): in the table's
  // region each was read as a row ("表二中有一行数字没有标签：“\”", a warning on a correct report).
  it('a portal page with an empty paragraph after each table: the findings of the page without them', () => {
    const page = portalPageHtml(wrong);
    const spaced = page.replace(/<\/table>/g, '</table>\n<p><br/></p>');
    const fenced = page.replace(/(<table\b[\s\S]*?<\/table>)/g, '<section style="overflow-x:auto;">$1</section><p><br/></p>');
    const markdown = pandoc(spaced, 'html', 'markdown');
    assert.match(markdown, /^\\$/m);
    assert.match(pandoc(fenced, 'html', 'markdown'), /^:::$/m);
    const plain = codes(pandoc(page, 'html', 'markdown'));
    assert.deepEqual(codes(markdown), plain);
    assert.deepEqual(codes(pandoc(fenced, 'html', 'markdown')), plain);
  });
});

describe('the article through turndown (save-as-Markdown tools): its tables kept as HTML', () => {
  // A figure the editor kept in two runs, `<span>8</span><span>5</span>`, shows 85; the tags were read as spaces, and
  // it was two figures (表二's 行政许可 "有 2 个数", a warning on a correct report).
  for (const [name, data] of [['a correct report', {}], ['a report with two wrong totals', wrong]] as const) {
    it(`${name}: the findings of the same report as text`, () => {
      const markdown = htmlToMarkdown(wechatArticleHtml(data));
      assert.match(markdown, /<span style="font-size:12px">8<\/span><span style="font-size:12px">5<\/span>/);
      assert.deepEqual(codes(markdown), codes(buildReport(data)));
    });
  }
  it('a cell\'s figure in two inline runs is one, placed from its first digit to its last; a block between parts it', () => {
    const html = '<table><tr><td><p><span>8</span><span>5</span></p></td><td><p>1</p><p>2</p></td></tr></table>';
    const cells = htmlCells(html);
    assert.deepEqual(cells.map((c) => c.text), ['85', '1 2']);
    assert.equal(html.slice(cells[0]!.start, cells[0]!.end), '8</span><span>5');
  });
});

describe('a wrong figure in two runs, in a table of a text', () => {
  // 表三's （七）总计 printed 46 where its row adds up to 45, the editor's runs parting it (`4</span><span>6`,
  // `[4]{…}[6]{…}`): one figure, whose fix writes 45 over both runs, and the text then has no finding.
  const row = (natural: number, business = 0) => [natural, business, 0, 0, 0, 0, natural + business];
  const t3 = { ...validT3(), new: row(24, 11), carried: row(10), public: row(12), partial: row(11), 'unable.1': row(11, 11), total: [34, 11, 0, 0, 0, 0, 46], forward: row(0) };
  for (const [name, text] of [['pandoc\'s Markdown', () => pandoc(wechatArticleHtml({ t3 }), 'html', 'markdown')], ['turndown\'s Markdown', () => htmlToMarkdown(wechatArticleHtml({ t3 }))]] as const) {
    it(name, () => {
      const written = text();
      const findings = check(parseDocument(written));
      assert.deepEqual(findings.map((f) => f.code), ['sum.row']);
      const [finding] = findings;
      assert.match(written.slice(finding!.range.start, finding!.range.end), /^4<\/span><span\sstyle="font-size:12px">6$/);
      let fixed = written;
      for (const e of [...finding!.fix!.edits].sort((a, b) => b.range.start - a.range.start)) fixed = fixed.slice(0, e.range.start) + e.newText + fixed.slice(e.range.end);
      assert.match(fixed, /<span\sstyle="font-size:12px">45<\/span>/);
      assert.deepEqual(codes(fixed), []);
    });
  }
});

