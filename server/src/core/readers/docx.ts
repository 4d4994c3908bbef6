// Placeholder until the docx reader lands (issue 13): says it cannot read the format.
import { readProblem, type ReaderLimits, type ReadResult } from './blocks';

export async function readDocx(_bytes: Uint8Array, _limits: ReaderLimits): Promise<ReadResult> {
  return readProblem('unsupported', 'no docx reader yet');
}
