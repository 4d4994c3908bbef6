// PDFs written by hand, byte by byte, for what no tool makes on purpose: a
// page tree of 10,000 pages, a garbage cross-reference table, an encrypted
// file, a page that is only a picture. Each is a real PDF structure (objects,
// xref offsets, trailer) that pdf.js parses as it would a published file.

/** A PDF of the given objects (object i + 1 is objects[i]; object 1 is the catalog), with a correct xref. */
export function pdfOf(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** One A4 page per content stream, Helvetica as /F1. */
export function pagesPdf(contents: readonly string[], trailerExtra = ''): Uint8Array {
  const n = contents.length;
  const kids = contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  contents.forEach((content, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push(stream(content));
  });
  return pdfOf(objects, trailerExtra);
}

/** A page of text lines at (72, 770 − 20·i). */
export const textPage = (lines: readonly string[]) => lines.map((line, i) => `BT /F1 12 Tf 72 ${770 - 20 * i} Td (${line}) Tj ET`).join('\n');

/** A page that is only a (one-pixel, grey) picture: what a scanner makes. */
export const imagePage = () => 'q 500 0 0 700 40 70 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \u0080 EI Q';

/** A page tree with `count` empty pages (the pages exist; nothing but the tree is big). */
export function manyPagesPdf(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, i) => `${3 + i} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`];
  for (let i = 0; i < count; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return pdfOf(objects);
}

/** The standard security handler with an owner and a user password that is not empty: opening needs a password. */
export function encryptedPdf(): Uint8Array {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  return pagesPdf([textPage(['secret'])], `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(97)}> /P -4 >> /ID [<${hex32(5).slice(0, 32)}> <${hex32(5).slice(0, 32)}>] `);
}

/** A file whose xref table and trailer are garbage and whose objects are damaged too. */
export function garbagePdf(): Uint8Array {
  return new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\nxref\n0 3\nzzzzzzzzzz 65535 f \nqqqq\ntrailer\n<< /Root 7 0 R /Size -1 >>\nstartxref\n999999\n%%EOF\n', 'latin1'));
}

/**
 * Chinese text in a font the file does not embed (STSong-Light, the Adobe-GB1 collection) encoded
 * with the predefined CMap UniGB-UCS2-H: how many Chinese office tools write PDFs. A reader needs
 * Adobe's CMap files to turn its codes into text.
 */
export function cidFontPdf(text: string): Uint8Array {
  const hex = [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 16 Tf 72 760 Td <${hex}> Tj ET`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
