// A report's 表四 written as a plain Word table of 15 equal narrow columns (as python-docx writes one: no merged
// cells), saved as PDF by LibreOffice: its header words wrap in their cells (行/政/复/议), and where the page break
// falls in the header row, LibreOffice breaks the row, drawing a rule under `行政复` at the page's end and over `议`
// at the next page's top. The reader kept the two parts as two rows, so no line said 行政复议 and 表四 was "not
// found" (没有找到表四; its figures unchecked). Found by the eighteenth session's tester (cause F,
// /tmp/t18a/repro/pdf_t4_header_wrapped_full_r08.pdf). 表四's header cells are now joined over the break as 表三's
// cut labels are (readers/pdf/table-builder.ts TEMPLATE_LABELS).
// The Word file is written here (test/helpers/docx.ts) with more filler lines above 表四 step by step, so that the
// break falls in its header row, and converted by LibreOffice at test time.
// Run: node --import tsx --test test/unit/readers/pdf-t4-header-over-page-break.test.ts

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { readPdf } from '../../../server/src/core/readers/pdf';
import { DEFAULT_LIMITS } from '../../../server/src/core/readers/blocks';
import { parseDocument } from '../../../server/src/core/service';
import { converted } from '../../corpus/libreoffice';
import { docx, p } from '../../helpers/docx';

const FIGURES = [155, 12, 23, 29, 219, 119, 7, 12, 39, 177, 39, 2, 5, 16, 62];
const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="600" w:type="dxa"/></w:tcPr>${p(text)}</w:tc>`;
const row = (texts: readonly string[]) => `<w:tr>${texts.map(cell).join('')}</w:tr>`;
const blanks = (n: number) => Array.from({ length: n }, () => '');
const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;

function table4(): string {
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  return [
    `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>`,
    `<w:tblGrid>${'<w:gridCol w:w="600"/>'.repeat(15)}</w:tblGrid>`,
    row(['行政复议', ...blanks(4), '行政诉讼', ...blanks(9)]),
    row([...blanks(5), '未经复议直接起诉', ...blanks(4), '复议后起诉', ...blanks(4)]),
    row([...COLUMNS, ...COLUMNS, ...COLUMNS]),
    row(FIGURES.map(String)),
    '</w:tbl>',
  ].join('');
}

/** The report's part 四 under `lines` one-line paragraphs of part 三. */
function report(lines: number): Uint8Array {
  const filler = Array.from({ length: lines }, (_, i) => p(`${i + 1}. 本年度依申请公开工作规范有序。`)).join('');
  return docx(
    p('某某县自然资源局2023年政府信息公开工作年度报告') +
      p('三、收到和处理政府信息公开申请情况') +
      filler +
      p('四、政府信息公开行政复议、行政诉讼情况') +
      table4() +
      p('五、存在的主要问题及改进情况') +
      p('无。'),
  );
}

/** Filler lines that put the page break in 表四's first header row (after `行政`, rest `复议`) and in its second (after `未` / `复`), with LibreOffice's fonts here. */
const BREAKS = [37, 36];

describe('pdf reader: 表四 whose header rows a page break cuts (LibreOffice PDF of a narrow Word table)', () => {
  for (const lines of BREAKS) {
    it(`表四 found with its 15 figures, its header cells joined over the break (${lines} lines above)`, async () => {
      const pdf = converted(report(lines), 'pdf');
      const read = await readPdf(pdf, DEFAULT_LIMITS);
      assert.ok(read.ok);
      const table = read.blocks.find((b) => b.kind === 'table');
      assert.ok(table?.kind === 'table');
      const pages = new Set(table.rows.flatMap((r) => r.map((c) => c.place.page)));
      assert.deepEqual([...pages], [1, 2], 'the break falls in 表四');
      const outcome = await readOriginal(pdf);
      assert.ok(outcome?.ok);
      const text = outcome.rendition.text;
      assert.match(text, /^行政复议\t+行政诉讼\t*$/m);
      const t4 = parseDocument(text).report.tables.t4;
      assert.ok(t4, `表四 not found:\n${text.slice(text.indexOf('四、'))}`);
      assert.deepEqual(t4.cells.map((c) => c.value), FIGURES);
    });
  }
});
