// Tables pasted as pictures: portals often publish 表三 (or all three tables) as a screenshot, and Word files carry
// them so. The report has its tables; only their figures cannot be read. Before, every form said "没有找到表二"
// (a warning) and "没有内容" for each part; now each reader writes ［图片］ for a picture alone in its paragraph and
// table.missing says, as information, that the part holds a picture instead. The pictures are Chromium's
// screenshots of the page's own tables, made at test time; the other forms are made from that page by the tools a
// writer or reviewer uses (Chromium's single-file save, LibreOffice, Python's html2text, pandoc).

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { check, parseDocument } from '../../../server/src/core/service';
import { IMAGE_TEXT, isImageParagraph } from '../../../server/src/core/text/images';
import { converted } from '../../corpus/libreoffice';
import { savedAsOneFile, tableScreenshots } from '../../corpus/print';
import { pandoc, pyHtml2text, textBrowserDump } from '../../corpus/render';
import { buildReport } from '../../helpers/build-report';
import { portalPageHtml, tablesAsPictures } from '../../helpers/portal-page';

async function renditionOf(bytes: Uint8Array): Promise<string> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)?.slice(0, 300)}`);
  return outcome.rendition.text;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const shown = (text: string) => check(parseDocument(text)).map((f) => `${f.code} ${f.severity} ${f.message}`);

/** What every form of the page must give: the three tables told as pictures, as information, and nothing else about them. */
function assertPicturesTold(text: string, form: string): void {
  const found = shown(text);
  const told = found.filter((f) => f.startsWith('table.missing'));
  assert.deepEqual(told.map((f) => f.split(' ').slice(0, 2).join(' ')), ['table.missing information', 'table.missing information', 'table.missing information'], `${form}:\n${found.join('\n')}`);
  for (const [k, table] of ['表二', '表三', '表四'].entries()) assert.match(told[k]!, new RegExp(`没有可读的${table}.*只有 1 张图片：表格可能以图片形式插入`), form);
  assert.ok(!found.some((f) => f.startsWith('section.empty') || / error /.test(f)), `${form}:\n${found.join('\n')}`);
}

describe('tables pasted as pictures', () => {
  // The page without the hidden copy of a 表三 row the portal page carries (a trap for HTML readers, which
  // LibreOffice's import shows): a writer's Word file has no hidden copy.
  const page = portalPageHtml().replace(/<div style="display: none">[\s\S]*?<\/div>/, '');
  let pictured = '';
  before(async () => {
    const shots = await tableScreenshots(page);
    assert.equal(shots.length, 3, 'Chromium drew the three tables');
    pictured = tablesAsPictures(page, shots);
  });

  it('the web page, and the page saved as one file by Chromium', async () => {
    const text = await renditionOf(utf8(pictured));
    assert.equal(text.split('\n').filter((l) => l === IMAGE_TEXT).length, 3);
    assertPicturesTold(text, 'page');
    assertPicturesTold(await renditionOf((await savedAsOneFile([utf8(pictured)]))[0]!), '.mhtml');
  });

  it('the page turned into a Word file by LibreOffice, saved as .doc, exported to PDF', async () => {
    const docx = converted(utf8(pictured), 'docx', { from: 'html' });
    assertPicturesTold(await renditionOf(docx), '.docx');
    assertPicturesTold(await renditionOf(converted(docx, 'doc')), '.doc');
    assertPicturesTold(await renditionOf(converted(docx, 'pdf')), '.pdf');
  });

  it('the page as Markdown (html2text, pandoc) and as lynx dumps it: their picture marks read the same', () => {
    assertPicturesTold(pyHtml2text(pictured), 'html2text');
    assertPicturesTold(pandoc(pictured, 'html', 'markdown'), 'pandoc');
    // As a portal serves the pictures, from files and without alt text: lynx names each by its file ([table2.png]).
    // (With alt="" it shows nothing, and the parts read as before: not found.)
    let k = 0;
    const served = pictured.replace(/data:image\/png;base64,[^"]+/g, () => `/uploadfile/2023/0120/table${++k}.png`).replace(/ alt=""/g, '');
    assertPicturesTold(textBrowserDump(served, 'lynx'), 'lynx');
  });

  it('an icon beside the text, or a picture in a table cell, is no paragraph of its own', async () => {
    const icons = portalPageHtml()
      .replace('二、主动公开政府信息情况', '<img src="/images/dot.gif" width="16" height="16">二、主动公开政府信息情况')
      .replace('<td>规章</td>', '<td><img src="/images/new.png" width="300" height="80">规章</td>');
    const text = await renditionOf(utf8(icons));
    assert.ok(!text.includes(IMAGE_TEXT), text);
    assert.deepEqual(shown(text), shown(await renditionOf(utf8(portalPageHtml()))));
  });
});

describe('isImageParagraph', () => {
  it('a paragraph of pictures alone, as the readers and the usual converters write them', () => {
    for (const text of [IMAGE_TEXT, `${IMAGE_TEXT}${IMAGE_TEXT}`, '[图片]', '![](data:image/png;base64,iVBORw0KGgo=)', '![表三](/upload/2024/t3.jpg)', '<img src="t3.png" width="600">', '[IMG]', '[image]', '  ![](a.png) ![](b.png)  ', '![](t3.png){width="600" border="0"}', '[t3.png]', '[IMG_2024.JPG]']) {
      assert.ok(isImageParagraph(text), text);
    }
  });

  it('not text that mentions a picture or holds one beside its words', () => {
    for (const text of ['本年度发布图片新闻120条。', '图片', '[1] 见附件', '![](a.png) 表三', '表三如下：<img src="t3.png">', '[t3]', '见[附件.pdf]', '']) {
      assert.ok(!isImageParagraph(text), text);
    }
  });

  it('a part with a picture and its table is not told; a part with neither is still "not found" (a warning)', () => {
    const withPicture = buildReport().replace('二、主动公开政府信息情况\n', `二、主动公开政府信息情况\n${IMAGE_TEXT}\n`);
    assert.ok(!shown(withPicture).some((f) => f.startsWith('table.missing')));
    const noTable = buildReport().replace(/第二十条第（一）项[\s\S]*?(?=三、收到和处理)/, '本年度主动公开政府信息120条。\n\n');
    assert.ok(shown(noTable).some((f) => f.startsWith('table.missing warning') && f.includes('没有找到表二')), shown(noTable).join('\n'));
  });
});

describe('a report that is pictures alone (its pages scanned or screenshotted into a page or a Word file)', () => {
  const page = portalPageHtml().replace(/<div style="display: none">[\s\S]*?<\/div>/, '');
  let picturesOnly = '';
  // A Word file of the report's title and its pages pasted as pictures (made by LibreOffice from such a document).
  let wordFile: Uint8Array = new Uint8Array();
  before(async () => {
    const shots = await tableScreenshots(page);
    const pictures = shots.map((s) => `<p style="text-align:center"><img src="data:image/png;base64,${Buffer.from(s).toString('base64')}" width="600"></p>`).join('\n');
    picturesOnly = page.replace(/(<div class="article-content" id="zoom">)[\s\S]*?(?=<div class="article-tools">)/, `$1${pictures}`);
    wordFile = converted(utf8(`<html><body><p align="center"><b>某某市某某局2022年政府信息公开工作年度报告</b></p>\n${pictures}</body></html>`), 'docx', { from: 'html' });
  });

  async function problemOf(bytes: Uint8Array) {
    const outcome = await readOriginal(bytes);
    assert.ok(outcome && !outcome.ok, `expected a problem: ${JSON.stringify(outcome)?.slice(0, 200)}`);
    return outcome.problem;
  }

  it('is a problem said as such (not "all six parts missing"): the page, its .mhtml, a Word file and its .doc', async () => {
    for (const bytes of [utf8(picturesOnly), (await savedAsOneFile([utf8(picturesOnly)]))[0]!, wordFile, converted(wordFile, 'doc')]) {
      const problem = await problemOf(bytes);
      assert.equal(problem.kind, 'pictures');
      assert.match(problem.detail ?? '', /^3 picture\(s\), \d+ characters of text$/);
    }
  });

  it('a page of photographs with no report title is no report: read as before (a folder walk skips it)', async () => {
    const news = '<html><head><title>图片新闻</title></head><body><h1>图片新闻</h1><p><img src="/upload/a.jpg" width="500"></p><p>局领导调研基层工作。</p></body></html>';
    const outcome = await readOriginal(utf8(news));
    assert.ok(outcome?.ok, JSON.stringify(outcome));
  });
});
