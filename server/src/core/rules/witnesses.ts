// Other witnesses of a cell (issue 18): prose that states the figure one cell
// holds ("予以公开 71 件" names 表三 （一）予以公开 总计). Where the tables alone
// cannot tell which cell of a broken sum is wrong, the part or the total, such
// a figure can: the prose states the value that mends the sum for one of the
// cells, or confirms the written value of all cells but one.

import { cellValue } from '../identities';
import type { Cell, Range, Report } from '../model';
import { paragraphRange, proseParagraphs } from '../text/prose-numbers';
import { tableClaims } from './prose-claims';
import { figureOf } from './prose-figures';

export interface Witness {
  cell: Cell;
  /** The value the prose states for the cell. */
  value: number;
  /** Where the prose states it. */
  range: Range;
  /** The claim as a message quotes it: 予以公开 71 件. */
  phrase: string;
}

interface Witnesses {
  /** Counts stated for one cell. */
  readonly cells: Witness[];
  /** Cells confirmed as written by a count stated for their sum. */
  readonly sums: Witness[];
}

const cache = new WeakMap<Report, Witnesses>();

/**
 * The prose's counts with a single reading, read once per report (memoised): a figure of one cell is a witness of that
 * cell; a figure that is a sum of several cells, all known, whose sum is the count stated ("行政诉讼14件": 表四's two
 * 诉讼 totals), confirms each of them as written (a wrong cell among them would make the sum another).
 */
function witnessesOf(report: Report): Witnesses {
  let found = cache.get(report);
  if (found) return found;
  found = { cells: [], sums: [] };
  for (const { paragraph, sectionId } of proseParagraphs(report)) {
    for (const claim of tableClaims(paragraph.text, sectionId, report.title?.year)) {
      if (claim.readings.length !== 1) continue;
      const figure = figureOf(report, claim.readings[0]!);
      if (!figure) continue;
      const range = paragraphRange(paragraph, claim.start, claim.end);
      if (figure.parts.length === 1) {
        found.cells.push({ cell: figure.parts[0]!.cell, value: claim.value, range, phrase: claim.phrase });
        continue;
      }
      const values = figure.parts.map((p) => cellValue(report, p.cell));
      if (values.some((v) => v === undefined) || values.reduce((a, b) => a! + b!, 0) !== claim.value) continue;
      figure.parts.forEach((p, k) => found!.sums.push({ cell: p.cell, value: values[k]!, range, phrase: claim.phrase }));
    }
  }
  cache.set(report, found);
  return found;
}

/** Prose counts with a single reading whose figure is one cell. */
export function proseWitnesses(report: Report): Witness[] {
  return witnessesOf(report).cells;
}

/** Cells a prose count stated for their sum confirms as written (witnessesOf). */
export function sumConfirmations(report: Report): Witness[] {
  return witnessesOf(report).sums;
}

/**
 * Of several cells that could each mend a broken sum, the one the prose
 * decides, with the witness that decided: the only candidate whose witnesses
 * all state the value that mends it, or, where none does, the only candidate
 * left once those whose witnesses all confirm the written value are set
 * aside. Witnesses that state a third value, or disagree among themselves,
 * decide nothing.
 */
export function decideByProse<C extends { cell: Cell; value: number }>(report: Report, candidates: readonly C[]): { repair: C; witness: Witness } | undefined {
  const witnesses = proseWitnesses(report);
  const about = (c: C) => witnesses.filter((w) => w.cell === c.cell);
  const written = (c: C) => cellValue(report, c.cell);
  const attested = candidates.filter((c) => about(c).length > 0);
  if (attested.some((c) => about(c).some((w) => w.value !== c.value && w.value !== written(c)))) return undefined;
  const mended = attested.filter((c) => about(c).every((w) => w.value === c.value));
  const confirmed = attested.filter((c) => about(c).every((w) => w.value === written(c)));
  if (mended.length + confirmed.length !== attested.length) return undefined;
  if (mended.length === 1) return { repair: mended[0]!, witness: about(mended[0]!)[0]! };
  const rest = candidates.filter((c) => !confirmed.includes(c));
  if (mended.length === 0 && confirmed.length > 0 && rest.length === 1) return { repair: rest[0]!, witness: about(confirmed[0]!)[0]! };
  return undefined;
}
