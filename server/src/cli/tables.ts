// The `tables` command: the parsed 表二/表三/表四 as text grids, so a user can
// see what the parser understood before trusting (or doubting) a finding.

import { parseDocument, tablesAsText, type Lang } from '../core/service';
import { EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import type { Io } from './io';
import { cannotRead } from './messages';
import { readReport } from './read';

export function runTables(file: string, io: Io, lang: Lang = 'zh'): number {
  let text: string;
  try {
    text = readReport(file).text;
  } catch (error) {
    io.err(cannotRead(file, error));
    return EXIT_TROUBLE;
  }
  io.out(tablesAsText(parseDocument(text), { lang }));
  return EXIT_OK;
}
