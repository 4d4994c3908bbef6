// A sheet printed with two pages on it ("2 pages per sheet", pdfjam, a booklet
// tool): read as its two pages, left then right. Read whole, each line ran
// across both pages (`…政策三、收到和处理…`), so parts went "missing". A sheet is
// taken for two pages only when nothing crosses its middle (no text and no
// table rule) and both halves have lines of words that start at the same
// margin, as two pages of one document do: a landscape report page's prose and
// ruled tables run across the middle, and the figure columns of a table printed
// without rules that leave it clear are no lines of words.

import { toLines, type Line } from './lines';
import type { PageContent, Rule, TextPiece } from './types';

/** The clear band around the middle (PDF units): a page printed without margins has text up to its edge. */
const GUTTER = 1;
/** Lines of words (four Chinese characters or more) a half holds at least: a table's figures alone are no page. */
const MIN_LINES = 3;
const WORDS = /(?:[\u3400-\u9fff][^\u3400-\u9fff]*){4}/;
/** The halves' margins agree within this fraction of the sheet's width (a page's own left and right margins may differ). */
const SAME_MARGIN = 0.03;

/** The pages a sheet holds: itself, or its left and right halves as two pages of the same number. */
export function pagesOfSheet(sheet: PageContent): PageContent[] {
  if (sheet.width <= sheet.height) return [sheet];
  const middle = sheet.width / 2;
  if (sheet.pieces.some((p) => p.x < middle + GUTTER && p.x + p.width > middle - GUTTER)) return [sheet];
  if (sheet.horizontal.some((r) => Math.min(r.x1, r.x2) < middle - GUTTER && Math.max(r.x1, r.x2) > middle + GUTTER)) return [sheet];
  const left = sheet.pieces.filter((p) => p.x < middle);
  const right = sheet.pieces.filter((p) => p.x >= middle).map((p): TextPiece => ({ ...p, x: p.x - middle }));
  const leftLines = toLines(left);
  const rightLines = toLines(right);
  const worded = (lines: readonly Line[]) => lines.filter((l) => WORDS.test(l.text)).length;
  if (worded(leftLines) < MIN_LINES || worded(rightLines) < MIN_LINES) return [sheet];
  if (Math.abs(leftMargin(leftLines) - leftMargin(rightLines)) > SAME_MARGIN * sheet.width) return [sheet];
  // A rule that overhangs the middle by a hair (a border drawn to the page's edge) is cut there.
  const inHalf = (rules: readonly Rule[], leftHalf: boolean): Rule[] =>
    rules
      .filter((r) => (leftHalf ? Math.min(r.x1, r.x2) < middle : Math.max(r.x1, r.x2) > middle))
      .map((r) => {
        const x = (v: number) => (leftHalf ? Math.min(v, middle) : Math.max(v, middle) - middle);
        return { x1: x(r.x1), y1: r.y1, x2: x(r.x2), y2: r.y2 };
      });
  const half = (pieces: TextPiece[], leftHalf: boolean): PageContent => ({
    page: sheet.page,
    width: middle,
    height: sheet.height,
    pieces,
    horizontal: inHalf(sheet.horizontal, leftHalf),
    vertical: inHalf(sheet.vertical, leftHalf),
  });
  return [half(left, true), half(right, false)];
}

/** The left margin: the leftmost place where two lines start (within a unit; one line may be a stray mark). */
function leftMargin(lines: readonly Line[]): number {
  const starts = lines.map((l) => l.left).sort((a, b) => a - b);
  for (let i = 1; i < starts.length; i++) if (starts[i]! - starts[i - 1]! <= 1) return starts[i - 1]!;
  return starts[0]!;
}
