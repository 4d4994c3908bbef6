// Labels of 表三 that look like headings or sub-items: `一、本年新收政府信息公开申请数量`,
// `（三）不予公开`, `（七）总计`. A line that names one is part of the table, even
// where the table's numbers were carried elsewhere (PDF text that lists a
// table column by column), and never a section heading or a sub-item.

import { TABLE3_GROUPS, TABLE3_ROWS } from '../template';
import { labelKey } from '../text/normalize';

const NUMBERED = /^(?:[一二三四]、|（[一二三四五六七]）)/;

/** Keys of the 表三 rows and groups numbered like headings (一、) or sub-items (（一）). */
export const TABLE3_HEADING_LIKE_KEYS: readonly string[] = [...TABLE3_ROWS, ...TABLE3_GROUPS]
  .filter((r) => NUMBERED.test(r.label))
  .map((r) => labelKey(r.label));

/** The text (a title after its numbering) names a 表三 row or group, or its start. */
export function namesTable3Label(text: string): boolean {
  const key = labelKey(text);
  if (key.length < 2) return false;
  return TABLE3_HEADING_LIKE_KEYS.some((k) => k === key || (key.length >= 4 && k.startsWith(key)) || (k.length >= 4 && key.startsWith(k) && key.length <= k.length + 2));
}
