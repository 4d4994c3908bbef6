// The `tables` command: the parsed 表二/表三/表四 as text grids, so a user can
// see what the parser understood before trusting (or doubting) a finding. The
// `render` command: an original's rendition, the text that is checked (what
// the editor shows and saves as .txt), to look at or attach to a bug report.

import { parseDocument, tablesAsText, type Lang } from '../core/service';
import { EXIT_OK, EXIT_TROUBLE } from './exit-codes';
import type { Io } from './io';
import { cannotRead } from './messages';
import { readInput, type ReadInput } from './read';

export async function runTables(file: string, io: Io, lang: Lang = 'zh'): Promise<number> {
  const input = await readOrSay(file, io, lang);
  if (!input) return EXIT_TROUBLE;
  io.out(tablesAsText(parseDocument(input.text), { lang }));
  return EXIT_OK;
}

export async function runRender(file: string, io: Io, lang: Lang = 'zh'): Promise<number> {
  const input = await readOrSay(file, io, lang);
  if (!input) return EXIT_TROUBLE;
  io.out(input.text.endsWith('\n') || !input.text ? input.text : input.text + '\n');
  return EXIT_OK;
}

async function readOrSay(file: string, io: Io, lang: Lang): Promise<ReadInput | undefined> {
  try {
    return await readInput(file);
  } catch (error) {
    io.err(cannotRead(file, error, lang));
    return undefined;
  }
}
