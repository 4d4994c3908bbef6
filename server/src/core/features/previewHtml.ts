// The table preview's HTML, as a pure function of the server's TablesView (no
// vscode here, so it is unit-tested in Node; the CLI's review page shows the
// tables with it too): 表二, 表三 and 表四 with the template's merged headers,
// every cell that has a problem coloured and carrying its messages, the
// computed sums beside the written ones. Cells and labels carry their document
// range (data-range); the page's one script posts it back when clicked, and
// swaps in new table HTML when the text changes.
//
// Content security policy: nothing is loaded (default-src 'none'); the one
// <style> and the one <script> carry a fresh nonce; no inline handlers and no
// style attributes, so neither needs 'unsafe-inline'.

import type { CellView, ComputedView, LabelView, ProblemView, RowView, Table2View, Table3View, Table4View, TablesView } from './tablesView';

type Range = CellView['range'];
type Severity = ProblemView['severity'];

export interface PreviewStrings {
  loading: string;
  noTables: string;
  notFound: string;
  blank: string;
  lost: string;
  uncertain: string;
  expected: string;
  rowSum: string;
  leafSums: string;
  balance: string;
  computedLabel: string;
  applicant: string;
  content: string;
  tableProblems: string;
  unknownSum: string;
  /** Before last year's figure beside a cell: "上年 32". */
  lastYear: string;
}

export const DEFAULT_STRINGS: PreviewStrings = {
  loading: '正在读取表格…',
  noTables: '未找到表二、表三、表四。',
  notFound: '（未找到）',
  blank: '（空）',
  lost: '导出时丢失的单元格',
  uncertain: '列位置为推断（该行导出时丢失了单元格），不参与勾稽关系计算',
  expected: '应为',
  rowSum: '各列之和（计算）',
  leafSums: '（一）至（六）各项之和（计算）',
  balance: '一＋二（计算，应等于（七）总计＋四）',
  computedLabel: '计算',
  applicant: '申请人情况',
  content: '信息内容',
  tableProblems: '本表的问题',
  unknownSum: '含无法确定的单元格，未计算',
  lastYear: '上年',
};

export interface PreviewOptions {
  nonce: string;
  /** The page title (the document's name). */
  title: string;
  /** A line above the tables, e.g. the template and layout. */
  meta?: string;
  strings?: PreviewStrings;
}

/** The page's Content-Security-Policy: no source but the nonce, nothing remote, no inline code or style. */
export function previewCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The generator a page this project writes names (the review page, the preview): a folder walk skips such a page. */
export const GENERATOR = 'gov-report';

/** Whether a file's start (read as latin1) is a page this project wrote. */
export function writtenByGovReport(head: string): boolean {
  return head.includes(`<meta name="generator" content="${GENERATOR}">`);
}

/**
 * A self-contained page's doctype and head: the strict CSP (previewCsp: nothing but the nonce's style and
 * script), the title and its style. The preview and the CLI's review page both start so.
 */
