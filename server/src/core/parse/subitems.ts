// Sub-items inside a section: lines that start with （一） (1) 1、 1. …, nested
// by their numbering (numbering-levels.ts).

import type { Numbering, SubItem } from '../model';
import { markdownLeadLength, readNumbering } from './numbering';
import { namesTable3Row } from './table-labels';
import { placeNumbering } from '../numbering-levels';

const MAX_TITLE = 40;

/** Whether two tabs follow `from`: cells after a row label. Two searches, not an expression run over a whole prose line. */
function cellsAfter(text: string, from: number): boolean {
  const tab = text.indexOf('\t', from);
  return tab >= 0 && text.indexOf('\t', tab + 1) >= 0;
}

export function recogniseSubItem(line: string, lineStart: number): SubItem | undefined {
  // Markdown converters mark sub-items as headings (`### （一）…`) or bold them.
  const from = markdownLeadLength(line);
  if (from === line.length) return undefined;
  const num = readNumbering(line, from, lineStart);
  if (!num) return undefined;
  const rest = line.slice(num.restStart);
  // A tab ends the title too: in a table's row (a tab grid) the title is the first cell.
  const stop = rest.search(/[。；;：:，,！!？?\t]/);
  let title = (stop >= 0 ? rest.slice(0, stop) : rest).trimEnd();
  if (title.length > MAX_TITLE) title = title.slice(0, MAX_TITLE);
  if (!title || /^\d/.test(title)) return undefined;
  // Cells after it (a tab grid's row, its figures not typed yet: “\t\t3.其他\t\t\t”): a table's row label.
  if (cellsAfter(rest, title.length)) return undefined;
  // 表三's （三）不予公开, 1.属于国家秘密 or 四、结转下年度继续办理 left outside its table is not a sub-item.
  if (namesTable3Row(title)) return undefined;
  const titleStart = lineStart + num.restStart;
  return {
    range: { start: lineStart + from, end: lineStart + line.trimEnd().length },
    numbering: num.numbering,
    title,
    titleRange: { start: titleStart, end: titleStart + title.length },
    level: 1,
    children: [],
  };
}

/** Arranges a section's sub-items (in document order) into a tree by their numbering (numbering-levels.ts); sets `level`. */
export function nestSubItems(items: SubItem[]): SubItem[] {
  const roots: SubItem[] = [];
  // stack[k] = the last item at level k+1, open[k] its numbering
  const stack: SubItem[] = [];
  const open: Numbering[] = [];
  for (const item of items) {
    const depth = placeNumbering(open, item.numbering);
    stack.length = open.length = depth;
    item.level = depth + 1;
    if (depth === 0) roots.push(item);
    else stack[depth - 1]!.children.push(item);
    stack.push(item);
    open.push(item.numbering);
  }
  return roots;
}
