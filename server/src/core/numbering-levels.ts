// Which level each sub-item of a section takes, from its numbering alone.
// Official documents nest four styles (一、 （一） 1. （1）), in whatever order
// a report chooses, so a style is a level: an item in the style of an open
// level belongs to that level (a child list that reaches 3. does not swallow
// the parent's 3.). Real reports also mix styles at one level (（1）（2）（3）
// （四）（五）): an item in a style no open level uses joins the level whose
// sequence it continues; numbered 1, it opens a level below.
//
// The parser nests sub-items by it (parse/subitems.ts), and section.numbering
// asks it whether renumbering one item would move any item to another level.

import type { NumberingStyle } from './model';

export interface NumberingKey {
  readonly style: NumberingStyle;
  readonly ordinal: number;
}

/** Reports nest sub-items three levels at most: （一） 1. （1）. */
const MAX_DEPTH = 4;

/** The level (1 = directly under the section) of each item, given in document order. */
export function numberingLevels(items: readonly NumberingKey[]): number[] {
  const levels = new Array<number>(items.length);
  // open[k] = the last item at level k + 1
  const open: NumberingKey[] = [];
  for (let k = 0; k < items.length; k++) {
    const { style, ordinal } = items[k]!;
    // The level of its style (the next item, a new list, or a misnumbered one: the style says the level).
    const ownLevel = open.findIndex((o) => o.style === style);
    const continued = ownLevel >= 0 ? ownLevel : lastIndexWhere(open, (o) => o.ordinal + 1 === ordinal);
    let depth: number;
    if (continued >= 0) depth = continued;
    else if (ordinal === 1 && open.length > 0 && open.length < MAX_DEPTH) depth = open.length;
    // A fresh start, or a sequence we cannot place: keep it at the top level.
    else depth = 0;
    open.length = depth;
    open[depth] = items[k]!;
    levels[k] = depth + 1;
  }
  return levels;
}

function lastIndexWhere<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
