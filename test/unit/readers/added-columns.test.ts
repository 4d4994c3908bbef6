// Columns an agency adds to 表三 of its own, as portals publish them: a 备注
// column after 总计 (a note on one row, the others empty), a 法人小计 column
// before 总计. The page is the test helper's portal page (the template's
// merged header, every 0 left empty so that each row's 自然人 is blank) with the
// column added to its HTML table as an editor adds one; it is read as the
// checker reads a web page (its rendition), as the tab text a reviewer saves of
// it (`gov-report render`), and as the Word file LibreOffice saves of it. The added column is not the template's: it is not checked, and the
// template's cells are read in their columns, with no "lost cell" warning
// (tables/added-columns.ts).
// Run: node --import tsx --test test/unit/readers/added-columns.test.ts

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readOriginal } from '../../../server/src/core/readers/original';
import { check, parseDocument } from '../../../server/src/core/service';
import { table3RowsFor } from '../../../server/src/core/template';
import { converted } from '../../corpus/libreoffice';
import { portalPageHtml } from '../../helpers/portal-page';
import { typedAsFresh } from '../../helpers/typed-as-fresh';

const E = '';
/** 表三 with its 0s empty: 自然人 made no request, so every row's first figure cell is empty. */
function blankT3(): Record<string, (number | string)[]> {
  const t3: Record<string, (number | string)[]> = Object.fromEntries(table3RowsFor(false).map((r) => [r.id, [E, E, E, E, E, E, E]]));
  return Object.assign(t3, {
    new: [E, 3, E, E, 1, E, 4],
    carried: [E, 1, E, E, E, E, 1],
    public: [E, 2, E, E, 1, E, 3],
    partial: [E, 1, E, E, E, E, 1],
    'unable.1': [E, 1, E, E, E, E, 1],
    total: [E, 4, E, E, 1, E, 5],
  });
}

const T3 = blankT3();
/** 表四 with no 行政复议: its five cells empty, read by their places. */
const T4 = [E, E, E, E, E, 3, 1, 1, 2, 7, 3, 2, 1, 1, 7];
const ROWS = table3RowsFor(false);

/** The page's 表三 edited by `edit` (its HTML from <thead> to </tbody>); the other tables as they were. */
function withTable3Edited(edit: (table: string) => string): string {
  const html = portalPageHtml({ agency: '某某县自然资源局', year: 2024, t3: T3, t4: T4 });
  const start = html.indexOf('<thead>');
  const end = html.indexOf('</tbody>', start);
  return html.slice(0, start) + edit(html.slice(start, end)) + html.slice(end);
}

/** The page's 表四 with a column of row names before its figures: 项目 over the header's three rows, 件数 by the figures. */
function withTable4Labelled(): string {
  const html = portalPageHtml({ agency: '某某县自然资源局', year: 2024, t3: T3, t4: T4 });
  const head = '<tr><td colspan="5" rowspan="2">行政复议</td>';
  const start = html.indexOf(head);
  const end = html.indexOf('</table>', start);
  const rows = html.slice(start, end).split('\n');
  rows[0] = rows[0]!.replace('<tr>', '<tr><td rowspan="3">项目</td>');
  rows[3] = rows[3]!.replace('<tr>', '<tr><td>件数</td>');
  return html.slice(0, start) + rows.join('\n') + html.slice(end);
}

/** The body's rows, each given `cell(k, row)` where `place(row)` says (k: the row's index in the template). */
function eachBodyRow(table: string, add: (k: number, row: string) => string): string {
  let k = -1;
  return table.replace(/<tr>(?!<th)([\s\S]*?)<\/tr>/g, (_, row: string) => `<tr>${add(++k, row)}</tr>`);
}

/** A 备注 column after 总计: named in the header's first row (over its three rows), a note on （一）予以公开. */
const noteColumn = (table: string) =>
  eachBodyRow(table.replace('<th colspan="7">申请人情况</th>', '<th colspan="7">申请人情况</th><th rowspan="3">备注</th>'), (k, row) => `${row}<td>${ROWS[k]!.id === 'public' ? '含网上申请' : '&nbsp;'}</td>`);

/** A 小计 of the 法人或其他组织 columns before 总计, each row's sum of its five. */
const subtotalColumn = (table: string) =>
  eachBodyRow(
    table
      .replace('<th colspan="7">申请人情况</th>', '<th colspan="8">申请人情况</th>')
      .replace('<th colspan="5">法人或其他组织</th>', '<th colspan="6">法人或其他组织</th>')
      .replace('<th>其他</th></tr>', '<th>其他</th><th>小计</th></tr>'),
    (k, row) => {
      const figures = T3[ROWS[k]!.id]!;
      const sum = figures.slice(1, 6).reduce<number>((a, v) => a + (v === E ? 0 : Number(v)), 0);
      const last = row.lastIndexOf('<td');
      return `${row.slice(0, last)}<td align="center">${sum === 0 ? '&nbsp;' : sum}</td>${row.slice(last)}`;
    },
  );

