// A picture where the report's text would be: a table pasted as a picture (portals and Word files often carry
// 表三 so), a scanned page, a seal. The readers of originals write IMAGE_TEXT for a picture that stands alone in
// its paragraph; converters write their own marks (Markdown's ![](…), a left <img> tag, a text browser's [IMG],
// lynx's [t3.png]).

/** What a reader writes for a picture alone in its paragraph. */
export const IMAGE_TEXT = '［图片］';

// One or more pictures and nothing else (pandoc writes a picture's attributes after it, {width="600"}); a long
// data: URI inside ![](…) is read once, left to right.
const IMAGE_ONLY = /^(?:[ \t\u3000]*(?:［图片］|\[图片\]|\[图像\]|!\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?|<img\b[^>\n]*>|\[(?:IMG|image|INLINE)\]|\[[^\]\s/]+\.(?:png|jpe?g|gif|bmp|webp)\]))+[ \t\u3000]*$/i;

/** Whether a paragraph is only pictures (as the readers and the usual converters write them). */
export function isImageParagraph(text: string): boolean {
  const first = text.trimStart().charCodeAt(0);
  // ［ [ ! <: every mark starts with one of them; most paragraphs start with none.
  if (first !== 0xff3b && first !== 0x5b && first !== 0x21 && first !== 0x3c) return false;
  return IMAGE_ONLY.test(text);
}

/** Whether a text may hold a picture's mark (the rule engine's cheap test of an edited paragraph). */
export function mayHoldImage(text: string): boolean {
  return text.includes('图片') || text.includes('图像') || text.includes('![') || /<img\b|\[(?:IMG|image|INLINE)\]|\.(?:png|jpe?g|gif|bmp|webp)\]/i.test(text);
}
