// Whether the opening of a plain-text document reads as an annual report.
// Imports nothing, so the client can bundle it without the rest of the core.

export const DETECTION_WINDOW = 2000;

export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, DETECTION_WINDOW).replace(/\s+/g, '');
  const titled = /政府信息公开(?:工作)?年度报告|政府信息公开年报/.test(head);
  const sections = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况'].filter((t) => head.includes(t)).length;
  return titled || sections >= 2;
}
