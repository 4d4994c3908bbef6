// The review page's chart: which defects are most common across the reports
// checked, as horizontal bars (reports with the defect; findings in all). Plain
// inline SVG with its text in it: drawn with scripts off, printed, read by a
// screen reader through its title and the same numbers in the table beside it.

import { escapeHtml, type Severity } from '../core/service';

export interface DefectCount {
  code: string;
  /** The rule's name in the page's language. */
  name: string;
  /** Reports with at least one finding of the rule. */
  reports: number;
  findings: number;
  /** The worst severity its findings had. */
  severity: Severity;
}

/** At most this many bars: the rest are in the table under the chart. */
export const CHART_BARS = 15;

const WIDTH = 760;
const LABEL_WIDTH = 330;
const BAR_HEIGHT = 18;
const ROW = 26;
const TOP = 8;

export function defectChart(counts: readonly DefectCount[], caption: string, countText: (c: DefectCount) => string): string {
  const shown = counts.slice(0, CHART_BARS);
  const most = Math.max(1, ...shown.map((c) => c.reports));
  const barSpace = WIDTH - LABEL_WIDTH - 120;
  const height = TOP * 2 + Math.max(1, shown.length) * ROW;
  const rows = shown.map((c, i) => {
    const y = TOP + i * ROW;
    const width = Math.max(2, Math.round((c.reports / most) * barSpace));
    const label = `${c.code}  ${c.name}`;
    return [
      `<g class="bar bar-${c.severity}">`,
      `<title>${escapeHtml(`${label}: ${countText(c)}`)}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 4}" text-anchor="end">${escapeHtml(truncate(label, 26))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="2"></rect>`,
      `<text class="count" x="${LABEL_WIDTH + width + 6}" y="${y + BAR_HEIGHT - 4}">${escapeHtml(countText(c))}</text>`,
      `</g>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(caption)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(caption)}</title>${rows.join('')}</svg>`;
}

/** A label cut to `max` characters (CJK text is wide: the chart's label column is fixed). */
function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
