// Folding ranges: each section, each sub-item that spans lines, each table.

import { FoldingRange } from 'vscode-languageserver-types';
import type { Range, Report } from '../model';
import { subItemExtents } from '../outline';
import type { LineIndex } from '../text/lines';

export function foldingRanges(report: Report, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (r: Range) => {
    const start = index.positionAt(r.start).line;
    const end = index.positionAt(r.end).line;
    if (end > start) out.push(FoldingRange.create(start, end));
  };
  for (const s of report.sections) {
    add(s.range);
    for (const { item, nextStart } of subItemExtents(s)) {
      const endLine = nextStart !== undefined ? index.positionAt(nextStart).line - 1 : index.positionAt(s.range.end).line;
      const startLine = index.positionAt(item.range.start).line;
      if (endLine > startLine) out.push(FoldingRange.create(startLine, endLine));
    }
  }
  for (const t of [report.tables.t2, report.tables.t3, report.tables.t4]) if (t) add(t.range);
  return dedupe(out);
}

function dedupe(ranges: FoldingRange[]): FoldingRange[] {
  const seen = new Set<string>();
  return ranges
    .filter((r) => {
      const key = `${r.startLine}:${r.endLine}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
