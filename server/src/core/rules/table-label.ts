// table.label: a row or column label that drifts from the template (规范性文件,
// 现行有效件, 其他法律行政止公开). Labels wrapped over lines or carrying their
// group in front are not drift: the template label must simply be in them. A
// 表二 block is held to the edition it follows: 规范性文件 is the 2019 form's
// own label (using that form in a later report is table.legacy's to say).

import { messagesFor, type Messages } from '../i18n';
import type { Range, TableRow } from '../model';
import { TABLE2_BLOCKS, TABLE3_ROWS, table2Form } from '../template';
import type { TextView } from '../text/edit-ranges';
import { labelKey, withoutNote } from '../text/normalize';
import { similarity } from '../text/similarity';
import { finding, type Finding, type Rule } from './types';

/** Known drift (规范性文件, 现行有效件, 其他法律行政止公开) scores 0.83 and up. */
const SAME_LABEL = 0.7;
/** A number standing on its own among the words: a value cell glued to the label. */
const STANDALONE_NUMBER = /(?<!\S)[0-9０-９]+(?:[.,][0-9０-９]+)*(?!\S)/;

export const tableLabel: Rule = {
  code: 'table.label',
  name: '表格标签与模板不一致',
  defaultSeverity: 'warning',
  inputs: ['tables'],
  check({ report, text, lang }) {
    const m = messagesFor(lang)['table.label'];
    const out: Finding[] = [];
    const t3 = report.tables.t3;
    if (t3) {
      for (const row of t3.rows) {
        const spec = TABLE3_ROWS.find((r) => r.id === row.id);
        if (spec) out.push(...drift(row, spec.label, text, m, spec.aliases));
      }
    }
    for (const block of report.tables.t2?.blocks ?? []) {
      const form = table2Form(TABLE2_BLOCKS.find((b) => b.id === block.id)!, block.legacy);
      for (const row of block.rows) {
        const rowSpec = form.rows.find((r) => r.id === row.id);
        if (rowSpec) out.push(...drift(row, rowSpec.label, text, m));
      }
      for (const header of block.headers) {
        const col = form.columns.find((c) => c.id === header.columnId);
        if (col && !labelKey(header.text).includes(labelKey(col.label))) out.push(labelFinding(header.range, header.text, col.label, text, m));
      }
    }
    return out;
  },
};

type Says = Messages['table.label'];

function drift(row: TableRow, label: string, text: TextView, m: Says, aliases: readonly string[] = []): Finding[] {
  if (row.label.range.end <= row.label.range.start) return [];
  if (labelKey(row.label.text).includes(labelKey(label))) return [];
  // A known other wording (（七）合计 for （七）总计) is read as the row, and is drift whatever letters it shares.
  if (aliases.some((a) => labelKey(row.label.text).endsWith(labelKey(a)))) return [labelFinding(row.label.range, row.label.text, label, text, m)];
  // The row's name without the template's note (（二）部分公开): the note explains the row, it is no part of its name.
  if (labelKey(row.label.text) === labelKey(withoutNote(label))) return [];
  if (cutByWrap(labelKey(row.label.text), labelKey(label))) return [];
  if (!keepsStartOrEnd(labelKey(row.label.text), labelKey(label))) return [];
  return [labelFinding(row.label.range, row.label.text, label, text, m)];
}

/**
 * The label with its last few characters missing: a cell wrapped in a PDF or a text browser whose end the text puts
 * elsewhere (`…已获取信` with `息` on a later line, `其他对外管理服务事` / `项`). Written in, the fix's whole label left
 * the stray end where it stood: the report said it twice.
 */
function cutByWrap(found: string, label: string): boolean {
  return found.length >= MIN_CUT_KEPT && found.length < label.length && label.length - found.length <= MAX_CUT && label.startsWith(found);
}

/** A wrap leaves at most this many of a label's characters for a line of their own; the label kept is this long at least. */
const MAX_CUT = 4;
const MIN_CUT_KEPT = 4;

/**
 * Drift keeps the label's start or its end (规范性文件, 现行有效件, 其他法律行政止公开).
 * Words of other cells in front and a label cut short behind is a layout
 * that interleaved labels (PDF text), not a label to correct.
 */
function keepsStartOrEnd(found: string, label: string): boolean {
  return found.slice(0, 2) === label.slice(0, 2) || found.slice(-2) === label.slice(-2);
}

function labelFinding(range: Range, found: string, label: string, text: TextView, m: Says): Finding {
  // A fix only where the cell is that label misspelt: not across lines, not
  // where the cell holds much more (a damaged row's neighbouring text) or a
  // value that lost its separator (“…已获取 0”): the replacement would delete them.
  const single = !/[\r\n]/.test(text.slice(range.start, range.end)) && similarity(labelKey(found), labelKey(label)) >= SAME_LABEL && !STANDALONE_NUMBER.test(found);
  // Keep the numbering the document already uses in front of the label.
  const numbering = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.、．])\s*/.exec(found)?.[0] ?? '';
  const bare = label.replace(/^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)/, '');
  const replacement = numbering ? `${numbering.trim()}${bare}` : label;
  return finding(tableLabel, range, m.message(found.trim(), label), single ? { fix: { title: m.fix(replacement), edits: [{ range, newText: replacement }] } } : {});
}
