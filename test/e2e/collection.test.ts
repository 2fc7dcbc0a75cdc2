import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { periodPhoto } from '../helpers/photos';
import { officeKey } from '../helpers/make-handout';
import { shot } from './browser';
import { cityHandout, junePhoto, KEY_DATE, PHOTO_REQUEST, STATEMENT_REQUEST } from './pages/city-handout';
import { CollectionPage } from './pages/collection-page';
import { useE2E, type E2E } from './session';
import { E2E_TEST_MS } from './waits';

const e2e = useE2E();

/**
 * The demo workspace with the 创城办's June hand-out imported, made through core before the page opens it (as the
 * app would have left it), then shown.
 */
async function demoWithHandout(e: E2E): Promise<void> {
  const { page, app, base, bridge } = e;
  await app.welcome.waitFor(); // before core opens a workspace behind the page's back
  const trusted = { ...bridge.ctx, trusted: true };
  await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2026, demo: true }, trusted);
  const h = await cityHandout(base, officeKey());
  await call('handout:import', { file: h.path }, trusted);
  await page.reload();
  await page.getByTestId('header-unit').waitFor();
}

/** The codes core says are owed in the current collection month, each once, sorted. */
async function owedCodes(e: E2E): Promise<string[]> {
  const view = await call('collection:month', {}, e.bridge.ctx);
  return [...new Set(view.owed.map((o) => o.criterionCode))].sort();
}

