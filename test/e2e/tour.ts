import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import { DEMO_CATALOG } from '../helpers/ctx';
import { shot } from './browser';
import type { E2E } from './session';

/** An accessibility problem axe found that a user would meet: serious or critical, with where it is. */
export interface Barrier {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe (WCAG 2 A and AA, colour contrast included) on what the page shows now. */
async function barriersOn(e: E2E, screen: string): Promise<Barrier[]> {
  const r = await new AxeBuilder({ page: e.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`),
    }));
}

/**
 * Walks every screen an officer uses — the first-run wizard, 首页, the ledger (tree, table, a criterion with a photo, the
 * photo's preview), 月收集 (the month and the year grid), the import preview, 体检, 导出, 设置, 审核 and its 口令 dialog — taking a screenshot of each (`<prefix>-<screen>.png`) and collecting
 * what axe finds. The same tour runs at each screen size a test file asks for.
 */
export async function tourEveryScreen(e: E2E, prefix: string): Promise<Barrier[]> {
  const { page, app, base, dialogs } = e;
  const found: Barrier[] = [];
  const visit = async (screen: string) => {
    await page.waitForTimeout(300); // let transitions (Mantine's 150–200 ms) settle before the picture and axe
    await shot(page, `${prefix}-${screen}`);
    found.push(...(await barriersOn(e, screen)));
  };

  await app.welcome.waitFor();
  await page.getByLabel('单位名称').fill('市教育局');
  await visit('wizard');

  await page.getByTestId('try-demo').click();
  await page.getByTestId('home-trend').locator('[data-month]').first().waitFor(); // 首页, its trend read
  await page.mouse.move(0, 0); // the click left the pointer on a month's bar: no tooltip over the picture
  await visit('home');

  await app.dropPeriodPhoto('3.1.2', base);
  await visit('ledger-detail');

  await page.getByTestId('material-card').first().click();
  await expect.poll(() => page.getByTestId('preview').locator('img').count()).toBe(1);
  await visit('photo-preview');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('preview').count()).toBe(0);

  await app.view('表格');
  await app.table.waitFor();
  await visit('ledger-table');
  await app.view('树形');

  await page.getByRole('navigation').getByText('月收集', { exact: true }).click();
  await page.locator('[data-testid=owed-row], [data-testid=owed-empty]').first().waitFor();
  await visit('collection');
  await page.getByTestId('collection').getByRole('tab', { name: '全年' }).click();
  await page.getByTestId('year-legend').waitFor();
  await visit('collection-year');

  await app.nav('体检');
  await page.getByTestId('check-summary').waitFor();
  await visit('check');

  await app.nav('导出');
  await page.getByTestId('export-preview').waitFor();
  await visit('export');

  await app.nav('设置');
  await page.getByTestId('settings').waitFor();
  await visit('settings');

  // 审核 needs a leader: one added in 设置 → 审核人; the photo's criterion then waits for them.
  await page.getByTestId('signers').getByRole('button', { name: '添加审核人' }).click();
  const adding = page.getByTestId('add-signer');
  await adding.getByLabel('姓名').fill('王分管');
  await adding.getByLabel('口令', { exact: true }).fill('wang-2026');
  await adding.getByLabel('再次输入口令').fill('wang-2026');
  await adding.getByRole('button', { name: '添加审核人' }).click();
  await page.getByTestId('signers').locator('[data-testid=signer-row]').waitFor();
  await app.nav('审核');
  await page.getByTestId('review-item').getByTestId('material-card').waitFor();
  await visit('review');
  await page.getByTestId('review-item').getByRole('button', { name: '通过', exact: true }).click();
  await page.getByTestId('passphrase-modal').getByLabel('口令', { exact: true }).waitFor();
  await visit('passphrase');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('passphrase-modal').count()).toBe(0);
  await app.nav('设置');
  await page.getByTestId('settings').waitFor();

  dialogs.answerFile(DEMO_CATALOG);
  await page.getByRole('button', { name: '导入台账或测评体系' }).click();
  await expect.poll(() => page.getByTestId('import-summary').textContent()).toMatch(/将导入/u);
  await visit('import-preview');
  return found;
}
