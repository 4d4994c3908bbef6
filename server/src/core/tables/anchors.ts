// Where each table starts: its caption, note or header line. Only the first
// of each kind counts (parse/assemble.ts); the table then runs to the next
// heading or table.

import type { Table } from '../model';
import { blankDebris } from '../text/debris';
import { labelKey } from '../text/normalize';
import { TABLE4_ADDED_COLUMNS } from '../template';
import { holdsTags, shownText } from './html-cells';

// Every anchor contains one of these words; most lines contain none.
const ANCHOR_WORDS = /第二十条|勾稽关系|申请人情况|本年新收|行政复议|信息内容/;

export function tableAnchor(lineText: string): Table['kind'] | undefined {
  if (!ANCHOR_WORDS.test(lineText)) return undefined;
  // A table left as HTML: its first cells, as shown, are the anchor.
  if (lineText.includes('<') && holdsTags(lineText)) return tableAnchor(shownText(lineText.slice(0, MAX_HTML_HEAD)).slice(0, 40));
  // A table drawn in box lines (a text browser's dump): its words between the bars and rules.
  if (BOX_DRAWING.test(lineText)) return tableAnchor(lineText.replace(BOX_DRAWING_ALL, ' '));
  const text = blankDebris(lineText);
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  // 表四's two header rows merged into one, each cell naming its group and column (行政复议结果维持, …, 行政诉讼（未经复议
  // 直接起诉）结果维持 …), as a tester's Word report had it: a long line, and its table was "not found".
  if (trimmed.startsWith('行政复议结果维持') || trimmed.startsWith('行政复议 结果维持')) {
    const whole = labelKey(trimmed);
    if (whole.startsWith('行政复议结果维持') && whole.includes('行政诉讼')) return 't4';
  }
  // Long by its padding only (a table laid out in columns of spaces: pdftotext -layout, pandoc's tables), a line is
  // as short as its words.
  if (trimmed.length > 120 && trimmed.replace(/[\s|]+/g, ' ').length > 120) return ranTogetherTable(trimmed);
  const key = labelKey(trimmed);
  if (/^第二十条第[一二三四五六七八九十]{1,2}项/.test(key)) return 't2';
  if (key.includes('本列数据的勾稽关系') || key.startsWith('申请人情况') || key.startsWith('本年新收政府信息公开申请数量')) return 't3';
  const lineCells = trimmed.replace(/^\|\s*/, '').split(/[\t\s\u3000|]+/);
  const firstCell = lineCells[0] ?? '';
  // A header line, not prose naming 行政复议: short once a Markdown table's padding (runs of spaces and pipes) is
  // counted as one separator. A column the agency added before the figures (项目, 序号) names itself first.
  const figuresFirst = ADDED_FIRST_T4.has(labelKey(firstCell)) ? (lineCells[1] ?? '') : firstCell;
  if (labelKey(figuresFirst) === '行政复议' && trimmed.replace(/[\s|]+/g, ' ').length <= 80) return 't4';
  // 表二's header row, where its caption is not on a line of its own (pandoc's grid table wraps 第二十条第（一）项 in its
  // narrow cell): only the first anchor of a kind counts, so a caption above it still starts the table.
  if (labelKey(firstCell) === '信息内容' && trimmed.replace(/[\s|]+/g, ' ').length <= 80) return 't2';
  // 表四's header with its cells run together (行政复议行政诉讼未经复议直接起诉…), never a heading's words.
  if (key.startsWith('行政复议行政诉讼未经复议')) return 't4';
  return undefined;
}

const ADDED_FIRST_T4: ReadonlySet<string> = new Set(TABLE4_ADDED_COLUMNS.filter((c) => c.stands === 'first').flatMap((c) => c.names.map(labelKey)));
const BOX_DRAWING = /[\u2500-\u257f]/;
const BOX_DRAWING_ALL = /[\u2500-\u257f]/g;
const MIN_RUN_TOGETHER_FIGURES = 3;
// The HTML that holds a table's first cells (a Word-made page's cell carries long style attributes).
const MAX_HTML_HEAD = 3000;

/**
 * A long line that starts a table and goes on with its rows (a table a converter wrote on one line, its cells run
 * together: html-to-text's default): its head is the anchor, and figures follow it.
 */
function ranTogetherTable(trimmed: string): Table['kind'] | undefined {
  const head = tableAnchor(trimmed.slice(0, 40));
  if (!head) return undefined;
  const figures = /[0-9０-９]+/g;
  for (let n = 0; figures.exec(trimmed); ) if (++n >= MIN_RUN_TOGETHER_FIGURES) return head;
  return undefined;
}
