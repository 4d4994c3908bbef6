// User-facing messages for things that go wrong outside the report itself.
// Chinese first, English after, so both readers and search engines find them.

import path from 'node:path';
import { type NotTextKind, describeReadProblem, type Lang, NotTextError } from '../core/service';
import { OriginalProblemError } from './read';

const REASONS: Record<string, [string, string]> = {
  ENOENT: ['文件或文件夹不存在', 'no such file or directory'],
  EACCES: ['没有读取权限', 'permission denied'],
  EPERM: ['没有读取权限', 'operation not permitted'],
  EISDIR: ['这是一个文件夹', 'is a directory'],
  ENOTDIR: ['路径中的某一段不是文件夹', 'not a directory'],
};

const NOT_TEXT: Record<NotTextKind, [string, string]> = {
  pdf: ['这是 PDF 文件，不是文本；请先另存为文本（.txt）', 'a PDF file, not text; save it as text first'],
  zip: ['这是 Word（.docx）或其他压缩格式的文件，不是文本；请先另存为文本（.txt）', 'a Word (.docx) or other zip-based file, not text; save it as text first'],
  ole: ['这是 Word（.doc）、WPS 或其他 Office 二进制文件，不是文本；请先另存为文本（.txt）', 'a Word (.doc), WPS or other binary Office file, not text; save it as text first'],
  rtf: ['这是 RTF 格式的文件，不是文本；请在 Word 或 WPS 中另存为 .docx 或文本（.txt）', 'an RTF file, not text; save it as .docx or as text first in Word or WPS'],
  binary: ['这是二进制文件，不是文本', 'a binary file, not text'],
};

/** `lang`: the language of a reader's problem (scanned PDF, broken Word file …), which the catalogs word. */
export function cannotRead(target: string, error: unknown, lang: Lang = 'zh'): string {
  if (error instanceof OriginalProblemError) return describeReadProblem(target, error.format, error.problem, { lang });
  if (error instanceof NotTextError) {
    const [zh, en] = NOT_TEXT[error.kind];
    return `无法检查“${target}”：${zh} (cannot check ${target}: ${en})`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const [zh, en] = (code && REASONS[code]) || ['读取失败', error instanceof Error ? error.message : String(error)];
  return `无法读取“${target}”：${zh} (cannot read ${target}: ${en})`;
}

export function cannotWrite(target: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const [zh, en] = (code && REASONS[code]) || ['写入失败', error instanceof Error ? error.message : String(error)];
  return `无法写入“${target}”：${zh} (cannot write ${target}: ${en})`;
}

export function invalidConfig(file: string, reason: string): string {
  return `配置文件无效“${displayPath(file)}”：${reason}；受其约束的文件未检查 (invalid config file ${displayPath(file)}; the files it governs were not checked)`;
}

export function unknownRules(codes: readonly string[], source: string): string {
  return `警告：${source} 中有未知的规则代码 ${codes.join('、')}，已忽略 (warning: unknown rule code in ${source})`;
}

export function internalError(file: string, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `检查“${file}”时发生内部错误，请报告此问题 (internal error while checking ${file}):\n${detail}`;
}

/** Config files are found by walking up; show them relative to where the user stands. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
