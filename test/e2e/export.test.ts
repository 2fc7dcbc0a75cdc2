import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shot } from './browser';
import { useE2E } from './session';

const e2e = useE2E();

describe('导出 and 校验申报包 in Chromium against the real core', () => {
  it('exports a monthly package with progress, shows its 目录, verifies it; a tampered copy fails; final is blocked', async () => {
    const { page, app, base, dialogs } = e2e;
    await page.getByTestId('try-demo').click();
    await app.dropPeriodPhoto('3.1.2', base); // the demo opens on 首页: in the 台账

    await app.nav('导出');
    const preview = page.getByTestId('export-preview');
    await expect.poll(() => preview.textContent()).toContain('1 份材料');
    expect(await preview.textContent()).toMatch(/_市教育局_\d{6}_月报\.zip/u);
    const out = join(base, '交创城办');
    mkdirSync(out);
    dialogs.answerFolder(out);
    await page.evaluate(() => {
      const w = window as unknown as { seen: unknown[]; api: { onEvent(l: (e: unknown) => void): void } };
      w.seen = [];
      w.api.onEvent((e) => w.seen.push(e));
    });
    await page.getByRole('button', { name: '选择保存位置并导出…' }).click();
    const result = page.getByTestId('export-result');
    await expect.poll(() => result.textContent()).toContain('校验通过');
    const [zip] = readdirSync(out);
    expect(zip).toMatch(/月报\.zip$/u);
    expect(await result.textContent()).toContain(join(out, zip!));
    // Progress reached the page entry by entry: the manifest, five documents, the photo.
    const seen = await page.evaluate(() => (window as unknown as { seen: { done: number; total: number }[] }).seen);
    expect(seen.map((e) => `${e.done}/${e.total}`)).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
    await shot(page, '30-export-done');

    await result.getByRole('button', { name: '查看目录' }).click();
    await expect.poll(() => page.getByTestId('pdf-page').textContent()).toMatch(/第 1 \/ \d+ 页/u);
    await shot(page, '31-package-index');
    await page.getByTestId('package-index').getByRole('button').first().click(); // close

    const verify = page.getByTestId('verify');
    await verify.getByRole('button', { name: '校验这个申报包' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('校验通过');
    expect(await page.getByTestId('verify-result').locator('[data-code=signature-missing]').count()).toBe(1);

    // A copy with one byte changed, picked through 校验申报包….
    const bytes = readFileSync(join(out, zip!));
    const at = bytes.indexOf(Buffer.from('宣讲.jpg')) + 3000;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(join(base, '改过的.zip'), bytes);
    dialogs.answerFile(join(base, '改过的.zip'));
    await verify.getByRole('button', { name: '选择申报包并校验…' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('校验未通过');
    expect(await page.getByTestId('verify-result').locator('[data-code=file-hash-mismatch]').count()).toBe(1);
    await shot(page, '32-verify-tampered');

    await page.getByRole('radiogroup', { name: '类型' }).getByText('正式', { exact: true }).click();
    await expect.poll(() => page.getByTestId('export-blocking').count()).toBe(1);
    expect(await page.getByRole('button', { name: '选择保存位置并导出…' }).isDisabled()).toBe(true);
    await shot(page, '33-final-blocked');
    // A blocking finding is fixed where it is shown: declaring the criterion 不属本单位职责 removes one error.
    const blocking = page.getByTestId('export-blocking');
    const count = async () => Number(/还有 (\d+) 项错误/u.exec((await blocking.textContent()) ?? '')?.[1]);
    const before = await count();
    await blocking.locator('[data-rule=no-materials]').first().getByRole('button', { name: '不属本单位职责…' }).click();
    const dialog = page.getByTestId('declare-dialog');
    await dialog.getByLabel('说明').fill('该项工作由市文旅局负责报送，本单位不承担，见市创城办分工通知。');
    await dialog.getByRole('button', { name: '确认声明' }).click();
    await expect.poll(count).toBe(before - 1);
  });
});
