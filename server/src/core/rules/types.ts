// What a rule is and what it reports. Rules see the Report model only (never a
// layout), and say where, what and why; severity can be changed per code.

import type { Lang } from '../i18n';
import type { Paragraph, Range, Report } from '../model';
import type { SectionId } from '../template';
import type { TextView } from '../text/edit-ranges';
import type { Position } from '../text/lines';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'info' | 'off';
export type RuleSeverities = Readonly<Record<string, SeveritySetting>>;

export interface Related {
  /** Offsets in the finding's document, or in the other document `elsewhere` names. */
  range: Range;
  message: string;
  /** A place in another document (last year's report, cross-year/): its URI and the range there in lines. */
  elsewhere?: { uri: string; start: Position; end: Position };
}

/** The most related locations a finding lists: each is a row under it in Problems and in the hover (issue 18). */
export const MAX_RELATED = 5;

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  related?: Related[];
  /** The edit that repairs it, where the repair is unambiguous. */
  fix?: Fix;
  /**
   * Where several repairs would each do: one fix per candidate, the one the
   * message names first. Offered as quick fixes that are never preferred and
   * never applied by a fix-all (ESLint's suggestions).
   */
  suggestions?: Fix[];
}

export interface RuleContext {
  report: Report;
  /** The whole text, read where needed (an edited document does not join it for the rules). */
  text: TextView;
  /** The `govReport.templateYear` setting: the report year to assume when the title does not say. */
  templateYear?: number | undefined;
  /** The language of messages, related-location messages and fix titles. */
  lang: Lang;
  /** The codes of the rules that run (the others are off): a finding one of several rules could give goes to one that runs. */
  enabled?: ReadonlySet<string>;
}

/**
 * What a rule's findings read besides the report's structure (headings,
 * sections, sub-item numbering, title, preface, debris), which an edit that
 * keeps the structure never changes (parse/patch-report.ts).
 */
export type RuleInput = 'tables' | 'prose';

export interface Rule {
  code: string;
  /** Chinese name shown in docs and listings (the catalogs' `names` hold it in each language). */
  name: string;
  defaultSeverity: Severity;
  check(ctx: RuleContext): Finding[];
  /**
   * Declared inputs: after an edit that changed none of them, the previous
   * findings are moved with the text instead of the rule running again
   * (rules/engine.ts). Undefined: the rule runs on every change.
   */
  inputs?: readonly RuleInput[];
  /**
   * With 'prose': a changed paragraph can change the findings only if its old or new text passes this.
   * `previous`: the report before the edit, whose tables the edit left as they were (else the rule runs anyway).
   */
  proseMatters?(text: string, previous: Report): boolean;
  /**
   * A paragraph-local rule: the findings of one paragraph of prose (the rest
   * of the report read as it is). `check` must equal this over every paragraph.
   */
  checkParagraph?(paragraph: Paragraph, sectionId: SectionId | undefined, ctx: RuleContext): Finding[];
  /**
   * With checkParagraph and 'tables': whether a paragraph's findings read the
   * tables at all; when a table changes, only those paragraphs are re-checked.
   */
  readsTables?(paragraph: Paragraph, sectionId: SectionId | undefined, ctx: RuleContext): boolean;
}

export function finding(rule: Pick<Rule, 'code' | 'defaultSeverity'>, range: Range, message: string, extra: Partial<Finding> = {}): Finding {
  return { code: rule.code, severity: rule.defaultSeverity, range, message, ...extra };
}
