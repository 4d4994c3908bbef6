// Sub-items inside a section: lines that start with （一） (1) 1、 1. …, nested
// by their numbering (numbering-levels.ts).

import type { Numbering, SubItem } from '../model';
import { markdownLeadLength, readNumbering } from './numbering';
import { namesTable3Row } from './table-labels';
import { placeNumbering } from '../numbering-levels';
import { shiftedRange } from '../report-delta';
import { sameElements } from '../arrays';

const MAX_TITLE = 40;

/** Whether two tabs follow `from`: cells after a row label. Two searches, not an expression run over a whole prose line. */
function cellsAfter(text: string, from: number): boolean {
  const tab = text.indexOf('\t', from);
  return tab >= 0 && text.indexOf('\t', tab + 1) >= 0;
}

/** What ends a sub-item's title: 。；;：:，,！!？? or a tab. */
function isTitleStop(c: number): boolean {
  return c < 0x80
    ? c === 0x3b || c === 0x3a || c === 0x2c || c === 0x21 || c === 0x3f || c === 0x09
    : c === 0x3002 || c === 0xff1b || c === 0xff1a || c === 0xff0c || c === 0xff01 || c === 0xff1f;
}

export function recogniseSubItem(line: string, lineStart: number): SubItem | undefined {
  // Markdown converters mark sub-items as headings (`### （一）…`) or bold them.
  const from = markdownLeadLength(line);
  if (from === line.length) return undefined;
  const num = readNumbering(line, from, lineStart);
  if (!num) return undefined;
  // A tab ends the title too: in a table's row (a tab grid) the title is the first cell. Read in the line, by char
  // code: no copy of the rest of the line, no expression.
  let stop = num.restStart;
  while (stop < line.length && !isTitleStop(line.charCodeAt(stop))) stop++;
  let title = line.slice(num.restStart, stop).trimEnd();
  if (title.length > MAX_TITLE) title = title.slice(0, MAX_TITLE);
  if (!title) return undefined;
  const c = title.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return undefined;
  // Cells after it (a tab grid's row, its figures not typed yet: “\t\t3.其他\t\t\t”): a table's row label.
  if (cellsAfter(line, num.restStart + title.length)) return undefined;
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

/**
 * A line's analysis as the nesting reads it (LineInfo): the sub-item the line
 * reads as (offsets within the line), and where that item was last placed. An
 * item is a value, so the next parse that places the same line at the same
 * offset, at the same level and over the same children, hands out that very
 * object instead of a copy. A report checked again, or reassembled after a
 * line break, makes only the items that moved or changed.
 */
export interface SubItemLine {
  readonly subItem: SubItem | undefined;
  placedSubItem: SubItem | undefined;
}

/**
 * A section's sub-items as a tree by their numbering (numbering-levels.ts).
 * `lines[k]` is the k-th line with a sub-item and `starts[k]` where it starts.
 * The levels come first, then each item is made after its children (from the
 * last one back), so that no item is changed once made: a value the next parse
 * may share.
 */
export function nestSubItems(lines: readonly SubItemLine[], starts: readonly number[]): SubItem[] {
  const n = lines.length;
  const level = new Int32Array(n);
  const parent = new Int32Array(n);
  // open[k]: the numbering of the last item at level k+1, at[k] that item.
  const open: Numbering[] = [];
  const at: number[] = [];
  for (let k = 0; k < n; k++) {
    const numbering = lines[k]!.subItem!.numbering;
    const depth = placeNumbering(open, numbering);
    // Closed levels popped (depth is at most open.length): setting an array's length is a call into the runtime.
    while (open.length > depth) {
      open.pop();
      at.pop();
    }
    level[k] = depth + 1;
    parent[k] = depth === 0 ? -1 : at[depth - 1]!;
    open.push(numbering);
    at.push(k);
  }
  const made: SubItem[] = new Array(n);
  // Each item's children, gathered last first.
  const childrenOf: (SubItem[] | undefined)[] = new Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const children = childrenOf[k]?.reverse() ?? NO_CHILDREN;
    made[k] = placed(lines[k]!, starts[k]!, level[k]!, children);
    const p = parent[k]!;
    if (p >= 0) (childrenOf[p] ??= []).push(made[k]!);
  }
  const roots: SubItem[] = [];
  for (let k = 0; k < n; k++) if (parent[k] === -1) roots.push(made[k]!);
  return roots;
}

// A leaf's children while its item is looked for: an item made anew gets its own empty list, a leaf found again
// none (most items are leaves, most are found again).
const NO_CHILDREN: readonly SubItem[] = Object.freeze([]);

/** The item of a line starting at `start`: the one placed there before when it is the same, else a new one. */
function placed(line: SubItemLine, start: number, level: number, children: readonly SubItem[]): SubItem {
  const item = line.subItem!;
  const before = line.placedSubItem;
  // The same line text (the analysis is its text's) at the same offset: the same ranges, title and numbering.
  if (before && before.range.start === item.range.start + start && before.level === level && sameElements(before.children, children)) return before;
  const n = item.numbering;
  // Written out field by field, not spread: one of these is made for every sub-item that moved.
  const made: SubItem = {
    range: shiftedRange(item.range, start),
    numbering: { text: n.text, range: shiftedRange(n.range, start), style: n.style, ordinal: n.ordinal, separator: n.separator },
    title: item.title,
    titleRange: shiftedRange(item.titleRange, start),
    level,
    children: children === NO_CHILDREN ? [] : (children as SubItem[]),
  };
  line.placedSubItem = made;
  return made;
}
