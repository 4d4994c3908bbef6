// Python's html2text (Debian python3-html2text, run at test time: test/corpus/render.ts pyHtml2text) of a page whose
// table cells hold paragraphs (`<td><p>…</p></td>`: LibreOffice's web page of a Word file, a portal page pasted from
// Word). Each cell's text stands on lines of its own, cells parted by a line holding only `|`, a row's end a line of
// spaces after its last cell's two; an empty cell is blank lines between two `|` lines. Read row by row
// (tables/paragraph-pipes.ts), an empty cell a blank in its column, as the page itself reads; html2text's one-line form
// (cells without paragraphs, `a | b | c`) reads as before (script-tools.test.ts).
// Run: node --import tsx --test test/unit/parse/html2text-paragraph-cells.test.ts

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, parseDocument } from '../../../server/src/core/service';
import { pyHtml2text } from '../../corpus/render';
import { originalFindings, tableFindingCodes } from '../../helpers/original-findings';
import { portalPageBytes, portalPageHtml, wordMadeCells, wrongTotalsPage } from '../../helpers/portal-page';
import { typedAsFresh } from '../../helpers/typed-as-fresh';

/** The page with its cells in Word's paragraphs, as html2text writes it. */
const asHtml2text = (html: string) => pyHtml2text(wordMadeCells(html));

describe("html2text of a page whose table cells hold paragraphs", () => {
  test('the layout is what html2text writes: a cell alone on its lines, `|` on a line of its own, rows ended by spaces', () => {
    const text = asHtml2text(portalPageHtml());
    assert.match(text, /\n规章\s*\n\n\|\n\n\s*0\s*\n/, 'each cell on its own lines, parted by a pipe alone');
    assert.match(text, / {2}\n {2}\n/, "a row's end: its last cell's two spaces and a line of spaces");
  });

  test('a correct page: every table read whole, no finding on the tables', () => {
    const doc = parseDocument(asHtml2text(portalPageHtml()));
    // The page's chrome (a hidden copy of a part, a template) is html2text's too: only the tables' findings count.
    assert.deepEqual(tableFindingCodes(check(doc)), []);
    const { t2, t3, t4 } = doc.report.tables;
    assert.ok(t2 && t3 && t4?.certain);
    // The rows the one-line form of the same page reads (its cells hold no paragraphs: `a | b | c`).
    const oneLine = parseDocument(pyHtml2text(portalPageHtml())).report.tables.t3;
    assert.deepEqual(t3.rows.map((r) => r.id), oneLine?.rows.map((r) => r.id));
    assert.deepEqual(t3.rows.map((r) => r.cells.map((c) => c.value ?? null)), oneLine?.rows.map((r) => r.cells.map((c) => c.value ?? null)));
    assert.ok(t3.rows.every((r) => r.cells.length === 7 && r.cells.every((c) => c.certain)));
    assert.equal(t4.cells.length, 15);
  });

  test('a page with two wrong totals: the page\'s own table findings, each on its digits', async () => {
    const page = wrongTotalsPage();
    const text = asHtml2text(portalPageHtml(page));
    const findings = check(parseDocument(text));
    assert.deepEqual(findings.filter((f) => f.severity === 'error' && !/^sum\./.test(f.code)).map((f) => f.code), []);
    assert.deepEqual(tableFindingCodes(findings), tableFindingCodes(await originalFindings(portalPageBytes(page))));
    for (const [code, digits] of [['sum.row', '6'], ['sum.review', '3']] as const) {
      const f = findings.find((x) => x.code === code);
      assert.ok(f, `${code} found`);
      assert.equal(text.slice(f.range.start, f.range.end), digits);
    }
  });

  test('a figure of 表三 retyped, cleared and typed again: each step as a fresh parse', () => {
    const text = asHtml2text(portalPageHtml());
    // （一）予以公开's first figure: the cell after its label's pipe.
    const label = text.indexOf('（一）予以公开');
    let at = text.indexOf('|\n\n', label) + 3;
    while (text[at] === ' ') at++;
    assert.match(text.slice(at, at + 2), /^[0-9]/);
    const end = text.indexOf('\n', at);
    typedAsFresh(parseDocument(text), [
      [at, at + 1, '9'], // the row's sum breaks
      [at, end, ''], // the cell emptied
      [at, at, '12'], // typed again
      [at - 2, at - 1, ''], // the pipe before it taken out: two cells run into one
    ]);
  });
});
