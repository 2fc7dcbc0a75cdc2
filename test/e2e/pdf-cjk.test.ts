import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot } from './browser';
import { E2E_NOW, useE2E } from './session';

const e2e = useE2E();

const TITLE = '创建文明城市';
const SUBTITLE = '全国文明城市测评材料';
/** 文明单位 in GBK (CE C4 / C3 F7 / B5 A5 / CE BB): the bytes a GBK-EUC-H font shows. */
const GBK_TEXT = '文明单位';
const GBK_HEX = 'cec4c3f7b5a5cebb';

/** UCS-2 code units as a PDF hex string body (the bytes a UniGB-UCS2-H font shows). */
const ucs2 = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/**
 * A one-page A4 PDF as government offices send them: Chinese text in fonts the file names but does not embed
 * (STSong-Light with the predefined CMap UniGB-UCS2-H, SimSun with GBK-EUC-H; Adobe-GB1, no FontFile), so a viewer
 * needs the CMaps to know which characters the bytes are; and check marks in ZapfDingbats, a standard-14 font that
 * pdf.js draws from its standard-font data. The Chinese is in the top half of the page, the check marks below it.
 */
async function cjkPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // Dated inside the campaign the e2e suite runs in, so the only thing the checker could say is about the text.
  doc.setCreationDate(E2E_NOW);
  doc.setModificationDate(E2E_NOW);
  const ctx = doc.context;
  const type0 = (baseFont: string, encoding: string) => {
    const descriptor = ctx.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 6, // symbolic, serif
      FontBBox: [-25, -254, 1000, 880],
      ItalicAngle: 0,
      Ascent: 880,
      Descent: -120,
      CapHeight: 880,
      StemV: 93,
    });
    const cidFont = ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 },
      FontDescriptor: ctx.register(descriptor),
      DW: 1000,
    });
    return ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: `${baseFont}-${encoding}`,
        Encoding: encoding,
        DescendantFonts: [ctx.register(cidFont)],
      }),
    );
  };
  const page = doc.addPage([595, 842]);
  page.node.setFontDictionary(PDFName.of('F1'), type0('STSong-Light', 'UniGB-UCS2-H'));
  page.node.setFontDictionary(PDFName.of('F2'), type0('SimSun', 'GBK-EUC-H'));
  page.node.setFontDictionary(
    PDFName.of('F3'),
    ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'ZapfDingbats' })),
  );
  const content = [
    `BT /F1 48 Tf 60 740 Td <${ucs2(TITLE)}> Tj ET`,
    `BT /F1 32 Tf 60 670 Td <${ucs2(SUBTITLE)}> Tj ET`,
    `BT /F2 32 Tf 60 600 Td <${GBK_HEX}> Tj ET`,
    'BT /F3 48 Tf 60 300 Td (4444) Tj ET', // ✔✔✔✔
  ].join('\n');
  page.node.addContentStream(ctx.register(ctx.stream(content)));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Dark pixels of a canvas or <img>, in the band between two fractions of its height (0 = top). */
const inkOf = (el: Locator, from = 0, to = 1) =>
  el.evaluate(
    (e: HTMLCanvasElement | HTMLImageElement, [from, to]) => {
      const w = e instanceof HTMLImageElement ? e.naturalWidth : e.width;
      const h = e instanceof HTMLImageElement ? e.naturalHeight : e.height;
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d')!;
      g.drawImage(e, 0, 0);
      const top = Math.floor(h * from);
      const d = g.getImageData(0, top, w, Math.max(1, Math.floor(h * to) - top)).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128 && d[i + 3]! > 0) dark++;
      return dark;
    },
    [from, to] as const,
  );

/** The ledger with the demo workspace, on criterion 3.1.2 (whichever section the shell opens first). */
async function onCriterion(page: Page): Promise<void> {
  await page.getByRole('navigation').waitFor();
  const tree = page.getByTestId('criteria-tree');
  if (!(await tree.isVisible())) await page.getByRole('navigation').getByText('台账', { exact: true }).click();
  await tree.locator('[data-code="3.1.2"]').click();
}

