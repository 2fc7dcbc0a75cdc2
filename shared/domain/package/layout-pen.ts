import type { Face } from './blocks';
import { PAD, type Line, type Metrics, type PageBox, type PageLayout } from './layout-types';
import { printable } from './format';
import { wrapText } from './line-break';

/**
 * Where the layout stands: the pages so far, the current one and the height used on it (`y`, growing downwards
 * from the page's top edge); measures and wraps text with the fonts' advances and places lines and ruled cells.
 */
export class Pen {
  readonly pages: PageLayout[] = [];
  y = 0;
  private page!: PageLayout;
  private readonly advances = { sans: new Map<string, number>(), serif: new Map<string, number>() };
  /** Widths at size 1 of whole strings: most cells repeat (kinds, dates, labels). */
  private readonly widths = { sans: new Map<string, number>(), serif: new Map<string, number>() };

  constructor(
    private readonly metrics: Metrics,
    readonly box: PageBox,
  ) {
    this.newPage();
  }

  get top(): number {
    return this.box.margin.top;
  }
  get left(): number {
    return this.box.margin.left;
  }
  get width(): number {
    return this.box.width - this.box.margin.left - this.box.margin.right;
  }
  get bottom(): number {
    return this.box.height - this.box.margin.bottom;
  }

  newPage(): void {
    this.page = { items: [], cells: [] };
    this.pages.push(this.page);
    this.y = this.top;
  }

  /** Whether `h` more points fit on this page; if not (and the page is not empty), starts a new one. */
  room(h: number): boolean {
    if (this.y + h <= this.bottom + 0.001 || this.y === this.top) return true;
    this.newPage();
    return false;
  }

  measure(face: Face, size: number, text: string): number {
    const cache = this.widths[face];
    let w = cache.get(text);
    if (w === undefined) {
      w = 0;
      for (const ch of text) w += this.advance(face, ch);
      cache.set(text, w);
    }
    return w * size;
  }

  /** `text` wrapped to `max` points, in `face` — or in the sans when the serif lacks one of its characters. */
  lines(raw: string, face: Face, size: number, max: number, leading: number, grey = false): Line[] {
    const text = printable(raw);
    const f = this.faceFor(face, text);
    const fits = !text.includes('\n') && this.measure(f, size, text) <= max;
    const lines = fits ? [text.trimEnd()] : wrapText(text, max, (ch) => this.advance(f, ch) * size);
    return lines.map((t) => ({ text: t, face: f, size, grey, h: size * leading }));
  }

  /** A line with its box's top at `top`; `cell` is the table cell it belongs to. */
  text(line: Line, x: number, top: number, cell: number | null): void {
    if (line.text === '') return;
    this.page.items.push({
      kind: 'text',
      text: line.text,
      face: line.face,
      size: line.size,
      grey: line.grey,
      x,
      top: top + (line.h - line.size) / 2,
      width: this.measure(line.face, line.size, line.text),
      cell,
    });
  }

  /** A rule to write on (a signature, a field left empty). */
  rule(x1: number, x2: number, y: number): void {
    this.page.items.push({ kind: 'line', x1, y1: y, x2, y2: y, width: 0.5 });
  }

  /** A ruled cell with its lines, vertically centred (as an office's tables are). */
  cell(x: number, w: number, top: number, h: number, lines: Line[], align: 'left' | 'center'): void {
    const index = this.page.cells.push({ x, y: top, w, h }) - 1;
    let y = top + (h - lines.reduce((a, l) => a + l.h, 0)) / 2;
    for (const line of lines) {
      const lw = this.measure(line.face, line.size, line.text);
      this.text(line, align === 'center' ? x + (w - lw) / 2 : x + PAD.x, y, index);
      y += line.h;
    }
  }

  /** The face to draw `text` in: the serif when it has every character, else the sans (which backs it up). */
  private faceFor(face: Face, text: string): Face {
    if (face === 'sans') return face;
    for (const ch of text) if (ch.trim() !== '' && !this.metrics.has('serif', ch)) return 'sans';
    return face;
  }

  private advance(face: Face, ch: string): number {
    const cache = this.advances[face];
    let a = cache.get(ch);
    if (a === undefined) cache.set(ch, (a = this.metrics.advance(face, ch)));
    return a;
  }
}
