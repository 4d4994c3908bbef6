// The review page's style and its one script. The tables are the editor's
// preview, whose style reads VS Code's theme variables: the page defines them
// (light, and dark where the browser prefers it). The script only makes the
// reports' table sortable; without it every part of the page is there.

import { PREVIEW_STYLE } from '../core/service';

const THEME = `
:root {
  --vscode-font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  --vscode-font-size: 14px;
  --vscode-foreground: #1f2328;
  --vscode-editor-background: #ffffff;
  --vscode-descriptionForeground: #59636e;
  --vscode-editorWidget-background: #f6f8fa;
  --vscode-editorWidget-border: #d1d9e0;
  --vscode-focusBorder: #0969da;
  --vscode-editorError-foreground: #cf222e;
  --vscode-editorWarning-foreground: #9a6700;
  --vscode-editorInfo-foreground: #0969da;
  --vscode-inputValidation-errorBackground: #ffebe9;
  --vscode-inputValidation-warningBackground: #fff8c5;
  --vscode-inputValidation-infoBackground: #ddf4ff;
  --vscode-editor-inactiveSelectionBackground: #eaeef2;
}
@media (prefers-color-scheme: dark) {
  :root {
    --vscode-foreground: #e6edf3;
    --vscode-editor-background: #0d1117;
    --vscode-descriptionForeground: #9198a1;
    --vscode-editorWidget-background: #151b23;
    --vscode-editorWidget-border: #3d444d;
    --vscode-focusBorder: #4493f8;
    --vscode-editorError-foreground: #f85149;
    --vscode-editorWarning-foreground: #d29922;
    --vscode-editorInfo-foreground: #4493f8;
    --vscode-inputValidation-errorBackground: #5a1e1e;
    --vscode-inputValidation-warningBackground: #4b3a10;
    --vscode-inputValidation-infoBackground: #0c2d6b;
    --vscode-editor-inactiveSelectionBackground: #262c36;
  }
}
`;

const PAGE = `
body { max-width: 1400px; margin: 0 auto; line-height: 1.5; }
h1 { font-size: 1.5em; margin: 0.8em 0 0.2em; }
#chart h2, #reports h2 { font-size: 1.2em; cursor: default; }
.summary, .note, .meta, .title { color: var(--vscode-descriptionForeground); margin: 0.2em 0; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: var(--vscode-foreground); }
svg.chart .count { fill: var(--vscode-descriptionForeground); }
svg.chart .bar-error rect { fill: var(--vscode-editorError-foreground); }
svg.chart .bar-warning rect { fill: var(--vscode-editorWarning-foreground); }
svg.chart .bar-information rect, svg.chart .bar-hint rect { fill: var(--vscode-editorInfo-foreground); }
table.reports td, .defects td { padding: 2px 8px; }
table.reports td[data-sort] { white-space: nowrap; }
table.reports td:nth-child(n+5) { text-align: right; font-variant-numeric: tabular-nums; }
td.has-errors { color: var(--vscode-editorError-foreground); font-weight: 600; }
td.n { text-align: right; }
.defects { margin: 0.5em 0 1em; }
section.report { border-top: 1px solid var(--vscode-editorWidget-border); margin-top: 1.5em; }
section.report > h2 { font-size: 1.05em; word-break: break-all; cursor: default; }
ol.findings { padding-left: 0; list-style: none; }
ol.findings li { margin: 0.2em 0; padding: 1px 6px; }
ol.findings .where { font-weight: 600; }
ol.findings code, .defects code { color: var(--vscode-descriptionForeground); }
a.to-cell { margin-left: 0.5em; font-size: 0.9em; }
details.tables > summary { cursor: pointer; margin: 0.5em 0; }
:target { outline: 3px solid var(--vscode-focusBorder); outline-offset: -2px; }
.js-only { display: none; }
.js .js-only { display: inline; }
.js table.sortable th { cursor: pointer; user-select: none; }
.js table.sortable th::after { content: " ↕"; color: var(--vscode-descriptionForeground); }
.js table.sortable th[aria-sort="ascending"]::after { content: " ↑"; }
.js table.sortable th[aria-sort="descending"]::after { content: " ↓"; }
@media print { details { display: block; } .js-only { display: none; } }
`;

export const REVIEW_STYLE = THEME + PREVIEW_STYLE + PAGE;

/** Sorts table.sortable by a clicked heading (numbers as numbers, text by the page's locale); again: reversed. */
export const REVIEW_SCRIPT = `
(function () {
  document.documentElement.classList.add('js');
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, column) {
      th.tabIndex = 0;
      function sort() {
        var descending = th.getAttribute('aria-sort') === 'ascending';
        var numeric = th.getAttribute('data-kind') === 'number';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) { var c = row.cells[column]; return c ? c.getAttribute('data-sort') || '' : ''; }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = numeric ? (Number(x) || 0) - (Number(y) || 0) : collator.compare(x, y);
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });
  });
})();
`;
