import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { campaignYear, localIsoDate } from '@shared/domain/period';
import { periodPhoto } from '../helpers/photos';
import { shot } from './browser';
import { E2E_NOW, useE2E } from './session';

const e2e = useE2E();

describe('体检 in Chromium against the real core', () => {
  it('lists the risks with points; fixing a caption makes its finding disappear; tree rows carry risk tags', async () => {
    const { page, app, base } = e2e;
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    // A good photo without a caption, dropped on 3.1.2.
    const photo = await periodPhoto(join(base, '宣讲现场.jpg'));
    await app.treeRow('3.1.2').click();
    await app.dropFiles(page.getByTestId('dropzone'), [
      { name: '宣讲现场.jpg', type: 'image/jpeg', bytes: readFileSync(photo) },
    ]);
    await expect.poll(() => page.getByTestId('attach-summary').textContent()).toContain('已添加 1 个');
    // The detail lists the criterion's findings; the tree marks the row.
    await expect
      .poll(() => page.getByTestId('criterion-findings').locator('[data-rule=caption-missing]').count())
      .toBe(1);
    await expect.poll(() => app.treeRow('3.1.2').getByTestId('risk-tag').textContent()).toMatch(/✕ \d+/u);

    await app.nav('体检');
    const check = page.getByTestId('check');
    await check.waitFor();
    expect(await page.getByTestId('check-summary').textContent()).toMatch(/预计共失分 [\d.]+ 分/u);
    expect(await check.locator('[data-rule=no-materials]').count()).toBeGreaterThan(3);
    const missing = check.locator('[data-rule=caption-missing]');
    expect(await missing.count()).toBe(1);
    expect(await missing.textContent()).toContain('宣讲现场.jpg');
    expect(await missing.textContent()).toMatch(/预计失分 [\d.]+ 分/u);
    await shot(page, '20-check-by-criterion');

    // 查看 shows the photo; 编辑 from there: write the caption, save — the finding is gone, and nothing else about
    // the photo remains.
    await missing.getByRole('button', { name: '查看' }).click();
    await expect.poll(() => page.getByTestId('preview').locator('img').count()).toBe(1);
    await page.getByTestId('preview').getByRole('button', { name: '编辑' }).click();
    const edit = page.getByTestId('edit-material');
    await edit
      .getByLabel('图片说明')
      .fill('时间：2026年3月12日；地点：市一中报告厅；人物：全体教师；主题：师德师风专题学习');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => check.locator('[data-rule=caption-missing]').count()).toBe(0);
    expect(
      await check.locator('[data-material]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))),
    ).not.toContain('photo-too-small');

    await page.getByRole('radiogroup', { name: '分组' }).getByText('按问题', { exact: true }).click();
    await expect.poll(() => check.getByTestId('finding-group').first().getAttribute('data-key')).toBe('no-materials');
    await shot(page, '21-check-by-rule');
  });

  it('不属本单位职责: declared from the 体检 view with a statement, the criterion turns 不适用; withdrawn in the detail', async () => {
    const { page, app } = e2e;
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await app.nav('体检');
    const group = page.locator('[data-testid=finding-group][data-key="3.1.3"]');
    await group.locator('[data-rule=no-materials]').getByRole('button', { name: '不属本单位职责…' }).click();
    const dialog = page.getByTestId('declare-dialog');
    await dialog.getByLabel('说明').fill('太短');
    await dialog.getByRole('button', { name: '确认声明' }).click();
    await expect.poll(() => dialog.textContent()).toContain('至少 10 个字');
    await dialog.getByLabel('说明').fill('该项工作已于2025年划转至市文旅局，由其负责报送，见市创城办分工通知。');
    await shot(page, '22-declare');
    await dialog.getByRole('button', { name: '确认声明' }).click();
    await expect.poll(() => group.count()).toBe(0);

    await app.nav('台账');
    await app.treeRow('3.1.3').click();
    expect(await app.treeRow('3.1.3').locator('[title=不适用]').count()).toBe(1);
    const declared = page.getByTestId('declaration');
    expect(await declared.textContent()).toContain('划转至市文旅局');
    await shot(page, '23-declared-criterion');
    await declared.getByRole('button', { name: '撤销声明' }).click();
    await expect.poll(() => page.getByTestId('criterion-findings').locator('[data-rule=no-materials]').count()).toBe(1);
  });

  it('settings show the rule profile and 往年材料; a threshold change re-runs the check', async () => {
    const { page, app, base, dialogs } = e2e;
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await app.treeRow('3.1.2').click();
    const small = join(base, 'small.jpg');
    await periodPhoto(small, (s) => s.resize(900));
    await app.dropFiles(page.getByTestId('dropzone'), [
      { name: 'small.jpg', type: 'image/jpeg', bytes: readFileSync(small) },
    ]);
    await expect
      .poll(() => page.getByTestId('criterion-findings').locator('[data-rule=photo-too-small]').count())
      .toBe(1);

    await app.nav('设置');
    const form = page.getByTestId('rule-profile');
    await form.getByLabel('图片长边至少（像素）').fill('800');
    await form.getByRole('button', { name: '保存规则' }).click();
    await expect.poll(() => form.textContent()).toContain('本单位修改');

    // 往年材料 from a folder the user picks: last year's copy of the same photo.
    const previous = `${campaignYear(localIsoDate(E2E_NOW)) - 1}年`; // the demo is this campaign's; 往年 the one before
    const lastYear = join(base, previous);
    mkdirSync(lastYear);
    copyFileSync(small, join(lastYear, '去年.jpg'));
    dialogs.answerFolder(lastYear);
    await page.getByRole('button', { name: '导入往年材料文件夹…' }).click();
    await expect.poll(() => page.getByTestId('references').textContent()).toContain(previous);
    await shot(page, '24-settings-rules');

    await app.nav('台账');
    await app.treeRow('3.1.2').click();
    const findings = page.getByTestId('criterion-findings');
    await expect.poll(() => findings.locator('[data-rule=reused-from-earlier-year]').count()).toBe(1);
    expect(await findings.locator('[data-rule=photo-too-small]').count()).toBe(0);
  });
});
