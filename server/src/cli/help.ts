// --help, the short usage shown after a mistake, and --version.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from './config';

export const USAGE = `用法 (usage):
  gov-report check [--format text|json] [--lang zh|en] [--rule 代码=级别]… <文件或文件夹>…
  gov-report tables [--lang zh|en] <文件>
  gov-report --help | --version
`;

export const HELP = `gov-report — 检查政府信息公开工作年度报告（勾稽关系、章节结构、表格）
Checks Chinese government information disclosure annual reports.

${USAGE}
命令 (commands):
  check <路径>…        检查文件；文件夹递归查找 *.txt（跳过 node_modules 和 . 开头的文件夹，
                       以及开头不像年度报告的文件）；直接指定的文件不论扩展名都会检查。
                       Check files; folders are searched recursively for *.txt.
  tables <文件>        打印解析出的表二、表三、表四，便于核对解析结果。
                       Print the tables as the parser understood them.

选项 (options):
  --format text|json   输出格式，默认 text。(output format, default text)
                       text：每个问题一行 "路径:行:列  级别  说明  代码"，行号和列号从 1 开始，
                             最后一行为汇总。(line and column are 1-based)
                       json：[{ "file", "diagnostics": [{ "range", "severity", "code", "message" }] }]，
                             range 的 line/character 从 0 开始、按 UTF-16 计，与 LSP 相同。
                             (zero-based UTF-16 line/character, as in LSP)
  --lang zh|en         说明文字的语言，默认 zh（中文）；en 为英文，引用原文的标签、标题和数字仍为中文。
                       (language of the messages and the summary line, default zh; en writes them
                       in English, quoting the report's labels, headings and numbers as written)
  --rule 代码=级别     调整规则级别，可重复；级别为 off、hint、info、warning、error。
                       例如 --rule table.shape=error。(set a rule's severity; repeatable)
  -h, --help           显示本帮助。(show this help)
  --version            显示版本号。(show the version)

配置文件 (config file):
  ${CONFIG_FILE_NAME}，放在被检查文件所在的文件夹或任一上级文件夹，最近的一个生效；
  命令行的 --rule 优先于配置文件。(nearest one applies; --rule wins)
    { "rules": { "table.shape": "off" } }

退出码 (exit codes):
  0  没有错误 (no errors)
  1  报告了错误级别的问题 (an error was reported)
  2  有路径无法读取（或直接指定的文件是 PDF、Word 等非文本文件）、配置文件无效或命令用法有误；优先于 1
     (a path could not be read or a file named is a PDF, Word or other non-text file, a config file is invalid,
     or the usage is wrong; wins over 1)

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
