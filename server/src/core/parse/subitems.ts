// Sub-items inside a section: lines that start with （一） (1) 1、 1. …
// Levels come from the ordinals, not the styles, because real reports mix
// styles at one level (（1）（2）（3）（四）（五）): an item whose ordinal
// continues an open level's sequence belongs to that level; an item numbered
// 1 in another style opens a level below.

import type { SubItem } from '../model';
import { readNumbering } from './numbering';
import { namesTable3Label } from './table-labels';

const MAX_TITLE = 40;
/** Reports nest sub-items three levels at most: （一） 1. （1）. */
const MAX_DEPTH = 4;

export function recogniseSubItem(line: string, lineStart: number): SubItem | undefined {
  // Markdown converters mark sub-items as headings (`### （一）…`) or bold them.
  const content = line.replace(/^[\s\t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?/, '');
  if (!content) return undefined;
  const from = line.length - content.length;
  const num = readNumbering(line, from, lineStart);
  if (!num) return undefined;
  const rest = line.slice(num.restStart);
  const stop = rest.search(/[。；;：:，,！!？?]/);
  let title = (stop >= 0 ? rest.slice(0, stop) : rest).trimEnd();
  if (title.length > MAX_TITLE) title = title.slice(0, MAX_TITLE);
  if (!title || /^\d/.test(title)) return undefined;
  // 表三's （三）不予公开 or 四、结转下年度继续办理 left outside its table is not a sub-item.
  if (namesTable3Label(rest)) return undefined;
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
    let placed = false;
    for (let depth = stack.length - 1; depth >= 0; depth--) {
      const open = stack[depth]!;
      const sameStyle = open.numbering.style === item.numbering.style;
      if (item.numbering.ordinal === open.numbering.ordinal + 1 || (sameStyle && item.numbering.ordinal > open.numbering.ordinal)) {
        stack.length = depth;
        attach(item, depth);
        placed = true;
        break;
      }
    }
    if (!placed) {
      // A list restarting at 1 in the style of an open level is a new list at that level;
      // 1 in a style not open yet starts a level below (at most MAX_DEPTH deep).
      const sameStyle = stack.findIndex((open) => open.numbering.style === item.numbering.style);
      if (item.numbering.ordinal === 1 && sameStyle >= 0) {
        stack.length = sameStyle;
        attach(item, sameStyle);
      } else if (stack.length === 0 || item.numbering.ordinal !== 1 || stack.length >= MAX_DEPTH) {
        // A fresh start, or a sequence we cannot place: keep it at the top level.
        stack.length = 0;
        attach(item, 0);
      } else {
        attach(item, stack.length);
      }
    }
  }
  return roots;

  function attach(item: SubItem, depth: number): void {
    item.level = depth + 1;
    if (depth === 0) roots.push(item);
    else stack[depth - 1]!.children.push(item);
    stack[depth] = item;
  }
}
