import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDeadline } from '@shared/domain/deadline';
import { dueOf } from '@shared/domain/next-due';
import { defaultPeriod, localIsoDate } from '@shared/domain/period';
import { M } from '../../renderer/src/features/ledger/messages';
import { DEMO_CATALOG, FIXTURES } from '../helpers/ctx';
import { shot } from './browser';
import { E2E_NOW, useE2E, type E2E } from './session';

/** A 台账 whose 测评方法 column is headed 考评办法, which the guess does not know. */
async function writeOddHeaderLedger(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getRow(1).values = ['测评项目', '测评内容', '测评标准', '考评办法', '牵头单位'];
  ws.getRow(2).values = ['一、理想信念教育', '（一）学习教育', '1.中心组学习', '网上申报', '市委宣传部'];
  ws.getRow(3).values = ['', '', '2.基层宣讲', '网上申报', '市委宣传部'];
  ws.getRow(4).values = ['', '（二）主题宣传', '1.公益广告', '实地考察、网上申报', '市委宣传部'];
  ws.mergeCells('A2:A4');
  ws.mergeCells('B2:B3');
  await wb.xlsx.writeFile(path);
}

const e2e = useE2E();
let page: E2E['page'];
let app: E2E['app'];
let bridge: E2E['bridge'];
let dialogs: E2E['dialogs'];
let base: string;
beforeEach(() => ({ page, app, bridge, dialogs, base } = e2e));

