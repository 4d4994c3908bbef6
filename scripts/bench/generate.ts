// A large report for the benchmark: a real seed whose prose sections are
// grown with more paragraphs (sub-items, prose totals whose parts add up) up
// to a target size; its tables are kept as they are, so it stays valid.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Beside this script in the repository, wherever the process was started.
const SEED = join(__dirname, '..', '..', 'test', 'fixtures', 'seeds', '001_b514ee349c59fe59.txt');

function paragraph(k: number, wrongSums: boolean): string {
  const a = 100 + (k % 37);
  const b = 50 + (k % 23);
  const c = 7 + (k % 11);
  // A long messy draft (issue 19): every paragraph's stated total is one more than its parts.
  const total = a + b + c + (wrongSums ? 1 : 0);
  return `（${k % 9 + 1}）第${k}项工作情况。本年度共发布政务信息${total}条。其中，政策解读栏目发布${a}条；通知公告栏目发布${b}条；专题专栏发布${c}条。各单位严格落实信息发布审核制度，确保信息准确、及时、规范，进一步提升了政府信息公开的质量和效率。`;
}

/**
 * The seed with sections 一 and 五 grown (half each) to about `targetChars`
 * characters. `wrongSums`: every added paragraph's total is off by one, so
 * each gives a prose.sum finding (the many-findings case of issue 19).
 */
export function generateLargeReport(targetChars = 1_000_000, { wrongSums = false }: { wrongSums?: boolean } = {}): string {
  const seed = readFileSync(SEED, 'utf8');
  // The ends of 一 (before 二's heading) and of 五 (before 六's): headings at line starts.
  const endOfOne = seed.indexOf('\n二、主动公开政府信息情况') + 1;
  const endOfFive = seed.indexOf('\n六、') + 1;
  if (endOfOne <= 0 || endOfFive <= endOfOne) throw new Error('seed 001 no longer has the headings 二、 and 六、 where expected');
  const parts: [string[], string[]] = [[], []];
  let size = seed.length;
  for (let k = 1; size < targetChars; k++) {
    const p = paragraph(k, wrongSums);
    parts[k % 2]!.push(p, '');
    size += p.length + 2;
  }
  const grown = (extra: string[]) => (extra.length ? extra.join('\n') + '\n' : '');
  return seed.slice(0, endOfOne) + grown(parts[1]) + seed.slice(endOfOne, endOfFive) + grown(parts[0]) + seed.slice(endOfFive);
}
