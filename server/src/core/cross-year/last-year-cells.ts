// Last year's figure for each cell of this year's report that has one (表三
// 上年结转, 表二 现行有效件数), for the table preview to show beside the cell.
// Only where the pair is certain: one report last year, both tables read.

import { messagesFor, type Lang } from '../i18n';
import type { Range } from '../model';
import { counterparts } from './counterparts';
import { paired } from './pairs';
import type { YearCandidate } from './types';

export interface LastYearCell {
  /** Which comparison the cell takes part in (its hover words). */
  readonly kind: 'carried' | 'in-force';
  /** This year's cell, in offsets of `uri`'s text. */
  readonly cell: Range;
  /** Last year's cell as written there. */
  readonly text: string;
  readonly value: number | undefined;
  readonly year: number;
  /** Last year's file, as messages name it. */
  readonly name: string;
}

export function lastYearCells(reports: readonly YearCandidate[], uri: string): LastYearCell[] {
  const { identities, byUri, pairs } = paired(reports);
  const pair = pairs.get(uri);
  const current = byUri.get(uri);
  if (!pair || pair.kind !== 'previous' || !current) return [];
  const previous = byUri.get(pair.previous)!;
  const year = identities.get(pair.previous)!.year;
  return counterparts(current.report, previous.report).map((p) => {
    const now = p.kind === 'carried' ? p.now : p.cells[2];
    return { kind: p.kind, cell: now.range, text: p.then.text.trim(), value: p.then.value, year, name: previous.name };
  });
}

/** The hover line for the cell at `offset`, when it has last year's counterpart: both years side by side. */
export function lastYearHover(cells: readonly LastYearCell[], offset: number, lang: Lang): string | undefined {
  const at = cells.find((c) => c.cell.start <= offset && offset <= c.cell.end);
  return at && messagesFor(lang)[`cross-year.${at.kind}`].hover(at.value ?? (at.text || '—'), at.year, at.name);
}
