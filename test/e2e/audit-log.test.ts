import { describe, expect, it } from 'vitest';
import { shot } from './browser';
import { useE2E } from './session';

const e2e = useE2E();

describe('设置 → 操作记录 in Chromium against the real core', () => {
  it('lists what was done, newest first, follows a change, filters by criterion, and verifies the chain', async () => {
    const { page, app, base } = e2e;
    await page.getByTestId('try-demo').click();
    await page.getByTestId('header-points-at-risk').waitFor();
    await app.dropPeriodPhoto('3.1.2', base);
    await app.nav('设置');
    const rows = page.getByTestId('audit-rows').locator('tbody tr');
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))))
      .toEqual(['material.attach', 'catalog.import', 'workspace.create']);
    expect(await rows.first().textContent()).toContain('添加材料');
    expect(await rows.first().textContent()).toContain('3.1.2');

    const panel = page.getByTestId('audit-log');
    await panel.getByLabel('标准编号').fill('3.1.2');
    await expect.poll(() => rows.count()).toBe(1);
    await panel.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toContain('操作记录完整：共 3 条');
    await panel.scrollIntoViewIfNeeded();
    await shot(page, '47-settings-audit-log');
  });
});
