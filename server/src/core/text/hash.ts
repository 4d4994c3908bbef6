// FNV-1a over a text's UTF-16 code units: a small, fast, well-spread 32-bit
// hash where a digest of a string is enough (memo filters, result ids).

/** The FNV-1a hash of every code unit of `text`, as an unsigned 32-bit integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
