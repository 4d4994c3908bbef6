// Whether the opening of a plain-text document reads as an annual report.
// Imports nothing, so the client can bundle it without the rest of the core.

export const DETECTION_WINDOW = 2000;

const SECTION_TITLES: readonly (readonly string[])[] = [
  ['总体情况', '總體情況'],
  ['主动公开政府信息情况', '主動公開政府信息情況'],
  ['收到和处理政府信息公开申请情况', '收到和處理政府信息公開申請情況'],
];

export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, DETECTION_WINDOW).replace(/\s+/g, '');
  // In simplified characters, or in traditional ones (a portal's 繁體 page: the core reads it in simplified ones).
  const titled = /政府信息公[开開](?:工作)?年度[报報]告|政府信息公[开開]年[报報]/.test(head);
  const sections = SECTION_TITLES.filter((t) => t.some((form) => head.includes(form))).length;
  return titled || sections >= 2;
}