/** A 序号 column before the row labels, named in the header (or left unnamed, `name` empty), each row numbered. */
const serialColumn = (name: string) => (table: string) =>
  eachBodyRow(table.replace('<tr><th colspan="3" rowspan="3">', `<tr><th rowspan="3">${name}</th><th colspan="3" rowspan="3">`), (k, row) => `<td align="center">${k + 1}</td>${row}`);

async function renditionOf(page: string | Uint8Array): Promise<string> {
  const outcome = await readOriginal(typeof page === 'string' ? new Uint8Array(Buffer.from(page, 'utf8')) : page);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  return outcome.rendition.text;
}

const FORMS: Readonly<Record<string, (html: string) => Promise<string>>> = {
  'the portal page (.html)': renditionOf,
  'the page as tab-separated text': async (html) => (await renditionOf(html)).replace(/\n/g, '\r\n'),
  // The page opened in LibreOffice Writer and saved as a Word file (soffice --convert-to docx), then read as one.
  'the page saved as a Word file by LibreOffice (.docx)': async (html) => renditionOf(converted(new Uint8Array(Buffer.from(html, 'utf8')), 'docx', { from: 'html' })),
};

const COLUMNS: Readonly<Record<string, (table: string) => string>> = {
  'a 备注 column after 总计': noteColumn,
  'a 法人小计 column before 总计': subtotalColumn,
  'a 序号 column before the labels': serialColumn('序号'),
  'a 序号 column the header leaves unnamed': serialColumn(''),
};

// The empty cells are said once a table; LibreOffice keeps the page's hidden copy of a heading (display: none) that
// a browser does not show, a heading said twice: neither is the table's reading.
const NOT_THE_TABLES = new Set(['cell.blank', 'section.duplicate']);

describe('表三 with a column the agency added reads as the template', () => {
  for (const [column, edit] of Object.entries(COLUMNS)) {
    for (const [form, make] of Object.entries(FORMS)) {
      test(`${column}, ${form}: its cells in their columns, nothing lost`, async () => {
        const doc = parseDocument(await make(withTable3Edited(edit)));
        const list = check(doc);
        assert.deepEqual(list.map((f) => f.code).filter((c) => !NOT_THE_TABLES.has(c)), [], list.map((f) => f.message).join('\n'));
        const t3 = doc.report.tables.t3;
        assert.ok(t3);
        const row = (id: string) => t3.rows.find((r) => r.id === id)!;
        assert.deepEqual(row('public').cells.map((c) => c.value ?? null), [null, 2, null, null, 1, null, 3]);
        assert.deepEqual(row('total').cells.map((c) => c.value ?? null), [null, 4, null, null, 1, null, 5]);
        assert.ok(t3.rows.every((r) => r.cells.length === 7 && r.cells.every((c) => c.certain)));
        assert.equal(t3.rows.length, ROWS.length);
      });
    }
  }
});

/**
 * A 小计 row under （三）不予公开 after its rows 5 to 8, left blank: the row added after 8.属于行政查询事项, under the merged
 * 三、本年度办理结果 (its rowspan one more), its label over the group's and the leaf's columns. Its figures are not
 * checked (no template row's).
 */
function withSubtotalRow(): string {
  return withTable3Edited((table) => {
    const spans = table.replace(/rowspan="(\d+)">三、本年度/, (_, n: string) => `rowspan="${Number(n) + 1}">三、本年度`);
    let k = -1;
    return spans.replace(/<tr>(?!<th)([\s\S]*?)<\/tr>/g, (whole: string) => {
      if (ROWS[++k]!.id !== 'deny.8') return whole;
      return `${whole}\n<tr><td colspan="2">（三）不予公开小计</td>${['&nbsp;', 1, '&nbsp;', '&nbsp;', 1, '&nbsp;', 2].map((v) => `<td align="center">${v}</td>`).join('')}</tr>`;
    });
  });
}

describe('a header that names the labels 序号 adds no column', () => {
  test('序号 written over the label cells of a tab text (its rows begin with their labels): read as the template', async () => {
    const text = (await renditionOf(withTable3Edited((table) => table))).replace(/^\t+(?=自然人\t)/m, (tabs) => `序号${tabs}`);
    assert.match(text, /^序号\t+自然人\t/m);
    const list = check(parseDocument(text));
    assert.deepEqual(list.map((f) => f.code).filter((c) => !NOT_THE_TABLES.has(c)), [], list.map((f) => f.message).join('\n'));
  });
});

