// Reading one report file from disk: an original (web page, Word file, PDF,
// told by its content, not its name) through its reader, else the bytes as
// text with the encoding guessed.

import { readFileSync } from 'node:fs';
import { readOriginal, type OriginalKind, type OriginalRendition, type ReadProblem, decodeReport, type Decoded, writtenByGovReport } from '../core/service';

export type ReadInput =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: Decoded['encoding'] }
  /** `text` is the rendition's: what is parsed and checked; `rendition` maps it back to the original. */
  | {
      readonly kind: 'original';
      readonly format: OriginalKind;
      readonly text: string;
      readonly rendition: OriginalRendition;
      /** A page this project wrote (a review page left in the folder): the folder walk skips it. */
      readonly ownPage: boolean;
    };

/** An original its reader could not read (scanned, encrypted, broken …): messages.ts words it. */
export class OriginalProblemError extends Error {
  readonly code = 'EORIGINAL';
  constructor(
    readonly format: OriginalKind,
    readonly problem: ReadProblem,
  ) {
    super(`cannot read ${format}: ${problem.kind}${problem.detail ? ` (${problem.detail})` : ''}`);
  }
}

/** Throws the file system's errors, NotTextError (a binary file) and OriginalProblemError. */
export async function readInput(file: string): Promise<ReadInput> {
  // Read whole and synchronously: files are checked one at a time, and a reader needs all the bytes.
  const buffer = readFileSync(file);
  // A plain Uint8Array view, not the Buffer itself: pdf.js refuses a Buffer.
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const original = await readOriginal(bytes);
  if (!original) return { kind: 'text', ...decodeReport(buffer) };
  if (!original.ok) throw new OriginalProblemError(original.kind, original.problem);
  const ownPage = original.kind === 'html' && writtenByGovReport(buffer.toString('latin1', 0, Math.min(buffer.byteLength, 4096)));
  return { kind: 'original', format: original.kind, text: original.rendition.text, rendition: original.rendition, ownPage };
}
