// The long fuzz run (not part of npm test): the properties of
// test/unit/parse/fuzz.test.ts and test/unit/fixes/fix-safety.test.ts, many more times.
//
//   npm run fuzz                                  2,000 mutated reports, a random seed
//   GOV_REPORT_FUZZ_RUNS=20000 npm run fuzz       more
//   GOV_REPORT_FUZZ_SEED=1234 npm run fuzz        replay a run (the seed is printed)
//
// Of the runs, all go through the invariants (no throw, ranges inside, linear
// time), a quarter through updateDocument edit by edit, a tenth keystroke by
// keystroke in the tables' figures, a tenth through
// updateDocument with every earlier version frozen and compared (snapshots), a
// tenth through updateDocument with several changes at once, and a tenth through every
// code action (fix safety). A failure prints the input (fixture + mutations,
// shrunk) and exits 1.

import fc from 'fast-check';
import { changeArb, changesFor, figureKeystrokeArb, keystrokeArb, loadFuzzFixtures, mutatedFixtureArb, sampleMutated } from '../test/helpers/mutate';
import { checkFigureTyping, checkFixSafety, checkIncremental, checkIncrementalBatch, checkInvariants, checkSnapshots } from '../test/helpers/properties';

const runs = Number(process.env.GOV_REPORT_FUZZ_RUNS ?? 2000);
const seed = Number(process.env.GOV_REPORT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('GOV_REPORT_FUZZ_RUNS must be a positive integer, GOV_REPORT_FUZZ_SEED an integer');
  process.exit(2);
}

const fixtures = loadFuzzFixtures();
const started = Date.now();
const counts = { inputs: 0, characters: 0, slowestMsPerK: 0, incrementalEdits: 0, batches: 0, fixInputs: 0, actionsApplied: 0, editsApplied: 0 };
let failed = false;
const failures = { invariants: 0, incremental: 0, fixes: 0, textLost: 0 };


function run(name: string, kind: 'invariants' | 'incremental', property: fc.IProperty<never> | fc.IProperty<unknown>, numRuns: number): void {
  if (numRuns < 1) return;
  const t0 = Date.now();
  try {
    fc.assert(property as fc.IProperty<unknown>, { seed, numRuns, endOnFailure: false });
    console.log(`  ${name}: ${numRuns} runs, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed = true;
    failures[kind]++;
    console.error(`\n✗ ${name} FAILED (replay: GOV_REPORT_FUZZ_SEED=${seed} GOV_REPORT_FUZZ_RUNS=${runs})\n${(error as Error).message}\n`);
  }
}

console.log(`gov-report long fuzz: ${runs} runs, seed ${seed}, ${fixtures.length} fixtures`);

run('invariants (no throw, ranges inside, linear time)', 'invariants', fc.property(mutatedFixtureArb(fixtures), ({ text }) => {
  counts.inputs++;
  counts.characters += text.length;
  const { ms } = checkInvariants(text);
  counts.slowestMsPerK = Math.max(counts.slowestMsPerK, (ms * 1000) / Math.max(text.length, 1));
}), runs);

run('updateDocument edit by edit = parseDocument', 'incremental', fc.property(mutatedFixtureArb(fixtures, 4), fc.array(changeArb, { minLength: 1, maxLength: 5 }), ({ text }, raw) => {
  const changes = changesFor(text, raw);
  counts.incrementalEdits += changes.length;
  checkIncremental(text, changes);
}), Math.ceil(runs / 4));

run('updateDocument keystroke by keystroke = parseDocument', 'incremental', fc.property(mutatedFixtureArb(fixtures, 3), fc.array(keystrokeArb, { minLength: 1, maxLength: 12 }), ({ text }, raw) => {
  const changes = changesFor(text, raw);
  counts.incrementalEdits += changes.length;
  checkIncremental(text, changes);
}), Math.ceil(runs / 4));

run('updateDocument keystroke by keystroke in the tables\' figures = parseDocument', 'incremental', fc.property(mutatedFixtureArb(fixtures, 2), fc.array(figureKeystrokeArb, { minLength: 1, maxLength: 12 }), ({ text }, keys) => {
  counts.incrementalEdits += checkFigureTyping(text, keys);
}), Math.ceil(runs / 10));

run('updateDocument leaves every earlier version (frozen) as it was', 'incremental', fc.property(mutatedFixtureArb(fixtures, 3), fc.array(keystrokeArb, { minLength: 1, maxLength: 12 }), ({ text }, raw) => {
  const changes = changesFor(text, raw);
  counts.incrementalEdits += changes.length;
  checkSnapshots(text, changes);
}), Math.ceil(runs / 10));

run('updateDocument with several changes at once = parseDocument', 'incremental', fc.property(mutatedFixtureArb(fixtures, 4), fc.array(changeArb, { minLength: 2, maxLength: 6 }), ({ text }, raw) => {
  counts.batches++;
  checkIncrementalBatch(text, changesFor(text, raw));
}), Math.ceil(runs / 10));

// Fix safety: sampled (not shrunk: one input is slow to check), every failure reported.
{
  const t0 = Date.now();
  const n = Math.ceil(runs / 10);
  let fixFailures = 0;
  for (const sample of sampleMutated(fixtures, n, seed + 1)) {
    counts.fixInputs++;
    try {
      const stats = checkFixSafety(sample.text);
      counts.actionsApplied += stats.applied;
      counts.editsApplied += stats.edits;
    } catch (error) {
      failed = true;
      fixFailures++;
      failures.fixes++;
      // Text outside the edits changed, or an edit removed what it was not about.
      if (/changed|not applied|round-trip|overlapping|replaces “/.test((error as Error).message)) failures.textLost++;
      console.error(`\n✗ fix safety FAILED on ${sample.name} mutated by ${JSON.stringify(sample.mutations)}\n${(error as Error).message}\n`);
    }
  }
  console.log(`  fix safety: ${n} mutated reports, ${counts.actionsApplied} code actions applied, ${fixFailures} failures, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

console.log(`
inputs tried:            ${counts.inputs} mutated reports (${counts.characters} characters)
crashes:                 ${failures.invariants ? 'the invariants FAILED (above)' : 0}
slowest:                 ${counts.slowestMsPerK.toFixed(2)} ms per 1000 characters
incremental edits:       ${counts.incrementalEdits} (+ ${counts.batches} multi-change updates), ${failures.incremental ? 'a difference from a fresh parse (above)' : 'all equal to a fresh parse'}
fixes:                   ${counts.actionsApplied} code actions (${counts.editsApplied} edits) on ${counts.fixInputs} mutated reports, ${failures.fixes} failing
text lost:               ${failures.textLost}
time:                    ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
