// A report written in the blank 2021 template Word file (../shared/raw), with
// figures typed into its tables as a clerk types them (table → row → the row's
// last cells, XML order: test/helpers/docx.ts typeIntoTables); 表三 （七）总计's
// 总计 and 表四 行政复议's 总计 one more than their parts, unless `clean`.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { typeIntoTables } from './docx';
import { sharedDir } from './fixtures';

export function wordReport({ clean = false }: { clean?: boolean } = {}): Uint8Array {
  const t3Row = (natural: number, business: number) => [natural, business, 0, 0, 0, 0, natural + business].map(String);
  const t3: Record<number, string[]> = {};
  for (let r = 3; r <= 27; r++) t3[r] = t3Row(0, 0);
  Object.assign(t3, { 3: t3Row(10, 2), 4: t3Row(2, 0), 5: t3Row(5, 2), 6: t3Row(1, 0), 7: t3Row(1, 0), 15: t3Row(1, 0), 27: t3Row(4, 0) });
  t3[26] = clean ? t3Row(8, 2) : [...t3Row(8, 2).slice(0, 6), '11'];
  const template = new Uint8Array(readFileSync(path.join(sharedDir('raw'), '政务公开年报模版_2021.docx')));
  return typeIntoTables(template, {
    0: { 2: ['1', '0', '5'], 3: ['3', '1', '20'], 6: ['100'], 9: ['50'], 10: ['3'], 13: ['0'] },
    1: t3,
    2: { 3: ['2', '1', '0', '1', clean ? '4' : '5', '1', '0', '0', '0', '1', '0', '1', '0', '0', '1'] },
  });
}
