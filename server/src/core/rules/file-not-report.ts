// file.not-report: a document a reviewer's folder holds beside the reports, which its own title says is not
// the annual report (a 解读, a 更正说明, the 指南, a 工作要点 or 工作总结: detect.ts). It shares the report's title or
// part titles, so read as a report it got "parts missing" errors; one finding says what it is, and no other rule
// runs (rules/index.ts).

import { DETECTION_WINDOW, otherDocumentKind } from '../detect';
import { messagesFor } from '../i18n';
import { finding, type Rule } from './types';

export const fileNotReport: Rule = {
  code: 'file.not-report',
  name: '文件不是年度报告',
  defaultSeverity: 'information',
  // The title is a preface paragraph, and a list page's titles are too: an edit that changes what it says rebuilds
  // one (or is structural, and all rules run). Tables too: a table row in the opening tells a report from a list page.
  inputs: ['prose', 'tables'],
  check({ text, lang }) {
    const kind = otherDocumentKind(text.slice(0, DETECTION_WINDOW));
    return kind ? [finding(fileNotReport, { start: 0, end: 0 }, messagesFor(lang)['file.not-report'].message(kind))] : [];
  },
};
