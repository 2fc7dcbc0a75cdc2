import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';
import { docText, type Doc, type Face } from '@shared/domain/package/blocks';
import { ASCENT, layoutDoc, type Layout, type PageLayout } from '@shared/domain/package/layout';

const GREY = '0.35 0.35 0.35 rg';
const BLACK = '0 0 0 rg';
/** Table rules: black, thin, as printed forms have them. */
const RULE = 0.6;

/** The fonts in resources/fonts (SIL OFL): Noto Sans SC for text, Noto Serif SC Bold (宋体-like) for headings. */
const FONT_FILES: Record<Face, string> = {
  sans: 'NotoSansSC_400Regular.ttf',
  serif: 'NotoSerifSC_700Bold.ttf',
};

const fontBytes = new Map<string, Promise<Buffer>>();

/** A full font of resources/fonts, read once per process. */
function fullFont(resourcesDir: string, face: Face): Promise<Buffer> {
  const path = join(resourcesDir, 'fonts', FONT_FILES[face]);
  let bytes = fontBytes.get(path);
  if (!bytes) fontBytes.set(path, (bytes = readFile(path)));
  return bytes;
}

/**
 * Draws a document into an A4 PDF with correct Chinese: each full font is cut down with harfbuzz to the characters
 * this document uses (`subset-font`) and embedded as is (`subset: false`) — pdf-lib's own subsetting garbles CJK.
 * The pages come from the pure layout (`layoutDoc`), which is also what the tests check against the page box.
 */
export async function renderPdf(doc: Doc, resourcesDir: string): Promise<Uint8Array> {
  return (await renderPdfLaidOut(doc, resourcesDir)).bytes;
}

/** `renderPdf`, returning the layout it drew as well (for the tests' checks). */
export async function renderPdfLaidOut(doc: Doc, resourcesDir: string): Promise<{ bytes: Uint8Array; layout: Layout }> {
  const text = docText(doc);
  const [sansSubset, serifSubset] = await Promise.all(
    (['sans', 'serif'] as const).map(async (face) =>
      subsetFont(await fullFont(resourcesDir, face), text[face] || ' ', { targetFormat: 'truetype' }),
    ),
  );
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  pdf.setTitle(doc.title);
  pdf.setProducer('网报通');
  pdf.setCreator('网报通');
  // The embedded fonts (and their ToUnicode maps) deflated natively, not with pdf-lib's JavaScript deflate: a
  // third of the time of drawing a document went there.
  pdf.context.flateStream = (contents, dict = {}) =>
    pdf.context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), {
      ...dict,
      Filter: 'FlateDecode',
    });
  const fonts: Record<Face, PDFFont> = {
    sans: await pdf.embedFont(sansSubset!, { subset: false }),
    serif: await pdf.embedFont(serifSubset!, { subset: false }),
  };
  const glyphs = { sans: new Glyphs(sansSubset!), serif: new Glyphs(serifSubset!) };
  const layout = layoutDoc(doc, {
    advance: (face, ch) => glyphs[face].of(ch).advance,
    has: (face, ch) => glyphs[face].has(ch),
  });
  const { width, height } = layout.box;
  for (const p of layout.pages) {
    const page = pdf.addPage([width, height]);
    const keys = {
      sans: page.node.newFontDictionary(fonts.sans.name, fonts.sans.ref).toString(),
      serif: page.node.newFontDictionary(fonts.serif.name, fonts.serif.ref).toString(),
    };
    // One raw content stream per page, deflated natively: pdf-lib's operator objects and its JavaScript deflate
    // took most of the time of a 200-page report.
    const content = Buffer.from(pageContent(p, height, keys, glyphs), 'latin1');
    page.node.addContentStream(
      pdf.context.register(pdf.context.stream(deflateSync(content), { Filter: 'FlateDecode' })),
    );
  }
  return { bytes: await pdf.save(), layout };
}

/** A page's content stream: the cells' rules, the lines to write on, then the text. */
function pageContent(p: PageLayout, height: number, keys: Record<Face, string>, glyphs: Record<Face, Glyphs>): string {
  const ops: string[] = ['q', `${RULE} w 0 0 0 RG`];
  for (const c of p.cells) ops.push(`${n(c.x)} ${n(height - c.y - c.h)} ${n(c.w)} ${n(c.h)} re`);
  if (p.cells.length > 0) ops.push('S');
  for (const it of p.items)
    if (it.kind === 'line')
      ops.push(`${n(it.width)} w ${n(it.x1)} ${n(height - it.y1)} m ${n(it.x2)} ${n(height - it.y2)} l S`);
  ops.push('BT');
  let font = '';
  let fill = '';
  for (const it of p.items) {
    if (it.kind !== 'text') continue;
    const f = `${keys[it.face]} ${n(it.size)} Tf`;
    if (f !== font) ops.push((font = f));
    const g = it.grey ? GREY : BLACK;
    if (g !== fill) ops.push((fill = g));
    const show = `1 0 0 1 ${n(it.x)} ${n(height - it.top - it.size * ASCENT)} Tm <${glyphs[it.face].hex(it.text)}> Tj`;
    // A character neither font has (a rare name, 𠀾) is drawn as the empty glyph: its text still reads right.
    ops.push(glyphs[it.face].covers(it.text) ? show : `/Span <</ActualText <${utf16(it.text)}>>> BDC ${show} EMC`);
  }
  ops.push('ET', 'Q');
  return ops.join('\n');
}

/**
 * A subset's glyphs, read with fontkit from the same bytes pdf-lib embeds (`subset: false`, Identity-H with an
 * identity CID-to-glyph map, so a glyph's id is its code in the text): each character's advance and code looked up
 * once. No OpenType shaping: one character is one glyph and a line's width is the sum of its advances (fontkit's
 * default features — ligatures, contextual alternates… — swapped in glyphs the subset's cmap does not name, so
 * digits and `fi` vanished from the text layer).
 */
class Glyphs {
  private readonly font: fontkit.Font;
  private readonly scale: number;
  private readonly cache = new Map<string, { advance: number; hex: string }>();

  constructor(bytes: Uint8Array) {
    this.font = fontkit.create(bytes);
    this.scale = 1 / this.font.unitsPerEm;
  }

  has(ch: string): boolean {
    return this.font.hasGlyphForCodePoint(ch.codePointAt(0)!);
  }

  of(ch: string): { advance: number; hex: string } {
    let g = this.cache.get(ch);
    if (!g) {
      const glyph = this.font.glyphForCodePoint(ch.codePointAt(0)!);
      g = { advance: glyph.advanceWidth * this.scale, hex: glyph.id.toString(16).padStart(4, '0') };
      this.cache.set(ch, g);
    }
    return g;
  }

  /** Whether the font has a glyph for every character of `text`. */
  covers(text: string): boolean {
    for (const ch of text) if (this.of(ch).hex === '0000' && ch.trim() !== '') return false;
    return true;
  }

  /** The text's glyph codes as hex, for a `<…> Tj`. */
  hex(text: string): string {
    let out = '';
    for (const ch of text) out += this.of(ch).hex;
    return out;
  }
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex. */
function utf16(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

/** A number in a content stream: two decimals at most. */
function n(x: number): string {
  return String(Math.round(x * 100) / 100);
}
