// Reading one report file from disk: bytes, then the encoding guess.

import { readFileSync } from 'node:fs';
import { decodeReport, type Decoded } from './decode';

export function readReport(file: string): Decoded {
  return decodeReport(readFileSync(file));
}
