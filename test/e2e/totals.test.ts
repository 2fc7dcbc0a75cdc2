import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/ctx';
import { shot } from './browser';
import { useE2E } from './session';

const e2e = useE2E();

/** The number in "预计失分 1.5 分" / "预计共失分 12.3 分" as the screen shows it (a line without one: 0). */
async function pointsIn(where: Locator): Promise<number> {
  return Number(/预计共?失分 ([\d.]+) 分/u.exec((await where.textContent()) ?? '')?.[1] ?? 0);
}
const sum = (xs: number[]) => Math.round(xs.reduce((a, x) => a + x, 0) * 100) / 100;

/** Corpus files that each cost 3.1.2 (劳动教育与研学实践, 1.5 分) something: old, tiny, uncaptioned, encrypted. */
const BAD = [
  ['photos/Canon_40D.jpg', 'image/jpeg'],
  ['photos/Nikon_D70.jpg', 'image/jpeg'],
  ['pdfs/minimal-document.pdf', 'application/pdf'],
  ['pdfs/libreoffice-writer-password.pdf', 'application/pdf'],
] as const;

describe('points at risk read off the screens', () => {
  it('标准详情, 体检 and 导出 show the same capped totals; a final package lists every blocking error', async () => {
    const { page, app } = e2e;
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await app.treeRow('3.1.2').click();
    await app.dropFiles(
      page.getByTestId('dropzone'),
      BAD.map(([path, type]) => ({ name: path.split('/')[1]!, type, bytes: readFileSync(join(FIXTURES, path)) })),
    );
    await expect.poll(() => page.getByTestId('attach-summary').textContent()).toContain(`已添加 ${BAD.length} 个`);

    // 标准详情: the lines add up to more than the criterion's 1.5 分; the total shown is capped, and says why.
    const findings = page.getByTestId('criterion-findings');
    await expect.poll(() => findings.getByTestId('points-capped').count()).toBe(1);
    const lines = await Promise.all((await findings.getByTestId('finding').all()).map(pointsIn));
    expect(sum(lines)).toBeGreaterThan(1.5);
    const detail = await pointsIn(findings.getByTestId('criterion-points-at-risk'));
    expect(detail).toBe(1.5);
    await shot(page, '27-detail-capped');

    // 体检: the criterion's group shows the same; the groups add up to the total.
    await app.nav('体检');
    const check = page.getByTestId('check');
    await check.waitFor();
    const group = check.locator('[data-testid=finding-group][data-key="3.1.2"]');
    expect(await pointsIn(group.getByTestId('group-points'))).toBe(detail);
    expect(await group.getByTestId('group-capped').count()).toBe(1);
    const total = await pointsIn(page.getByTestId('check-total'));
    const groups = await Promise.all((await check.getByTestId('group-points').all()).map(pointsIn));
    expect(sum(groups)).toBe(total);
    await shot(page, '25-check-totals');

    // 导出: the same total; a final package lists all its blocking errors, by criterion, in a scrolling box.
    await app.nav('导出');
    await expect.poll(() => page.getByTestId('export-check').count()).toBe(1);
    expect(await pointsIn(page.getByTestId('export-check'))).toBe(total);
    await page.getByRole('radiogroup', { name: '类型' }).getByText('正式', { exact: true }).click();
    const blocking = page.getByTestId('export-blocking');
    await blocking.waitFor();
    const errors = Number(/还有 (\d+) 项错误/u.exec((await blocking.textContent()) ?? '')?.[1]);
    expect(errors).toBeGreaterThan(5);
    expect(await blocking.getByTestId('finding').count()).toBe(errors);
    const codes = await blocking
      .getByTestId('blocking-group')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('3.1.2');
    // The list scrolls inside its box rather than pushing the export button off the screen.
    const box = await blocking.getByTestId('blocking-scroll').boundingBox();
    expect(box!.height).toBeLessThanOrEqual(290);
    await expect.poll(() => page.getByRole('button', { name: '选择保存位置并导出…' }).isVisible()).toBe(true);
    await shot(page, '34-final-blocked-all');

    // "体检" in the text goes there.
    await blocking.getByRole('button', { name: '体检', exact: true }).click();
    await expect.poll(() => page.getByTestId('check').isVisible()).toBe(true);
  });

  it('设置 names each rule in Chinese (its id on hover) and its share as 扣该条分值的 N%', async () => {
    const { page, app } = e2e;
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await app.nav('设置');
    const row = page.getByTestId('rule-profile').locator('[data-rule=statement-too-short]');
    await row.waitFor();
    await page.getByText('扣分比例：', { exact: false }).scrollIntoViewIfNeeded();
    await shot(page, '26-settings-rule-shares');
    expect(await row.textContent()).toContain('情况说明过短');
    expect(await row.textContent()).toContain('扣该条分值的');
    expect(await row.textContent()).not.toContain('statement-too-short');
    expect(await row.getByLabel('扣分比例：情况说明过短').inputValue()).toBe('20%');
    await row.getByText('情况说明过短', { exact: true }).hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('规则编号：statement-too-short');
  });
});
