// What the CLI tests run and read: the command as a user runs it, and the
// cases several of them check (a clean seed, the same seed with one wrong
// total, a published PDF with two).

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SEEDS_DIR, sharedDir } from './fixtures';

export const CLI = path.join(REPO_ROOT, 'bin/gov-report.js');
/** Seed 000 (木兰县公安局 2022): no error. */
export const CLEAN = path.join(SEEDS_DIR, '000_ff974b936955be5d.txt');
/** Seed 000 with 表三 （七）总计's 自然人 5 where its rows add up to 0: one sum error. */
export const BROKEN = readFileSync(CLEAN, 'utf8').replace(/^\(七\) 总计\t0/m, '(七) 总计\t5');
/** The published PDF of 淮安市洪泽区人民政府 2023, with two wrong 表四 totals. */
export const HONGZE_2023 = path.join(sharedDir('raw'), '淮安市洪泽区人民政府_2023.pdf');
