// prose.table: a count in the prose that restates a table figure disagrees
// with the table ("受理政府信息公开申请 17 件" while 表三 says 95). Reviewers read
// the prose first; a contradiction makes both the prose and the table suspect.

import { messagesFor, type Messages } from '../i18n';
import type { Paragraph, Report } from '../model';
import type { SectionId } from '../template';
import { paragraphRange, proseParagraphs } from '../text/prose-numbers';
import type { Claim } from './prose-claims';
import { tableClaims } from './prose-claims';
import { figureOf, figureRelated } from './prose-figures';
import type { Finding, Rule } from './types';
import { finding } from './types';

export const proseTable: Rule = {
  code: 'prose.table',
  name: '正文数字与表格不符',
  defaultSeverity: 'warning',
  // Paragraph-local, against the tables (engine.ts).
  inputs: ['tables', 'prose'],
  check({ report, lang }) {
    const m = messagesFor(lang);
    const out: Finding[] = [];
    for (const { paragraph, sectionId } of proseParagraphs(report)) out.push(...checkParagraph(report, paragraph, sectionId, m));
    return out;
  },
  checkParagraph: (paragraph, sectionId, { report, lang }) => checkParagraph(report, paragraph, sectionId, messagesFor(lang)),
  readsTables: (paragraph, sectionId, { report }) => tableClaims(paragraph.text, sectionId, report.title?.year).length > 0,
};

function checkParagraph(report: Report, paragraph: Paragraph, sectionId: SectionId | undefined, m: Messages): Finding[] {
  const out: Finding[] = [];
  for (const claim of tableClaims(paragraph.text, sectionId, report.title?.year)) out.push(...compare(report, paragraph, claim, m));
  return out;
}

function compare(report: Report, paragraph: Paragraph, claim: Claim, m: Messages): Finding[] {
  const figure = figureOf(report, claim.figure);
  if (!figure || figure.value === claim.value) return [];
  const range = paragraphRange(paragraph, claim.start, claim.end);
  return [finding(proseTable, range, m['prose.table'].message(claim.phrase, figure.name, figure.value), { related: figureRelated(figure, m) })];
}
