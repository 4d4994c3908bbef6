// OLE compound files: old binary Word (.doc, .wps) and every encrypted Office
// file (an encrypted .docx is an OLE container holding an EncryptedPackage
// stream). No reader of .doc is used: word-extractor@1 (the npm one still
// published) turns every \x07 mark into a tab, the row-end mark too, so rows
// run into each other and merged cells cannot be placed (its maintainer: "Row
// boundaries are a bit hard in Word, and I haven't engaged with that yet",
// morungos/node-word-extractor#9), and its OLE sector-chain walk only stops a
// chain that points at itself, so a longer cycle in a hostile file never
// ends. A .doc is told apart and asked to be saved as .docx (the i18n
// 'unsupported' message says so); an encrypted one says it is encrypted.

import { readProblem, type ReaderLimits, type ReadResult } from './blocks';
import { oleDirectory } from './docx/ole';

export async function readDoc(bytes: Uint8Array, _limits: ReaderLimits): Promise<ReadResult> {
  const directory = oleDirectory(bytes);
  if (!directory) return readProblem('broken', 'not a valid OLE compound file');
  if (directory.has('EncryptedPackage')) return readProblem('encrypted', 'an encrypted Office file (EncryptedPackage)');
  const word = directory.get('WordDocument');
  if (!word) return readProblem('unsupported', `an OLE file without a WordDocument stream (${[...directory.keys()].slice(0, 6).join(', ')})`);
  if (word.encrypted) return readProblem('encrypted', 'an encrypted Word 97–2003 document');
  return readProblem('unsupported', 'a Word 97–2003 binary document (.doc)');
}
