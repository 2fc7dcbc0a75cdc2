import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCollectiveLedger } from '../helpers/xlsx';
import { shot } from './browser';
import { useE2E } from './session';

const e2e = useE2E();

describe('scope for collective duties, in Chromium against the real core', () => {
  it('the wizard guesses the unit kind; the preview preselects 集体责任, lists 待确认, types phrases; 设置 re-derives', async () => {
    const { page, app, base, dialogs, bridge } = e2e;
    await app.welcome.waitFor();
    await page.getByLabel('单位名称').fill('市教育局');
    await expect.poll(() => page.getByTestId('unit-kind').inputValue()).toBe('市直单位');
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.getByTestId('ledger-empty').waitFor();

    const file = join(base, '台账.xlsx');
    await writeCollectiveLedger(file);
    dialogs.answerFile(file);
    await page.getByRole('button', { name: '导入台账或测评体系' }).click();
    const scope = page.getByTestId('import-scope');
    await expect.poll(() => scope.textContent()).toContain('按集体责任（本单位类别：市直单位）预选 2 条');
    expect(await page.getByTestId('scope-row-1.1.1').textContent()).toContain('集体责任：各成员单位');
    expect(await page.getByTestId('scope-row-1.1.5').textContent()).toContain('待确认：各执法部门');
    const checked = (code: string) => page.getByRole('checkbox', { name: `${code} 本单位负责` }).isChecked();
    expect([await checked('1.1.1'), await checked('1.1.2'), await checked('1.1.3'), await checked('1.1.5')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // The action bar stays in view at 1366×768 however long the preview is.
    const bar = await page.getByTestId('import-actions').boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(768);
    await page.getByTestId('scope-row-1.1.2').scrollIntoViewIfNeeded();
    await shot(page, '11b-import-scope');

    await page.getByRole('checkbox', { name: '1.1.5 本单位负责' }).check();
    await app.selectInput('1.1.1 “学习心得体会”的材料类型').click();
    await page.getByRole('option', { name: '规范文件', exact: true }).click();
    await page.getByRole('button', { name: '确认导入' }).click();
    await app.tree.waitFor();
    await expect.poll(() => app.visibleLeafCodes()).toEqual(['1.1.1', '1.1.2', '1.1.3', '1.1.5']);
    const kind = bridge.ctx.session
      .workspace!.db.prepare("SELECT kind FROM requirement_kinds WHERE criterion_code = '1.1.1'")
      .pluck()
      .get();
    expect(kind).toBe('document');

    await app.nav('设置');
    const form = page.getByTestId('workspace-settings');
    await form.getByTestId('unit-kind').click();
    await page.getByRole('option', { name: '街道乡镇', exact: true }).click();
    await form.getByRole('button', { name: '保存' }).click();
    await app.nav('台账');
    // 各街道 now reaches the unit, 各市直单位 no longer does; the choice made by hand (1.1.5) stays.
    await expect.poll(() => app.visibleLeafCodes()).toEqual(['1.1.1', '1.1.2', '1.1.4', '1.1.5']);
  });
});
