import type { Block, Doc, Face, Field } from './blocks';
import { Pen } from './layout-pen';
import { Tables } from './layout-table';
import { A4, LEADING, SIZES, footerText, sum, type Layout, type Metrics, type PageBox } from './layout-types';

export { layoutProblems } from './layout-check';
export * from './layout-types';

/**
 * Lays a document out on pages, pure: the blocks top to bottom, a new page when one is full, headings kept with
 * what follows them, tables through `Tables`, and `第 n 页 共 m 页` at the foot of every page. The tests check every
 * box it places against the page (`layoutProblems`); core draws exactly these boxes.
 */
export function layoutDoc(doc: Doc, metrics: Metrics, box: PageBox = A4): Layout {
  const l = new Layouter(new Pen(metrics, box));
  doc.blocks.forEach((b, i) => l.block(b, doc.blocks.slice(i + 1, i + 3)));
  const { pen } = l;
  const n = pen.pages.length;
  pen.pages.forEach((p, i) => {
    const text = footerText(i + 1, n);
    const width = pen.measure('sans', SIZES.footer, text);
    p.items.push({
      kind: 'text',
      text,
      face: 'sans',
      size: SIZES.footer,
      grey: false,
      x: (box.width - width) / 2,
      top: box.height - box.margin.bottom * 0.6 - SIZES.footer / 2,
      width,
      cell: null,
      footer: true,
    });
  });
  return { box, pages: pen.pages };
}

class Layouter {
  private readonly tables: Tables;

  constructor(readonly pen: Pen) {
    this.tables = new Tables(pen);
  }

  /** Lays out `b`; `next` (the blocks after it) tells how much must follow a heading on its page. */
  block(b: Block, next: Block[]): void {
    const pen = this.pen;
    switch (b.t) {
      case 'title':
        this.centred(b.text, 'serif', SIZES.title);
        pen.y += 4;
        return;
      case 'subtitle':
        this.centred(b.text, 'sans', SIZES.subtitle);
        pen.y += 10;
        return;
      case 'fields':
        b.rows.forEach((row, i) => {
          if (i > 0) pen.y += b.gap ?? 0;
          this.fieldRow(row);
        });
        pen.y += 6;
        return;
      case 'heading': {
        const lines = pen.lines(b.text, 'serif', SIZES.heading, pen.width, LEADING.text);
        pen.y += 6;
        pen.room(sum(lines.map((l) => l.h)) + this.leadHeight(next));
        this.flow(lines);
        pen.y += 2;
        return;
      }
      case 'para':
      case 'note':
        this.flow(pen.lines(b.text, 'sans', SIZES[b.t], pen.width, LEADING.text, b.t === 'note'));
        pen.y += 4;
        return;
      case 'table':
        this.tables.draw(b);
        pen.y += 8;
    }
  }

  /**
   * The height that must follow a heading on its page: the next block's first line, or a table's header and first
   * row — through a note or a short paragraph between them (a criterion's heading, its summary, its table).
   */
  private leadHeight(next: Block[]): number {
    const [b, after] = next;
    if (!b) return 0;
    switch (b.t) {
      case 'table':
        return Math.min(this.tables.leadHeight(b), 200);
      case 'note':
      case 'para': {
        const lines = this.pen.lines(b.text, 'sans', SIZES[b.t], this.pen.width, LEADING.text);
        const own = sum(lines.map((l) => l.h)) + 4;
        return lines.length <= 3 && after ? own + this.leadHeight([after]) : SIZES[b.t] * LEADING.text;
      }
      case 'fields':
        return SIZES.fields * LEADING.text;
      default:
        return 0;
    }
  }

  /** Lines one under the other across the text width, a new page when one does not fit. */
  private flow(lines: ReturnType<Pen['lines']>): void {
    for (const line of lines) {
      this.pen.room(line.h);
      this.pen.text(line, this.pen.left, this.pen.y, null);
      this.pen.y += line.h;
    }
  }

  private centred(text: string, face: Face, size: number): void {
    const pen = this.pen;
    for (const line of pen.lines(text, face, size, pen.width, 1.4)) {
      pen.room(line.h);
      const w = pen.measure(line.face, line.size, line.text);
      pen.text(line, pen.left + (pen.width - w) / 2, pen.y, null);
      pen.y += line.h;
    }
  }

  /** `label：value` fields side by side; an empty value gets a line to write on up to its column's end. */
  private fieldRow(row: Field[]): void {
    const pen = this.pen;
    const colW = pen.width / row.length;
    const gap = 12;
    const cols = row.map((f) => pen.lines(`${f.label}：${f.value}`, 'sans', SIZES.fields, colW - gap, LEADING.text));
    const h = Math.max(...cols.map((c) => sum(c.map((l) => l.h))));
    pen.room(h);
    row.forEach((f, i) => {
      const x = pen.left + i * colW;
      let top = pen.y;
      for (const line of cols[i]!) {
        pen.text(line, x, top, null);
        top += line.h;
      }
      if (f.value.trim() === '') {
        const last = cols[i]!.at(-1)!;
        const from = x + pen.measure(last.face, last.size, last.text) + 2;
        if (x + colW - gap > from + 20) pen.rule(from, x + colW - gap, top - (last.h - last.size) / 2 + 1.5);
      }
    });
    pen.y += h;
  }
}
