import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/ctx';
import { periodPhoto } from '../helpers/photos';
import { shot } from './browser';
import { useE2E, type E2E } from './session';

const e2e = useE2E();

/** A 640×480 camera photo dated inside the 2026 period: too small for the default profile (长边 1024). */
async function smallPhoto(out: string): Promise<string> {
  await sharp(join(FIXTURES, 'photos', 'DSCN0010.jpg'))
    .withExif({ IFD2: { DateTimeOriginal: '2026:04:02 15:00:00' } })
    .jpeg({ quality: 90 })
    .toFile(out);
  return out;
}

/** Drops a good photo (现场.jpg, 3000 px) and a small one (小图.jpg) on 3.1.2 and waits for both cards. */
async function dropTwoPhotos({ page, app, base }: E2E): Promise<void> {
  await page.getByTestId('try-demo').click();
  await app.nav('台账'); // the demo opens on 首页
  await app.tree.waitFor();
  await app.treeRow('3.1.2').click();
  const files = [await periodPhoto(join(base, '现场.jpg')), await smallPhoto(join(base, '小图.jpg'))];
  await app.dropFiles(
    page.getByTestId('dropzone'),
    files.map((f) => ({ name: f.split('/').pop()!, type: 'image/jpeg', bytes: readFileSync(f) })),
  );
  await expect.poll(() => page.getByTestId('attach-summary').textContent()).toContain('已添加 2 个');
  await expect.poll(() => page.getByTestId('material-card').locator('[data-thumb=image]').count()).toBe(2);
}

/** Where an element is on the page (its box), null when not rendered. */
const box = (l: Locator) => l.boundingBox();

