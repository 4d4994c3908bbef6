import { everyAnswerAfterKeystroke } from './protocolSections';
import { generateLargeReport } from './generate';
import { readFileSync } from 'node:fs';
(async () => {
  const text = generateLargeReport(1_000_000);
  const seed = readFileSync('test/fixtures/seeds/001_b514ee349c59fe59.txt', 'utf8');
  const r = await everyAnswerAfterKeystroke([{ label: 'gen', text, budgetMs: 30_000 }, { label: 'seed', text: seed, budgetMs: 10_000 }] as any, 200);
  console.log(process.cwd(), JSON.stringify(r.table.rows.map((row: string[]) => row.slice(0, 4))));
})();
