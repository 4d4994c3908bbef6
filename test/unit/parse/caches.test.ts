// The memo tables (core/caches.ts): what is kept (a text from its second parse
// on) and a bound set by the host (the CLI holds them small for a batch of
// distinct reports) change how much is computed, never what comes out.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { boundCaches, keepsPartRecords, memoByText } from '../../../server/src/core/caches';
import { check, clearCaches, parseDocument } from '../../../server/src/core/service';
import { fixtureFiles } from '../../helpers/fixtures';

describe('memo tables', () => {
  after(() => boundCaches(Infinity));

  test('a text is kept from its second request on: the first is computed and not kept', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => (computed++, text.length));
    const ask = (...texts: string[]) => texts.forEach((t) => lengthOf(t));
    ask('a', 'bb');
    assert.equal(computed, 2, 'first requests: computed');
    assert.equal(lengthOf('a'), 1);
    ask('bb');
    assert.equal(computed, 4, 'second requests: computed once more, and kept');
    ask('a', 'bb', 'a');
    assert.equal(computed, 4, 'kept');
  });

  test('the same text asked for twice in a row is computed once, even on first sight; a failure is not remembered', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => {
      computed++;
      if (text === 'boom') throw new Error(text);
      return text.length;
    });
    lengthOf('abc');
    assert.equal(lengthOf('abc'), 3);
    assert.equal(computed, 1);
    assert.throws(() => lengthOf('boom'));
    assert.throws(() => lengthOf('boom'));
    assert.equal(computed, 3, 'a text whose computation failed is computed again');
    assert.equal(lengthOf('abc'), 3);
  });

  test('a table keeps what it computed until it holds the bound, then starts again', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => (computed++, text.length), 3);
    const texts = ['a', 'bb', 'ccc', 'dddd'];
    for (const t of texts) lengthOf(t); // first sight: computed, not kept
    for (const t of ['a', 'bb']) lengthOf(t); // kept
    assert.equal(computed, 6);
    for (const t of ['a', 'bb']) lengthOf(t);
    assert.equal(computed, 6);
    lengthOf('ccc'); // the third entry: the table is full
    lengthOf('dddd'); // a fourth starts a new table
    lengthOf('a');
    assert.equal(computed, 9);
  });

  test('boundCaches holds every table to the smaller of the two bounds, and empties them and what they saw', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => (computed++, text.length), 100);
    const ask = (...texts: string[]) => texts.forEach((t) => lengthOf(t));
    ask('a', 'bb');
    ask('a', 'bb', 'a', 'bb'); // kept from this second parse on
    assert.equal(computed, 4);
    boundCaches(2);
    ask('a', 'bb', 'ccc'); // emptied by boundCaches: first sights again
    assert.equal(computed, 7);
    ask('a', 'bb', 'a', 'bb'); // kept: the table holds its bound
    assert.equal(computed, 9);
    ask('ccc'); // past two entries: a new table
    ask('a');
    assert.equal(computed, 11);
    boundCaches(Infinity);
  });

  test('when the first-sight filter is wrong (it fills, and is emptied), the values are still right', () => {
    boundCaches(Infinity);
    // Far more texts than the filter holds (2^16 before it is emptied): some new texts read as asked for before.
    const texts = Array.from({ length: 150_000 }, (_, k) => `第${k}段`);
    let computed = 0;
    const reversed = memoByText((text: string) => (computed++, [...text].reverse().join('')));
    for (let round = 0; round < 2; round++) {
      texts.forEach((t, k) => assert.equal(reversed(t), `段${[...String(k)].reverse().join('')}第`));
    }
    assert.ok(computed > texts.length, 'the second round computes what the filter forgot');
  });

  test('a batch (bounded tables) keeps no record by a part of a report; the editor (unbounded) does', () => {
    boundCaches(5);
    assert.equal(keepsPartRecords(), false);
    boundCaches(Infinity);
    assert.equal(keepsPartRecords(), true);
  });

  // Bounded, no part keeps a record either (表三's rows their terms, the tables' parts their cells): the same findings.
  test('with every table held to a few entries, the findings are those of a cold check', () => {
    const texts = fixtureFiles().map((f) => readFileSync(f.path, 'utf8'));
    const cold = texts.map((text) => {
      clearCaches();
      return JSON.stringify(check(parseDocument(text)));
    });
    boundCaches(5);
    texts.forEach((text, k) => assert.equal(JSON.stringify(check(parseDocument(text))), cold[k]));
    // Twice: what the small tables kept from the first round is read back in the second.
    texts.forEach((text, k) => assert.equal(JSON.stringify(check(parseDocument(text))), cold[k]));
    boundCaches(Infinity);
  });
});