describe('月收集 in Chromium against the real core', () => {
  it(
    'the banner and its notification, the month with a 要账 met by photos, 销号, the 要账单, the year grid, 本月应交',
    async () => {
      const { page, app, base, bridge, dialogs } = e2e;
      const month = new CollectionPage(page);
      await demoWithHandout(e2e);

      // The reminders: the key date two days ahead in the banner, and once as a desktop notification (core asked
      // the platform; the bridge records it as main would show it).
      await month.reminder('keyDate').first().waitFor();
      expect(await month.reminder('keyDate').first().textContent()).toContain(KEY_DATE.title);
      // One desktop notification for what the banner lists (core words and bundles it).
      const listed = (await call('reminders:list', {}, bridge.ctx)).items;
      expect(bridge.notifications).toHaveLength(1);
      expect(JSON.stringify(bridge.notifications[0])).toContain(String(listed.length));
      // The badge: what core counts overdue this month (the statement due on the 10th at least).
      const counted = (await call('collection:month', {}, bridge.ctx)).counts.overdue;
      expect(counted).toBeGreaterThan(0);
      await expect.poll(() => month.badge.textContent()).toBe(String(counted));
      await shot(page, '50-reminders');
      await month.reminder('keyDate').first().getByRole('button', { name: '今日不再提醒' }).click();
      await expect.poll(() => month.reminder('keyDate').count()).toBe(0);

      // 月收集 for June: the office's photo request, not met yet.
      await month.open();
      expect(await month.month.inputValue()).toBe('2026年6月（本期）');
      const view = await call('collection:month', {}, bridge.ctx);
      expect(await month.counter('owed').textContent()).toContain(String(view.counts.owed));
      const photos = month.request(PHOTO_REQUEST);
      await expect.poll(() => photos.getAttribute('data-state')).toBe('open');
      expect(await photos.textContent()).toContain('创城办');
      expect(await month.owedRows('3.1.2').count()).toBeGreaterThan(0);
      expect(await month.owedRows('3.1.2').first().getAttribute('data-state')).not.toBe('met');
      await shot(page, '51-collection-month');

      // Two photos of June on 3.1.2 meet it: the request turns 已交 and its row shows their thumbnails.
      await app.nav('台账');
      await app.treeRow('3.1.2').click();
      const files = [
        { name: '劳动实践1.jpg', type: 'image/jpeg', bytes: await junePhoto(join(base, '劳动实践1.jpg')) },
        { name: '劳动实践2.jpg', type: 'image/jpeg', bytes: await junePhoto(join(base, '劳动实践2.jpg'), true) },
      ];
      await app.dropFiles(page.getByTestId('dropzone'), files);
      await expect.poll(() => page.getByTestId('attach-summary').textContent()).toContain('已添加 2 个');
      await month.open();
      await expect.poll(() => photos.getAttribute('data-state')).toBe('met');
      const met = page.locator('[data-testid=owed-row][data-code="3.1.2"][data-state=met]');
      await expect.poll(() => met.count()).toBeGreaterThan(0);
      await expect.poll(() => met.first().locator('img').count()).toBeGreaterThan(0);

      // The free-text statement, overdue: marked 已交 by hand; the badge follows core's count.
      const statement = month.request(STATEMENT_REQUEST);
      await statement.getByRole('button', { name: '标记已交' }).click();
      await expect.poll(() => statement.getAttribute('data-state')).toBe('met');
      const left = (await call('collection:month', {}, bridge.ctx)).counts.overdue;
      expect(left).toBeLessThan(counted);
      await expect
        .poll(() => (left === 0 ? month.badge.count() : month.badge.textContent()))
        .toBe(left === 0 ? 0 : String(left));

      // A 要账 of the unit's own, then 销号 with a note and 撤销销号.
      await month.screen.getByRole('button', { name: '新增要账…' }).click();
      const form = page.getByTestId('request-form');
      await app.selectInput('测评标准').fill('3.1.3');
      await page.getByRole('option', { name: /^3\.1\.3 / }).click();
      await form.getByLabel('需要什么').fill('心理辅导室照片2张');
      await form.getByLabel('责任人').fill('张老师');
      await form.getByLabel('电话').fill('0591-87654321');
      await form.getByRole('button', { name: '添加要账' }).click();
      await expect.poll(() => form.count()).toBe(0);
      const own = month.requests().filter({ hasText: '心理辅导室照片2张' });
      await expect.poll(() => own.count()).toBe(1);
      expect(await own.textContent()).toContain('张老师');
      await own.getByRole('button', { name: '销号…' }).click();
      await page.getByTestId('close-request').getByLabel('销号说明').fill('已当面收到');
      await page.getByTestId('close-request').getByRole('button', { name: '确认销号' }).click();
      await expect.poll(() => own.getAttribute('data-state')).toBe('closed');
      expect(await own.textContent()).toContain('已当面收到');
      await own.getByRole('button', { name: '撤销销号' }).click();
      await expect.poll(() => own.getAttribute('data-state')).toBe('open');

      // The 要账单 of June as XLSX, into the folder the dialog picks.
      const out = join(base, '要账单');
      mkdirSync(out);
      dialogs.answerFolder(out);
      await month.screen.getByRole('button', { name: '导出要账单' }).click();
      await page.getByRole('menuitem', { name: '要账单（Excel）…' }).first().click();
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain('已导出要账单');
      const [sheet] = readdirSync(out);
      expect(sheet).toMatch(/\.xlsx$/u);
      expect(statSync(join(out, sheet!)).size).toBeGreaterThan(0);

      // The year grid; a cell of another month opens that month.
      await month.tab('全年');
      await month.grid.waitFor();
      // June of 3.1.2 as core reads it: the two photos came in (the criterion itself asks for more, so partly).
      const year = await call('collection:year', {}, bridge.ctx);
      const june = year.rows.find((r) => r.code === '3.1.2')!.cells[year.months.indexOf('2026-06')];
      expect(['met', 'partly']).toContain(june);
      expect(await month.cell('3.1.2', '2026-06').getAttribute('data-state')).toBe(june);
      await shot(page, '52-collection-year');
      const other = month.grid.locator('td[data-month]:not([data-month="2026-06"]):not([data-state=not-due])').first();
      const otherMonth = (await other.getAttribute('data-month'))!;
      await other.click();
      await expect.poll(() => month.month.inputValue()).toContain(`${Number(otherMonth.slice(5, 7))}月`);
      expect(await month.screen.getByRole('tab', { selected: true }).textContent()).toContain(
        `${Number(otherMonth.slice(5, 7))}月`,
      );

      // The 台账's filter 本月应交 lists what 月收集 owes this month.
      await app.nav('台账');
      await app.scope('全部');
      await app.selectOption('截止', '本月应交');
      await expect.poll(async () => (await app.visibleLeafCodes()).sort()).toEqual(await owedCodes(e2e));
      await shot(page, '53-ledger-month-filter');
      // Every refresh above asked for the reminders again: none was shown twice on one day.
      expect(bridge.notifications).toHaveLength(1);
    },
    E2E_TEST_MS,
  );

  it(
    '修改月份 for a selection of materials, and the 月收集日 in 设置 moves the current month',
    async () => {
      const { page, app, base } = e2e;
      const month = new CollectionPage(page);
      await page.getByTestId('try-demo').click();
      await app.dropPeriodPhoto('3.1.2', base); // dated 2026-03-12: counts for March
      const second = await periodPhoto(join(base, '第二张.jpg'), (s) => s.flop());
      await app.dropFiles(page.getByTestId('dropzone'), [
        { name: '第二张.jpg', type: 'image/jpeg', bytes: readFileSync(second) },
      ]);
      await expect.poll(() => page.getByTestId('material-card').count()).toBe(2);
      const materials = page.getByTestId('materials');
      await materials.getByTestId('material-select-all').check();
      expect(await materials.getByTestId('material-selection').textContent()).toContain('已选 2 份');
      await shot(page, '54-materials-selection');
      await materials.getByRole('button', { name: '修改月份…' }).click();
      await app.selectOption('计入月份', '2026年6月');
      await page.getByTestId('set-month').getByRole('button', { name: '修改' }).click();
      await expect.poll(() => page.getByTestId('set-month').count()).toBe(0);
      await expect
        .poll(async () =>
          (await call('materials:list', { criterionCode: '3.1.2' }, e2e.bridge.ctx)).materials.map((m) => m.month),
        )
        .toEqual(['2026-06', '2026-06']);
      await expect
        .poll(() => page.getByTestId('material-card').evaluateAll((cards) => cards.map((c) => c.textContent)))
        .toEqual([expect.stringContaining('6月'), expect.stringContaining('6月')]);

      // 月收集日 20: on the 15th June is not collected yet, so 本期 is May.
      await app.nav('设置');
      const day = page.getByTestId('workspace-settings').getByLabel('月收集日');
      await day.fill('20');
      await page.getByTestId('workspace-settings').getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain('已保存');
      expect(await page.getByTestId('settings').textContent()).toContain('每月 20 日');
      await month.open();
      await expect.poll(() => month.month.inputValue()).toBe('2026年5月（本期）');
    },
    E2E_TEST_MS,
  );
});
