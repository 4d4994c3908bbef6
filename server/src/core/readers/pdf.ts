// Placeholder until the pdf reader lands (issue 13): says it cannot read the format.
import { readProblem, type ReaderLimits, type ReadResult } from './blocks';

export async function readPdf(_bytes: Uint8Array, _limits: ReaderLimits): Promise<ReadResult> {
  return readProblem('unsupported', 'no pdf reader yet');
}
