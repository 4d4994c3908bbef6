// Print one rendition of the acceptance corpus and how it fares, to work on a failing case:
//   node --import tsx test/corpus/show.ts 'own/t3-error-2023.html (markdown)' [--text]
import { explain, judge, loadExpectation, passes, renditions, withText } from './harness';

async function main(): Promise<void> {
  const [id, flag] = process.argv.slice(2);
  const found = renditions().find((r) => r.id === id);
  if (!found) {
    console.error(`unknown rendition ${JSON.stringify(id)}; one of:\n${renditions().map((r) => `  ${r.id}`).join('\n')}`);
    process.exit(2);
  }
  const rendition = await withText(found);
  if (flag === '--text') console.log(rendition.text());
  const expectation = loadExpectation(rendition.source);
  if (!expectation) {
    console.log(`no expectation file for ${rendition.source} yet`);
  } else {
    const outcome = judge(rendition, expectation);
    console.log(passes(outcome) ? `${id}: passes` : explain(outcome));
  }
}

void main();
