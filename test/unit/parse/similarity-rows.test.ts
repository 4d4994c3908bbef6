// lcsLength keeps its two rows in module buffers, not a pair of arrays a call: every call must start from zeros,
// whatever the calls before it left there. A table of the whole LCS (the textbook reading) is the specification: on
// random pairs of every length up to past the cap, one after another, both must give the same length.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { lcsLength, SIMILARITY_CAP } from '../../../server/src/core/text/similarity';
import { seededRandom } from '../../helpers/random';

function lcsByTable(a: string, b: string): number {
  const x = a.slice(0, SIMILARITY_CAP);
  const y = b.slice(0, SIMILARITY_CAP);
  const table = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      table[i]![j] = x[i - 1] === y[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[x.length]![y.length]!;
}

test('lcsLength is the whole table\'s LCS, call after call', () => {
  const random = seededRandom(20261207);
  const alphabet = ['政', '府', '信', '息', '公', '开', '申', '请', '（', '一', '）', '1', ' '];
  const word = (max: number) => {
    const length = Math.floor(random() * max);
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)]!;
    return s;
  };
  for (let k = 0; k < 3000; k++) {
    // Mostly short pairs, some past the cap: a long call leaves more of the rows written than a short one reads.
    const max = k % 10 === 0 ? SIMILARITY_CAP + 40 : 24;
    const a = word(max);
    const b = word(max);
    assert.equal(lcsLength(a, b), lcsByTable(a, b), JSON.stringify([a, b]));
  }
});
