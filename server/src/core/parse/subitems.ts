// Sub-items inside a section: lines that start with （一） (1) 1、 1. …
// Official documents nest four styles (一、 （一） 1. （1）), in whatever order a
// report chooses, so a style is a level: an item in the style of an open level
// belongs to that level (a child list that reaches 3. does not swallow the
// parent's 3.). Real reports also mix styles at one level (（1）（2）（3）（四）
// （五）): an item in a style no open level uses joins the level whose
// sequence it continues; numbered 1, it opens a level below.

import type { SubItem } from '../model';
import { markdownLeadLength, readNumbering } from './numbering';
import { namesTable3Row } from './table-labels';

const MAX_TITLE = 40;
const CELLS_AFTER = /^[^\t]*\t[^\t]*\t/;
/** Reports nest sub-items three levels at most: （一） 1. （1）. */
const MAX_DEPTH = 4;

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
  if (CELLS_AFTER.test(rest.slice(title.length))) return undefined;
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

/** Arranges a section's sub-items (in document order) into a tree; sets `level`. */
export function nestSubItems(items: SubItem[]): SubItem[] {
  const roots: SubItem[] = [];
  // stack[k] = the last item at level k+1
  const stack: SubItem[] = [];
  for (const item of items) {
    const { style, ordinal } = item.numbering;
    // The level of its style (the next item, a new list, or a misnumbered one: the style says the level).
    const ownLevel = stack.findIndex((open) => open.numbering.style === style);
    const continued = ownLevel >= 0 ? ownLevel : findLastIndex(stack, (open) => open.numbering.ordinal + 1 === ordinal);
    if (continued >= 0) attach(item, continued);
    else if (ordinal === 1 && stack.length > 0 && stack.length < MAX_DEPTH) attach(item, stack.length);
    // A fresh start, or a sequence we cannot place: keep it at the top level.
    else attach(item, 0);
  }
  return roots;

  function attach(item: SubItem, depth: number): void {
    stack.length = depth;
    item.level = depth + 1;
    if (depth === 0) roots.push(item);
    else stack[depth - 1]!.children.push(item);
    stack[depth] = item;
  }
}

function findLastIndex<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
