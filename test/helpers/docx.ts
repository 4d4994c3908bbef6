// Word files for the reader tests, made as Word makes them: the real blank
// template's parts with cells typed into (its document.xml edited and zipped
// again), or a small document written with the XML Word writes.

import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose body is `bodyXml` (w: elements), with numbering and styles parts when given. */
export function docx(bodyXml: string, parts: { numbering?: string; styles?: string } = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${parts.styles}</w:styles>`);
  // The parts are related to the document and typed, as Word writes them: other readers (LibreOffice) find them only so.
  const related = (['numbering', 'styles'] as const).filter((part) => parts[part]);
  if (related.length) {
    files['word/_rels/document.xml.rels'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        related.map((part, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${part}" Target="${part}.xml"/>`).join('') +
        '</Relationships>',
    );
    files['[Content_Types].xml'] = strToU8(
      CONTENT_TYPES.replace('</Types>', related.map((part) => `<Override PartName="/word/${part}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${part}+xml"/>`).join('') + '</Types>'),
    );
  }
  return zipSync(files);
}

/** A paragraph of runs. */
export const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/**
 * A Word file's document.xml with the figures typed into table cells:
 * `figures[table][row]` are the texts of the row's last cells (0-based
 * table and row as the XML holds them, merged cells counted once).
 */
export function typeIntoTables(zip: Uint8Array, figures: Readonly<Record<number, Readonly<Record<number, readonly string[]>>>>): Uint8Array {
  const files = unzipSync(zip);
  let tableIndex = -1;
  const xml = new TextDecoder().decode(files['word/document.xml']).replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    const rows = figures[++tableIndex];
    if (!rows) return tbl;
    let rowIndex = -1;
    return tbl.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (tr) => {
      const values = rows[++rowIndex];
      if (!values) return tr;
      const cells = tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      const first = cells.length - values.length;
      if (first < 0) throw new Error(`table ${tableIndex} row ${rowIndex} has ${cells.length} cells, not ${values.length}`);
      let k = -1;
      // Typing into a cell: a run at the end of its (last) paragraph.
      return tr.replace(/<w:tc>[\s\S]*?<\/w:tc>/g, (tc) => {
        const value = ++k >= first ? values[k - first] : undefined;
        if (value === undefined) return tc;
        const at = tc.lastIndexOf('</w:p>');
        return `${tc.slice(0, at)}<w:r><w:t>${value}</w:t></w:r>${tc.slice(at)}`;
      });
    });
  });
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}
