// The memo tables (core/caches.ts): what is kept (a text from its second parse
// on) and a bound set by the host (the CLI holds them small for a batch of
// distinct reports) change how much is computed, never what comes out.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { boundCaches, memoByText, nextParse } from '../../../server/src/core/caches';
import { check, clearCaches, parseDocument } from '../../../server/src/core/service';
import { fixtureFiles } from '../../helpers/fixtures';

describe('memo tables', () => {
  after(() => boundCaches(Infinity));

  test('a text is kept from its second parse on: within one parse it is computed each time it is asked for', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => (computed++, text.length));
    const ask = (...texts: string[]) => texts.forEach((t) => lengthOf(t));
    nextParse();
    ask('a', 'bb', 'a', 'bb');
    assert.equal(computed, 4, 'first parse: not kept');
    nextParse();
    assert.equal(lengthOf('a'), 1);
    ask('bb');
    assert.equal(computed, 6, 'asked for in an earlier parse: computed once more, and kept');
    nextParse();
    ask('a', 'bb', 'a');
    assert.equal(computed, 6, 'kept');
  });

  test('the same text asked for twice in a row is computed once, even on first sight; a failure is not remembered', () => {
    boundCaches(Infinity);
    let computed = 0;
    const lengthOf = memoByText((text: string) => {
      computed++;
      if (text === 'boom') throw new Error(text);
      return text.length;
    });
    nextParse();
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
    nextParse();
    for (const t of texts) lengthOf(t); // first sight: computed, not kept
    nextParse();
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
    nextParse();
    ask('a', 'bb');
    nextParse();
    ask('a', 'bb', 'a', 'bb'); // kept from this second parse on
    assert.equal(computed, 4);
    boundCaches(2);
    nextParse();
    ask('a', 'bb', 'ccc'); // emptied by boundCaches: first sights again
    assert.equal(computed, 7);
    nextParse();
    ask('a', 'bb', 'a', 'bb'); // kept: the table holds its bound
    assert.equal(computed, 9);
    ask('ccc'); // past two entries: a new table
    ask('a');
    assert.equal(computed, 11);
    boundCaches(Infinity);
  });

  test('texts that read alike to the first-sight filter still get their own values', () => {
    boundCaches(Infinity);
    // The filter hashes a sample of a long text's characters: these differ only at 50, which it does not read.
    const pad = 'x'.repeat(50);
    const [a, b] = [`${pad}A${pad.slice(1)}`, `${pad}B${pad.slice(1)}`];
    const at50 = memoByText((text: string) => text[50]);
    for (let parse = 0; parse < 3; parse++) {
      nextParse();
      assert.equal(at50(a), 'A');
      assert.equal(at50(b), 'B');
      assert.equal(at50(a), 'A');
    }
  });

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
