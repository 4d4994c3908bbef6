// Check results → a SARIF 2.1.0 log (`check --format sarif`), the format
// code-scanning tools and SARIF viewers take as it is. Validated in the tests
// by Microsoft's SARIF multitool (`sarif-multitool validate`).
//
// - Every rule the checker knows is listed in tool.driver.rules with its name,
//   its page's first words as its full description, the page as its help (as
//   GitHub code scanning requires) and its address (docs/rules/CODE.md,
//   package-info.ts: the repository's page when package.json names a
//   repository, else the installed file's URL).
// - Files that could not be read or checked are the invocation's notifications.
// - Files are named relative to %SRCROOT% (the working directory, given in
//   originalUriBaseIds), so the log can be read on another machine.
// - Regions: 1-based lines and columns counted in UTF-16 code units
//   (run.columnKind), the end column exclusive, as SARIF defines them.
// - An original (PDF, Word file, web page): the location is the original file
//   itself with no text region (the rendition's lines are not the file's);
//   where it is in the file (page, table, grid row and column, the template's
//   row and column) is a logical location and the location's property bag.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { messagesFor, type Lang, RULE_TABLE, type Severity, type Position } from '../core/service';
import type { FileResult, OriginalLocation, ReportedDiagnostic, ReportedRelated, UncheckedPath } from './format';
import { packageInfo } from './package-info';

const SRCROOT = 'SRCROOT';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A MIME type code-scanning viewers show for the originals; text reports are text/plain. */
const MIME: Record<FileResult['format'], string> = {
  text: 'text/plain',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  rtf: 'application/rtf',
  pdf: 'application/pdf',
};

/** A web page saved as one file (.mhtml, .mht) is a MIME message holding the page, not the page. */
function mimeTypeOf(file: string, format: FileResult['format']): string {
  return format === 'html' && /\.mht(?:ml)?$/i.test(file) ? 'multipart/related' : MIME[format];
}

