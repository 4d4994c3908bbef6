// An editor is sent at most 1,000 diagnostics a file (issue 19): a long draft
// where every paragraph's sum is off (the benchmark's generator, as a writer's
// messy draft) gives thousands of findings; the editor gets errors first, then
// warnings, then information, each in document order, and a note at the top
// saying how many more there are, by rule. The CLI's check lists them all.
// Run: node --import tsx --test test/unit/editor/diagnostics-limit.test.ts

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { generateLargeReport } from '../../../scripts/bench/generate';
import { check, diagnostics, MAX_DIAGNOSTICS, parseDocument } from '../../../server/src/core/service';
import { toDiagnostics } from '../../../server/src/core/features/diagnostics';


const draft = (chars: number): string => generateLargeReport(chars, { wrongSums: true });

const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;
const position = (d: Diagnostic) => d.range.start.line * 1e6 + d.range.start.character;

describe('at most MAX_DIAGNOSTICS a file', () => {
  const text = draft(300_000);
  const doc = parseDocument(text);
  const findings = check(doc);
  const uri = 'file:///reports/draft.txt';
  const all = toDiagnostics(findings, doc.lines, uri, undefined);

  test('the draft has more findings than the limit, of several severities', () => {
    assert.ok(findings.length > 2000, String(findings.length));
    assert.ok(new Set(findings.map((f) => f.severity)).size >= 2);
  });

  for (const max of [MAX_DIAGNOSTICS, 40]) {
    test(`max ${max}: the note first, then the most severe findings, in document order`, () => {
      const sent = diagnostics(doc, uri, { maxDiagnostics: max });
      assert.equal(sent.length, max);
      const [note, ...shown] = sent;
      assert.equal(note!.severity, DiagnosticSeverity.Information);
      assert.equal(note!.code, undefined);
      assert.deepEqual(note!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      const hiddenCount = findings.length - shown.length;
      assert.match(String(note!.message), new RegExp(`^另有 ${hiddenCount.toLocaleString('en-US')} 个问题未列出`));
      assert.match(String(note!.message), /prose\.sum [\d,]+ 个/);
      assert.match(String(note!.message), /gov-report check 会列出全部/);
      // Every one sent is a real finding; none is more severe than any left out.
      const allKeys = new Set(all.map(key));
      for (const d of shown) assert.ok(allKeys.has(key(d)), key(d));
      const shownKeys = new Set(shown.map(key));
      const leastShown = Math.max(...shown.map((d) => d.severity!));
      const mostHidden = Math.min(...all.filter((d) => !shownKeys.has(key(d))).map((d) => d.severity!));
      assert.ok(leastShown <= mostHidden, `shown down to ${leastShown}, hidden from ${mostHidden}`);
      for (let k = 1; k < shown.length; k++) assert.ok(position(shown[k - 1]!) <= position(shown[k]!), 'document order');
    });
  }

  test('in English, the note is English', () => {
    const [note] = diagnostics(doc, uri, { maxDiagnostics: 40, lang: 'en' });
    assert.match(String(note!.message), /^[\d,]+ more problems are not listed .* gov-report check, lists them all\.$/);
  });

  test('a report under the limit is sent whole, without a note', () => {
    const small = parseDocument(draft(20_000));
    const sent = diagnostics(small, uri);
    assert.deepEqual(sent, toDiagnostics(check(small), small.lines, uri, undefined));
    assert.ok(sent.length > 10 && sent.length < MAX_DIAGNOSTICS);
  });
});
