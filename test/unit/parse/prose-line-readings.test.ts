// tables/prose-line.ts reads every line of every table region by char code: the text trimmed as bounds, the marks it
// looks for by code, the lines that may introduce another table by their last character. The copies below read as
// the module read before, with trimmed copies and the strings' includes; on random lines made of what prose and cells
// are made of, both must end a table's region at the same line.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { isProseLine, opensAnotherTableWhole, proseAfterTable } from '../../../server/src/core/tables/prose-line';
import { seededRandom } from '../../helpers/random';

const SENTENCE_ENDS = '。！？!?';
const CLOSERS = '”’」』）)】';
const CLAUSE_MARKS = '，；;';
const OPENING = '（(【[';
const CLOSING = '）)】]';
const FIGURE_IN_WORDS = /[\u4e00-\u9fff][0-9０-９]+(?:[.．][0-9０-９]+)?\s?(?:%|％|件|个|条|次|人|项|万)/;

function isProseLineByCopies(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 12 || trimmed.includes('\t') || trimmed.includes('|')) return false;
  let depth = 0;
  let clause = false;
  for (const c of trimmed) {
    if (OPENING.includes(c)) depth++;
    else if (CLOSING.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_MARKS.includes(c)) {
      clause = true;
      break;
    }
  }
  if (!clause) return false;
  let i = trimmed.length - 1;
  while (i > 0 && CLOSERS.includes(trimmed[i]!)) i--;
  return SENTENCE_ENDS.includes(trimmed[i]!) || FIGURE_IN_WORDS.test(trimmed);
}

const PIECES = [
  '本年度', '办结率', '重点领域', '信息公开', '统计', '情况', '表', '如下', '：', ':', '，', '；', ';', '。', '！', '?', '”', '）', ')', '】',
  '（', '(', '【', '[', ']', '100', '5', '%', '件', ' ', '\t', '\u3000', '\u00a0', '|', 'a',
];

const ENDS = ['。', '。”', '！）)', '?', '统计表', '情况表', '如下：', ':', ' '];

function randomLine(random: () => number): string {
  let line = '';
  const length = Math.floor(random() * 24);
  for (let i = 0; i < length; i++) line += PIECES[Math.floor(random() * PIECES.length)]!;
  // Often the ends the readings look for: a sentence's, an introduction's, a caption's.
  return random() < 0.4 ? line + ENDS[Math.floor(random() * ENDS.length)]! : line;
}

test('isProseLine and proseAfterTable read as the copies of the expressions and strings do', () => {
  const random = seededRandom(20261209);
  let prose = 0;
  let another = 0;
  for (let k = 0; k < 40_000; k++) {
    const line = randomLine(random);
    const expected = isProseLineByCopies(line);
    assert.equal(isProseLine(line), expected, JSON.stringify(line));
    if (expected) prose++;
    // A region of the anchor and the line: the table ends at the line where it is prose or opens another table.
    const ends = expected || opensAnotherTableWhole(line);
    if (!expected && ends) another++;
    assert.equal(proseAfterTable((i) => (i === 0 ? '第二十条第（五）项' : line), 0, 2), ends ? 1 : 2, JSON.stringify(line));
  }
  // Both readings come up often: the comparison is not only of cells.
  assert.ok(prose > 1_000 && another > 100, `${prose} prose, ${another} opening another table`);
});