/** How many dark pixels an <img> shows: text drawn on a page, not a blank sheet. */
const inkOf = (img: Locator) =>
  img.evaluate((el: HTMLImageElement) => {
    const c = document.createElement('canvas');
    c.width = el.naturalWidth;
    c.height = el.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(el, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
    return dark;
  });

describe('evidence first, in Chromium against the real core', () => {
  it('after an upload the thumbnails show, above the findings; each card badges its own; the top tag leads to the findings', async () => {
    const { page } = e2e;
    await dropTwoPhotos(e2e);
    const cards = page.getByTestId('material-card');
    const findings = page.getByTestId('criterion-findings');
    await findings.waitFor();

    // The standard comes first, then the materials, then the findings (document order, top to bottom).
    const text = await box(page.getByTestId('criterion-standard'));
    const firstThumb = await box(cards.first().locator('img'));
    const findingsBox = await box(findings);
    expect(text!.y).toBeLessThan(firstThumb!.y);
    expect(firstThumb!.y + firstThumb!.height).toBeLessThan(findingsBox!.y);
    // Right after the upload the thumbnails are on screen, below the pinned header, large enough to see a scene.
    const header = await box(page.getByTestId('findings-tag'));
    await expect.poll(async () => (await box(cards.first().locator('img')))!.y).toBeGreaterThan(header!.y);
    await expect
      .poll(async () => {
        const b = (await box(cards.first().locator('img')))!;
        return b.y + b.height <= 768;
      })
      .toBe(true);
    expect(firstThumb!.width).toBeGreaterThanOrEqual(160);
    expect(firstThumb!.height).toBeGreaterThanOrEqual(120);

    // Each card carries its own findings: 过小 on the small photo only; 缺说明 on both.
    const small = cards.filter({ hasText: '小图' });
    const good = cards.filter({ hasText: '现场' });
    await expect.poll(() => small.locator('[data-rule=photo-too-small]').textContent()).toBe('过小');
    expect(await good.locator('[data-rule=photo-too-small]').count()).toBe(0);
    expect(await cards.locator('[data-rule=caption-missing]').count()).toBe(2);
    // One date format on the card, the month it counts for as its own tag.
    expect(await good.getByTestId('material-date').textContent()).toBe('2026-03-12');
    expect(await good.textContent()).toMatch(/\d{1,2}月/u);
    await shot(page, '17-evidence-first');

    // The findings' count is at the top, and takes the officer to them.
    const tag = page.getByTestId('findings-tag');
    expect(await tag.textContent()).toMatch(/错误 \d+ · 警告 \d+ · 预计失分 [\d.]+ 分/u);
    await tag.click();
    await expect
      .poll(async () => {
        const f = (await box(findings))!;
        return f.y > header!.y && f.y < 768 / 2; // just below the pinned header
      })
      .toBe(true);
    await shot(page, '18-findings-from-tag');
  });

  it('a PDF shows its first page as the thumbnail; a Word file its type', async () => {
    const { page, app, dialogs } = e2e;
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await app.treeRow('3.1.2').click();
    dialogs.answerFiles([
      join(FIXTURES, 'pdfs', 'pdflatex-4-pages.pdf'),
      join(FIXTURES, 'office', 'doc-coreprops.docx'),
    ]);
    await page.getByRole('button', { name: '选择文件…' }).click();
    await expect.poll(() => page.getByTestId('attach-summary').textContent()).toContain('已添加 2 个');
    const pdf = page.getByTestId('material-card').filter({ hasText: 'pdflatex-4-pages' });
    const firstPage = pdf.locator('img[data-thumb=pdf]');
    await expect.poll(() => firstPage.count()).toBe(1);
    await expect.poll(() => inkOf(firstPage)).toBeGreaterThan(500); // the page's text, drawn by pdf.js
    // What was just added is brought on screen.
    await expect.poll(async () => ((await box(firstPage))?.y ?? 768) + 128 <= 768).toBe(true);
    expect(await pdf.textContent()).toContain('4 页');
    const word = page.getByTestId('material-card').filter({ has: page.locator('[data-type=docx]') });
    expect(await word.textContent()).toContain('Word 文档');
    await shot(page, '19-document-thumbnails');
    // A file the app cannot show inside says what it is and why.
    await word.click();
    await expect.poll(() => page.getByTestId('preview').textContent()).toContain('此类文件不能在软件内预览');
    expect(await page.getByTestId('preview').locator('[data-type=docx]').count()).toBe(1);
  });

  it('the preview fits the photo, shows its facts and findings, steps with ← → and buttons, zooms, and edits', async () => {
    const { page } = e2e;
    await dropTwoPhotos(e2e);
    // ← → follow the grid's order (within a kind, the order the files were added in: whichever intake finished first).
    const [first, second] = await page.getByTestId('material-title').allTextContents();
    expect([first, second].sort()).toEqual(['小图', '现场']);
    await page.getByTestId('material-card').first().click();
    const preview = page.getByTestId('preview');
    const title = page.getByTestId('preview-title');
    const position = page.getByTestId('preview-position');
    const facts = page.getByTestId('preview-facts');
    await expect.poll(() => position.textContent()).toBe('第 1 / 2 份');
    expect(await title.textContent()).toBe(first);
    expect(await preview.getByRole('button', { name: /上一份/u }).isDisabled()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title.textContent()).toBe(second);
    expect(await position.textContent()).toBe('第 2 / 2 份');
    expect(await preview.getByRole('button', { name: /下一份/u }).isDisabled()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => title.textContent()).toBe(first);
    await preview.getByRole('button', { name: /下一份/u }).click();
    await expect.poll(() => title.textContent()).toBe(second);
    await preview.getByRole('button', { name: /上一份/u }).click();
    await expect.poll(() => title.textContent()).toBe(first);

    // Each shows its own facts and findings: the small photo its 过小, the good one its camera date and size.
    if (first !== '小图') await page.keyboard.press('ArrowRight');
    await expect.poll(() => title.textContent()).toBe('小图');
    await expect.poll(() => facts.locator('[data-rule=photo-too-small]').count()).toBe(1);
    expect(await facts.textContent()).toContain('640 × 480 像素');
    await page.keyboard.press(first === '小图' ? 'ArrowRight' : 'ArrowLeft');
    await expect.poll(() => title.textContent()).toBe('现场');
    expect(await facts.textContent()).toContain('2026-03-12');
    expect(await facts.textContent()).toContain('3000 × ');
    expect(await facts.textContent()).toContain('实景图片');
    expect(await facts.locator('[data-rule=photo-too-small]').count()).toBe(0);
    await expect.poll(() => facts.locator('[data-rule=caption-missing]').count()).toBe(1);
    // Fitted to the dialog, not a stamp in the middle of it.
    await expect.poll(async () => (await box(preview.locator('img')))?.width ?? 0).toBeGreaterThan(700);
    await shot(page, '15b-photo-preview-facts');

    // A click on the photo shows it at 100% (the preview's own pixels), another fits it again.
    const stage = page.getByTestId('preview-stage');
    await expect.poll(() => preview.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1600);
    await preview.locator('img').click();
    await expect.poll(() => stage.getAttribute('data-zoom')).toBe('actual');
    expect(await preview.locator('img').evaluate((i: HTMLImageElement) => i.clientWidth)).toBe(1600);
    await preview.locator('img').click();
    await expect.poll(() => stage.getAttribute('data-zoom')).toBe('fit');

    await preview.getByRole('button', { name: '编辑' }).click();
    await expect.poll(() => page.getByTestId('edit-material').getByLabel('标题').inputValue()).toBe('现场');
  });
});
