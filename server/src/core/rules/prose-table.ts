// prose.table: a count in the prose that restates a table figure disagrees
// with the table ("受理政府信息公开申请 17 件" while 表三 says 95). Reviewers read
// the prose first; a contradiction makes both the prose and the table suspect.

import type { Paragraph, Report } from '../model';
import { paragraphRange, proseParagraphs } from '../text/prose-numbers';
import type { Claim } from './prose-claims';
import { tableClaims } from './prose-claims';
import { figureOf } from './prose-figures';
import type { Finding, Rule } from './types';
import { finding } from './types';

export const proseTable: Rule = {
  code: 'prose.table',
  name: '正文数字与表格不符',
  defaultSeverity: 'warning',
  check({ report }) {
    const out: Finding[] = [];
    const year = report.title?.year;
    for (const { paragraph, sectionId } of proseParagraphs(report)) {
      const claims = tableClaims(paragraph.text, sectionId, year);
      for (const claim of claims) out.push(...compare(report, paragraph, claim));
    }
    return out;
  },
};

function compare(report: Report, paragraph: Paragraph, claim: Claim): Finding[] {
  const figure = figureOf(report, claim.figure);
  if (!figure || figure.value === claim.value) return [];
  const range = paragraphRange(paragraph, claim.start, claim.end);
  const said = /^\d/.test(claim.phrase) ? ` ${claim.phrase}` : claim.phrase; // 正文称 3 件顺延…
  return [finding(proseTable, range, `正文称${said}，${figure.describe}`, { related: figure.related })];
}
