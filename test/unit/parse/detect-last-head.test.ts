// otherDocumentKind keeps the last head's answer (a file's head is asked about several times in a row): heads asked
// in any order, equal in content but not the same string, must each get their own kind.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { otherDocumentKind } from '../../../server/src/core/detect';

test('otherDocumentKind answers each head, asked again, alternately, or as another string of the same text', () => {
  const heads: [string, ReturnType<typeof otherDocumentKind>][] = [
    ['2021年政府信息公开工作年度报告\n\n一、总体情况\n', undefined],
    ['关于2021年政府信息公开工作年度报告的更正说明\n', 'correction'],
    ['《2022年政府信息公开工作年度报告》解读\n', 'interpretation'],
    ['2024年政务公开工作要点\n', 'plan'],
    ['2021年政府信息公开年度报告\n2020年政府信息公开年度报告\n2019年政府信息公开年度报告\n', 'list'],
  ];
  for (const order of [[0, 0, 1, 1, 0], [2, 3, 2, 4, 4, 0], [4, 1, 3, 0, 2]]) {
    for (const k of order) {
      const [head, kind] = heads[k]!;
      assert.equal(otherDocumentKind(head), kind, head);
      // The same text as another string (a new slice of the document, as each caller makes).
      assert.equal(otherDocumentKind(('x' + head).slice(1)), kind, head);
    }
  }
});
