// `check --format html`: one self-contained review page for a reviewer to
// hand on. It loads nothing (a strict CSP; its one style and one script are
// inline and nonced), so it opens offline in any browser, and reads in full
// with scripts off: the reports' table, the chart (inline SVG), and for each
// report its findings, each linked to the cell in its tables, drawn by the
// editor's table preview (core/features/previewHtml.ts). Sorting the table is
// the script's only job.

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { escapeHtml, pageHead, renderPreviewBody, type TablesView, messagesFor, type Lang, type Severity } from '../core/service';
import { summaryLine, type FileResult, type ReportedDiagnostic, type RunSummary } from './format';
import { defectChart, type DefectCount } from './review-chart';
import { REVIEW_SCRIPT, REVIEW_STYLE } from './review-assets';
import { reviewText, type ReviewText } from './review-text';

type LspRange = ReportedDiagnostic['range'];

/** The rule families as the rule docs list them: the sums first. */
const FAMILY_ORDER = ['sum', 'section', 'table', 'cell', 'prose', 'text', 'year', 'cross-year', 'preface', 'file'];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const MARK: Record<Severity, string> = { error: '✗', warning: '!', information: 'i', hint: '…' };

export interface ReviewPageOptions {
  lang: Lang;
  /** The CSP nonce of the page's style and script; fresh by default. */
  nonce?: string;
}

export function renderReviewPage(results: readonly FileResult[], summary: RunSummary, options: ReviewPageOptions): string {
  const { lang } = options;
  const t = reviewText(lang);
  const rawNonce = options.nonce ?? randomBytes(16).toString('base64');
  const nonce = escapeHtml(rawNonce);
  const counts = defectCounts(results, lang);
  const present = new Set(results.flatMap((r) => r.diagnostics.map((d) => familyOf(d.code))));
  const families = [...FAMILY_ORDER.filter((f) => present.has(f)), ...[...present].filter((f) => !FAMILY_ORDER.includes(f)).sort()];
  return `${pageHead({ lang: lang === 'zh' ? 'zh-CN' : 'en', nonce: rawNonce, title: t.title, style: REVIEW_STYLE })}
<body>
<header><h1>${escapeHtml(t.title)}</h1><p class="summary">${escapeHtml(summaryLine(results, summary, lang))}</p>${uncheckedList(summary.unchecked ?? [], t)}</header>
<main>
<section id="chart"><h2>${escapeHtml(t.chartHeading)}</h2>
${defectChart(counts, t.chartCaption, t.chartCount)}
${defectsTable(counts, t)}
</section>
<section id="reports"><h2>${escapeHtml(t.reportsHeading)}</h2>
<p class="note">${escapeHtml(t.familyNote)} <span class="js-only">${escapeHtml(t.sortHint)}</span></p>
${reportsTable(results, families, t)}
</section>
${results.map((r, i) => reportSection(r, i, t)).join('\n')}
</main>
<script nonce="${nonce}">${REVIEW_SCRIPT}</script>
</body>
</html>
`;
}

/** The paths not checked, each with why (what stderr said): a reviewer must know which reports were never read. */
function uncheckedList(unchecked: readonly { file: string; message: string }[], t: ReviewText): string {
  if (!unchecked.length) return '';
  // Each message names its file, as stderr gave it.
  return `<div id="unchecked"><h2>${escapeHtml(t.uncheckedHeading)}</h2><ul>${unchecked.map((u) => `<li>${escapeHtml(u.message)}</li>`).join('')}</ul></div>`;
}

// ------------------------------------------------------------------ the reports' table

