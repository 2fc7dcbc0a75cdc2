import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import subsetFont from 'subset-font';
import { docText, type Block, type Doc } from '../../../shared/domain/package/blocks';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const SIZES = { title: 16, meta: 8.5, heading: 11, para: 9.5, table: 8.5, footer: 8 } as const;
const GREY = rgb(0.4, 0.4, 0.4);
const LINE = rgb(0.75, 0.75, 0.75);

/**
 * OpenType shaping off: fontkit's default features (ligatures, contextual alternates, kerning…) swap in glyphs
 * the subset's cmap does not name, so digits and `fi`/`fl` vanished from the text layer and were spaced oddly on
 * the page. Chinese and Latin need no shaping.
 */
const NO_SHAPING = {
  liga: false,
  clig: false,
  calt: false,
  kern: false,
  rlig: false,
  ccmp: false,
  locl: false,
  dlig: false,
};

let fontBytes: Promise<Buffer> | undefined;

/** The full Noto Sans SC (resources/fonts), read once per process. */
function fullFont(resourcesDir: string): Promise<Buffer> {
  fontBytes ??= readFile(join(resourcesDir, 'fonts', 'NotoSansSC_400Regular.ttf'));
  return fontBytes;
}

/**
 * Draws a document into an A4 PDF with correct Chinese: the full Noto Sans SC is cut down with harfbuzz to the
 * characters this document uses (`subset-font`) and embedded as is (`subset: false`) — pdf-lib's own subsetting
 * garbles CJK. Text wraps by measured width; tables repeat their header on each page; every page gets 第 n 页，共 N 页.
 */
export async function renderPdf(doc: Doc, resourcesDir: string): Promise<Uint8Array> {
  const subset = await subsetFont(await fullFont(resourcesDir), [...new Set(docText(doc))].join(''), {
    targetFormat: 'truetype',
  });
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  pdf.setTitle(doc.title);
  pdf.setProducer('网报通');
  const font = await pdf.embedFont(subset, { subset: false, features: NO_SHAPING });
  const w = new Writer(pdf, font);
  for (const b of doc.blocks) w.block(b);
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const text = `第 ${i + 1} 页，共 ${pages.length} 页`;
    const x = (A4[0] - font.widthOfTextAtSize(text, SIZES.footer)) / 2;
    p.drawText(text, { x, y: MARGIN / 2, size: SIZES.footer, font, color: GREY });
  });
  return pdf.save();
}

/** Lays blocks out top to bottom, starting a new page when one is full. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  private readonly width = A4[0] - 2 * MARGIN;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.newPage();
  }

  block(b: Block): void {
    if (b.t === 'table') return this.table(b.columns, b.rows);
    const size = SIZES[b.t];
    if (b.t === 'heading') this.y -= 6;
    for (const line of this.wrap(b.text, size, this.width)) {
      this.room(size * 1.5);
      this.page.drawText(line, {
        x: MARGIN,
        y: this.y - size,
        size,
        font: this.font,
        color: b.t === 'meta' ? GREY : undefined,
      });
      this.y -= size * 1.5;
    }
    this.y -= b.t === 'title' ? 4 : 2;
  }

  private table(columns: { title: string; width: number }[], rows: string[][]): void {
    const size = SIZES.table;
    const widths = columns.map((c) => c.width * this.width);
    const drawRow = (cells: string[], header: boolean): void => {
      const lines = cells.map((cell, i) => this.wrap(cell, size, widths[i]! - 6));
      const height = Math.max(1, ...lines.map((l) => l.length)) * size * 1.35 + 5;
      if (!this.room(height) && !header)
        drawRow(
          columns.map((c) => c.title),
          true,
        ); // header again on a new page
      let x = MARGIN;
      lines.forEach((cellLines, i) => {
        cellLines.forEach((line, j) =>
          this.page.drawText(line, { x: x + 3, y: this.y - 3 - size - j * size * 1.35, size, font: this.font }),
        );
        x += widths[i]!;
      });
      this.page.drawLine({
        start: { x: MARGIN, y: this.y - height },
        end: { x: MARGIN + this.width, y: this.y - height },
        thickness: header ? 0.8 : 0.4,
        color: LINE,
      });
      this.y -= height;
    };
    drawRow(
      columns.map((c) => c.title),
      true,
    );
    for (const r of rows) drawRow(r, false);
    this.y -= 6;
  }

  /** Makes room for `h` points; false when that took a new page. */
  private room(h: number): boolean {
    if (this.y - h >= MARGIN) return true;
    this.newPage();
    return false;
  }

  private newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private readonly advance = new Map<string, number>();

  /** A character's advance at size 1 (shaping is off, so a line's width is the sum): measured once per document. */
  private advanceOf(ch: string): number {
    let w = this.advance.get(ch);
    if (w === undefined) this.advance.set(ch, (w = this.font.widthOfTextAtSize(ch, 1)));
    return w;
  }

  /** Lines of at most `max` points: CJK breaks anywhere, other runs at spaces where they can. */
  private wrap(text: string, size: number, max: number): string[] {
    const out: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      let width = 0;
      for (const ch of para) {
        const w = this.advanceOf(ch) * size;
        if (line !== '' && width + w > max) {
          const space = line.lastIndexOf(' ');
          const cut = /[\u3400-\u9fff]/u.test(ch) || space <= 0 ? line.length : space + 1;
          out.push(line.slice(0, cut).trimEnd());
          line = line.slice(cut);
          width = [...line].reduce((a, c) => a + this.advanceOf(c) * size, 0);
        }
        line += ch;
        width += w;
      }
      out.push(line);
    }
    return out;
  }
}
