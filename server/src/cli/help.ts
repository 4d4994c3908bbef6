// --help, the short usage shown after a mistake, and --version.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from './config';

export const USAGE = `用法 (usage):
  gov-report check [--format text|json|sarif|html] [-o 文件] [--lang zh|en] [--rule 代码=级别]… [--no-cross-year]
                   [--jobs N] [--quiet] <文件或文件夹>…
  gov-report tables [--lang zh|en] <文件>
  gov-report render [--lang zh|en] <文件>
  gov-report --help | --version
`;

export const HELP = `gov-report — 检查政府信息公开工作年度报告（勾稽关系、章节结构、表格）
Checks Chinese government information disclosure annual reports.

${USAGE}
命令 (commands):
  check <路径>…        检查文件；文件夹递归查找 *.txt 以及网页（.html .htm）、Word（.docx .doc）
                       和 PDF 原件（跳过 node_modules 和 . 开头的文件夹，以及不像年度报告的文件）；
                       直接指定的文件不论扩展名都会检查。文件格式按内容识别（改名为 .txt 的 PDF 仍按 PDF 读取）。
                       Check files; folders are searched recursively for *.txt and for web pages,
                       Word files and PDFs (the format is told by content, not by name).
  tables <文件>        打印解析出的表二、表三、表四，便于核对解析结果。
                       Print the tables as the parser understood them.
  render <文件>        打印原件（网页、Word、PDF）读出的文本，即实际检查的文本（表格每行一行、
                       单元格以制表符分隔），可附在问题报告中；文本文件原样打印。
                       Print the text an original is read as (what is checked; tab-separated rows).

选项 (options):
  --format text|json|sarif|html
                       输出格式，默认 text。(output format, default text)
                       text：每个问题一行 "路径:行:列  级别  说明  代码"，行号和列号从 1 开始，
                             最后一行为汇总。(line and column are 1-based)
                             原件以原件中的位置代替行:列，例如
                             "报告.pdf:第 3 页，表三“（七）总计”行“总计”列  error  …  sum.column"。
                             (for an original, its page and cell instead of line:column)
                       json：[{ "file", "format", "diagnostics": [{ "range", "severity", "code", "message" }] }]，
                             range 的 line/character 从 0 开始、按 UTF-16 计，与 LSP 相同。
                             (zero-based UTF-16 line/character, as in LSP)
                             format 为 text、html、docx、doc 或 pdf；原件的每个问题另有
                             "original": { "format", "page", "table", "row", "column", "paragraph",
                             "template": { "table", "row", "column" }, "text" }（从 1 开始；range 指 render 的文本）。
                             (an original's diagnostics carry where they are in it; range is the rendition's)
                             问题涉及的其他位置在 "related": [{ "range", "message", "file"?, "original"? }]；
                             与上年报告比对的问题，其 file 为上年报告的路径。
                             (related places; a cross-year finding's is in last year's file, named by "file")
                       sarif：SARIF 2.1.0 日志，供代码扫描工具读取；文件路径相对于当前文件夹（%SRCROOT%），
                             行列从 1 开始、按 UTF-16 计；原件的问题标在原件文件上，页码和单元格写在
                             logicalLocations 和 properties 中。(a SARIF 2.1.0 log for code-scanning tools)
                       html：一个自带样式的审阅页面（可离线打开、可发给他人）：各报告的汇总表（可排序）、
                             最常见问题的图表、每份报告的问题及其在表格中的位置。通常与 -o 一起使用。
                             (a self-contained review page: the reports in a sortable table, a chart of
                             the most common defects, each report's findings shown in its tables)
  -o, --output 文件    把结果写入文件而不是标准输出。(write the result to a file instead of stdout)
  --jobs N             同时检查的线程数，默认为 CPU 核心数减一（至少为 1）；输出顺序与单线程相同。
                       (threads to check on, by default one less than the cores and at least
                       one; the output is the same)
  -q, --quiet          不显示进度行（标准错误为终端时，检查多个文件会显示已检查数量和剩余时间）。
                       (no progress line; shown on a terminal when checking several files)
  --lang zh|en         说明文字的语言，默认 zh（中文）；en 为英文，引用原文的标签、标题和数字仍为中文。
                       (language of the messages and the summary line, default zh; en writes them
                       in English, quoting the report's labels, headings and numbers as written)
  --rule 代码=级别     调整规则级别，可重复；级别为 off、hint、info、warning、error。
                       例如 --rule table.shape=error。(set a rule's severity; repeatable)
  --template-year 年份  报告未写明年度（标题和统计期限中都没有年份）时假定的报告年度，决定按哪一版模板检查，
                       与编辑器的 govReport.templateYear 相同。(the report year to assume when the report
                       does not state one, as the editor's govReport.templateYear)
  --no-cross-year      不与上年报告比对。默认在本次检查的文件中，按标题中的机关名称和年度找到同一机关
                       上一年度的报告，核对表三“上年结转”与上年“结转下年度继续办理”、表二“现行有效件数”
                       的延续。(don't check each report against the same agency's report of the year
                       before among the files checked, found by the agency and year in their titles)
  -h, --help           显示本帮助。(show this help)
  --version            显示版本号。(show the version)

配置文件 (config file):
  ${CONFIG_FILE_NAME}，放在被检查文件所在的文件夹或任一上级文件夹，最近的一个生效；
  命令行的 --rule 优先于配置文件。(nearest one applies; --rule wins)
    { "rules": { "table.shape": "off" } }

退出码 (exit codes):
  0  没有错误 (no errors)
  1  报告了错误级别的问题 (an error was reported)
  2  有路径无法读取（文件不存在、直接指定的二进制文件、无法读取的原件如扫描版或加密的 PDF）、
     配置文件无效或命令用法有误；优先于 1
     (a path could not be read: missing, a binary file named, an original that cannot be read such as a
     scanned or encrypted PDF; a config file is invalid, or the usage is wrong; wins over 1)

文件编码 (encodings): UTF-8（可带 BOM）、GB18030/GBK 自动识别。
`;

/** The version from package.json, found next to dist/ (or the source tree). */
export function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gov-report' && pkg.version) return pkg.version;
    } catch {
      // Not here: keep walking up.
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}
