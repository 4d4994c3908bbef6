// Which titles name a 表三 row (parse/table-labels.ts): a title that opens
// with a CJK character no row's key opens with is answered without making its
// key, and the answer must be the one the key gives.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { namesTable3Label, namesTable3Row } from '../../../server/src/core/parse/table-labels';
import { TABLE3_GROUPS, TABLE3_ROWS } from '../../../server/src/core/template';
import { labelKey } from '../../../server/src/core/text/normalize';
import { fixtureFiles } from '../../helpers/fixtures';

describe('titles that name a 表三 row', () => {
  const labels = [...TABLE3_ROWS, ...TABLE3_GROUPS].map((r) => r.label);
  // Every line start of the fixtures, cut after a numbering, and the labels with their numbering, cut, or padded.
  const lines = fixtureFiles().flatMap((f) => readFileSync(f.path, 'utf8').split(/\r?\n/));
  const titles = [
    ...labels,
    ...labels.map((l) => l.replace(/^(?:[一二三四]、|（[一二三四五六七]）|\d\.)/, '')),
    ...labels.map((l) => l.slice(0, 5)),
    ...labels.map((l) => `${l}情况`),
    ...lines.map((l) => l.replace(/^\s*(?:[（(][^）)]{1,3}[）)]|[一二三四五六七八九十\d]{1,2}[、.．])\s*/, '').slice(0, 40)),
  ];

  it('the quick answer agrees with the key for every title tried', () => {
    // The definition, from the keys alone (table-labels.ts names and its key lists).
    const names = (label: string, key: string) => label === key || (key.length >= 4 && label.startsWith(key)) || (label.length >= 4 && key.startsWith(label) && key.length <= label.length + 2);
    const numbered = /^(?:[一二三四]、|（[一二三四五六七]）)/;
    const headingKeys = [...TABLE3_ROWS, ...TABLE3_GROUPS].filter((r) => numbered.test(r.label)).map((r) => labelKey(r.label));
    const leafKeys = TABLE3_ROWS.filter((r) => !numbered.test(r.label)).map((r) => labelKey(r.label)).filter((k) => k.length >= 4);
    assert.ok(titles.length > 500);
    let named = 0;
    for (const title of titles) {
      const key = labelKey(title);
      const label = key.length >= 2 && headingKeys.some((k) => names(k, key));
      const row = key.length >= 2 && (label || leafKeys.some((k) => names(k, key)));
      assert.equal(namesTable3Label(title), label, title);
      assert.equal(namesTable3Row(title), row, title);
      if (row) named++;
    }
    assert.ok(named > labels.length / 2, `${named} titles name a row`);
  });

  it('a title opening with another CJK character names none; a numeral or a label word is read through its key', () => {
    assert.equal(namesTable3Row('第12项工作情况'), false);
    assert.equal(namesTable3Label('政务公开工作情况'), false);
    assert.equal(namesTable3Row('不予公开'), true);
    assert.equal(namesTable3Row('危及“三安全一稳定”'), true);
    assert.equal(namesTable3Label('总计'), true);
  });
});
