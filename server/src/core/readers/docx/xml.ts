// A WordprocessingML part read as a stream of elements: saxes (strict,
// streaming, small, no DTD entity expansion, so no "billion laughs") with
// namespaces resolved, so a part written with another prefix than `w:` reads
// the same. Elements are named by local name and only WordprocessingML ones
// (transitional or strict) are reported as Word's; nesting is bounded.

import { SaxesParser, type SaxesTagNS } from 'saxes';

const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface XmlElement {
  /**
   * The local name when the element is WordprocessingML's; `mc:<local>` for
   * markup compatibility (mc:Fallback repeats mc:Choice); else '' (read through, never matched).
   */
  readonly name: string;
  /** A WordprocessingML attribute's value by local name (`w:val` → 'val'). */
  attr(local: string): string | undefined;
}

export interface XmlHandlers {
  open(element: XmlElement): void;
  close(name: string): void;
  text(text: string): void;
}

/** Thrown when a part nests deeper than the bound (the reader reports 'too-large'). */
export class TooDeep extends Error {}

export function readXml(bytes: Uint8Array, handlers: XmlHandlers, maxDepth: number): void {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++depth > maxDepth) throw new TooDeep(`XML nested deeper than ${maxDepth} elements`);
    handlers.open(element(tag));
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    depth--;
    handlers.close(nameOf(tag));
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  parser.write(decode(bytes)).close();
}

function element(tag: SaxesTagNS): XmlElement {
  return {
    name: nameOf(tag),
    attr(local) {
      for (const a of Object.values(tag.attributes)) if (a.local === local && (WORD_NAMESPACES.has(a.uri) || a.uri === '')) return a.value;
      return undefined;
    },
  };
}

function nameOf(tag: SaxesTagNS): string {
  if (WORD_NAMESPACES.has(tag.uri)) return tag.local;
  return tag.uri === MARKUP_COMPATIBILITY ? `mc:${tag.local}` : '';
}

/** XML parts are UTF-8 unless a byte order mark says UTF-16. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** A Word on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`). */
export function isOn(element: XmlElement): boolean {
  const v = element.attr('val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}
