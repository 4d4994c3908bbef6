// The table readers leave a row's near match unscored where another row's key ends the label (table2.ts matchRow,
// table3.ts searchMatch): that is right only while suffixScore gives a key that does not end the text at most
// NEAR_SUFFIX_MAX, and one that does 1. Random labels and keys from the template's characters are scored here.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { NEAR_SUFFIX_MAX, suffixScore } from '../../../server/src/core/tables/rows';

// Characters of the template's labels, so that keys often share characters with (and end) the text.
const ALPHABET = '本年新收政府信息公开申请数量上年结转予部分不属于国家秘密其他处理总计法规章';

function randomText(next: () => number, max: number): string {
  let s = '';
  const n = Math.floor(next() * (max + 1));
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)]!;
  return s;
}

/** A seeded generator (mulberry32): the same cases every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('suffixScore: 1 for a key that ends the text, at most NEAR_SUFFIX_MAX for one that does not', () => {
  const next = seeded(20261206);
  let near = 0;
  for (let k = 0; k < 20_000; k++) {
    const key = randomText(next, 12);
    if (!key) continue;
    // Half the texts end with the key, after some other characters; the rest hold it anywhere or not at all.
    const text = next() < 0.5 ? randomText(next, 8) + key : randomText(next, 3) + key.slice(Math.floor(next() * key.length)) + randomText(next, 3);
    const score = suffixScore(text, key);
    if (text.endsWith(key)) assert.equal(score, 1, `${text} / ${key}`);
    else {
      near++;
      assert.ok(score <= NEAR_SUFFIX_MAX, `${text} / ${key}: ${score}`);
    }
  }
  assert.ok(near > 1000);
});

test('suffixScore: a near match that covers its key whole scores NEAR_SUFFIX_MAX, below an exact one', () => {
  // The key's characters in order in a tail no longer than the key and two: coverage and length factor 1.
  assert.equal(suffixScore('申请数量X', '申请数量'), NEAR_SUFFIX_MAX);
  assert.ok(NEAR_SUFFIX_MAX < 1);
});
