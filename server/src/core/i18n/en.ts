// The English catalog. Typed as the Chinese one, so a key missing here fails
// the build. What the messages quote from the document (labels, headings,
// numbers as written) stays Chinese, in “ ” like the Chinese messages: it
// names text the reader can find in the report.

import type { ShapeDetail } from '../model';
import { TABLE_NUMBERS } from '../template';
import type { FigureName, NumberingStyle, OriginalFormat, OriginalPlaceShown, OtherOfficeFormat, ReadProblemName, TableKey } from './types';
import type { Messages } from './zh';

const TABLE: Record<TableKey, string> = TABLE_NUMBERS;
const STYLE_NAMES: Record<NumberingStyle, string> = { chinese: '“一、”', arabic: '“1.”', 'paren-chinese': '“（一）”', 'paren-arabic': '“（1）”', none: 'none' };
const FORMAT_NAMES: Record<OriginalFormat, string> = { html: 'a web page', docx: 'a Word file (.docx)', doc: 'a Word file (.doc)', pdf: 'a PDF file', rtf: 'an RTF file' };
const OTHER_OFFICE: Record<OtherOfficeFormat, string> = {
  odt: 'an OpenDocument text (.odt)',
  ods: 'an OpenDocument spreadsheet (.ods)',
  odp: 'an OpenDocument presentation (.odp)',
  xlsx: 'an Excel workbook (.xlsx)',
  pptx: 'a PowerPoint presentation (.pptx)',
  xls: 'an Excel workbook (.xls)',
  ppt: 'a PowerPoint presentation (.ppt)',
};
const READ_PROBLEMS: Record<ReadProblemName, string> = {
  scanned: 'it has no text layer (scanned pages); use a PDF with text or the original Word file',
  undecodable: 'its text layer is not the characters the pages show (fonts without a Unicode map: it reads as gibberish), so it cannot be checked; use the original Word file, or export the PDF again on a computer that has the report’s fonts',
  encrypted: 'it is encrypted and needs a password',
  broken: 'it is damaged or not a valid file of its kind',
  'too-large': 'it is over the size that can be read',
  unsupported: 'this format cannot be read here; save it as .docx in Word or WPS',
  empty: 'it holds no text',
  'text-boxes': 'its text is almost all in text boxes (as in a PDF converted to Word), with no paragraphs or tables to read, so it cannot be checked; check the original PDF, or use the original Word file',
  pictures: 'the report is pictures (scanned pages or screenshots) with no text to read, so it cannot be checked; use an original with text (the Word file or a page with the text)',
};
const OTHER_DOCUMENT = {
  interpretation: 'an interpretation or a graphic summary of the annual report',
  correction: 'a correction notice of the annual report',
  guide: "the agency's government information disclosure guide",
  plan: 'a work plan',
  summary: 'a work summary',
  list: "a site's list of annual reports (several years' titles)",
} as const;
const NOT_TEXT = {
  pdf: 'This is a PDF file',
  zip: 'This is a Word (.docx) or other zip-based file',
  ole: 'This is a Word (.doc), WPS or other binary Office file',
  rtf: 'This is an RTF file (as Word, WordPad and office systems export)',
  binary: 'This is a binary file',
} as const;
const ARTIFACT_NAMES = { bookmark: 'a Word bookmark left over', 'web-chrome': 'web page control text (字号, 打印, 语音播报 …)', 'page-number': 'a page number' } as const;
const ARTIFACT_FIXES = { bookmark: 'Delete the Word bookmark', 'web-chrome': 'Delete the web page control text', 'page-number': 'Delete the page number' } as const;
const CONTAINS: Record<number, string> = {
  1: "An overview of the year's disclosure work, usually covering proactive disclosure, disclosure on request, information management, platforms and oversight.",
  2: '表二: the four blocks of 第二十条第（一）（五）（六）（八）项.',
  3: '表三: applications received and handled (7 columns; rows 一, 二, 三 (21 outcome rows and （七）总计) and 四).',
  4: '表四: administrative reconsideration and litigation (15 numbers).',
  5: "The main problems of the year's work, and what was done or is planned about them (or about last year's problems).",
  6: "Fees charged for handling information requests, and other matters to report (such as the handling of people's congress deputies' suggestions and CPPCC members' proposals).",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quote = (text: string) => `“${text}”`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A cell by its text, or as blank. */
const cellText = (text: string) => (text ? quote(text) : 'the blank cell');

/** “A”, “B” and “C”. */
function joinEn(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function figureName(n: FigureName): string {
  switch (n.kind) {
    case 'total': return `the 总计 of ${TABLE[n.table]} “${n.label}”`;
    case 'row': return `表三 “${n.label}”`;
    case 'sum': return `${n.column ? `the “${n.column}” of` : 'the 总计 of'} ${TABLE[n.table]} ${joinEn(n.labels.map(quote))} added`;
    case 'cell': return `表二 “${n.row}” “${n.column}”`;
    case 'applicants': return n.columns ? `the “${n.column}” columns of 表三 “${n.row}” added` : `the “${n.column}” of 表三 “${n.row}”`;
    case 'group': return `the 总计 of the rows of 表三 “${n.label}” added`;
    case 'suits': return 'the 总计 of 表四 “行政诉讼” (未经复议直接起诉 and 复议后起诉) added';
    case 'stated': return 'the stated total';
  }
}

function shapeMessage(table: TableKey, d: ShapeDetail): string {
  switch (d.what) {
    case 'values': {
      const row = table === 't2' ? `表二 row “${d.row}”` : `Row “${d.row}”`;
      const counts = `${row} has ${plural(d.found, 'number')} where the template has ${d.expected}`;
      if (d.fit === 'extra') return `${counts}: the extra numbers are ignored, and which column each number belongs to cannot be told.`;
      if (d.fit === 'scattered') return `${counts}, on several lines and not in their columns' order (cells aligned differently in the PDF's text): which column each number belongs to cannot be told.`;
      if (d.fit === 'inferred') {
        return `${counts} (cells were lost in export). The last number is the sum of the others, so the first is taken as the first column and the last as the total${d.zeros ? ', the lost cells as 0' : ''}; sums built on this guess are not reported as errors.`;
      }
      return `${counts}: which column each number belongs to cannot be told.`;
    }
    case 'no-values': return `${TABLE[table]} row “${d.row}” has no numbers.`;
    case 'unknown-row': return d.text ? `A row of ${TABLE[table]} matches no row of the template: “${d.text}”` : `A row of figures in ${TABLE[table]} has no label and matches no row of the template: “${d.figures ?? ''}”`;
    case 'missing-row': return d.block !== undefined ? `${TABLE[table]} “${d.block}” lacks the row “${d.row}”.` : `${TABLE[table]} lacks the row “${d.row}”.`;
    case 'missing-block': return `${TABLE[table]} lacks the block “${d.block}”.`;
    case 'no-figures': return `${TABLE[table]} has no figures yet: there is no number in the table.`;
    case 'unreadable':
      if (table === 't2') return 'Cannot read 表二: no block “第二十条第（N）项” found.';
      if (table === 't3') return 'Cannot read 表三: no row matches the template.';
      return 'Cannot read 表四: no numbers found.';
    case 'run-together': {
      const where = table === 't4' ? '表四' : table === 't2' ? `表二 row “${d.row}”` : `Row “${d.row}”`;
      const reading = d.reading ? `; the only split, “${d.reading}”, breaks the sum: a blank cell may have been lost, check it` : '';
      return `${where}: its numbers ran together (“${d.digits}”), so its cells cannot be told apart${reading}.`;
    }
    case 'figures-apart': return `${TABLE[table]}: its figures stand apart from the row names (PDF text extracted by columns or blocks), so which row and column each belongs to cannot be told; no sums are checked.`;
    case 'order-unknown': return '表四: its 15 numbers are interleaved with header words (PDF text extracted block by block), so which column each belongs to cannot be told; no sums are checked.';
    case 'columns-order': return d.parted ? `${TABLE[table]}: its header puts the columns in another order than the template's, so which column each number belongs to cannot be told; no sums are checked. Write the columns in the template's order.` : `${TABLE[table]}: its header has the columns in another order than the template's, or the text scrambled it (PDF conversions often put a merged header cell elsewhere), so which column each number belongs to cannot be told; no sums are checked.`;
    case 'values-count': return `表四 should have ${d.expected} numbers (5 each for 行政复议, 未经复议直接起诉 and 复议后起诉), but has ${d.found}: which column each number belongs to cannot be told.`;
  }
}

export const en: Messages = {
  names: {
    'sum.row': '表三 row totals (总计 = the applicant columns added)',
    'sum.column': '表三 column totals (（七）总计 = the outcomes added)',
    'sum.balance': '表三 balance (一 + 二 = （七）总计 + 四)',
    'sum.review': '表四 totals (总计 = upheld + corrected + other + pending)',
    'sum.in-force': '表二 documents in force at least issued minus repealed',
    'section.missing': 'Missing section',
    'section.order': 'Sections out of order',
    'section.duplicate': 'Duplicate section',
    'section.numbering': 'Non-standard section numbering',
    'section.title': 'Section title differs from the template',
    'section.empty': 'Empty section',
    'table.missing': 'Missing table',
    'table.shape': 'Table structure differs from the template',
    'file.not-text': 'File is not text',
    'file.not-report': 'File is not the annual report',
    'report.before-template': 'Report in the format before 2019',
    'table.label': 'Table label differs from the template',
    'table.legacy': 'Table in the 2019 layout',
    'cell.blank': 'Blank cell where a number belongs',
    'cell.invalid': 'Cell is not a valid number',
    'cell.unit': 'Fee in the wrong unit',
    'cell.precision': 'Decimal places differ from the header',
    'text.artifact': 'Export debris',
    'year.mismatch': 'Years disagree',
    'preface.sections': 'Preface lists other parts than the text has',
    'prose.sum': 'Stated total differs from its parts added',
    'prose.table': 'Figure in the text differs from the table',
    'prose.percent': 'Percentage does not match the count',
    'cross-year.carried': '表三 carried over ≠ last year’s report carried forward',
    'cross-year.in-force': '表二 documents in force do not follow from last year’s report',
    'cross-year.ambiguous': 'Several reports for one agency and year: not compared across years',
  },

  rules: {
    internalError: (code, error) => `Rule ${code} failed internally and was skipped: ${error}`,
  },

  sums: {
    value: (cell, value) => (cell.kind === 'blank' ? `${value} (blank, determined)` : cell.kind === 'placeholder' ? `${value} (“${cell.text}”, determined)` : String(value)),
    related: (role, label, value) => `${role}: ${label} = ${value}`,
    fix: (text, value) => `Change ${cellText(text)} to ${value} (makes the related sums hold)`,
    atCell: (text, value, restored) => `${text || '(blank)'} should be ${value}: with ${value}, ${joinEn(restored)} ${restored.length > 1 ? 'hold' : 'holds'}`,
    witnessed: (text, value, restored, phrase) => `${text || '(blank)'} should be ${value}: the text says “${phrase}”; with ${value}, ${joinEn(restored)} ${restored.length === 1 ? 'holds' : 'hold'}`,
    witness: (phrase) => `Stated in the text: “${phrase}”`,
    identityName: (kind, subject) => {
      switch (kind) {
        case 't3.row': return `总计 of row “${subject}”`;
        case 't3.column': return `（七）总计 of column “${subject}”`;
        case 't3.balance': return `the balance 一 + 二 = （七） + 四 of column “${subject}”`;
        case 't4.group': return `总计 of 表四 “${subject}”`;
      }
    },
    brokenTotal: (explanation) => `Broken by it: ${explanation}`,
    alsoBroken: (explanation) => `Also broken: ${explanation}`,
    suspect: (value) => `Changed to ${value}, this alone would also make the sum hold`,
    partsOff: (name, sum, actual) => `The parts add up to ${sum}, the total is ${actual}: ${name} does not hold; the total agrees with the other sums (changing it would break one), so check the parts`,
    partsOffTold: (name, sum, actual, phrase) => `The parts add up to ${sum}, the total is ${actual}: ${name} does not hold; the text says “${phrase}”, as the total does, so check the parts`,
    overWhateverBlanks: (name, written, other, side) =>
      side === undefined
        ? `The parts written add up to ${written}, more than the total ${other}: ${name} does not hold whatever the blank cells hold; check the parts`
        : `${side} as written add up to ${written}, more than the other side's ${other}: ${name} does not hold whatever the blank cells hold; check the figures`,
    candidate: (subject, label, text, value, count) => `Candidate fix: change “${label}” of “${subject}” from ${text || '(blank)'} to ${value} (one of ${count} ways; check the records)`,
  },
  'sum.row': {
    message: (row, expected, actual) => `Is ${actual}, should be ${expected}: 总计 of row “${row}” is the sum of its applicants`,
    role: 'This row',
  },
  'sum.column': {
    message: (column, expected, actual) => `Is ${actual}, should be ${expected}: （七）总计 of column “${column}” is the sum of the outcomes`,
    role: 'This column',
  },
  'sum.balance': {
    message: (b) =>
      b.carryForward >= 0
        ? `Is ${b.forward}, should be ${b.carryForward}: column “${b.column}” carries forward 一 ${b.received} + 二 ${b.carried} − （七）总计 ${b.handled}`
        : `一 + 二 = ${b.left}, （七） + 四 = ${b.right}: column “${b.column}” handled more applications than it received (（七）总计 ${b.handled})`,
    related: (label, value) => `${label}: ${value}`,
  },
  'sum.review': {
    message: (group, expected, actual) => `Is ${actual}, should be ${expected}: 总计 of 表四 “${group}” is the sum of its four results`,
  },
  'sum.in-force': {
    message: (row, inForce, issued, repealed) => `Is ${inForce}, should be at least ${issued - repealed}: “${row}” keeps in force (现行有效件数) the ${issued} issued − ${repealed} repealed this year`,
    issued: (n) => `Issued this year (本年制发件数): ${n}`,
    repealed: (n) => `Repealed this year (本年废止件数): ${n}`,
    published2019: (row, total, published) => `Is ${total}, should be at least ${published}: “${row}” 对外公开总数量 includes the 本年新公开数量`,
    publishedThisYear: (n) => `Published this year (本年新公开数量): ${n}`,
  },
  repair: {
    noSingleCell: 'No single cell can be changed so that all these sums hold: more than one number may be wrong; check them one by one.',
    severalCells: (cells) =>
      `Any of ${cells.length} cells (${cells.map((c) => `${c.text ? quote(c.text) : '(blank)'} → ${c.value}`).join(', ')}) could be changed to make the sums hold, so which one is wrong cannot be told; check the original records.`,
  },

  'section.missing': {
    none: (sections) => `None of the six parts of an annual report found (${sections.join(', ')}).`,
    noBody: (sections) => `No annual report body found: no heading of the six parts (${sections.join(', ')}) and no 表二, 表三 or 表四. If this is not an annual report (a notice, a list of reports), ignore this.`,
    message: (section, title, next, before) => `Section ${section.id}, “${section.numeral}、${title}”, is missing (it belongs ${before ? 'before' : 'after'} “${next}”).`,
    insertHeading: (section, title) => `Insert the heading “${section.numeral}、${title}”`,
    insertSection: (section, title, withTable) => `Insert section ${section.id}, “${section.numeral}、${title}”${withTable ? ', with a zero-filled table' : ''}`,
  },
  'section.order': {
    message: (section, title, after) => `Section ${section.id}, “${title}”, comes after section ${after.id}: sections follow the template's order.`,
  },
  'section.duplicate': {
    message: (section, title) => `Section ${section.id}, “${title}”, appears more than once.`,
    first: 'First occurrence',
  },
  'section.numbering': {
    fix: (wanted) => `Change the numbering to “${wanted}”`,
    written: (text, wanted) => `The numbering “${text}” is not written the standard way: it should be “${wanted}”.`,
    missing: (title, wanted) => `The heading “${title}” has no numbering: it should be “${wanted}${title}”.`,
    arabic: (wanted, text) => `Top-level headings are numbered with Chinese numerals: “${wanted}”, not “${text}”.`,
    ordinal: (title, section, wanted, text) => `“${title}” is section ${section.id}: its numbering should be “${wanted}”, not “${text}”.`,
    mixed: (styles, text, wanted) => `Sub-headings of one level mix numbering styles (${styles.map((s) => STYLE_NAMES[s]).join(', ')}): “${text}” should be “${wanted}” like the others.`,
    unify: (wanted) => `Change to “${wanted}”`,
  },
  'section.title': {
    message: (title, template) => `The title “${title}” differs from the template's “${template}”.`,
    fix: (template) => `Use the template's title “${template}”`,
  },
  'section.empty': {
    message: (title, what) => `“${title}” ${what === 'nothing' ? 'has no content' : what === 'none' ? 'only says “无”' : 'is not filled in yet (placeholders only)'}.`,
    placeholderLeft: (title, placeholder) => `“${title}” still has a part to fill in: “${placeholder}”`,
  },
  'preface.sections': {
    message: (p) => {
      const names = (list: readonly string[]) => list.map(quote).join(', ');
      const problems: string[] = [];
      if (p.notInText.length) problems.push(`not in the text: ${names(p.notInText)}`);
      if (p.notListed.length) problems.push(`not listed in the preface: ${names(p.notListed)}`);
      if (p.count) problems.push(`the preface says ${p.count.stated} parts, the text has ${p.count.present}`);
      return `The parts the preface lists differ from the section headings: ${problems.join('; ')}.`;
    },
  },
  'year.mismatch': {
    titleYear: (year) => `Year in the title: ${year}`,
    period: (year, titleYear) => `The year ${year} in the 统计期限 (reporting period) differs from the title's year ${titleYear}.`,
    opening: (year, titleYear) => `“总体情况” reports on ${year}, but the title is the ${titleYear} annual report.`,
  },

  'table.missing': {
    message: (heading, table, subject) => `No ${table} (${subject}) found in “${heading}”.`,
    picture: (heading, table, subject, pictures) =>
      `No readable ${table} (${subject}) in “${heading}”, only ${pictures} picture${pictures === 1 ? '' : 's'}: the table may be inserted as a picture, and its figures cannot be checked.`,
  },
  'file.not-text': {
    message: (kind) => `${NOT_TEXT[kind]}, not text: it cannot be checked as an annual report. Save it as text (.txt) first.`,
  },
  'report.before-template': {
    message: (year) => `This is the report on ${year}: reports on 2018 and earlier follow the format of the 2008 regulations, and the national template applies from the reports on 2019, so it is not checked against the template.`,
  },
  'file.not-report': {
    message: (kind) => `Its title says this is ${OTHER_DOCUMENT[kind]}, not the annual report itself: it is not checked as one. If it is the report, check the title at its start.`,
  },
  'table.shape': {
    message: shapeMessage,
    summary: (table, count, first) => `${TABLE[table]} differs from the template in ${count} places (the others are listed as related locations). First: ${first}`,
    more: (count) => `${plural(count, 'more place')}: see the hover or the CLI's gov-report tables.`,
  },
  'table.label': {
    message: (found, label) => `The label “${found}” differs from the template: it should be “${label}”.`,
    fix: (replacement) => `Change to “${replacement}”`,
  },
  'table.legacy': {
    t3: '表三 “（六）其他处理” is in the 2019 layout (one row); reports from 2021 on split it into 3 rows: “1.申请人无正当理由逾期不补正…”, “2.申请人逾期未按收费通知要求缴纳费用…” and “3.其他”.',
    t2: '表二 is in the 2019 layout (e.g. “本年新制作数量”, “上一年项目数量” or item （九）); from 2021 on it follows 国办公开办函〔2021〕30号.',
  },
  cells: {
    where: (p) => (p.table === 't4' ? '表四' : `${TABLE[p.table]} “${p.label}”`),
  },
  'cell.blank': {
    message: (where, column, cell) => `“${column}” of ${where} ${cell.kind === 'blank' ? 'is blank' : `reads “${cell.text}”`}: the template asks for a number (0 if there is none).`,
    fillZero: 'Fill in 0',
    fill: (value) => `Fill in ${value} (what the sums require)`,
    determined: (where, column, cell, value, basis) => `“${column}” of ${where} ${cell.kind === 'blank' ? 'is blank' : `reads “${cell.text}”`}; by ${basis} it should be ${value}.`,
    basis: (kind, subject, total) => {
      switch (kind) {
        case 't3.row': return total ? "the sum of the row's parts" : "the row's 总计 less its other parts";
        case 't3.column': return total ? `the sum of the outcome rows in column “${subject}”` : `（七）总计 less the other rows in column “${subject}”`;
        case 't3.balance': return `the balance of column “${subject}” (一 + 二 = （七）总计 + 四)`;
        case 't4.group': return total ? `the sum of the parts of “${subject}”` : `the 总计 of “${subject}” less its other parts`;
      }
    },
    many: (table, count, more) =>
      `${TABLE[table]} has ${count} cells that should hold a number but are blank or hold only a placeholder: the template asks for a number (0 if there is none)${more > 0 ? `; the related locations list the first ${count - more}, ${more} more are not listed` : ''}.`,
    manyPart: (where, column, value) => `“${column}” of ${where} ${value === undefined ? 'is blank' : `is blank; the sums require ${value}`}`,
    fillAll: (count) => `Fill in all ${count} cells (the value the sums require where they determine it, else 0)`,
  },
  'cell.invalid': {
    negative: (where, text, money) => `“${text}” in ${where} is negative: ${money ? 'an amount' : 'a count'} cannot be negative.`,
    notNumber: (where, text) => `“${text}” in ${where} is not a number: cells take numbers only; explanations belong in the text.`,
    zeroCharacter: (where, text) => `“${text}” in ${where} is not the digit 0: cells take Arabic numerals, 0 where there is nothing.`,
    zeroCharacters: (table, count, text, more) =>
      `${TABLE[table]} has ${count} cells with 0 written as “${text}” or a like character: cells take Arabic numerals${more > 0 ? `; the related locations list the first ${count - more}, ${more} more are not listed` : ''}.`,
    zeroPart: (where, column, text) => `“${column}” of ${where}: “${text}”`,
    writeZero: (count) => (count === 1 ? 'Write 0' : `Write 0 in all ${count} cells`),
    decimals: (where, text) => `“${text}” in ${where} has decimals: counts are whole numbers.`,
    plainOne: (where, text, plain) => `“${text}” in ${where} should be written ${plain}: cells take the figure alone, without a unit or a note mark, and counts without decimals.`,
    plainMany: (table, count, text, plain, more) =>
      `${TABLE[table]} has ${count} cells whose figures are not written plainly (“${text}” should be ${plain}): cells take the figure alone, without a unit or a note mark, and counts without decimals${more > 0 ? `; the related locations list the first ${count - more}, ${more} more are not listed` : ''}.`,
    plainPart: (where, column, text, plain) => `“${column}” of ${where}: “${text}” should be ${plain}`,
    writePlain: (count, plain) => (count === 1 ? `Write ${plain}` : `Write the figure alone in all ${count} cells`),
  },
  'cell.unit': {
    message: (text, wan) => `Fees are stated in 万元 (ten thousand yuan), but “${text}” is in 元${wan !== undefined ? ` (${wan} 万元)` : ''}.`,
  },
  'cell.precision': {
    message: (stated, text, decimals) => `The header asks for ${plural(stated, 'decimal place')}; “${text}” has ${decimals}.`,
    fix: (fixed) => `Change to ${fixed}`,
  },
  'text.artifact': {
    message: (kind, text) => (kind === 'page-number' ? `The page number “${text}” sits inside the text or a table, left over from a PDF export.` : `“${text}” is ${ARTIFACT_NAMES[kind]}, not part of the report.`),
    fix: (kind) => ARTIFACT_FIXES[kind],
  },

  figures: {
    name: figureName,
    describe: (n, value) => `${figureName(n)} is ${value}`,
    part: (n, value) => `${capital(figureName(n))}: ${value}`,
  },
  'prose.sum': {
    message: (v) => (v.kind === 'exact' ? `Stated ${v.total}, parts ${v.sum}: the parts listed after 其中 (${v.list}) do not add up to the stated total` : `Stated ${v.total}, parts at least ${v.least}: the parts listed after 其中 (${v.list}) exceed the stated total`),
    part: (count) => `Part: ${count}`,
  },
  'prose.table': {
    message: (phrase, figure, value, stated) => `Text ${stated}, table ${value}: the text says “${phrase}”, but ${figureName(figure)} is ${value}`,
    blank: (phrase, figure, value, stated) => `Text ${stated}, table blank (the sums make it ${value}): the text says “${phrase}”, but ${figureName(figure)} is blank and the table's sums make it ${value}`,
    noReading: (phrase, readings, stated) => `Text ${stated}, table ${readings.map((r) => r.value).join(' or ')}: the text says “${phrase}”, which matches none of the figures it may mean: ${readings.map((r) => `${figureName(r.figure)} is ${r.value}`).join('; ')}`,
  },
  'prose.percent': {
    message: (count, share, base, baseValue, expected) => `Is ${share}%, should be ${expected}%: the text gives ${count} as ${share}% of ${figureName(base)} (${baseValue})`,
    count: (count) => `Count: ${count}`,
  },

  hover: {
    cell: (title, cell) => `**${title}**: ${cell.kind === 'number' ? cell.text : cell.kind === 'missing' ? '(lost in export)' : cell.text ? quote(cell.text) : '(blank)'}`,
    inferred: "This row's columns were inferred (cells were lost in export): no sum is judged on them.",
    tableHeader: '| Sum | Computed | |',
    notComputed: '(has cells that cannot be read with certainty, or blanks the sums do not determine: not computed)',
    blank: (value) => (value === undefined ? 'A blank cell is not counted as 0: the sums do not determine its value, so the sums it takes part in are not checked.' : `Blank cell: the sums require **${value}**.`),
    identity: (kind, subject) => {
      switch (kind) {
        case 't3.row': return `Row total (${subject})`;
        case 't3.column': return `Column （七）总计 (${subject})`;
        case 't3.balance': return `一 + 二 = （七） + 四 (${subject})`;
        case 't4.group': return `Group total (${subject})`;
      }
    },
    othersZero: (terms) => `${terms || '0'} (the others 0)`,
    noFix: (reason) => `No automatic fix: ${reason}`,
    thisCell: (value) => `**This number should be ${value}** (with ${value}, all the related sums hold; a quick fix is available).`,
    otherCell: (text, value) => `The mismatch comes from another cell: changing ${cellText(text)} to ${value} makes all the related sums hold.`,
    rowTotal: (formula, holds) => `Row total: ${formula} ${holds ? '✓' : '✗'}`,
    heading: (section, title) => `**Section ${section.id} · template title “${section.numeral}、${title}”**`,
    contains: (id) => `Should contain: ${CONTAINS[id] ?? ''}`,
    aliases: (aliases) => `Other common wordings: ${aliases.map(quote).join(', ')}`,
  },
  proseHover: {
    total: (count) => `**Stated total: ${count}**`,
    parts: (parts, sum, holds) => `Parts listed after 其中: ${parts} = ${sum} ${holds ? '✓' : '✗'}`,
    rough: '(Only some parts are listed, or the numbers are approximate: the parts need only not exceed the total.)',
    unknown: (phrase) => `**Text: “${phrase}”**\n\nThe matching table figure cannot be told (the table was not read, or has inferred cells).`,
    claim: (phrase, holds, figure, value) => `**Text: “${phrase}”** ${holds ? '✓' : '✗'}\n\n${capital(figureName(figure))} is ${value}`,
  },

  symbols: {
    untitled: '(untitled)',
    legacyOther: '（六） as the 2019 single row',
    subItemsCut: (listed, total) => `${listed} of ${total} sub-items listed (limit: setting govReport.outline.maxSubItems)`,
  },
  actions: {
    fixAllOfKind: (rule, edits) => `Fix all “${rule}” problems in this file (${edits})`,
    fixAll: 'Fix all auto-fixable problems (gov-report)',
    disableRule: (code) => `Turn this rule off (in .gov-report.json): ${code}`,
    showRuleDocs: (code) => `Show the rule's documentation: ${code}`,
  },
  config: {
    invalid: (file, reason) => `Invalid config file “${file}”: ${reason}. The editor ignores it and checks with the settings and the default levels; the command line checks none of the files it governs.`,
  },
  diagnostics: {
    more: (hidden, byRule, max) =>
      `${hidden.toLocaleString('en-US')} more problems are not listed (the editor is sent at most ${max.toLocaleString('en-US')} a file: errors first, then warnings, then information): ${byRule.map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`).join(', ')}. The command line, gov-report check, lists them all.`,
  },
  preview: {
    leafRows: '（一） to （六）',
  },
  tablesText: {
    notFound: '(not found)',
    layout: (table, layout, legacy) => `Layout: ${layout}${legacy ? (table === 't2' ? ' (2019 layout)' : ' (（六）其他处理 as the 2019 single row)') : ''}`,
    decimals: (n) => ` (${plural(n, 'decimal place')})`,
    problems: '## Reading problems',
    inferred: 'inferred',
    unaligned: 'unaligned',
    blank: '(blank)',
  },
  'cross-year.carried': {
    message: (column, value, previous, file) =>
      `Is ${value}, last year’s report says ${previous}: 表三 “二、上年结转政府信息公开申请数量” column “${column}” should equal “四、结转下年度继续办理” in last year’s report (${file}) (a change of scope can explain it: please check)`,
    previous: (previous, year) => `${year} report, “四、结转下年度继续办理”: ${previous}`,
    hover: (previous, year, file) => `Last year (${year}, ${file}) carried forward: ${previous}`,
  },
  'cross-year.in-force': {
    message: (row, value, expected, previous, issued, repealed, file) =>
      `Is ${value}, last year’s report gives ${expected}: 表二 “${row}” in force = last year’s (${file}) ${previous} + issued ${issued} − repealed ${repealed} (a clean-up of old documents can break this: please check and explain it in the report)`,
    message2019: (row, value, expected, previous, published, file) =>
      `Is ${value}, last year’s report gives ${expected}: 表二 “${row}” 对外公开总数量 = last year’s (${file}) ${previous} + published this year ${published} (a clean-up can break this: please check)`,
    previous: (previous, year) => `${year} report, documents in force: ${previous}`,
    previous2019: (previous, year) => `${year} report, 对外公开总数量: ${previous}`,
    hover: (previous, year, file) => `Last year (${year}, ${file}): ${previous}`,
  },
  'cross-year.ambiguous': {
    message: (year, files) => `${files.length} reports for this agency and ${year} (${files.join(', ')}): it is not known which is the report, so it is not compared across years.`,
  },
  readers: {
    format: (f: OriginalFormat) => FORMAT_NAMES[f],
    problem: (file: string, f: OriginalFormat, problem: ReadProblemName, detail?: string, actually?: OtherOfficeFormat) =>
      actually
        ? `cannot read ${file}: it is ${OTHER_OFFICE[actually]}, not a Word file${actually === 'odt' ? '; save it as .docx in WPS, LibreOffice or Word, then check that' : ', and cannot be read as a report'}`
        : `cannot read ${file}: ${FORMAT_NAMES[f]}; ${READ_PROBLEMS[problem]}${detail ? ` (${detail})` : ''}`,
    notOriginal: (file: string) => `${file} is not a web page, Word file or PDF: it cannot be read as an original`,
    inOriginal: (place: string) => `In the original: ${place}`,
    place: (p: OriginalPlaceShown) => {
      const parts: string[] = [];
      if (p.page !== undefined) parts.push(`page ${p.page}`);
      if (p.table) {
        const cell = [p.row !== undefined ? `row “${p.row}”` : '', p.column !== undefined ? `column “${p.column}”` : ''].filter(Boolean).join(', ');
        parts.push(`${TABLE[p.table]}${cell ? ` ${cell}` : ''}`);
      } else if (p.originalTable !== undefined) {
        parts.push(`table ${p.originalTable}${p.gridRow !== undefined ? ` row ${p.gridRow}` : ''}${p.gridColumn !== undefined ? ` column ${p.gridColumn}` : ''}`);
      } else if (p.paragraph !== undefined) parts.push(`paragraph ${p.paragraph}`);
      return parts.join(', ');
    },
  },
  cli: {
    summary: (c) => {
      const parts = [plural(c.files, 'file'), plural(c.errors, 'error'), plural(c.warnings, 'warning')];
      if (c.information) parts.push(plural(c.information, 'info', 'infos'));
      if (c.hints) parts.push(plural(c.hints, 'hint'));
      if (c.skipped) parts.push(`${plural(c.skipped, 'file')} skipped (not like a report)`);
      if (c.notChecked) parts.push(`${plural(c.notChecked, 'path')} not checked`);
      return parts.join(', ');
    },
  },
};
