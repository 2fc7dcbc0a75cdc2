import type { Face } from './blocks';

/** What the layout needs of the fonts: advances (at size 1) and coverage. */
export interface Metrics {
  advance(face: Face, ch: string): number;
  has(face: Face, ch: string): boolean;
}

/** A page and its margins, in points; y grows downwards from the page's top edge throughout the layout. */
export interface PageBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** A4 portrait; the wider left margin leaves room to bind the printed pages into the unit's file (装订线). */
export const A4: PageBox = { width: 595.28, height: 841.89, margin: { top: 60, right: 48, bottom: 60, left: 62 } };

/** Type sizes in points: 小二 title, 小四 subtitle, 五号 text, 小五 tables. */
export const SIZES = {
  title: 18,
  subtitle: 12,
  fields: 10.5,
  heading: 12,
  para: 10.5,
  note: 9,
  table: 9,
  cellNote: 8,
  footer: 9,
} as const;

/** The top of a CJK glyph's em box above its baseline, as a share of the size (Noto: 880/1000). */
export const ASCENT = 0.88;
/** Line height as a share of the size: running text, table cells. */
export const LEADING = { text: 1.5, table: 1.32 } as const;
/** A table cell's padding in points. */
export const PAD = { x: 3, y: 3.5 } as const;

export interface TextItem {
  kind: 'text';
  text: string;
  face: Face;
  size: number;
  grey: boolean;
  x: number;
  /** The top of the line's em box (the glyphs stand between top and top + size; the baseline is at ASCENT). */
  top: number;
  width: number;
  /** The table cell (an index into the page's `cells`) it is drawn in, if any. */
  cell: number | null;
  footer?: boolean;
}
export interface LineItem {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PageLayout {
  items: (TextItem | LineItem)[];
  /** Table cells, each drawn as a ruled box. */
  cells: Box[];
}
export interface Layout {
  box: PageBox;
  pages: PageLayout[];
}

/**
 * `第 n 页 共 m 页`, centred in the bottom margin of every page. Two spaces apart: with one, pdftotext (poppler)
 * reads a line of only Chinese and digits as `第1页共2页`.
 */
export const footerText = (n: number, of: number): string => `第  ${n}  页  共  ${of}  页`;

/** A line of text laid out but not yet placed. */
export interface Line {
  text: string;
  face: Face;
  size: number;
  grey: boolean;
  /** The line box's height. */
  h: number;
}

export function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
