// The Chinese catalog: every sentence the checker says about a report, by rule
// code and feature. These are the texts the checker has always written;
// en.ts must have the same keys (its type is this object's).

import type { IdentityKind } from '../identities';
import type { ShapeDetail, TableLayout } from '../model';
import type { NotTextKind } from '../text/not-text';
import type { OtherDocumentKind } from '../detect';
import { TABLE_NUMBERS } from '../template';
import type { CandidateFix, CellPlace, CellShown, FigureName, NumberingStyle, OriginalFormat, OriginalPlaceShown, OtherOfficeFormat, PartsVerdict, ReadProblemName, RunCounts, SectionRef, TableKey } from './types';

const TABLE: Record<TableKey, string> = TABLE_NUMBERS;
const STYLE_NAMES: Record<NumberingStyle, string> = { chinese: '一、', arabic: '1.', 'paren-chinese': '（一）', 'paren-arabic': '（1）', none: '无编号' };
const NOT_TEXT: Record<NotTextKind, string> = {
  pdf: '这是 PDF 文件',
  zip: '这是 Word（.docx）或其他压缩格式的文件',
  ole: '这是 Word（.doc）、WPS 或其他 Office 二进制格式的文件',
  rtf: '这是 RTF 格式的文件（Word、写字板等导出）',
  binary: '这是二进制文件',
};
const OTHER_DOCUMENT: Record<OtherDocumentKind, string> = {
  interpretation: '年度报告的解读或图解',
  correction: '年度报告的更正说明',
  guide: '政府信息公开指南',
  plan: '工作要点或工作方案',
  summary: '工作总结',
  list: '年度报告的栏目列表页（列出多个年度的报告）',
};
const FORMAT_NAMES: Record<OriginalFormat, string> = { html: '网页', docx: 'Word 文件（.docx）', doc: 'Word 文件（.doc）', pdf: 'PDF 文件', rtf: 'RTF 文件' };
const OTHER_OFFICE: Record<OtherOfficeFormat, string> = {
  odt: 'OpenDocument 文本（.odt）',
  ods: 'OpenDocument 电子表格（.ods）',
  odp: 'OpenDocument 演示文稿（.odp）',
  xlsx: 'Excel 工作簿（.xlsx）',
  pptx: 'PowerPoint 演示文稿（.pptx）',
  xls: 'Excel 工作簿（.xls）',
  ppt: 'PowerPoint 演示文稿（.ppt）',
};
const READ_PROBLEMS: Record<ReadProblemName, string> = {
  scanned: '没有文字层（扫描件），无法读取文字；请使用带文字的 PDF 或原 Word 文件',
  undecodable: '文字层的字符与页面显示的不符（字体缺少 Unicode 对应，读出的是乱码），无法检查；请使用原 Word 文件，或在装有报告所用字体的电脑上重新导出 PDF',
  encrypted: '已加密，需要密码才能打开',
  broken: '文件已损坏或格式不正确',
  'too-large': '超出可读取的大小上限',
  unsupported: '暂不支持这种格式；请在 Word 或 WPS 中另存为 .docx',
  empty: '读取后没有任何文字',
  pictures: '报告正文是图片（扫描件或截图），没有可读的文字，无法检查；请使用带文字的原件（Word 文件或文字版网页）',
  'text-boxes': '文字几乎都在文本框中（常见于由 PDF 转换成的 Word 文件），没有可按段落和表格读取的正文，无法检查；请检查原 PDF 文件，或使用原来的 Word 文件',
};
const ARTIFACT_NAMES = { bookmark: 'Word 书签残留', 'web-chrome': '网页控件文字（字号、打印、语音播报等）', 'page-number': '页码' } as const;