export interface SarifOptions {
  lang: Lang;
  /** The folder file names are made relative to (%SRCROOT%); the working directory by default. */
  root?: string;
  /** Paths that could not be read or checked: the run's notifications, each naming its file. */
  unchecked?: readonly UncheckedPath[];
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const { lang } = options;
  const unchecked = options.unchecked ?? [];
  const root = path.resolve(options.root ?? process.cwd());
  const info = packageInfo();
  const names = messagesFor(lang).names as Record<string, string | undefined>;
  const ruleIndex = new Map(RULE_TABLE.map((r, i) => [r.code, i]));
  const rules = RULE_TABLE.map((r) => ({
    id: r.code,
    name: pascalName(r.code),
    shortDescription: { text: names[r.code] ?? r.name },
    ...ruleHelp(info.rulesDir, r.code),
    helpUri: `${info.rulesBase}${r.code}.md`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { 'gov-report/defaultSeverity': r.defaultSeverity },
  }));
  const artifactIndex = new Map<string, number>();
  const artifacts: object[] = [];
  const artifactOf = (file: string, format: FileResult['format']) => {
    const location = artifactLocation(file, root);
    const key = location.uri;
    let index = artifactIndex.get(key);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(key, index);
      artifacts.push({ location, mimeType: mimeTypeOf(file, format), ...(format === 'text' ? { encoding: 'utf-8' } : {}) });
    }
    return { ...location, index };
  };

  const sarifResults = results.flatMap(({ file, format, diagnostics }) => {
    const artifact = artifactOf(file, format);
    return diagnostics.map((d) => result(d, artifact, ruleIndex.get(d.code), root));
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gov-report',
            fullName: lang === 'zh' ? 'gov-report 政府信息公开工作年度报告检查' : 'gov-report: government information disclosure annual report checker',
            version: info.version,
            semanticVersion: info.version,
            informationUri: info.informationUri,
            language: lang === 'zh' ? 'zh-CN' : 'en-US',
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        // A file that could not be read or checked (a scanned PDF, an .odt) is said, not left out unnoticed.
        invocations: [
          {
            executionSuccessful: unchecked.length === 0,
            ...(unchecked.length
              ? { toolExecutionNotifications: unchecked.map((u) => ({ level: 'error', message: { text: u.message }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(u.file, root) } }] })) }
              : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * A rule's description and help from its page (docs/rules/CODE.md, installed with the package), as code-scanning
 * tools show them beside a result: what the page's "检查内容" section says first, and the page itself.
 */
function ruleHelp(rulesDir: string, code: string): { fullDescription?: { text: string }; help?: { text: string; markdown: string } } {
  let page: string;
  try {
    page = readFileSync(path.join(rulesDir, `${code}.md`), 'utf8');
  } catch {
    return {};
  }
  const firstParagraph = /^##[^\n]*\n+((?:[^\n#][^\n]*\n?)+)/m.exec(page)?.[1]?.trim();
  const text = plainMarkdown(page).trim();
  return { ...(firstParagraph ? { fullDescription: { text: plainMarkdown(firstParagraph) } } : {}), help: { text, markdown: page.trim() } };
}

/** Markdown as plain text: links as their words, no emphasis or code marks. */
function plainMarkdown(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|`/g, '');
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface ArtifactRef extends ArtifactLocation {
  index: number;
}

function result(d: ReportedDiagnostic, artifact: ArtifactRef, ruleIndex: number | undefined, root: string): object {
  const location = { id: 0, ...fileLocation(artifact, d.range, d.original) };
  const related = (d.related ?? []).map((r, i) => ({ id: i + 1, ...relatedLocation(r, artifact, root) }));
  return {
    ruleId: d.code,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [location],
    ...(related.length ? { relatedLocations: related } : {}),
    // Hints and information are both 'note' in SARIF: the checker's own severity is kept.
    properties: { 'gov-report/severity': d.severity },
  };
}

function relatedLocation(r: ReportedRelated, artifact: ArtifactRef, root: string): object {
  // Last year's report (a cross-year finding): another file, with its own place if it is an original.
  const at = r.file !== undefined ? artifactLocation(r.file, root) : artifact;
  return { ...fileLocation(at, r.range, r.original), message: { text: r.message } };
}

/** A place in the checked file: a text region, or for an original the file and where in it. */
function fileLocation(artifact: ArtifactRef | ArtifactLocation, range: { start: Position; end: Position }, original: OriginalLocation | undefined): object {
  if (!original) return { physicalLocation: { artifactLocation: artifact, region: region(range) } };
  return {
    physicalLocation: { artifactLocation: artifact },
    logicalLocations: [{ name: original.text, fullyQualifiedName: qualifiedName(original), kind: original.paragraph !== undefined && original.row === undefined ? 'text' : 'element' }],
    properties: { 'gov-report/original': original },
  };
}

/** page/table/row/column, as far as known: `page 4/table 3/row 4/column 5`. */
function qualifiedName(o: OriginalLocation): string {
  const parts: string[] = [];
  if (o.page !== undefined) parts.push(`page ${o.page}`);
  if (o.table !== undefined) parts.push(`table ${o.table}`, ...(o.row !== undefined ? [`row ${o.row}`] : []), ...(o.column !== undefined ? [`column ${o.column}`] : []));
  else if (o.paragraph !== undefined) parts.push(`paragraph ${o.paragraph}`);
  return parts.length ? parts.join('/') : o.text;
}

/** Zero-based LSP positions → SARIF's 1-based region; the end column is the one after the last character. */
function region(range: { start: Position; end: Position }): object {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A file under the root relative to %SRCROOT%, others by absolute file URL. */
function artifactLocation(file: string, root: string): ArtifactLocation {
  const absolute = path.resolve(file);
  const relative = path.relative(root, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** `sum.in-force` → `SumInForce`: SARIF's rule names are identifiers. */
function pascalName(code: string): string {
  return code
    .split(/[.\-]/)
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : ''))
    .join('');
}
