import type { Box, Layout } from './layout-types';

/**
 * What is wrong with a layout, as messages (none for a good one): an item outside the page's printable area
 * (10 mm inside its edges) or, but for the footer, outside the margins; a text outside its table cell; a cell
 * outside the margins. The tests run it on every document, and it is what "no text overflows the page, no cell is
 * cut" means in code.
 */
export function layoutProblems(l: Layout, tolerance = 0.01): string[] {
  const { box } = l;
  const safe = 28.35;
  const inner: Box = {
    x: box.margin.left,
    y: box.margin.top,
    w: box.width - box.margin.left - box.margin.right,
    h: box.height - box.margin.top - box.margin.bottom,
  };
  const printable: Box = { x: safe, y: safe, w: box.width - 2 * safe, h: box.height - 2 * safe };
  const inside = (a: Box, b: Box): boolean =>
    a.x >= b.x - tolerance &&
    a.y >= b.y - tolerance &&
    a.x + a.w <= b.x + b.w + tolerance &&
    a.y + a.h <= b.y + b.h + tolerance;
  const out: string[] = [];
  l.pages.forEach((p, n) => {
    for (const c of p.cells)
      if (!inside(c, inner)) out.push(`page ${n + 1}: cell ${JSON.stringify(c)} leaves the margins`);
    for (const it of p.items) {
      const b: Box =
        it.kind === 'text'
          ? { x: it.x, y: it.top, w: it.width, h: it.size }
          : {
              x: Math.min(it.x1, it.x2),
              y: Math.min(it.y1, it.y2),
              w: Math.abs(it.x2 - it.x1),
              h: Math.abs(it.y2 - it.y1),
            };
      const label = it.kind === 'text' ? `“${it.text}”` : 'a line';
      if (!inside(b, printable)) out.push(`page ${n + 1}: ${label} leaves the page`);
      else if (!(it.kind === 'text' && it.footer) && !inside(b, inner))
        out.push(`page ${n + 1}: ${label} leaves the margins`);
      if (it.kind === 'text' && it.cell !== null && !inside(b, p.cells[it.cell]!))
        out.push(`page ${n + 1}: “${it.text}” is cut by its cell`);
    }
  });
  return out;
}