describe('rows of figures padded with one empty cell after their total (a closing tab the header rows lack)', () => {
  test('tab text of 表三 and 表四: their empty first cells read in their columns, nothing lost', async () => {
    const lines = (await renditionOf(withTable3Edited((table) => table))).split('\n');
    // Each line of 表三's and 表四's rows that holds a figure gets a closing tab; the header's lines do not.
    const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const last = lines.findIndex((l, k) => k > first && /^\t+3\t1\t1\t2\t7\t/.test(l));
    assert.ok(first > 0 && last > first);
    const figures = /(^|\t)\d+(\t|$)/;
    const padded = lines.map((l, k) => (k >= first && k <= last && figures.test(l) ? `${l}\t` : l)).join('\r\n');
    assert.match(padded, /\t7\t\r\n/);
    const doc = parseDocument(padded);
    const list = check(doc);
    assert.deepEqual(list.map((f) => f.code).filter((c) => !NOT_THE_TABLES.has(c)), [], list.map((f) => f.message).join('\n'));
    const t3 = doc.report.tables.t3!;
    assert.deepEqual(t3.rows.find((r) => r.id === 'public')!.cells.map((c) => c.value ?? null), [null, 2, null, null, 1, null, 3]);
    assert.deepEqual(doc.report.tables.t4?.cells.map((c) => c.value ?? null), T4.map((v) => (v === E ? null : v)));
  });
});

describe('表三 with a 小计 row the agency added after rows left blank', () => {
  for (const [form, make] of Object.entries(FORMS)) {
    test(`${form}: the blank rows are read, none missing; the 小计 is the one row not in the template`, async () => {
      const doc = parseDocument(await make(withSubtotalRow()));
      const list = check(doc);
      const shape = list.filter((f) => !NOT_THE_TABLES.has(f.code));
      // The added row is told once, by its own label (a table unlike the template: defect 153), and nothing else.
      assert.deepEqual(shape.map((f) => f.message), ['表三中有一行无法对应到模板：“（三）不予公开小计”']);
      const t3 = doc.report.tables.t3;
      assert.ok(t3);
      assert.equal(t3.rows.length, ROWS.length);
      for (const id of ['deny.5', 'deny.6', 'deny.7', 'deny.8']) assert.ok(t3.rows.find((r) => r.id === id)?.cells.every((c) => c.kind === 'blank' && c.certain), id);
    });
  }
});

describe('表四 with a column of row names the agency added (项目 over 件数) reads as the template', () => {
  for (const [form, make] of Object.entries(FORMS)) {
    test(`${form}: the table is found, its empty 行政复议 read in its place`, async () => {
      const doc = parseDocument(await make(withTable4Labelled()));
      const list = check(doc);
      assert.deepEqual(list.map((f) => f.code).filter((c) => !NOT_THE_TABLES.has(c)), [], list.map((f) => f.message).join('\n'));
      const t4 = doc.report.tables.t4;
      assert.ok(t4?.certain);
      assert.deepEqual(t4.cells.map((c) => c.value ?? null), T4.map((v) => (v === E ? null : v)));
    });
  }
});

describe('typing into 表三 with an added column', () => {
  for (const [column, edit] of Object.entries({ 'a 备注 column': noteColumn, 'a 序号 column': serialColumn('序号') })) {
    test(`${column}, tab text: a figure, the empty 自然人 and the note retyped, each step as a fresh parse`, async () => {
      const text = (await renditionOf(withTable3Edited(edit))).replace(/\n/g, '\r\n');
      const row = text.indexOf('（一）予以公开');
      const start = text.lastIndexOf('\r\n', row) + 2;
      const cells = text.slice(start, text.indexOf('\r\n', row)).split('\t');
      const at = (k: number) => start + cells.slice(0, k).reduce((n, c) => n + c.length + 1, 0);
      const business = cells.indexOf('2');
      assert.equal(cells[business - 1], '');
      typedAsFresh(parseDocument(text), [
        [at(business), at(business) + 1, '3'], // 2 → 3: the row's sum breaks
        [at(business), at(business) + 1, '2'], // and holds again
        [at(business - 1), at(business - 1), '1'], // 1 typed into the empty 自然人 cell
        [at(business - 1), at(business - 1) + 1, ''], // and taken out
        [at(cells.length - 1), at(cells.length - 1), '5'], // typed into the row's last cell (the note, or the total)
      ]);
    });
  }
});