describe('ledger in Chromium against the real core', () => {
  it('opens the demo, browses the tree, opens a criterion, filters, and switches to the table', async () => {
    await expect.poll(() => app.welcome.isVisible()).toBe(true);
    await shot(page, '01-welcome');
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await expect.poll(() => page.getByTestId('header-unit').textContent()).toBe('市教育局');
    await shot(page, '02-ledger-tree');

    // Mine is preselected from 牵头/责任单位: named (3.1.2), or a collective reaching a 市直单位 (1.1.1: 市直各单位),
    // not one reaching others (1.1.3: 各区人民政府).
    const mine = await app.visibleLeafCodes();
    expect(mine.length).toBeGreaterThan(5);
    expect(mine).toContain('3.1.2');
    expect(mine).toContain('1.1.1');
    expect(mine).not.toContain('1.1.3');

    // Fold and unfold a 测评项目.
    await app.treeRow('3').click();
    expect(await app.visibleLeafCodes()).not.toContain('3.1.2');
    await app.treeRow('3').click();
    expect(await app.visibleLeafCodes()).toContain('3.1.2');

    // The header reads as progress: a percentage and the bar's legend as labelled counts.
    const header = (await app.progress.textContent()) ?? '';
    expect(header).toMatch(/\d+%/u);
    expect(header).toMatch(/已齐全 0\/\d+.*进行中 \d+.*未开始 \d+/u);
    // Each leaf shows when it is due: 3.1.2 is 每月5日前 with nothing collected yet, so it is late since the last
    // collection day passed (06-05 on 06-15), not quietly "next on 07-05".
    const today = localIsoDate(E2E_NOW);
    const due = dueOf(
      { deadline: '每月5日前', ...parseDeadline('每月5日前'), status: 'not-started' },
      today,
      defaultPeriod(Number(today.slice(0, 4))),
    );
    expect(due).toEqual({ date: '2026-06-05', urgency: 'overdue' });
    const tag = app.treeRow('3.1.2').getByTestId('due-tag');
    expect(await tag.getAttribute('data-due')).toBe(due!.date);
    expect(await tag.textContent()).toBe(M.dueLabel(due!.date, today));
    // 已逾期 lists exactly what the header counts as 逾期.
    const overdue = Number(/逾期 (\d+)/u.exec(header)?.[1] ?? 0);
    await app.selectOption('截止', '逾期');
    await expect.poll(async () => (await app.visibleLeafCodes()).length).toBe(overdue);
    const urgencies = await app.tree
      .getByTestId('due-tag')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-urgency')));
    expect(new Set(urgencies)).toEqual(new Set(overdue > 0 ? ['overdue'] : []));
    await app.clearSelect('截止');
    await expect.poll(() => app.visibleLeafCodes()).toEqual(mine);

    await app.treeRow('3.1.2').click();
    await app.detail.waitFor();
    const detail = await app.detail.textContent();
    expect(detail).toContain('劳动教育与研学实践');
    expect(detail).toContain('实景图片');
    expect(detail).toContain('每月5日前');
    expect(detail).toContain('3.1 学校德育');
    await shot(page, '03-criterion-detail');

    await app.search('心理');
    await expect.poll(() => app.visibleLeafCodes()).toEqual(['3.1.3']);
    await app.search('');
    await app.scope('全部');
    const all = await app.visibleLeafCodes();
    expect(all.length).toBeGreaterThanOrEqual(40);
    await app.selectOption('测评方法', '问卷调查');
    // 问卷调查 in the demo catalog, alone or beside other methods.
    await expect.poll(() => app.visibleLeafCodes()).toEqual(['3.2.2', '4.2.3', '5.2.2', '7.2.1']);
    await shot(page, '04-filter-method');
    await app.clearSelect('测评方法');
    await expect.poll(async () => (await app.visibleLeafCodes()).length).toBe(all.length);
    await app.selectOption('状态', '不适用');
    const na = await app.visibleLeafCodes();
    expect(na).toContain('2.1.3');
    expect(na).not.toContain('3.1.2');

    await app.view('表格');
    await app.table.waitFor();
    const rows = await app.tableCodes();
    expect(rows.sort()).toEqual([...na].sort());
    await shot(page, '05-table');
  });

  it('sorts the table and chooses columns', async () => {
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await app.scope('全部');
    await app.view('表格');
    const pointsColumn = (await app.table.locator('thead th').allTextContents()).indexOf('分值');
    const pointsShown = () =>
      app.table
        .locator('tbody tr')
        .evaluateAll((rows, i) => rows.map((r) => parseFloat(r.children[i]!.textContent ?? '') || 0), pointsColumn);
    await app.table.getByText('分值', { exact: true }).click();
    const points = await pointsShown();
    expect(points).toEqual([...points].sort((a, b) => a - b));
    await app.table.getByText('分值 ▲', { exact: true }).click();
    const desc = await pointsShown();
    expect(desc).toEqual([...points].sort((a, b) => b - a));
    // Sorted by the next due date: earliest first, criteria with none (不适用, no deadline) last.
    await app.table.getByText('下次截止', { exact: true }).click();
    const dues = await app.table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('[data-due]')?.getAttribute('data-due') ?? null));
    const dated = dues.filter((d): d is string => d !== null);
    expect(dated.length).toBeGreaterThan(5);
    expect(dues).toEqual([...[...dated].sort(), ...dues.filter((d) => d === null)]);

    await page.getByRole('button', { name: '显示列' }).click();
    await page.getByRole('checkbox', { name: '牵头单位' }).check();
    await expect.poll(() => app.table.locator('thead th').allTextContents()).toContain('牵头单位');
    // The chooser sits above the table, not over it: the column it adds stays in view.
    const chooser = await page.getByTestId('column-chooser').boundingBox();
    const leadHeader = await app.table.locator('thead th', { hasText: '牵头单位' }).boundingBox();
    expect(chooser!.y + chooser!.height).toBeLessThanOrEqual(leadHeader!.y);
    await shot(page, '06-table-columns');
  });

  it('first-run wizard: creates an empty workspace, imports the catalog through the dialog, changes scope', async () => {
    await app.welcome.waitFor();
    await page.getByLabel('单位名称').fill('市卫健委');
    await page.getByLabel('单位别名（可选，用顿号分隔）').fill('卫健委');
    await expect.poll(() => page.getByTestId('workspace-dir').inputValue()).toContain('市卫健委-');
    await shot(page, '07-wizard');
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.getByTestId('ledger-empty').waitFor();
    await shot(page, '08-empty-ledger');

    dialogs.answerFile(DEMO_CATALOG);
    await page.getByRole('button', { name: '导入台账或测评体系' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toMatch(/将导入 \d+ 条/u);
    await page.getByRole('button', { name: '确认导入' }).click();
    await app.tree.waitFor();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('已导入');
    const mine = await app.visibleLeafCodes();
    expect(mine).toContain('6.1.1'); // 牵头单位 市卫健委
    expect(mine).toContain('3.1.3'); // 责任单位 市卫健委

    await app.treeRow('6.1.1').click();
    await expect.poll(() => app.progress.textContent()).toMatch(/已齐全 0\/\d+/u);
    const before = Number(/已齐全 0\/(\d+)/u.exec((await app.progress.textContent()) ?? '')![1]);
    await page.getByRole('switch', { name: '本单位负责' }).click({ force: true });
    await expect
      .poll(async () => Number(/已齐全 0\/(\d+)/u.exec((await app.progress.textContent()) ?? '')![1]))
      .toBe(before - 1);

    await app.nav('设置');
    await expect.poll(() => page.getByTestId('settings').textContent()).toContain('市卫健委');
    await shot(page, '09-settings');
    // Renaming the unit re-derives what is preselected as the unit's own.
    const form = page.getByTestId('workspace-settings');
    await form.getByLabel('单位名称').fill('市教育局');
    await form.getByLabel('单位别名（用顿号分隔）').fill('');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('header-unit').textContent()).toBe('市教育局');
    await app.nav('台账');
    await expect.poll(() => app.visibleLeafCodes()).toContain('3.1.2');
    await app.nav('关闭工作区');
    await app.welcome.waitFor();
    await expect.poll(() => page.getByText('市卫健委 · ').count()).toBe(1);
  });

  it('imports a 台账 .xlsx through the preview: fixes a mapping the guess missed, confirms, sees the tree', async () => {
    await app.welcome.waitFor();
    await page.getByLabel('单位名称').fill('市委宣传部');
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.getByTestId('ledger-empty').waitFor();
    const file = join(base, '台账.xlsx');
    await writeOddHeaderLedger(file);
    dialogs.answerFile(file);
    await page.getByRole('button', { name: '导入台账或测评体系' }).click();
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('将导入 6 条，其中末级测评标准 3 条。');
    await expect.poll(() => page.getByTestId('import-tree').textContent()).toContain('1.1.2基层宣讲');
    expect(await app.selectInput('列：测评方法').inputValue()).toBe('不导入');
    expect(await page.getByTestId('import-warnings').textContent()).toContain('没有找到“测评方法”列');
    await shot(page, '11-import-preview');
    expect(
      (await bridge.ctx.session.workspace!.db.prepare('SELECT count(*) n FROM criteria').get()) as { n: number },
    ).toEqual({ n: 0 });

    await app.selectInput('列：测评方法').click();
    await page.getByRole('option', { name: 'D · 考评办法' }).click();
    await expect.poll(() => app.selectInput('列：测评方法').inputValue()).toBe('D · 考评办法');
    await page.getByRole('button', { name: '确认导入' }).click();
    await app.tree.waitFor();
    await expect.poll(() => app.visibleLeafCodes()).toEqual(['1.1.1', '1.1.2', '1.2.1']);
    await app.treeRow('1.1.2').click();
    expect(await app.detail.textContent()).toContain('网上申报');
    await shot(page, '12-imported-from-xlsx');
  });

  it('drops photos onto a criterion: thumbnails appear, counters fill, a caption is edited, a PDF is picked', async () => {
    await page.getByTestId('try-demo').click();
    await app.nav('台账'); // the demo opens on 首页
    await app.tree.waitFor();
    await app.treeRow('3.1.2').click();
    await page.getByTestId('dropzone').waitFor();
    const photos = ['Canon_40D.jpg', 'orientation_portrait_6.jpg', 'corrupted.jpg'].map((name) => ({
      name,
      type: 'image/jpeg',
      bytes: readFileSync(join(FIXTURES, 'photos', name)),
    }));
    await page.evaluate(() => {
      const w = window as unknown as { seen: unknown[]; api: { onEvent(l: (e: unknown) => void): void } };
      w.seen = [];
      w.api.onEvent((e) => w.seen.push(e));
    });
    await app.dropFiles(page.getByTestId('dropzone'), photos);
    await expect.poll(() => page.getByTestId('attach-summary').textContent()).toContain('已添加 2 个');
    // Progress events reached the page through the same event path the window uses.
    const seen = await page.evaluate(() => (window as unknown as { seen: { done: number; total: number }[] }).seen);
    expect(seen.map((e) => `${e.done}/${e.total}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(await page.getByTestId('attach-summary').textContent()).toContain('图片已损坏');
    await expect.poll(() => page.getByTestId('material-card').locator('img').count()).toBe(2);
    // Counted as the 体检 counts: the Canon photo was taken in 2008, outside the period, so only one makes up the six.
    await expect.poll(() => app.treeRow('3.1.2').textContent()).toContain('实景图片 1/6');
    await shot(page, '13-materials');

    await page.getByTestId('material-card').first().click();
    await expect.poll(() => page.getByTestId('preview').locator('img').count()).toBe(1);
    await shot(page, '15-photo-preview');
    await page.getByTestId('preview').getByRole('button', { name: '编辑' }).click();
    const edit = page.getByTestId('edit-material');
    await edit.getByLabel('图片说明').fill('时间：2026年5月12日；地点：市实验小学；主题：劳动教育');
    await edit.getByRole('button', { name: '保存' }).click();
    // The card's own finding badge (缺说明) is left on the other photo only.
    const captionBadges = page
      .getByTestId('materials')
      .locator('[data-testid=card-finding][data-rule=caption-missing]');
    await expect.poll(() => captionBadges.count()).toBe(1);

    dialogs.answerFiles([join(FIXTURES, 'pdfs', 'pdflatex-4-pages.pdf')]);
    await page.getByRole('button', { name: '选择文件…' }).click();
    await expect.poll(() => page.getByTestId('materials').textContent()).toContain('4 页');
    // Made in 2022 (its PDF dates), so it does not count for this period: the counter says so, as the 体检 does.
    await expect.poll(() => app.treeRow('3.1.2').textContent()).toContain('规范文件 0/1');
    await shot(page, '14-materials-pdf');
    // The PDF pages inside the app with pdf.js.
    await page.getByTestId('material-card').filter({ hasText: 'pdflatex-4-pages' }).click();
    await expect.poll(() => page.getByTestId('pdf-page').textContent()).toBe('第 1 / 4 页');
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => page.getByTestId('pdf-page').textContent()).toBe('第 2 / 4 页');
    // The page label changes before pdf.js has drawn the page (on a busy machine, visibly so): wait for the ink.
    const inked = () =>
      page
        .getByTestId('pdf-viewer')
        .locator('canvas')
        .evaluate((c: HTMLCanvasElement) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
          return dark;
        });
    await expect.poll(inked).toBeGreaterThan(500); // text was drawn
    await shot(page, '16-pdf-preview');
    await page.getByTestId('preview').getByRole('button', { name: '编辑' }).click();
    await page.getByTestId('edit-material').getByRole('button', { name: '取消' }).click();

    // Delete to the trash, undo, then move to another criterion.
    await page.getByTestId('material-card').first().click();
    await page.getByTestId('preview').getByRole('button', { name: '编辑' }).click();
    await page.getByTestId('edit-material').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('materials-notice').textContent()).toContain('已删除 1 份材料');
    await expect.poll(() => page.getByTestId('material-card').count()).toBe(2);
    await page.getByTestId('materials-notice').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('material-card').count()).toBe(3);
    await page.getByTestId('material-card').first().click();
    await page.getByTestId('preview').getByRole('button', { name: '编辑' }).click();
    await app.selectInput('移动或复制到另一条标准').fill('3.1.3');
    await page.getByRole('option', { name: /^3\.1\.3 / }).click();
    await page.getByTestId('edit-material').getByRole('button', { name: '移动', exact: true }).click();
    await expect.poll(() => page.getByTestId('material-card').count()).toBe(2);
    await app.treeRow('3.1.3').click();
    await expect.poll(() => page.getByTestId('material-card').count()).toBe(1);

    // Searching finds materials by their caption and opens the criterion holding them.
    await app.search('实验小学');
    await expect.poll(() => page.getByTestId('material-hits').textContent()).toContain('材料中找到 1 份');
    await page.getByTestId('material-hits').getByText('3.1.2').click();
    await expect.poll(() => app.detail.textContent()).toContain('劳动教育与研学实践');
  });

  it('shows a clear Chinese message when the workspace folder is not empty', async () => {
    await app.welcome.waitFor();
    await page.getByLabel('单位名称').fill('示例');
    const dir = await page.getByTestId('workspace-dir').inputValue();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'keep.txt'), 'user file');
    await page.getByRole('button', { name: '创建工作区' }).click();
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('文件夹不是空的');
    await shot(page, '10-error');
  });
});