export function pageHead(head: { lang: string; nonce: string; title: string; style: string }): string {
  const nonce = escapeHtml(head.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(head.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(head.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="${GENERATOR}">
<title>${escapeHtml(head.title)}</title>
<style nonce="${nonce}">${head.style}</style>
</head>`;
}

/** The whole page, for webview.html; `undefined` while the tables are still being read. */
export function renderPreviewDocument(view: TablesView | null | undefined, options: PreviewOptions): string {
  const nonce = escapeHtml(options.nonce);
  const strings = options.strings ?? DEFAULT_STRINGS;
  return `${pageHead({ lang: 'zh-CN', nonce: options.nonce, title: options.title, style: PREVIEW_STYLE })}
<body>
<div id="root">${view === undefined ? `<p class="empty">${escapeHtml(strings.loading)}</p>` : renderPreviewBody(view, strings, options.meta)}</div>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

/** The tables alone: what the page swaps in on every update. */
export function renderPreviewBody(view: TablesView | null, strings: PreviewStrings = DEFAULT_STRINGS, meta?: string): string {
  const out: string[] = [];
  if (meta) out.push(`<p class="meta">${escapeHtml(meta)}</p>`);
  if (!view || (!view.t2 && !view.t3 && !view.t4)) {
    out.push(`<p class="empty">${escapeHtml(strings.noTables)}</p>`);
    return out.join('\n');
  }
  if (view.t2) out.push(table2(view.t2, strings));
  if (view.t3) out.push(table3(view.t3, strings));
  if (view.t4) out.push(table4(view.t4, strings));
  return out.join('\n');
}

// ------------------------------------------------------------------ pieces

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];
const MARK: Record<Severity, string> = { error: '✗', warning: '!', information: 'i', hint: '…' };

function worst(problems: readonly ProblemView[]): Severity | undefined {
  return SEVERITY_ORDER.find((s) => problems.some((p) => p.severity === s));
}

function rangeAttr(range: Range | null): string {
  if (!range) return '';
  return ` data-range="${range.start.line},${range.start.character},${range.end.line},${range.end.character}" tabindex="0"`;
}

function titleAttr(lines: readonly string[]): string {
  return lines.length ? ` title="${escapeHtml(lines.join('\n'))}"` : '';
}

function marker(problems: readonly ProblemView[]): string {
  const s = worst(problems);
  return s ? `<span class="mark mark-${s}" aria-hidden="true">${MARK[s]}</span>` : '';
}

function classes(...names: (string | false | undefined)[]): string {
  const list = names.filter((n): n is string => !!n);
  return list.length ? ` class="${list.join(' ')}"` : '';
}

function span(n: number): string {
  return n > 1 ? ` colspan="${n}"` : '';
}

function rowspan(n: number): string {
  return n > 1 ? ` rowspan="${n}"` : '';
}

function cell(c: CellView | undefined, s: PreviewStrings, extra = '', rowProblems: readonly ProblemView[] = []): string {
  if (!c) return `<td class="num absent"${extra}></td>`;
  const sev = worst(c.problems);
  const shown = c.kind === 'missing' ? (c.value === null ? '?' : String(c.value)) : c.kind === 'blank' ? s.blank : c.text.trim();
  const notes = [
    ...c.problems.map((p) => p.message),
    ...(c.expected !== null ? [`${s.expected} ${c.expected}`] : []),
    ...(c.kind === 'missing' ? [s.lost] : []),
    ...(!c.certain ? [s.uncertain] : []),
    ...(c.lastYear ? [`${s.lastYear}（${c.lastYear.year}，${c.lastYear.file}）${c.lastYear.text}`] : []),
  ];
  const expected = c.expected !== null ? `<span class="expected">${escapeHtml(s.expected)} ${c.expected}</span>` : '';
  const lastYear = c.lastYear ? `<span class="last-year">${escapeHtml(s.lastYear)} ${escapeHtml(c.lastYear.text)}</span>` : '';
  return `<td${classes('num', sev && `sev-${sev}`, !sev && rowProblems.length > 0 && 'row-flagged', c.kind !== 'number' && `kind-${c.kind}`, !c.certain && 'uncertain')}${rangeAttr(c.range)}${titleAttr(notes)}${extra}><span class="v">${escapeHtml(shown)}</span>${marker(c.problems)}${expected}${lastYear}</td>`;
}

function label(l: LabelView, s: PreviewStrings, tag: 'th' | 'td', extra: string, found: boolean, more: readonly ProblemView[] = []): string {
  const problems = [...l.problems, ...more];
  const sev = worst(problems);
  const written = l.written && normalize(l.written) !== normalize(l.text) ? l.written : '';
  const notes = [...problems.map((p) => p.message), ...(written ? [`“${written.trim()}”`] : [])];
  const text = `${escapeHtml(l.text)}${found ? '' : ` <span class="muted">${escapeHtml(s.notFound)}</span>`}`;
  return `<${tag}${classes('label', sev && `sev-${sev}`, !found && 'absent')}${rangeAttr(l.range)}${titleAttr(notes)}${extra}>${text}${marker(problems)}</${tag}>`;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, '').replace(/[(]/g, '（').replace(/[)]/g, '）').replace(/[,]/g, '，').replace(/[:]/g, '：');
}

function computed(c: ComputedView | null, s: PreviewStrings, extra = ''): string {
  if (!c) return `<td class="computed"${extra}></td>`;
  if (c.value === null) return `<td class="computed"${titleAttr([`${c.formula}: ${s.unknownSum}`])}${extra}>·</td>`;
  const bad = c.holds === false;
  const note = `${c.formula} = ${c.value}${bad && c.against !== null ? ` ≠ ${c.against}` : ''}`;
  return `<td${classes('computed', bad && 'computed-bad')}${titleAttr([note])}${extra}>${c.value}${bad && c.against !== null ? ` <span class="against">≠ ${c.against}</span>` : ''}</td>`;
}

function problemList(all: readonly ProblemView[], s: PreviewStrings): string {
  const seen = new Set<string>();
  const unique = all.filter((p) => {
    const key = `${p.code}|${p.message}|${p.range.start.line},${p.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return '';
  const items = unique.map((p) => `<li${classes(`sev-${p.severity}`)}${rangeAttr(p.range)}>${marker([p])} ${escapeHtml(p.message)} <span class="code">${escapeHtml(p.code)}</span></li>`);
  // A long list (a table that lost cells in every row) starts folded.
  return `<details class="problems"${unique.length <= 6 ? ' open' : ''}><summary>${escapeHtml(s.tableProblems)}（${unique.length}）</summary><ul>${items.join('')}</ul></details>`;
}

function rowProblems(rows: readonly RowView[]): ProblemView[] {
  return rows.flatMap((r) => [...r.problems, ...r.label.problems, ...r.cells.flatMap((c) => c.problems)]);
}

function heading(title: string, range: Range): string {
  return `<h2${rangeAttr(range)}>${escapeHtml(title)}</h2>`;
}

// ------------------------------------------------------------------ 表二

function table2(t: Table2View, s: PreviewStrings): string {
  const width = Math.max(1, ...t.blocks.map((b) => b.columns.length));
  const body: string[] = [];
  const all: ProblemView[] = [...t.problems];
  for (const b of t.blocks) {
    body.push(`<tr class="caption">${label(b.caption, s, 'th', span(width + 1), b.found)}</tr>`);
    if (!b.found) continue;
    const cols = b.columns.length;
    const header = b.columns.map((c, i) => label(c, s, 'th', span(i === cols - 1 ? width - cols + 1 : 1), true));
    body.push(`<tr><th class="label">${escapeHtml(s.content)}</th>${header.join('')}</tr>`);
    for (const r of b.rows) {
      const cells = Array.from({ length: cols }, (_, i) => cell(r.found ? r.cells[i] : undefined, s, span(i === cols - 1 ? width - cols + 1 : 1), r.problems));
      body.push(`<tr>${label(r.label, s, 'td', '', r.found, r.problems)}${cells.join('')}</tr>`);
    }
    all.push(...b.caption.problems, ...b.columns.flatMap((c) => c.problems), ...rowProblems(b.rows));
  }
  return `<section class="table t2">${heading(t.title, t.range)}<table>${body.join('\n')}</table>${problemList(all, s)}</section>`;
}

// ------------------------------------------------------------------ 表三

function table3(t: Table3View, s: PreviewStrings): string {
  const groupLabel = (id: string) => t.groups.find((g) => g.id === id)?.label ?? id;
  const inResults = (r: RowView) => !!r.group && (r.group === 'results' || t.groups.find((g) => g.id === r.group)?.parent === 'results');
  const legal = t.columns.filter((c) => c.group);
  const first = t.columns[0]!;
  const last = t.columns[t.columns.length - 1]!;
  const head = [
    `<tr><th${span(3)}${rowspan(3)}></th><th${span(t.columns.length)}>${escapeHtml(s.applicant)}</th><th class="computed"${rowspan(3)}>${escapeHtml(s.rowSum)}</th></tr>`,
    `<tr><th${rowspan(2)}>${escapeHtml(first.label)}</th><th${span(legal.length)}>${escapeHtml(legal[0]?.group ?? '')}</th><th${rowspan(2)}>${escapeHtml(last.label)}</th></tr>`,
    `<tr>${legal.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr>`,
  ];
  const body: string[] = [];
  const resultRows = t.rows.filter(inResults);
  let resultsOpened = false;
  const groupOpened = new Set<string>();
  for (const r of t.rows) {
    const cells = Array.from({ length: t.columns.length }, (_, i) => cell(r.found ? r.cells[i] : undefined, s, '', r.problems)).join('');
    const sum = computed(r.computed, s);
    let labels: string;
    if (!inResults(r)) {
      labels = label(r.label, s, 'td', span(3), r.found, r.problems);
    } else {
      const outer = resultsOpened ? '' : `<td class="label group"${rowspan(resultRows.length)}>${escapeHtml(groupLabel('results'))}</td>`;
      resultsOpened = true;
      if (r.group === 'results') {
        labels = outer + label(r.label, s, 'td', span(2), r.found, r.problems);
      } else {
        const members = t.rows.filter((o) => o.group === r.group);
        const inner = groupOpened.has(r.group!) ? '' : `<td class="label group"${rowspan(members.length)}>${escapeHtml(groupLabel(r.group!))}</td>`;
        groupOpened.add(r.group!);
        labels = outer + inner + label(r.label, s, 'td', '', r.found, r.problems);
      }
    }
    body.push(`<tr${classes(r.id === 'total' && 'total')}>${labels}${cells}${sum}</tr>`);
  }
  const foot = [
    `<tr class="computed-row"><td class="label computed"${span(3)}>${escapeHtml(s.leafSums)}</td>${t.leafSums.map((c) => computed(c, s)).join('')}<td class="computed"></td></tr>`,
    `<tr class="computed-row"><td class="label computed"${span(3)}>${escapeHtml(s.balance)}</td>${t.balance.map((c) => computed(c, s)).join('')}<td class="computed"></td></tr>`,
  ];
  return `<section class="table t3">${heading(t.title, t.range)}<table><thead>${head.join('')}</thead><tbody>${body.join('\n')}</tbody><tfoot>${foot.join('')}</tfoot></table>${problemList([...t.problems, ...rowProblems(t.rows)], s)}</section>`;
}

// ------------------------------------------------------------------ 表四

function table4(t: Table4View, s: PreviewStrings): string {
  const width = t.columns.length;
  const top = t.groups.filter((g) => !g.parent);
  const nested = t.groups.filter((g) => g.parent);
  const parent = nested[0]?.parent ?? '';
  const head = [
    `<tr><th${rowspan(3)}></th>${top.map((g) => `<th${span(width)}${rowspan(2)}>${escapeHtml(g.label)}</th>`).join('')}${nested.length ? `<th${span(width * nested.length)}>${escapeHtml(parent)}</th>` : ''}</tr>`,
    `<tr>${nested.map((g) => `<th${span(width)}>${escapeHtml(g.label)}</th>`).join('')}</tr>`,
    `<tr>${t.groups.map(() => t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')).join('')}</tr>`,
  ];
  const values = t.groups.map((g) => Array.from({ length: width }, (_, i) => cell(g.cells[i], s)).join('')).join('');
  const sums = t.groups.map((g) => `<td class="computed"${span(width - 1)}></td>${computed(g.computed, s)}`).join('');
  const body = [`<tr><td class="label"></td>${values}</tr>`, `<tr class="computed-row"><td class="label computed">${escapeHtml(s.computedLabel)}</td>${sums}</tr>`];
  const all = [...t.problems, ...t.groups.flatMap((g) => g.cells.flatMap((c) => c.problems))];
  return `<section class="table t4">${heading(t.title, t.range)}<table><thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>${problemList(all, s)}</section>`;
}

// ------------------------------------------------------------------ page style and script

/** The tables' style; it reads VS Code's theme variables (a page outside the editor defines them: the CLI's review page). */
export const PREVIEW_STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 24px; }
h2 { font-size: 1.1em; margin: 1.4em 0 0.5em; cursor: pointer; }
.meta, .muted, .code { color: var(--vscode-descriptionForeground); }
.empty { margin-top: 2em; color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin-bottom: 0.5em; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, #8884)); padding: 2px 6px; vertical-align: middle; }
th { font-weight: 600; background: var(--vscode-editorWidget-background, transparent); text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 2.5em; white-space: nowrap; }
td.label, th.label { text-align: left; min-width: 7em; }
.t3 td.label:not(.group) { min-width: 13em; }
td.group { font-weight: 600; min-width: 5em; }
tr.caption th { text-align: left; }
tr.total td { font-weight: 600; }
[data-range] { cursor: pointer; }
[data-range]:hover, [data-range]:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.computed { color: var(--vscode-descriptionForeground); font-style: italic; text-align: right; }
td.label.computed { text-align: left; }
.computed-bad { color: var(--vscode-editorError-foreground); font-style: normal; font-weight: 600; }
.against { font-weight: normal; }
.sev-error { background: var(--vscode-inputValidation-errorBackground, rgba(255, 0, 0, 0.15)); }
.sev-warning { background: var(--vscode-inputValidation-warningBackground, rgba(255, 200, 0, 0.15)); }
.sev-information { background: var(--vscode-inputValidation-infoBackground, rgba(0, 120, 255, 0.12)); }
.row-flagged { background: var(--vscode-editor-inactiveSelectionBackground, rgba(128, 128, 128, 0.12)); }
.mark { margin-left: 0.3em; font-weight: 700; }
.mark-error { color: var(--vscode-editorError-foreground); }
.mark-warning { color: var(--vscode-editorWarning-foreground); }
.mark-information { color: var(--vscode-editorInfo-foreground); }
.mark-hint { color: var(--vscode-descriptionForeground); }
.expected { display: block; font-size: 0.85em; color: var(--vscode-editorError-foreground); }
.last-year { display: block; font-size: 0.85em; color: var(--vscode-descriptionForeground); }
.uncertain .v, .kind-missing .v, .kind-blank .v { font-style: italic; color: var(--vscode-descriptionForeground); }
.kind-invalid .v, .kind-placeholder .v { text-decoration: underline wavy var(--vscode-editorWarning-foreground); }
.absent { color: var(--vscode-descriptionForeground); }
.problems { margin: 0.3em 0 1em; }
.problems ul { margin: 0.3em 0; padding-left: 1.2em; }
.problems li { margin: 0.15em 0; list-style: none; background: none; }
`;

const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  function reveal(el) {
    const parts = (el.getAttribute('data-range') || '').split(',').map(Number);
    if (parts.length !== 4 || parts.some(function (n) { return !Number.isInteger(n) || n < 0; })) return;
    vscode.postMessage({ type: 'reveal', range: { start: { line: parts[0], character: parts[1] }, end: { line: parts[2], character: parts[3] } } });
  }
  document.addEventListener('click', function (e) {
    const el = e.target instanceof Element ? e.target.closest('[data-range]') : null;
    if (el) reveal(el);
  });
  document.addEventListener('keydown', function (e) {
    const el = e.target instanceof Element ? e.target : null;
    if (el && el.hasAttribute('data-range') && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); reveal(el); }
  });
  window.addEventListener('message', function (e) {
    const m = e.data;
    if (m && m.type === 'update' && typeof m.html === 'string') document.getElementById('root').innerHTML = m.html;
  });
})();
`;
