// What the checker finds in an original (a web page, a Word file, a PDF) read by its own reader, from the bytes a
// user hands over: the findings a converted text of the same report is compared with.

import assert from 'node:assert/strict';
import { readOriginal } from '../../server/src/core/readers/original';
import type { Finding } from '../../server/src/core/rules/types';
import { check, parseDocument } from '../../server/src/core/service';

export async function originalFindings(bytes: Uint8Array): Promise<Finding[]> {
  const outcome = await readOriginal(bytes);
  assert.ok(outcome?.ok, `not read: ${JSON.stringify(outcome)}`);
  return check(parseDocument(outcome.rendition.text));
}

/** Each finding as `code:severity`, sorted. */
export const findingCodes = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.code}:${f.severity}`).sort();

/** The table findings (sum, table and cell rules) as `code:severity`, sorted: what a rendition must find as its original does. */
export const tableFindingCodes = (findings: readonly Finding[]): string[] => findingCodes(findings).filter((c) => /^(sum|table|cell)\./.test(c));
