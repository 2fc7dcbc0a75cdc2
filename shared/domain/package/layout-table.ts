import type { Block, Cell } from './blocks';
import type { Pen } from './layout-pen';
import { LEADING, PAD, SIZES, sum, type Line } from './layout-types';

type Table = Extract<Block, { t: 'table' }>;

/** A row, or part of a row taller than a page: its cells' lines (the merged column's left empty) and height. */
interface Piece {
  cells: Line[][];
  h: number;
}

/**
 * Lays tables out with a `Pen`: the header on every page; rows kept whole (a row taller than a page is cut into
 * pieces); the merged column's cell spans its group's rows on each page, with `（续）` where a page cut it, and its
 * last row grows when the merged text needs more height than the rows beside it.
 */
export class Tables {
  /** A table's header and a row's pieces are asked for more than once (keeping a heading with its table). */
  private readonly headers = new WeakMap<object, { cells: Line[][]; h: number }>();
  private readonly pieces = new WeakMap<object, Piece[]>();

  constructor(private readonly pen: Pen) {}

  /** What must fit below a heading for the table to start on its page: the header and the first row. */
  leadHeight(b: Table): number {
    const first = b.rows[0] ? this.rowPieces(b, b.rows[0])[0]!.h : 0;
    return this.header(b).h + first;
  }

  draw(b: Table): void {
    const pen = this.pen;
    const widths = this.widths(b);
    const xs = widths.map((_, i) => pen.left + sum(widths.slice(0, i)));
    const header = this.header(b);
    const align = (i: number): 'left' | 'center' => b.columns[i]!.align ?? 'left';
    const merge = b.merge;
    const drawHeader = (): void => {
      header.cells.forEach((lines, i) => pen.cell(xs[i]!, widths[i]!, pen.y, header.h, lines, 'center'));
      pen.y += header.h;
    };
    const groups: { label: Cell; rows: Cell[][] }[] = [];
    for (const row of b.rows) {
      const label = merge === undefined ? '' : (row[merge] ?? '');
      const last = groups.at(-1);
      if (merge !== undefined && last && cellKey(last.label) === cellKey(label)) last.rows.push(row);
      else groups.push({ label, rows: [row] });
    }
    // A merged cell is drawn again on each page its rows reach: at most a page's worth of it (a title of a thousand
    // characters ends in … rather than below the page).
    const room = pen.bottom - pen.top - header.h - 2 * PAD.y;
    const labelOf = (g: { label: Cell }, continued: boolean): { lines: Line[]; h: number } => {
      if (merge === undefined) return { lines: [], h: 0 };
      const c = typeof g.label === 'string' ? { text: g.label } : g.label;
      const all = this.cellLines(continued ? { text: `${c.text}（续）` } : c, widths[merge]!);
      const lines = [...all];
      while (lines.length > 1 && sum(lines.map((l) => l.h)) > room) lines.pop();
      if (lines.length < all.length) {
        const last = lines.at(-1)!;
        lines[lines.length - 1] = { ...last, text: `${[...last.text].slice(0, -1).join('')}…` };
      }
      return { lines, h: sum(lines.map((l) => l.h)) + 2 * PAD.y };
    };
    const first = groups[0];
    pen.room(header.h + (first ? Math.max(this.rowPieces(b, first.rows[0]!)[0]!.h, labelOf(first, false).h) : 0));
    drawHeader();
    const freshTop = (): boolean => pen.y <= pen.top + header.h + 0.001;
    for (const g of groups) {
      let label = labelOf(g, false);
      let segTop = pen.y;
      // The last row placed is drawn once it is known whether it must grow for the merged cell beside it.
      let pending: { piece: Piece; top: number } | null = null;
      const flush = (extra: number): void => {
        if (!pending) return;
        const { piece, top } = pending;
        piece.cells.forEach((lines, i) => {
          if (i !== merge) pen.cell(xs[i]!, widths[i]!, top, piece.h + extra, lines, align(i));
        });
        pen.y = top + piece.h + extra;
        pending = null;
      };
      const closeSegment = (): void => {
        flush(Math.max(0, segTop + label.h - pen.y));
        if (merge !== undefined)
          pen.cell(xs[merge]!, widths[merge]!, segTop, pen.y - segTop, label.lines, align(merge));
      };
      let started = false;
      for (const row of g.rows)
        for (const piece of this.rowPieces(b, row)) {
          const need = pen.y === segTop ? Math.max(piece.h, label.h) : piece.h;
          if (pen.y + need > pen.bottom + 0.001 && !freshTop()) {
            if (started) closeSegment();
            pen.newPage();
            drawHeader();
            label = labelOf(g, started);
            segTop = pen.y;
          } else flush(0);
          pending = { piece, top: pen.y };
          pen.y += piece.h;
          started = true;
        }
      closeSegment();
    }
  }

  private widths(b: Table): number[] {
    return b.columns.map((c) => c.width * this.pen.width);
  }

  private cellLines(cell: Cell, w: number): Line[] {
    const { text, note } = typeof cell === 'string' ? { text: cell, note: undefined } : cell;
    const max = w - 2 * PAD.x;
    const lines = this.pen.lines(text, 'sans', SIZES.table, max, LEADING.table);
    if (note) lines.push(...this.pen.lines(note, 'sans', SIZES.cellNote, max, LEADING.table, true));
    return lines;
  }

  private header(b: Table): { cells: Line[][]; h: number } {
    let header = this.headers.get(b);
    if (!header) {
      const widths = this.widths(b);
      const cells = b.columns.map((c, i) =>
        this.pen.lines(c.title, 'serif', SIZES.table, widths[i]! - 2 * PAD.x, LEADING.table),
      );
      header = { cells, h: Math.max(...cells.map((c) => sum(c.map((l) => l.h)))) + 2 * PAD.y };
      this.headers.set(b, header);
    }
    return header;
  }

  /** A row's cells as lines, cut into pieces no taller than a page holds below the header (rarely more than one). */
  private rowPieces(b: Table, row: Cell[]): Piece[] {
    let pieces = this.pieces.get(row);
    if (!pieces) this.pieces.set(row, (pieces = this.cut(b, row)));
    return pieces;
  }

  private cut(b: Table, row: Cell[]): Piece[] {
    const widths = this.widths(b);
    const cells = b.columns.map((_, i) => (i === b.merge ? [] : this.cellLines(row[i] ?? '', widths[i]!)));
    const h = Math.max(b.minRowHeight ?? 0, ...cells.map((c) => sum(c.map((l) => l.h)) + 2 * PAD.y));
    const cap = this.pen.bottom - this.pen.top - this.header(b).h - 1;
    if (h <= cap) return [{ cells, h }];
    const pieces: Piece[] = [];
    const rest = cells.map((c) => [...c]);
    while (rest.some((c) => c.length > 0)) {
      const part = rest.map((c) => {
        const taken: Line[] = [];
        let used = 2 * PAD.y;
        while (c.length > 0 && (taken.length === 0 || used + c[0]!.h <= cap)) {
          used += c[0]!.h;
          taken.push(c.shift()!);
        }
        return taken;
      });
      pieces.push({ cells: part, h: Math.max(...part.map((c) => sum(c.map((l) => l.h)) + 2 * PAD.y)) });
    }
    return pieces;
  }
}

/** Cells merge when their text and note are the same. */
function cellKey(c: Cell): string {
  return typeof c === 'string' ? c : `${c.text}\u0000${c.note ?? ''}`;
}
