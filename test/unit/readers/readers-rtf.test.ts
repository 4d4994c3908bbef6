// The RTF reader (.rtf): Word files saved as Rich Text Format by LibreOffice (test/corpus/libreoffice.ts) read as the
// Word files do; Word's own way of writing Chinese (bytes in the GBK code page, \ansicpg936) written out in its
// form; hostile files a clear problem each.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULT_LIMITS } from '../../../server/src/core/readers/blocks';
import { originalKind, readOriginal } from '../../../server/src/core/readers/original';
import { readRtf } from '../../../server/src/core/readers/rtf';
import { check, parseDocument } from '../../../server/src/core/service';
import { IMAGE_TEXT } from '../../../server/src/core/text/images';
import { converted } from '../../corpus/libreoffice';
import { tableScreenshots } from '../../corpus/print';
import { sharedDir } from '../../helpers/fixtures';
import { portalPageHtml, tablesAsPictures } from '../../helpers/portal-page';
import { wordFigures, wordReport, withTrackedFigures } from '../../helpers/word-report';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

async function textOf(bytes: Uint8Array): Promise<string> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)?.slice(0, 300)}`);
  assert.equal(outcome.kind, 'rtf');
  return outcome.rendition.text;
}

const findings = (text: string) => check(parseDocument(text)).map((f) => `${f.code} ${f.severity} ${f.message}`).sort();

/** Text as Word writes it in an RTF file with the GBK code page: each Chinese character two bytes \'hh. */
const gbk = (text: string) => [...iconv.encode(text, 'gbk')].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`)).join('');

describe('.rtf reader: Word files saved as RTF by LibreOffice', () => {
  it('the blank 2021 template and a report typed into it: the findings of the .docx they were saved from', async () => {
    const template = new Uint8Array(readFileSync(path.join(sharedDir('raw'), '政务公开年报模版_2021.docx')));
    assert.deepEqual(findings(await textOf(converted(template, 'rtf'))), findings(await textOf2(template)));
    const report = wordReport(wordFigures());
    const found = findings(await textOf(converted(report, 'rtf')));
    assert.deepEqual(found, findings(await textOf2(report)));
    assert.equal(found.filter((f) => / error /.test(f)).length, 2, found.join('\n'));
  });

  it('a reviewer\'s tracked changes and hidden text: the text with the changes accepted, no finding', async () => {
    const reviewed = withTrackedFigures(wordReport(wordFigures()), [{ table: 1, was: '11', now: '10', last: true }, { table: 2, was: '5', now: '4' }], { table: 2, before: '2', text: '9' });
    const rtf = converted(reviewed, 'rtf');
    assert.match(Buffer.from(rtf).toString('latin1'), /\\deleted/, 'LibreOffice wrote the revisions');
    assert.deepEqual(findings(await textOf(rtf)), []);
  });

  it('tables pasted as pictures: a paragraph ［图片］ each, as in the other readers', async () => {
    const page = portalPageHtml().replace(/<div style="display: none">[\s\S]*?<\/div>/, '');
    const pictured = tablesAsPictures(page, await tableScreenshots(page));
    const rtf = converted(converted(new Uint8Array(Buffer.from(pictured, 'utf8')), 'docx', { from: 'html' }), 'rtf');
    assert.equal((await textOf(rtf)).split('\n').filter((l) => l === IMAGE_TEXT).length, 3);
  });
});

describe('.rtf reader: Word\'s own writing', () => {
  it('Chinese as GBK bytes (\\ansicpg936), \\uN with its fallback skipped, list numbers written as text, field results not codes', async () => {
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 ' + gbk('宋体') + ';}}{\\*\\generator Msftedit;}',
      `{\\pntext ${gbk('一、')}\\tab}${gbk('总体情况')}\\par`,
      `\\uc1\\u26412?${gbk('年度共收到申请')}{\\field{\\*\\fldinst { PAGE }}{\\fldrslt 5}}${gbk('件。')}{\\v ${gbk('隐藏')}}\\par`,
      '}',
    ].join('\n');
    assert.equal(originalKind(latin1(rtf)), 'rtf');
    assert.equal(await textOf(latin1(rtf)), '一、 总体情况\n本年度共收到申请5件。\n');
  });

  it('a table row: its cells by their edges, a cell merged across two columns at the first of them', async () => {
    const row = (edges: number[], cells: string[]) => `\\trowd${edges.map((e) => `\\cellx${e}`).join('')}\\pard\\intbl ${cells.map((c) => `${gbk(c)}\\cell `).join('')}\\row`;
    const rtf = `{\\rtf1\\ansi\\ansicpg936 ${row([2000, 4000, 6000], ['信息内容', '本年制发件数', '本年废止件数'])}${row([2000, 6000], ['行政许可', '100'])}\\pard\\par}`;
    const result = await readRtf(latin1(rtf), DEFAULT_LIMITS);
    assert.ok(result.ok);
    const table = result.blocks.find((b) => b.kind === 'table');
    assert.ok(table?.kind === 'table');
    assert.deepEqual(table.rows.map((r) => r.map((c) => c.text)), [['信息内容', '本年制发件数', '本年废止件数'], ['行政许可', '100', '']]);
  });
});

describe('.rtf reader: damaged and hostile files, a problem each', () => {
  it('groups nested past the bound, text past the bound, a \\bin past the end, a file cut short', async () => {
    const deep = await readRtf(latin1(`{\\rtf1${'{'.repeat(100_000)}x`), DEFAULT_LIMITS);
    assert.ok(!deep.ok && deep.problem.kind === 'too-large', JSON.stringify(deep));
    const long = await readRtf(latin1(`{\\rtf1 ${'a'.repeat(DEFAULT_LIMITS.maxTextChars + 10)}}`), DEFAULT_LIMITS);
    assert.ok(!long.ok && long.problem.kind === 'too-large');
    for (const text of ['{\\rtf1\\bin999999 abc', '{\\rtf1\\ansi {\\fonttbl', '{\\rtf1\\u', '{\\rtf1\\\'', '{\\rtf1\\ansicpg936 \\\'d2']) {
      const outcome = await readOriginal(latin1(text));
      assert.ok(outcome, text);
      assert.ok(outcome.ok || ['empty', 'broken'].includes(outcome.problem.kind), JSON.stringify(outcome));
    }
  });
});

/** A Word file's rendition (the .docx reader's), to compare the RTF one with. */
async function textOf2(docx: Uint8Array): Promise<string> {
  const outcome = await readOriginal(docx);
  assert.ok(outcome?.ok);
  return outcome.rendition.text;
}