function familyOf(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

function count(diagnostics: readonly ReportedDiagnostic[], severity: Severity, family?: string): number {
  return diagnostics.filter((d) => d.severity === severity && (family === undefined || familyOf(d.code) === family)).length;
}

function reportsTable(results: readonly FileResult[], families: readonly string[], t: ReviewText): string {
  const head = [t.file, t.agency, t.year, t.template, t.errors, t.warnings, ...families.map(t.family)];
  const kinds = ['text', 'text', 'number', 'text', 'number', 'number', ...families.map(() => 'number')];
  const rows = results.map((r, i) => {
    const facts = r.review;
    const cells = [
      cell(path.basename(r.file), path.basename(r.file), `<a href="#report-${i}">${escapeHtml(path.basename(r.file))}</a>`),
      cell(facts?.agency ?? '', facts?.agency ?? t.unknown),
      cell(facts?.year ?? '', facts?.year !== undefined ? String(facts.year) : t.unknown),
      cell(facts?.template ?? '', facts ? t.templateName(facts.template) : t.unknown),
      cell(count(r.diagnostics, 'error'), String(count(r.diagnostics, 'error')), undefined, count(r.diagnostics, 'error') > 0 ? 'has-errors' : undefined),
      cell(count(r.diagnostics, 'warning'), String(count(r.diagnostics, 'warning'))),
      ...families.map((f) => {
        const [e, w] = [count(r.diagnostics, 'error', f), count(r.diagnostics, 'warning', f)];
        // Sorted by errors first, then warnings.
        return cell(e * 100_000 + w, e || w ? `${e} / ${w}` : '', undefined, e ? 'has-errors' : undefined);
      }),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const ths = head.map((h, i) => `<th scope="col" data-kind="${kinds[i]}">${escapeHtml(h)}</th>`).join('');
  return `<table class="reports sortable"><thead><tr>${ths}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** A table cell with its sort key; `html` when the shown text is markup. */
function cell(sortKey: string | number, text: string, html?: string, className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  return `<td${cls} data-sort="${escapeHtml(String(sortKey))}">${html ?? escapeHtml(text)}</td>`;
}

// ------------------------------------------------------------------ the defects

function defectCounts(results: readonly FileResult[], lang: Lang): DefectCount[] {
  const names = messagesFor(lang).names as Record<string, string | undefined>;
  const byCode = new Map<string, DefectCount>();
  for (const r of results) {
    const seen = new Set<string>();
    for (const d of r.diagnostics) {
      const c = byCode.get(d.code) ?? { code: d.code, name: names[d.code] ?? d.code, reports: 0, findings: 0, severity: d.severity };
      c.findings++;
      if (!seen.has(d.code)) c.reports++;
      seen.add(d.code);
      if (SEVERITY_RANK[d.severity] < SEVERITY_RANK[c.severity]) c.severity = d.severity;
      byCode.set(d.code, c);
    }
  }
  return [...byCode.values()].sort((a, b) => b.reports - a.reports || b.findings - a.findings || (a.code < b.code ? -1 : 1));
}

function defectsTable(counts: readonly DefectCount[], t: ReviewText): string {
  if (!counts.length) return `<p class="empty">${escapeHtml(t.noFindings)}</p>`;
  const rows = counts.map((c) => `<tr class="sev-${c.severity}"><td><code>${escapeHtml(c.code)}</code></td><td>${escapeHtml(c.name)}</td><td class="n">${c.reports}</td><td class="n">${c.findings}</td></tr>`);
  return `<details class="defects"><summary>${escapeHtml(t.defectsTable)}（${counts.length}）</summary><table><thead><tr><th>${escapeHtml(t.code)}</th><th>${escapeHtml(t.rule)}</th><th>${escapeHtml(t.reportsWith)}</th><th>${escapeHtml(t.findings)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

// ------------------------------------------------------------------ one report

function reportSection(r: FileResult, index: number, t: ReviewText): string {
  const facts = r.review;
  const meta = [facts?.agency, facts?.year !== undefined ? String(facts.year) : undefined, facts ? t.templateName(facts.template) : undefined, r.format]
    .filter((x): x is string => !!x)
    .join(' · ');
  const anchors = facts ? cellAnchors(facts.tables) : new Map<string, LspRange>();
  const idOf = (range: LspRange) => `r${index}-${range.start.line}-${range.start.character}-${range.end.line}-${range.end.character}`;
  const items = r.diagnostics.map((d) => {
    const where = d.original?.text || t.lineColumn(d.range.start.line + 1, d.range.start.character + 1);
    const target = anchors.get(problemKey(d.code, d.message, d.range));
    const link = target ? ` <a class="to-cell" href="#${idOf(target)}">${escapeHtml(t.seeCell)}</a>` : '';
    return `<li class="sev-${d.severity}"><span class="mark mark-${d.severity}" aria-hidden="true">${MARK[d.severity]}</span> <span class="where">${escapeHtml(where)}</span> ${escapeHtml(d.message)} <code>${escapeHtml(d.code)}</code>${link}</li>`;
  });
  const findings = items.length ? `<ol class="findings">${items.join('')}</ol>` : `<p class="empty">${escapeHtml(t.noFindings)}</p>`;
  // Tables are drawn for a report with findings in them; a clean report's tables add only length.
  const tables = facts && anchors.size ? `<details class="tables" open><summary>${escapeHtml(t.tables)}</summary>${withAnchors(renderPreviewBody(facts.tables, t.preview), idOf)}</details>` : '';
  const title = facts?.title && facts.title !== path.basename(r.file) ? `<p class="title">${escapeHtml(facts.title)}</p>` : '';
  return `<section class="report" id="report-${index}"><h2>${escapeHtml(r.file)}</h2>${title}<p class="meta">${escapeHtml(meta)}</p>${findings}${tables}</section>`;
}

const problemKey = (code: string, message: string, range: LspRange) =>
  `${code}\u0000${message}\u0000${range.start.line},${range.start.character},${range.end.line},${range.end.character}`;

/**
 * Where each finding shown in the tables is drawn: the range of the cell,
 * label or table heading that carries it (the preview places a finding by
 * the cell its range touches, so the two ranges may differ).
 */
function cellAnchors(view: TablesView): Map<string, LspRange> {
  const anchors = new Map<string, LspRange>();
  const visit = (node: unknown, fallback: LspRange | undefined): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, fallback));
    if (typeof node !== 'object' || node === null) return;
    const o = node as { range?: LspRange | null; label?: { range?: LspRange | null }; problems?: { code: string; message: string; range: LspRange }[] };
    // A row has no range of its own: its problems are drawn on its label.
    const at = o.range ?? o.label?.range ?? fallback;
    if (Array.isArray(o.problems) && at) for (const p of o.problems) if (!anchors.has(problemKey(p.code, p.message, p.range))) anchors.set(problemKey(p.code, p.message, p.range), at);
    for (const [key, value] of Object.entries(o)) if (key !== 'problems' && key !== 'range' && typeof value === 'object') visit(value, at);
  };
  visit([view.t2, view.t3, view.t4], undefined);
  return anchors;
}

/** The preview's markup with an id on the first element drawn for each range (later ones are the problem lists'). */
function withAnchors(html: string, idOf: (range: LspRange) => string): string {
  const given = new Set<string>();
  return html.replace(/ data-range="(\d+),(\d+),(\d+),(\d+)"/g, (attr, a: string, b: string, c: string, d: string) => {
    const id = idOf({ start: { line: +a, character: +b }, end: { line: +c, character: +d } });
    if (given.has(id)) return attr;
    given.add(id);
    return ` id="${id}"${attr}`;
  });
}
