// pushSplit (tables/cells.ts) parts a table line into trimmed cells by char
// code. It must give what the regular expressions it replaced gave (split on
// each tab, each pipe, or each run of white space; each piece trimmed, its
// start after the trimmed lead): checked on the table lines of real reports
// and on random lines of the characters tables hold.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pushSplit, type StreamCell } from '../../../server/src/core/tables/cells';
import { classifyCell } from '../../../server/src/core/text/numbers';
import { fixtureFiles } from '../../helpers/fixtures';
import { seededRandom } from '../../helpers/random';

const SEPARATORS = { tab: /\t/g, pipe: /\|/g, space: /[\s\u3000]+/g } as const;

/** The regular-expression split, as cells.ts had it. */
function reference(text: string, base: number, sep: keyof typeof SEPARATORS, keepEmpty: boolean, rowStart: boolean): StreamCell[] {
  const cells: StreamCell[] = [];
  let first = true;
  let last = 0;
  const push = (s: number, e: number) => {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed && !keepEmpty) return;
    const c = classifyCell(trimmed);
    const start = base + s + lead;
    cells.push({ kind: trimmed === '' ? 'empty' : c.kind, text: trimmed, range: { start, end: start + trimmed.length }, value: c.value, decimals: c.decimals, rowStart: rowStart && first });
    first = false;
  };
  const re = SEPARATORS[sep];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return cells;
}

function split(text: string, base: number, sep: keyof typeof SEPARATORS, keepEmpty: boolean, rowStart: boolean): StreamCell[] {
  const cells: StreamCell[] = [];
  pushSplit(cells, text, base, sep, keepEmpty, rowStart);
  return cells;
}

describe('classifyCell', () => {
  it('reads a cell of plain digits by char code as the general path reads it', () => {
    const rnd = seededRandom(4);
    const digits = Array.from({ length: 2000 }, (_, k) => Array.from({ length: 1 + (k % 17) }, () => String(Math.floor(rnd() * 10))).join(''));
    for (const d of [...digits, '0', '007', '999999999999999', '1234567890123456']) {
      // A space before the digits takes the general path (it trims them), which must agree.
      assert.deepEqual(classifyCell(d), classifyCell(` ${d}`), d);
    }
    assert.deepEqual(classifyCell('305'), { kind: 'number', value: 305, decimals: 0 });
  });
});

describe('pushSplit', () => {
  it('parts lines as the regular expressions did', () => {
    const real = fixtureFiles().flatMap((f) => readFileSync(f.path, 'utf8').split(/\r?\n/));
    const rnd = seededRandom(20261204);
    const alphabet = ['\t', '\t', ' ', ' ', '\u3000', '\u00a0', '|', '1', '23', '4,5', '0.5', '—', '本年', '新收', '\r', '\ufeff', '\u2003', ''];
    const random = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(rnd() * 12) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    let compared = 0;
    for (const line of [...real, ...random, '', ' ', '\t', '\t\t', '| |', '  a  ']) {
      for (const sep of ['tab', 'pipe', 'space'] as const) {
        for (const keepEmpty of [true, false]) {
          assert.deepEqual(split(line, 7, sep, keepEmpty, true), reference(line, 7, sep, keepEmpty, true), `${JSON.stringify(line)} ${sep} ${keepEmpty}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 20_000);
  });
});
