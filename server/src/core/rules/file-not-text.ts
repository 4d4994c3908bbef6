// file.not-text: a PDF, Word or other binary file read as text. Nothing of it
// can be checked as text, and saying "sections missing" about it would be
// false: one finding names what the file is, and no other rule runs.

import { messagesFor } from '../i18n';
import { finding, type Rule } from './types';

export const fileNotText: Rule = {
  code: 'file.not-text',
  name: '文件不是文本',
  defaultSeverity: 'error',
  // Set only when the text is parsed afresh (service.ts): no edit on the keystroke path changes it.
  inputs: [],
  check({ report, lang }) {
    if (!report.notText) return [];
    return [finding(fileNotText, { start: 0, end: 0 }, messagesFor(lang)['file.not-text'].message(report.notText))];
  },
};
