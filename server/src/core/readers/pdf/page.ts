// One page as text pieces and ruling lines. The pieces come from pdf.js's text
// content; the rules from its operator list: every painted path (v5 encodes a
// path as one constructPath op: the painting op, a flat array of drawing ops
// with their points, and its bounding box) in page space through the current
// transformation, kept when it is a thin horizontal or vertical stroke or bar,
// which is how Word, WPS and Chromium draw table borders.

import type { PdfJs } from './load';
import { ideographsForRadicals } from '../../text/radicals';
import type { Box, PageContent, Rule, TextPiece } from './types';
import { IMAGE_TEXT } from '../../text/images';
import { rulesFromCellFills, type FilledBox } from './fills';

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** A rule is at most this thick (a thick bar is a shading or a picture, not a border). */
const MAX_RULE_THICKNESS = 3;
/** …and at least this long (shorter: a dash, a bullet, a glyph drawn as a path). */
const MIN_RULE_LENGTH = 4;
/**
 * Rules kept per page: a report's tables draw a few hundred; beyond this a page is a drawing (a
 * chart, a map, a hostile file), and grouping its rules into tables (quadratic) is not tried.
 */
const MAX_RULES = 3000;

export async function readPage(pdfjs: PdfJs, page: PdfPage, pageNumber: number): Promise<PageContent> {
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    // Upright text only (rotated stamps and watermarks are not the report); size from the matrix's vertical axis.
    if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3 || a! <= 0 || d! <= 0) continue;
    pieces.push({ text: ideographsForRadicals(item.str), x: e! - x0, y: f! - y0, width: item.width, size: d! });
  }
  const { horizontal, vertical, pictures } = await readRules(pdfjs, page, x0, y0);
  // A picture no text is drawn over (a table pasted as a picture; not a scanned page under its OCR text, not a
  // seal over a signature) is a piece saying so, at its top left: a line of its own where nothing is beside it.
  for (const box of pictures) {
    if (pieces.some((p) => p.x < box.right && p.x + p.width > box.left && p.y < box.top && p.y + p.size > box.bottom)) continue;
    pieces.push({ text: IMAGE_TEXT, x: box.left, y: box.top - PICTURE_LINE, width: PICTURE_LINE * IMAGE_TEXT.length, size: PICTURE_LINE });
  }
  return { page: pageNumber, width: x1 - x0, height: y1 - y0, pieces, horizontal, vertical };
}

/** A picture's box on the page. */
type PictureBox = Box;

/** Pictures smaller than this (PDF units, 1/72 inch) are icons, bullets and rules drawn as images. */
const MIN_PICTURE_WIDTH = 72;
const MIN_PICTURE_HEIGHT = 36;
/** The height of the line a picture's piece stands for. */
const PICTURE_LINE = 12;
/** Pictures kept per page: beyond this the page is a mosaic (a hostile file), and none is told. */
const MAX_PICTURES = 100;

async function readRules(pdfjs: PdfJs, page: PdfPage, x0: number, y0: number): Promise<{ horizontal: Rule[]; vertical: Rule[]; pictures: PictureBox[] }> {
  const { OPS } = pdfjs;
  const picturing = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject]);
  const pictures: PictureBox[] = [];
  const painting = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const list = await page.getOperatorList();
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const fills: FilledBox[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const keep = (ax: number, ay: number, bx: number, by: number, filledRectangle: boolean) => {
    const [px, py] = apply(ctm, ax, ay);
    const [qx, qy] = apply(ctm, bx, by);
    const left = Math.min(px, qx) - x0;
    const right = Math.max(px, qx) - x0;
    const bottom = Math.min(py, qy) - y0;
    const top = Math.max(py, qy) - y0;
    const w = right - left;
    const h = top - bottom;
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) horizontal.push({ x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 });
    else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) vertical.push({ x1: (left + right) / 2, y1: bottom, x2: (left + right) / 2, y2: top });
    // A filled box may be a table's cell drawn without borders (fills.ts); only an upright one keeps its box.
    else if (filledRectangle && isUpright(ctm) && w > MAX_RULE_THICKNESS && h > MAX_RULE_THICKNESS) fills.push({ left, right, bottom, top });
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (picturing.has(fn!) && pictures.length <= MAX_PICTURES) {
      // An image fills the unit square of the current transformation.
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const xs = corners.map((c) => c[0] - x0);
      const ys = corners.map((c) => c[1] - y0);
      const box = { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
      if (box.right - box.left >= MIN_PICTURE_WIDTH && box.top - box.bottom >= MIN_PICTURE_HEIGHT) pictures.push(box);
    }
    else if (fn === OPS.constructPath && args && painting.has(args[0] as number)) {
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (data && typeof (data as ArrayLike<number>).length === 'number') forEachSubpathPart(data as ArrayLike<number>, keep, args[0] === OPS.stroke || args[0] === OPS.closeStroke);
    }
  }
  const kept = pictures.length > MAX_PICTURES ? [] : pictures;
  const drawnAsFills = rulesFromCellFills(fills);
  horizontal.push(...drawnAsFills.horizontal);
  vertical.push(...drawnAsFills.vertical);
  return horizontal.length + vertical.length > MAX_RULES ? { horizontal: [], vertical: [], pictures: kept } : { horizontal, vertical, pictures: kept };
}

/**
 * Calls `keep` with the box of every straight segment (a stroked path) or of
 * every subpath (a filled one: a bar drawn as a thin filled rectangle).
 * Subpaths with curves are skipped (glyph outlines, rounded shapes).
 */
function forEachSubpathPart(data: ArrayLike<number>, keep: (ax: number, ay: number, bx: number, by: number, filledRectangle: boolean) => void, stroked: boolean): void {
  // DrawOPS: moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4.
  let points: [number, number][] = [];
  let curved = false;
  const flush = () => {
    if (!curved && points.length > 1) {
      if (stroked) for (let k = 1; k < points.length; k++) keep(points[k - 1]![0], points[k - 1]![1], points[k]![0], points[k]![1], false);
      else {
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const [left, bottom, right, top] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        keep(left, bottom, right, top, isRectangle(points, left, bottom, right, top));
      }
    }
    points = [];
    curved = false;
  };
  let i = 0;
  while (i < data.length) {
    const op = data[i];
    if (op === 0) {
      flush();
      points.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === 1) {
      points.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === 2) {
      curved = true;
      i += 7;
    } else if (op === 3) {
      curved = true;
      i += 5;
    } else if (op === 4) {
      if (stroked && points.length > 1) points.push(points[0]!);
      i += 1;
    } else break; // an encoding this reader does not know: stop rather than misread
  }
  flush();
}

/** Four or five points (closed back to the first) all on the corners of their box: a rectangle, not a polygon. */
function isRectangle(points: readonly [number, number][], left: number, bottom: number, right: number, top: number): boolean {
  if (points.length < 4 || points.length > 5) return false;
  const corner = (v: number, a: number, b: number) => Math.abs(v - a) < 0.01 || Math.abs(v - b) < 0.01;
  return points.every(([x, y]) => corner(x, left, right) && corner(y, bottom, top));
}

/** No rotation or skew: a rectangle stays an upright rectangle on the page. */
function isUpright(m: Matrix): boolean {
  return Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF's `cm` pre-multiplies the current matrix).
  return [n[0] * m[0] + n[1] * m[2], n[0] * m[1] + n[1] * m[3], n[2] * m[0] + n[3] * m[2], n[2] * m[1] + n[3] * m[3], n[4] * m[0] + n[5] * m[2] + m[4], n[4] * m[1] + n[5] * m[3] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