/** “A”、“B”与“C”. */
function joinZh(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join('、')}与${items[items.length - 1]}`;
}

function figureName(n: FigureName): string {
  switch (n.kind) {
    case 'total': return `${TABLE[n.table]}“${n.label}”总计`;
    case 'row': return `表三“${n.label}”`;
    case 'sum': return `${TABLE[n.table]}${joinZh(n.labels.map((l) => `“${l}”`))}${n.column ? `“${n.column}”之和` : '总计之和'}`;
    case 'cell': return `表二“${n.row}”“${n.column}”`;
    case 'applicants': return `表三“${n.row}”“${n.column}”${n.columns ? '各列之和' : ''}`;
    case 'group': return `表三“${n.label}”各项总计之和`;
    case 'suits': return '表四“行政诉讼”（未经复议直接起诉与复议后起诉）总计之和';
    case 'stated': return '所述总数';
  }
}

function shapeMessage(table: TableKey, d: ShapeDetail): string {
  switch (d.what) {
    case 'values': {
      const row = table === 't2' ? `表二“${d.row}”` : `“${d.row}”`;
      const counts = `有 ${d.found} 个数，模板为 ${d.expected} 个`;
      if (d.fit === 'extra') return `${row}${counts}：多出的数已忽略，无法确定各数所属的列。`;
      if (d.fit === 'scattered') return `${row}的数字分在几行，先后与各列不符（PDF 文本中单元格上下对齐不一），无法确定各数所属的列。`;
      if (d.fit === 'inferred') return `${row}${counts}（导出时丢失了单元格）。末个数等于其余之和，已推断首个数为第一列、末个数为总计${d.zeros ? '，丢失的单元格为 0' : ''}；基于推断的合计不报错误。`;
      return `${row}${counts}，无法确定各数所属的列。`;
    }
    case 'no-values': return `${TABLE[table]}“${d.row}”一行没有填写数字。`;
    case 'unknown-row': return d.text ? `${TABLE[table]}中有一行无法对应到模板：“${d.text}”` : `${TABLE[table]}中有一行数字没有标签，无法对应到模板：“${d.figures ?? ''}”`;
    case 'missing-row': return d.block !== undefined ? `${TABLE[table]}“${d.block}”缺少“${d.row}”一行。` : `${TABLE[table]}缺少“${d.row}”一行。`;
    case 'missing-block': return `${TABLE[table]}缺少“${d.block}”表格块。`;
    case 'no-figures': return `${TABLE[table]}还没有填写数字：表中没有任何数字。`;
    case 'unreadable':
      if (table === 't2') return '无法读取表二：没有找到“第二十条第（N）项”的表格块。';
      if (table === 't3') return '无法读取表三：没有找到任何与模板对应的数据行。';
      return '无法读取表四：没有找到数字。';
    case 'run-together': {
      const where = table === 't4' ? '表四' : table === 't2' ? `表二“${d.row}”` : `“${d.row}”`;
      const reading = d.reading ? `；唯一的拆分“${d.reading}”不满足合计，可能有空单元格被丢掉，请核对` : '';
      return `${where}的数字连在一起（“${d.digits}”），无法分清各单元格${reading}。`;
    }
    case 'figures-apart': return `${TABLE[table]}的数字与行名分开排列（PDF 文本按列或按块提取），无法确定各数所属的行和列，不做合计检查。`;
    case 'order-unknown': return '表四的 15 个数与表头文字交错排列（PDF 文本按块导出），无法确定各数所属的列，不做合计检查。';
    case 'columns-order': return d.parted ? `${TABLE[table]}表头中各列的顺序与模板不同，无法确定各数所属的列，不做合计检查；请按模板的列序填写。` : `${TABLE[table]}表头中各列的顺序与模板不同，或在文本中被打乱（PDF 等转换常把合并的表头单元格放在别处），无法确定各数所属的列，不做合计检查。`;
    case 'values-count': return `表四应有 ${d.expected} 个数（行政复议、未经复议直接起诉、复议后起诉各 5 个），实有 ${d.found} 个，无法确定各数所属的列。`;
  }
}

export const zh = {
  /** Rule names, as in docs/rules (and RULES[].name). */
  names: {
    'sum.row': '表三行合计（总计 = 各申请人类别之和）',
    'sum.column': '表三列合计（（七）总计 = 各办理结果之和）',
    'sum.balance': '表三收支平衡（一 + 二 = （七）总计 + 四）',
    'sum.review': '表四合计（总计 = 维持 + 纠正 + 其他 + 尚未审结）',
    'sum.in-force': '表二现行有效件数不少于制发减废止',
    'section.missing': '缺少章节',
    'section.order': '章节顺序错误',
    'section.duplicate': '章节重复',
    'section.numbering': '章节编号不规范',
    'section.title': '章节标题与模板不一致',
    'section.empty': '章节内容为空',
    'table.missing': '缺少表格',
    'table.shape': '表格结构与模板不符',
    'file.not-text': '文件不是文本',
    'file.not-report': '文件不是年度报告',
    'report.before-template': '2019 年以前格式的报告',
    'table.label': '表格标签与模板不一致',
    'table.legacy': '使用了 2019 版表格格式',
    'cell.blank': '应填数字的单元格为空',
    'cell.invalid': '单元格不是合法的数',
    'cell.unit': '收费金额单位错误',
    'cell.precision': '小数位数与表头不符',
    'text.artifact': '导出残留',
    'year.mismatch': '年份不一致',
    'preface.sections': '前言所列部分与正文不符',
    'prose.sum': '正文总数与分项之和不符',
    'prose.table': '正文数字与表格不符',
    'prose.percent': '正文百分比与数量不符',
    'cross-year.carried': '表三上年结转与上年报告的结转下年度不一致',
    'cross-year.in-force': '表二现行有效件数与上年报告不衔接',
    'cross-year.ambiguous': '同一机关同一年度有多份报告，未做跨年度核对',
  },

  rules: {
    internalError: (code: string, error: string) => `规则 ${code} 内部错误，已跳过：${error}`,
  },

  // ---------------------------------------------------------------- the 勾稽关系 (sum.*)

  sums: {
    /** A cell's value in a sum: a blank or placeholder shows the value the identities determine for it. */
    value: (cell: CellShown, value: number) => (cell.kind === 'blank' ? `（空，应为 ${value}）` : cell.kind === 'placeholder' ? `“${cell.text}”（应为 ${value}）` : String(value)),
    related: (role: string, label: string, value: string) => `${role}：${label} = ${value}`,
    fix: (text: string, value: number | string) => `将“${text || '（空）'}”改为 ${value}（使相关勾稽关系成立）`,
    /** One cell explains every broken sum of its group: the finding is at that cell, its figures first, then the sums it restores. */
    atCell: (text: string, value: number, restored: readonly string[]) => `${text || '（空）'} 应为 ${value}：改为 ${value} 后${restored.join('、')}${restored.length > 1 ? '均' : ''}成立`,
    /** The tables alone could not tell which cell is wrong; the prose (`phrase`: 予以公开 71 件) decided. */
    witnessed: (text: string, value: number, restored: readonly string[], phrase: string) =>
      `${text || '（空）'} 应为 ${value}：正文称${/^\d/.test(phrase) ? ` ${phrase}` : phrase}；改为 ${value} 后${restored.join('、')}成立`,
    /** A related location: the prose figure that decided. */
    witness: (phrase: string) => `正文所述：${phrase}`,
    /** A sum named in a message: "“（一）予以公开”一行的总计". */
    identityName: (kind: IdentityKind, subject: string) => {
      switch (kind) {
        case 't3.row': return `“${subject}”一行的总计`;
        case 't3.column': return `“${subject}”列的（七）总计`;
        case 't3.balance': return `“${subject}”列的收支平衡（一 + 二 = （七）+ 四）`;
        case 't4.group': return `表四“${subject}”的总计`;
      }
    },
    /** A related location: a total whose sum the cell breaks. */
    brokenTotal: (explanation: string) => `因此不成立：${explanation}`,
    /** A related location: another broken sum of the same group, which no single cell mends. */
    alsoBroken: (explanation: string) => `同时不成立：${explanation}`,
    /** A related location: a cell whose change alone would also make the sum hold. */
    suspect: (value: number) => `改为 ${value} 也能使本式成立`,
    /** A broken sum whose total agrees with the other sums (changing it would break one): the mistake is among the parts. */
    partsOff: (name: string, sum: number, actual: string) => `各项之和 ${sum}，总计 ${actual}：${name}不成立；总计与其他勾稽关系相符（改动它会使别的勾稽关系不成立），应核对各项`,
    partsOffTold: (name: string, sum: number, actual: string, phrase: string) => `各项之和 ${sum}，总计 ${actual}：${name}不成立；正文所述“${phrase}”与总计相符，应核对各项`,
    /** A sum broken whatever its blanks hold: the figures written on the side with blanks already pass the other side. `side`: the balance's side, else undefined (the parts against their total). */
    overWhateverBlanks: (name: string, written: number, other: number, side?: string) =>
      side === undefined
        ? `已填各项之和 ${written}，已超过总计 ${other}：${name}不成立，空白单元格填任何数都不能使其成立，应核对各项`
        : `${side}已填之数合计 ${written}，已超过另一边的 ${other}：${name}不成立，空白单元格填任何数都不能使其成立，应核对各数`,
    /** A quick fix that is one of several (the repair is not unique): never preferred, never in fix-all. */
    candidate: (subject: string, label: string, text: string, value: number | string, count: number) =>
      `候选修复：将“${subject}”的“${label}”由 ${text || '（空）'} 改为 ${value}（共 ${count} 种修法，请核对台账）`,
  },
  'sum.row': {
    /** Figures first: `actual` is the 总计 as written (a blank shows the value the other identities determine); the parts are in the hover. */
    message: (row: string, expected: number, actual: string) => `实为 ${actual}，应为 ${expected}：“${row}”一行的总计应等于各类申请人之和`,
    role: '本行',
  },
  'sum.column': {
    message: (column: string, expected: number, actual: string) => `实为 ${actual}，应为 ${expected}：“${column}”列的（七）总计应等于各办理结果之和`,
    role: '本列',
  },
  'sum.balance': {
    /** Figures first: the carry-forward as written and as the balance makes it; a negative one is no advice, then the applications handled are what is off. */
    message: (b: { column: string; received: string; carried: string; left: number; handled: string; forward: string; right: number; carryForward: number }) =>
      b.carryForward >= 0
        ? `实为 ${b.forward}，应为 ${b.carryForward}：“${b.column}”列结转下年度 = 一 ${b.received} + 二 ${b.carried} − （七）总计 ${b.handled}`
        : `一 + 二 = ${b.left}，（七）+ 四 = ${b.right}：“${b.column}”列办理结果多于收到的申请（（七）总计 ${b.handled}）`,
    related: (label: string, value: string) => `${label}：${value}`,
  },
  'sum.review': {
    message: (group: string, expected: number, actual: string) => `实为 ${actual}，应为 ${expected}：表四“${group}”的总计应等于维持、纠正、其他结果与尚未审结之和`,
  },
  'sum.in-force': {
    message: (row: string, inForce: number, issued: number, repealed: number) => `实为 ${inForce}，应不少于 ${issued - repealed}：“${row}”现行有效件数不少于本年制发 ${issued} − 本年废止 ${repealed}`,
    issued: (n: number) => `本年制发件数：${n}`,
    repealed: (n: number) => `本年废止件数：${n}`,
    published2019: (row: string, total: number, published: number) => `实为 ${total}，应不少于 ${published}：“${row}”对外公开总数量含本年新公开数量`,
    publishedThisYear: (n: number) => `本年新公开数量：${n}`,
  },
  repair: {
    noSingleCell: '没有哪一个单元格的修改能同时使这些勾稽关系成立：可能不止一处有误，请逐一核对。',
    severalCells: (cells: readonly CandidateFix[]) =>
      `有 ${cells.length} 个单元格（${cells.map((c) => `“${c.text || '空'}”→${c.value}`).join('、')}）改动后都能使勾稽关系成立，无法确定哪一个有误，请核对原始台账。`,
  },

  // ---------------------------------------------------------------- sections

  'section.missing': {
    /** `sections`: "一、总体情况", … */
    none: (sections: readonly string[]) => `未找到年度报告的六个部分（${sections.join('、')}）。`,
    /** No part heading and no table: the text may be another page (a notice, a list of reports) or an empty draft. */
    noBody: (sections: readonly string[]) => `未找到年度报告的正文：没有六个部分（${sections.join('、')}）的标题，也没有表二、表三、表四。如果这不是年度报告（如通知、栏目列表页），可忽略此提示。`,
    message: (section: SectionRef, title: string, next: string, before: boolean) => `缺少第${section.numeral}部分“${section.numeral}、${title}”（${before ? `应位于“${next}”之前` : `应位于“${next}”之后`}）。`,
    insertHeading: (section: SectionRef, title: string) => `插入第${section.numeral}部分标题“${section.numeral}、${title}”`,
    insertSection: (section: SectionRef, title: string, withTable: boolean) => `插入第${section.numeral}部分“${section.numeral}、${title}”${withTable ? '（含全零表格）' : ''}`,
  },
  'section.order': {
    message: (section: SectionRef, title: string, after: SectionRef) => `第${section.numeral}部分“${title}”出现在第${after.numeral}部分之后；应按模板顺序排列。`,
  },
  'section.duplicate': {
    message: (section: SectionRef, title: string) => `第${section.numeral}部分“${title}”重复出现。`,
    first: '首次出现',
  },
  'section.numbering': {
    fix: (wanted: string) => `将编号改为“${wanted}”`,
    written: (text: string, wanted: string) => `编号“${text}”的写法不规范，应为“${wanted}”。`,
    missing: (title: string, wanted: string) => `标题“${title}”缺少编号，应为“${wanted}${title}”。`,
    arabic: (wanted: string, text: string) => `一级标题应使用中文数字编号“${wanted}”，而非“${text}”。`,
    ordinal: (title: string, section: SectionRef, wanted: string, text: string) => `“${title}”是第${section.numeral}部分，编号应为“${wanted}”，实为“${text}”。`,
    mixed: (styles: readonly NumberingStyle[], text: string, wanted: string) => `同一层级的小标题编号样式混用（${styles.map((s) => STYLE_NAMES[s]).join('、')}）：“${text}”应统一为“${wanted}”。`,
    unify: (wanted: string) => `统一为“${wanted}”`,
  },
  'section.title': {
    message: (title: string, template: string) => `标题“${title}”与模板不一致，模板为“${template}”。`,
    fix: (template: string) => `改为模板标题“${template}”`,
  },
  'section.empty': {
    message: (title: string, what: 'nothing' | 'none' | 'placeholder') => `“${title}”${what === 'nothing' ? '没有内容' : what === 'none' ? '只有“无”' : '尚未填写（只有占位内容）'}。`,
    /** A placeholder paragraph in a section that has other content. */
    placeholderLeft: (title: string, placeholder: string) => `“${title}”中还有待填写的内容：${placeholder}`,
  },
  'preface.sections': {
    /** `notInText`, `notListed`: "一、总体情况", …; `count`: the number as the preface writes it and the headings present. */
    message: (p: { notInText: readonly string[]; notListed: readonly string[]; count?: { written: string; stated: number; present: number } }) => {
      const names = (list: readonly string[]) => list.map((s) => `“${s}”`).join('、');
      const problems: string[] = [];
      if (p.notInText.length) problems.push(`正文中没有${names(p.notInText)}`);
      if (p.notListed.length) problems.push(`前言未列出${names(p.notListed)}`);
      if (p.count) problems.push(`前言称${p.count.written}个部分，正文有 ${p.count.present} 个`);
      return `前言所列的部分与正文标题不一致：${problems.join('；')}。`;
    },
  },
  'year.mismatch': {
    titleYear: (year: number) => `标题年份：${year}`,
    period: (year: string, titleYear: number) => `统计期限中的年份 ${year} 与标题年份 ${titleYear} 不一致。`,
    opening: (year: string, titleYear: number) => `“总体情况”报告的是 ${year} 年，而标题是 ${titleYear} 年度报告。`,
  },

  // ---------------------------------------------------------------- tables and cells

  'table.missing': {
    /** `table`: 表二; `subject`: 主动公开政府信息情况. */
    message: (heading: string, table: string, subject: string) => `“${heading}”中没有找到${table}（${subject}）。`,
    /** The section holds `pictures` pictures and no table. */
    picture: (heading: string, table: string, subject: string, pictures: number) =>
      `“${heading}”中没有可读的${table}（${subject}），只有 ${pictures} 张图片：表格可能以图片形式插入，其中的数字无法核对。`,
  },
  'file.not-text': {
    message: (kind: NotTextKind) => `${NOT_TEXT[kind]}，不是文本，无法作为年度报告检查；请先另存为文本（.txt）再检查。`,
  },
  'report.before-template': {
    message: (year: number) => `这是 ${year} 年的报告：2018 年及以前的年度报告按 2008 年《条例》的格式编写，现行模板（国办公开办函〔2019〕60号、〔2021〕30号）从 2019 年的报告起适用，不按模板检查。`,
  },
  'file.not-report': {
    message: (kind: OtherDocumentKind) => `标题表明这是${OTHER_DOCUMENT[kind]}，不是政府信息公开工作年度报告本身，不作为年度报告检查。如果它就是年度报告，请检查开头的标题。`,
  },
  'table.shape': {
    message: shapeMessage,
    /** Several problems in one table: one finding, the rest as related locations. */
    summary: (table: TableKey, count: number, first: string) => `${TABLE[table]}共 ${count} 处与模板不符（其余见相关位置）。第一处：${first}`,
    more: (count: number) => `另有 ${count} 处，见悬停或命令行 gov-report tables。`,
  },
  'table.label': {
    message: (found: string, label: string) => `标签“${found}”与模板不一致，应为“${label}”。`,
    fix: (replacement: string) => `改为“${replacement}”`,
  },
  'table.legacy': {
    t3: '表三“（六）其他处理”使用了 2019 版格式（一行）；2021 年起的报告应分为 3 行：1.申请人无正当理由逾期不补正…、2.申请人逾期未按收费通知要求缴纳费用…、3.其他。',
    t2: '表二使用了 2019 版格式（如“本年新制作数量”“上一年项目数量”或第（九）项）；2021 年起应按国办公开办函〔2021〕30号格式填报。',
  },
  cells: {
    where: (p: CellPlace) => (p.table === 't4' ? '表四' : `${TABLE[p.table]}“${p.label}”`),
  },
  'cell.blank': {
    message: (where: string, column: string, cell: CellShown) => `${where}的“${column}”${cell.kind === 'blank' ? '为空' : `填写为“${cell.text}”`}，模板要求填写数字（没有则填 0）。`,
    fillZero: '填写 0',
    fill: (value: number) => `填写 ${value}（由勾稽关系确定）`,
    /** A blank the identities determine: `column` is the cell's column, `basis` what determined it. */
    determined: (where: string, column: string, cell: CellShown, value: number, basis: string) =>
      `${where}的“${column}”${cell.kind === 'blank' ? '为空' : `填写为“${cell.text}”`}；按${basis}应为 ${value}。`,
    basis: (kind: IdentityKind, subject: string, total: boolean) => {
      switch (kind) {
        case 't3.row': return total ? '本行各项之和' : '本行总计减其他各项';
        case 't3.column': return total ? `“${subject}”列各办理结果之和` : `“${subject}”列（七）总计减其他各行`;
        case 't3.balance': return `“${subject}”列收支平衡（一 + 二 = （七）总计 + 四）`;
        case 't4.group': return total ? `“${subject}”各项之和` : `“${subject}”总计减其他各项`;
      }
    },
    /** Many blanks in one table: one finding; `more` = how many are not listed as related locations. */
    many: (table: TableKey, count: number, more: number) =>
      `${TABLE[table]}中有 ${count} 个应填数字的单元格为空或只填了占位符，模板要求填写数字（没有则填 0）${more > 0 ? `；相关位置列出前 ${count - more} 个，另有 ${more} 个` : ''}。`,
    /** A related location of `many`: where the blank is, and its determined value if any. */
    manyPart: (where: string, column: string, value: number | undefined) => `${where}的“${column}”${value === undefined ? '为空' : `为空，按勾稽关系应为 ${value}`}`,
    fillAll: (count: number) => `全部填写（${count} 个单元格：由勾稽关系确定的填确定值，其余填 0）`,
  },
  'cell.invalid': {
    negative: (where: string, text: string, money: boolean) => `${where}中的“${text}”是负数，${money ? '金额' : '件数'}不能为负。`,
    notNumber: (where: string, text: string) => `${where}中的“${text}”不是一个数字：单元格只应填写数字，说明文字请写在正文中。`,
    /** 〇, ○, 零 or the letter O for zero. */
    zeroCharacter: (where: string, text: string) => `${where}中的“${text}”不是数字 0：单元格应填写阿拉伯数字，没有则填 0。`,
    /** Several in one table; `more` = how many are not listed as related locations. */
    zeroCharacters: (table: TableKey, count: number, text: string, more: number) =>
      `${TABLE[table]}中有 ${count} 个单元格把 0 写成了“${text}”等字符：单元格应填写阿拉伯数字${more > 0 ? `；相关位置列出前 ${count - more} 个，另有 ${more} 个` : ''}。`,
    zeroPart: (where: string, column: string, text: string) => `${where}的“${column}”：“${text}”`,
    writeZero: (count: number) => (count === 1 ? '改为 0' : `全部改为 0（${count} 个单元格）`),
    decimals: (where: string, text: string) => `${where}中的“${text}”带有小数，件数应为整数。`,
    /** A figure written with its unit or a note mark, or a count with zero decimals (5件, 7.5万元, 39*, 5.00): `plain` is the number alone. */
    plainOne: (where: string, text: string, plain: string) => `${where}中的“${text}”应写作 ${plain}：单元格只填写数字，不带单位或注释符号，件数不带小数。`,
    plainMany: (table: TableKey, count: number, text: string, plain: string, more: number) =>
      `${TABLE[table]}中有 ${count} 个单元格的数字写法不规范（如“${text}”应写作 ${plain}）：单元格只填写数字，不带单位或注释符号，件数不带小数${more > 0 ? `；相关位置列出前 ${count - more} 个，另有 ${more} 个` : ''}。`,
    plainPart: (where: string, column: string, text: string, plain: string) => `${where}的“${column}”：“${text}”应写作 ${plain}`,
    writePlain: (count: number, plain: string) => (count === 1 ? `改为 ${plain}` : `全部改为只写数字（${count} 个单元格）`),
  },
  'cell.unit': {
    /** `wan`: the amount in 万元, when the text holds a number. */
    message: (text: string, wan: string | undefined) => `收费金额单位应为万元，“${text}”以元为单位${wan !== undefined ? `（折合 ${wan} 万元）` : ''}。`,
  },
  'cell.precision': {
    message: (stated: number, text: string, decimals: number) => `表头要求保留${stated}位小数，“${text}”有 ${decimals} 位。`,
    fix: (fixed: string) => `改为 ${fixed}`,
  },
  'text.artifact': {
    message: (kind: keyof typeof ARTIFACT_NAMES, text: string) => (kind === 'page-number' ? `页码“${text}”夹在正文或表格中间，是从 PDF 导出的残留。` : `“${text}”是${ARTIFACT_NAMES[kind]}，不属于报告内容。`),
    fix: (kind: keyof typeof ARTIFACT_NAMES) => `删除${ARTIFACT_NAMES[kind]}`,
  },

  // ---------------------------------------------------------------- prose

  figures: {
    name: figureName,
    /** The figure with its value: 表三“一、…”总计为 95. */
    describe: (n: FigureName, value: number) => `${figureName(n)}为 ${value}`,
    /** A related location: 表三“一、…”总计：95. */
    part: (n: FigureName, value: number | string) => `${figureName(n)}：${value}`,
  },
  'prose.sum': {
    /** Figures first (issue 18): the total as stated, then what the parts make. */
    message: (v: PartsVerdict) => (v.kind === 'exact' ? `所述 ${v.total}，各项之和 ${v.sum}：其中各项（${v.list}）与所述总数不符` : `所述 ${v.total}，各项之和至少 ${v.least}：其中所列各项（${v.list}）超过所述总数`),
    part: (count: string) => `分项：${count}`,
  },
  'prose.table': {
    /** `phrase`: the claim as the prose words it (受理政府信息公开申请 17 件). */
    /** Figures first (issue 18): `stated`, the prose's number, then the table's. */
    message: (phrase: string, figure: FigureName, value: number, stated: number) => `正文 ${stated}，表格 ${value}：正文称${/^\d/.test(phrase) ? ` ${phrase}` : phrase}，${figureName(figure)}为 ${value}`,
    /** The figure is a blank cell the 勾稽关系 give a value: said as empty, with that value. */
    blank: (phrase: string, figure: FigureName, value: number, stated: number) => `正文 ${stated}，表格为空（按勾稽关系应为 ${value}）：正文称${/^\d/.test(phrase) ? ` ${phrase}` : phrase}，${figureName(figure)}为空，按表中勾稽关系应为 ${value}`,
    /** A wording with several plausible readings (收到 = 一, or 一 + 二), none of which the table bears out. */
    noReading: (phrase: string, readings: readonly { figure: FigureName; value: number }[], stated: number) =>
      `正文 ${stated}，表格 ${readings.map((r) => r.value).join(' 或 ')}：正文称${/^\d/.test(phrase) ? ` ${phrase}` : phrase}，与表格不符（可能的对应：${readings.map((r) => `${figureName(r.figure)}为 ${r.value}`).join('；')}）`,
  },
  'prose.percent': {
    /** Figures first (issue 18): the share as written, then as computed. */
    message: (count: string, share: string, base: FigureName, baseValue: number, expected: string) => `实为 ${share}%，应为 ${expected}%：正文称 ${count}占 ${share}%，按${figureName(base)} ${baseValue} 计算`,
    count: (count: string) => `数量：${count}`,
  },

  // ---------------------------------------------------------------- hovers

  hover: {
    /** The first line over a table cell: its place and what is written. */
    cell: (title: string, cell: CellShown) => `**${title}**：${cell.kind === 'number' ? cell.text : cell.kind === 'missing' ? '（导出时丢失）' : `“${cell.text || '空'}”`}`,
    inferred: '此行的列是推断出来的（导出时丢失了单元格），不据此判断勾稽关系。',
    tableHeader: '| 勾稽关系 | 计算 | |',
    notComputed: '（含无法确定的单元格或未能确定的空白单元格，不计算）',
    /** Over a blank cell: the value the identities determine, or that it is an unknown. */
    blank: (value: number | undefined) => (value === undefined ? '空白单元格不按 0 计算：勾稽关系不能确定它的值，含它的勾稽关系不作检查。' : `空白单元格：按勾稽关系应为 **${value}**。`),
    identity: (kind: IdentityKind, subject: string) => {
      switch (kind) {
        case 't3.row': return `本行总计（${subject}）`;
        case 't3.column': return `本列（七）总计（${subject}）`;
        case 't3.balance': return `一 + 二 = （七）+ 四（${subject}）`;
        case 't4.group': return `本组总计（${subject}）`;
      }
    },
    /** A long sum shown by its non-zero terms. */
    othersZero: (terms: string) => `${terms || '0'}（其余为 0）`,
    noFix: (reason: string) => `无法自动修正：${reason}`,
    thisCell: (value: number) => `**此数应为 ${value}**（改为 ${value} 后，相关勾稽关系全部成立；可使用快速修复）。`,
    otherCell: (text: string, value: number) => `此处的不一致源于另一个单元格：将“${text || '空'}”改为 ${value} 可使相关勾稽关系全部成立。`,
    rowTotal: (formula: string, holds: boolean) => `本行总计：${formula} ${holds ? '✓' : '✗'}`,
    heading: (section: SectionRef, title: string) => `**第${section.numeral}部分 · 模板标题：${section.numeral}、${title}**`,
    /** `template`: what template.ts says the section contains (in Chinese). */
    contains: (_id: number, template: string) => `应包含：${template}`,
    aliases: (aliases: readonly string[]) => `常见的其他写法：${aliases.join('；')}`,
  },
  proseHover: {
    total: (count: string) => `**所述总数：${count}**`,
    parts: (parts: string, sum: number, holds: boolean) => `其中各项：${parts} = ${sum} ${holds ? '✓' : '✗'}`,
    rough: '（所列为部分项目或约数：只要求各项之和不超过总数）',
    unknown: (phrase: string) => `**正文：${phrase}**\n\n对应的表格数字无法确定（表格未读出或含推断的单元格）。`,
    claim: (phrase: string, holds: boolean, figure: FigureName, value: number) => `**正文：${phrase}** ${holds ? '✓' : '✗'}\n\n${figureName(figure)}为 ${value}`,
  },

  // ---------------------------------------------------------------- code actions, preview, CLI

  symbols: {
    /** An outline entry whose heading has no text. */
    untitled: '（无标题）',
    /** The note on 表三 when its （六） is the 2019 single row. */
    legacyOther: '（六）为 2019 版单行',
    /** A section whose sub-items the outline lists only in part (the limit govReport.outline.maxSubItems). */
    subItemsCut: (listed: number, total: number) => `大纲仅列出前 ${listed} 个小项（共 ${total} 个；上限见设置 govReport.outline.maxSubItems）`,
  },
  actions: {
    fixAllOfKind: (rule: string, edits: number) => `修复本文件中所有“${rule}”问题（${edits} 处）`,
    fixAll: '修复所有可自动修复的问题 (gov-report)',
    /** Writes `code: "off"` into the nearest .gov-report.json (made when there is none). */
    disableRule: (code: string) => `关闭此规则（写入 .gov-report.json）：${code}`,
    /** Opens docs/rules/CODE.md. */
    showRuleDocs: (code: string) => `查看规则说明：${code}`,
  },
  config: {
    /** A .gov-report.json that cannot be used: the editor checks without it (the CLI checks nothing it governs). */
    invalid: (file: string, reason: string) => `配置文件无效“${file}”：${reason}。编辑器暂不使用它，按设置和默认级别检查；命令行不会检查受它约束的文件。`,
  },
  diagnostics: {
    /** The note at the top of a file with more findings than the editor is sent: how many more, by rule code. */
    more: (hidden: number, byRule: readonly (readonly [string, number])[], max: number) =>
      `另有 ${hidden.toLocaleString('en-US')} 个问题未列出（编辑器中每个文件最多列出 ${max.toLocaleString('en-US')} 个，先错误、再警告、再信息）：${byRule.map(([code, n]) => `${code} ${n.toLocaleString('en-US')} 个`).join('，')}。命令行 gov-report check 会列出全部。`,
  },
  preview: {
    /** What 表三 （七）总计 is compared with when the rows cannot be added. */
    leafRows: '（一）至（六）各项',
  },
  tablesText: {
    notFound: '（未找到）',
    layout: (table: TableKey, layout: TableLayout, legacy: boolean) => `版式: ${layout}${legacy ? (table === 't2' ? '（2019 版）' : '（（六）其他处理 为 2019 版单行）') : ''}`,
    decimals: (n: number) => `（保留${n}位小数）`,
    problems: '## 读取问题',
    inferred: '推断',
    unaligned: '未对齐',
    blank: '(空)',
  },
  'cross-year.carried': {
    message: (column: string, value: number, previous: number, file: string) =>
      `实为 ${value}，上年报告为 ${previous}：表三“二、上年结转政府信息公开申请数量”“${column}”列应等于上年报告（${file}）的“四、结转下年度继续办理”（统计口径调整时可能不同，请核实）`,
    previous: (previous: number, year: number) => `${year} 年报告“四、结转下年度继续办理”：${previous}`,
    hover: (previous: number | string, year: number, file: string) => `上年（${year} 年，${file}）结转下年度继续办理：${previous}`,
  },
  'cross-year.in-force': {
    message: (row: string, value: number, expected: number, previous: number, issued: number, repealed: number, file: string) =>
      `实为 ${value}，按上年报告应为 ${expected}：表二“${row}”现行有效件数 = 上年（${file}）现行有效 ${previous} + 本年制发 ${issued} − 本年废止 ${repealed}（集中清理文件时可能不符，请核实并在报告中说明）`,
    message2019: (row: string, value: number, expected: number, previous: number, published: number, file: string) =>
      `实为 ${value}，按上年报告应为 ${expected}：表二“${row}”对外公开总数量 = 上年（${file}）${previous} + 本年新公开 ${published}（集中清理文件时可能不符，请核实）`,
    previous: (previous: number, year: number) => `${year} 年报告的现行有效件数：${previous}`,
    previous2019: (previous: number, year: number) => `${year} 年报告的对外公开总数量：${previous}`,
    hover: (previous: number | string, year: number, file: string) => `上年（${year} 年，${file}）：${previous}`,
  },
  'cross-year.ambiguous': {
    message: (year: number, files: readonly string[]) => `找到同一机关 ${year} 年度的 ${files.length} 份报告（${files.join('、')}），无法确定哪一份是正式报告，未做跨年度核对。`,
  },
  readers: {
    format: (f: OriginalFormat) => FORMAT_NAMES[f],
    problem: (file: string, f: OriginalFormat, problem: ReadProblemName, detail?: string, actually?: OtherOfficeFormat) =>
      actually
        ? `无法读取“${file}”：这是 ${OTHER_OFFICE[actually]}，不是 Word 文件${actually === 'odt' ? '；请在 WPS、LibreOffice 或 Word 中另存为 .docx 后再检查' : '，不能作为年度报告读取'}`
        : `无法读取“${file}”：这是${FORMAT_NAMES[f]}，${READ_PROBLEMS[problem]}${detail ? `（${detail}）` : ''}`,
    /** Bytes handed over as an original that are none of the formats read. */
    notOriginal: (file: string) => `“${file}”不是网页、Word 文件或 PDF 文件，无法作为原件读取`,
    /** The hover line over a rendition of an original. */
    inOriginal: (place: string) => `原文位置：${place}`,
    place: (p: OriginalPlaceShown) => {
      const parts: string[] = [];
      if (p.page !== undefined) parts.push(`第 ${p.page} 页`);
      if (p.table) {
        const cell = [p.row !== undefined ? `“${p.row}”行` : '', p.column !== undefined ? `“${p.column}”列` : ''].join('');
        parts.push(`${TABLE[p.table]}${cell}`);
      } else if (p.originalTable !== undefined) {
        parts.push(`第 ${p.originalTable} 个表格${p.gridRow !== undefined ? `第 ${p.gridRow} 行` : ''}${p.gridColumn !== undefined ? `第 ${p.gridColumn} 列` : ''}`);
      } else if (p.paragraph !== undefined) parts.push(`第 ${p.paragraph} 段`);
      return parts.join('，');
    },
  },
  cli: {
    summary: (c: RunCounts) => {
      const parts = [`${c.files} 个文件`, `${c.errors} 个错误`, `${c.warnings} 个警告`];
      if (c.information) parts.push(`${c.information} 条信息`);
      if (c.hints) parts.push(`${c.hints} 条提示`);
      if (c.skipped) parts.push(`跳过 ${c.skipped} 个不像年报的文件`);
      if (c.notChecked) parts.push(`${c.notChecked} 个路径未能检查`);
      return parts.join('，');
    },
  },
};

export type Messages = typeof zh;
export type RuleCode = keyof Messages['names'];