/** Opens the PDF's card in the preview and returns the viewer's canvas once its page is drawn. */
async function openInViewer(page: Page): Promise<Locator> {
  await page.getByTestId('material-card').filter({ hasText: TITLE }).click();
  const canvas = page.getByTestId('pdf-viewer').locator('canvas');
  await expect.poll(() => page.getByTestId('pdf-page').textContent()).toBe('第 1 / 1 页');
  return canvas;
}

describe('PDFs whose Chinese text uses fonts they do not embed (predefined CMaps)', () => {
  it('the fixture is what offices send: poppler reads its text, and its fonts are not embedded', async () => {
    const file = join(e2e.base, `${TITLE}.pdf`);
    writeFileSync(file, await cjkPdf());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const s of [TITLE, SUBTITLE, GBK_TEXT]) expect(text).toContain(s);
    expect(new TextDecoder('gbk').decode(Buffer.from(GBK_HEX, 'hex'))).toBe(GBK_TEXT);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.map((l) => l.split(/\s+/u)[0]).sort()).toEqual([
      'STSong-Light-UniGB-UCS2-H',
      'SimSun-GBK-EUC-H',
      'ZapfDingbats',
    ]);
    for (const l of fonts) expect(l).toMatch(/\bno\s+no\s+no\s+\d+\s+0\s*$/u); // emb, sub, uni: no
  });

  it('the thumbnail and the viewer draw the text, with the CMaps and fonts fetched from the app itself', async () => {
    const { page, dialogs, base } = e2e;
    const fetched = new Map<string, number>();
    page.on('response', (r) => {
      const m = /\/pdfjs\/(.+)$/u.exec(new URL(r.url()).pathname);
      if (m) fetched.set(m[1]!, r.status());
    });
    const file = join(base, `${TITLE}.pdf`);
    writeFileSync(file, await cjkPdf());

    await page.getByTestId('try-demo').click();
    await onCriterion(page);
    dialogs.answerFiles([file]);
    await page.getByRole('button', { name: '选择文件…' }).click();
    await expect.poll(() => page.getByTestId('attach-summary').textContent()).toContain('已添加 1 个');

    // The card's first page (pdf-thumbs.ts) shows the Chinese title, not a blank sheet.
    const thumb = page.getByTestId('material-card').filter({ hasText: TITLE }).locator('img[data-thumb=pdf]');
    await expect.poll(() => thumb.count()).toBe(1);
    await expect.poll(() => inkOf(thumb, 0, 0.5)).toBeGreaterThan(500);

    // The viewer (PdfViewer.tsx): the Chinese in the top half, the check marks further down.
    const canvas = await openInViewer(page);
    await expect.poll(() => inkOf(canvas, 0, 0.35)).toBeGreaterThan(3000);
    await expect.poll(() => inkOf(canvas, 0.5, 0.7)).toBeGreaterThan(300);
    await shot(page, 'pdf-cjk-viewer');

    expect(Object.fromEntries(fetched)).toMatchObject({
      'cmaps/UniGB-UCS2-H.bcmap': 200,
      'cmaps/GBK-EUC-H.bcmap': 200,
      'standard_fonts/FoxitDingbats.pfb': 200,
    });
    expect([...fetched.values()].every((s) => s === 200)).toBe(true);

    // Control: the same file in a second window of the same session whose CMap requests fail draws no Chinese at all
    // — the text above is the CMaps' doing. (This window's console is not watched: the failed requests log there.)
    const blind = await page.context().newPage();
    await blind.clock.setFixedTime(E2E_NOW);
    await blind.route('**/pdfjs/cmaps/**', (r) => r.abort());
    await blind.goto(e2e.bridge.url);
    await onCriterion(blind);
    const without = await openInViewer(blind);
    await expect.poll(() => inkOf(without, 0.5, 0.7)).toBeGreaterThan(300); // the page is drawn…
    expect(await inkOf(without, 0, 0.35)).toBeLessThan(100); // …without its Chinese
    await blind.close();
  });
});
