// prose.table: a count in the prose that restates a table figure disagrees
// with the table ("受理政府信息公开申请 17 件" while 表三 says 95). Reviewers read
// the prose first; a contradiction makes both the prose and the table suspect.

import { messagesFor, type Messages } from '../i18n';
import type { Paragraph, Report } from '../model';
import type { SectionId } from '../template';
import { paragraphRange, proseParagraphs } from '../text/prose-numbers';
import type { Claim } from './prose-claims';
import { tableClaims } from './prose-claims';
import type { Figure } from './prose-figures';
import { figureOf, figureRelated } from './prose-figures';
import { isBlank } from '../identities';
import type { Finding, Related, Rule } from './types';
import { finding, MAX_RELATED } from './types';

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
  const all = claimFigures(report, claim);
  // A reading whose figure is unknown might be the one meant: nothing is certain then.
  if (!all || all.some((f) => f.value === claim.value)) return [];
  // Readings that come to the same value (二 = 0) are one for the reader.
  const figures = all.filter((f, i) => all.findIndex((o) => o.value === f.value) === i);
  const range = paragraphRange(paragraph, claim.start, claim.end);
  const related = figures.flatMap((f) => figureRelated(f, m));
  const blank = figures.length === 1 && figures[0]!.parts.every((p) => isBlank(p.cell));
  const message = figures.length === 1
    ? (blank ? m['prose.table'].blank : m['prose.table'].message)(claim.phrase, figures[0]!.name, figures[0]!.value, claim.value)
    : m['prose.table'].noReading(claim.phrase, figures.map((f) => ({ figure: f.name, value: f.value })), claim.value);
  return [finding(proseTable, range, message, { related: uniqueRanges(related).slice(0, MAX_RELATED) })];
}

/** The figure of each reading of a claim, or undefined when any of them cannot be read. */
export function claimFigures(report: Report, claim: Claim): Figure[] | undefined {
  const trialForm = report.tables.t2?.blocks.find((b) => b.id === 'item1')?.legacy ?? false;
  const readings = trialForm && claim.trialReadings ? claim.trialReadings : claim.readings;
  if (readings.length === 0) return undefined;
  const figures = readings.map((reading) => figureOf(report, reading));
  return figures.every((f): f is Figure => f !== undefined) ? figures : undefined;
}

/** Readings share cells (一 alone, and 一 + 二): each cell is pointed at once. */
function uniqueRanges(related: Related[]): Related[] {
  return related.filter((r, i) => related.findIndex((o) => o.range.start === r.range.start && o.range.end === r.range.end) === i);
}
