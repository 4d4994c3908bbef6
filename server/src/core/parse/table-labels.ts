// Labels of 表三 that look like headings or sub-items: `一、本年新收政府信息公开申请数量`,
// `（三）不予公开`, `（七）总计`. A line that names one is part of the table, even
// where the table's numbers were carried elsewhere (PDF text that lists a
// table column by column), and never a section heading or a sub-item.

import { CHINESE_NUMERALS, TABLE3_GROUPS, TABLE3_ROWS } from '../template';
import { labelKey } from '../text/normalize';

const NUMBERED = /^(?:[一二三四]、|（[一二三四五六七]）)/;

/** Keys of the 表三 rows and groups numbered like headings (一、) or sub-items (（一）). */
export const TABLE3_HEADING_LIKE_KEYS: readonly string[] = [...TABLE3_ROWS, ...TABLE3_GROUPS]
  .filter((r) => NUMBERED.test(r.label))
  .map((r) => labelKey(r.label));

/**
 * Keys of the 表三 leaf rows numbered like sub-items (1.属于国家秘密): a blank
 * 表三 (the template before its figures are typed) is not read as a table, and
 * its leaf labels then look like a section's sub-items. Short keys (3.其他) are
 * left out: a report's own sub-item may be called that.
 */
const TABLE3_LEAF_KEYS: readonly string[] = TABLE3_ROWS.filter((r) => !NUMBERED.test(r.label))
  .map((r) => labelKey(r.label))
  .filter((k) => k.length >= 4);

/**
 * The first characters of those keys. A text that opens with any other CJK
 * character (not a numeral, which a key drops as numbering) names none: told
 * without making its key, as for every sub-item title of a report.
 */
const KEY_FIRST = new Set([...TABLE3_HEADING_LIKE_KEYS, ...TABLE3_LEAF_KEYS].map((k) => k.charCodeAt(0)));
const NUMERALS = new Set(CHINESE_NUMERALS.map((c) => c.charCodeAt(0)));

function cannotName(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff && !KEY_FIRST.has(c) && !NUMERALS.has(c);
}

/** The text (a title after its numbering) names a 表三 row or group, or its start. */
export function namesTable3Label(text: string): boolean {
  if (cannotName(text)) return false;
  const key = labelKey(text);
  return key.length >= 2 && TABLE3_HEADING_LIKE_KEYS.some((k) => names(k, key));
}

/** As namesTable3Label, the leaf rows (1.属于国家秘密) too: for a line that looks like a sub-item. */
export function namesTable3Row(text: string): boolean {
  if (cannotName(text)) return false;
  const key = labelKey(text);
  return key.length >= 2 && (TABLE3_HEADING_LIKE_KEYS.some((k) => names(k, key)) || TABLE3_LEAF_KEYS.some((k) => names(k, key)));
}

/** `key` is the label's key, its start (a title cut short), or it with a character or two more. */
function names(label: string, key: string): boolean {
  return label === key || (key.length >= 4 && label.startsWith(key)) || (label.length >= 4 && key.startsWith(label) && key.length <= label.length + 2);
}
