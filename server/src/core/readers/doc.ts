// OLE compound files: old binary Word (.doc, .wps) and every encrypted Office
// file (an encrypted .docx is an OLE container holding an EncryptedPackage
// stream). No reader of .doc is used: word-extractor (the maintained npm one)
// turns the cell marks into tabs but also row ends into tabs, so rows run
// into each other and merged cells cannot be placed, and its OLE sector
// chains loop forever on a cyclic chain in a hostile file. A .doc is told
// apart and asked to be saved as .docx; an encrypted one says so.

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
