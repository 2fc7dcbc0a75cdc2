import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot } from './browser';
import { writeCatalog } from '../helpers/catalog';
import { useE2E } from './session';

const e2e = useE2E();

const WANG = 'wang-2026'; // 王分管's 口令
const LI = 'li-zhuyao'; // 李主要's

describe('leader sign-off (审核) in Chromium against the real core', () => {
  it('adds two leaders, approves, sees an approval go stale and be renewed, returns one, and final is refused', async () => {
    const { page, app, base, dialogs } = e2e;
    await page.getByTestId('try-demo').click();
    for (const code of ['3.1.1', '3.1.2', '3.1.3']) await app.dropPeriodPhoto(code, base);

    // 审核 before any signer: it points to 设置 → 审核人.
    await app.nav('审核');
    await page.getByTestId('review-no-signer').waitFor();
    expect(await page.getByTestId('nav-review-waiting').textContent()).toBe('3');

    // 设置 → 审核人: a short 口令 and a mismatch are said before anything is sent.
    await page.getByTestId('review-no-signer').getByRole('button', { name: '前往设置' }).click();
    const panel = page.getByTestId('signers');
    await expect.poll(() => panel.textContent()).toContain('还没有审核人');
    const refused = await addSigner(page, '王分管', '分管领导', '12345', '12345');
    await expect.poll(() => refused.textContent()).toContain('口令至少需要 6 个字符');
    await refused.getByLabel('口令', { exact: true }).fill(WANG);
    await refused.getByLabel('再次输入口令').fill(`${WANG}x`);
    await refused.getByRole('button', { name: '添加审核人' }).click();
    await expect.poll(() => refused.textContent()).toContain('两次输入的口令不一致');
    await refused.getByLabel('再次输入口令').fill(WANG);
    await refused.getByRole('button', { name: '添加审核人' }).click();
    await expect.poll(() => panel.locator('[data-testid=signer-row]').count()).toBe(1);
    await addSigner(page, '李主要', '主要负责同志', LI);
    await expect.poll(() => panel.locator('[data-testid=signer-row]').count()).toBe(2);
    expect(await panel.locator('[data-name=王分管]').textContent()).toMatch(/分管领导[0-9a-f]{4} [0-9a-f]{4} /u);
    expect(await panel.locator('[data-name=李主要]').textContent()).toContain('主要负责同志');
    // The key card for the 创城办, saved in the folder picked.
    const cards = join(base, '密钥卡');
    mkdirSync(cards);
    dialogs.answerFolder(cards);
    await panel.locator('[data-name=王分管]').getByTestId('signer-card').click();
    await expect.poll(() => page.getByTestId('signers-notice').textContent()).toContain('已保存审核人密钥卡');
    expect(readdirSync(cards)).toEqual(['审核人密钥卡_王分管.pdf']);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, '40-settings-signers');

    // 审核 as 王分管: the three criteria with a photo wait for the 分管领导.
    await app.nav('审核');
    const queue = page.getByTestId('review-queue');
    const codes = () => queue.locator('[data-testid=review-row]').evaluateAll((r) => r.map((e) => e.dataset.code));
    await app.selectOption('审核人', '王分管（分管领导）');
    await expect.poll(codes).toEqual(['3.1.1', '3.1.2', '3.1.3']);
    const item = page.getByTestId('review-item');
    await expect.poll(() => item.getAttribute('data-code')).toBe('3.1.1');
    await item.getByTestId('material-card').waitFor();
    expect(await item.getByTestId('criterion-standard').textContent()).toContain('材料要求');
    expect(await item.getByTestId('review-findings').textContent()).toContain('体检结果');
    // The in-app preview, read only: no 编辑.
    await item.getByTestId('material-card').click();
    await expect.poll(() => page.getByTestId('preview').locator('img').count()).toBe(1);
    expect(await page.getByTestId('preview').getByRole('button', { name: '编辑' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('preview').count()).toBe(0);
    await page.mouse.move(0, 0);
    await shot(page, '41-review-screen');

    // Two at once, a wrong 口令 first.
    await queue.getByRole('checkbox', { name: /^3\.1\.1 / }).check();
    await queue.getByRole('checkbox', { name: /^3\.1\.2 / }).check();
    await queue.getByRole('button', { name: '通过所选（2 条）' }).click();
    const modal = page.getByTestId('passphrase-modal');
    const input = modal.getByLabel('口令', { exact: true });
    await expect.poll(() => input.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await modal.textContent()).toContain('通过 2 条标准：3.1.1、3.1.2');
    await input.fill('not-his');
    await page.keyboard.press('Enter');
    await expect.poll(() => modal.getByTestId('passphrase-error').textContent()).toContain('口令不正确');
    await shot(page, '42-passphrase-wrong');
    await sign(modal, WANG);
    await expect.poll(codes).toEqual(['3.1.3']);

    // The officer edits a caption of 3.1.1 in the 台账: the approval is stale, with what changed.
    await app.nav('台账');
    await app.treeRow('3.1.1').click();
    const badge = app.detail.getByTestId('review-badge').first();
    await expect.poll(() => badge.textContent()).toBe('已审改');
    await app.detail.getByTestId('material-card').click();
    await page.getByTestId('preview').getByRole('button', { name: '编辑' }).click();
    const edit = page.getByTestId('edit-material');
    await edit.getByLabel('图片说明').fill('时间：2026年3月12日；地点：市一中；思政课公开课现场');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => badge.textContent()).toBe('已失效');
    const summary = app.detail.getByTestId('review-summary');
    expect(await summary.getByTestId('review-changes').textContent()).toContain('修改了“宣讲”的说明');
    expect(await summary.textContent()).toMatch(/王分管 通过（2026-06-15 \d\d:00）/u); // in the computer's time zone
    await summary.scrollIntoViewIfNeeded();
    await shot(page, '43-detail-stale');

    // 王分管 approves it again; then 李主要 approves both.
    await app.nav('审核');
    await expect.poll(codes).toEqual(['3.1.1', '3.1.3']);
    expect(await queue.locator('[data-code="3.1.1"]').textContent()).toContain('已失效');
    await queue.locator('[data-code="3.1.1"]').getByRole('button').click();
    await expect.poll(() => item.getAttribute('data-code')).toBe('3.1.1');
    await item.getByRole('button', { name: '通过', exact: true }).click();
    await sign(modal, WANG);
    await expect.poll(codes).toEqual(['3.1.3']);

    await app.selectOption('审核人', '李主要（主要负责同志）');
    await expect.poll(codes).toEqual(['3.1.1', '3.1.2']);
    await queue.getByRole('checkbox', { name: '全选' }).check();
    await queue.getByRole('button', { name: '通过所选（2 条）' }).click();
    await sign(modal, LI);
    await expect.poll(() => page.getByTestId('review-queue-empty').count()).toBe(1);

    // 王分管 sends 3.1.3 back: the comment is required, then shown to the officer.
    await app.selectOption('审核人', '王分管（分管领导）');
    await expect.poll(codes).toEqual(['3.1.3']);
    await item.getByRole('button', { name: '退回修改…' }).click();
    await item.getByRole('button', { name: '退回修改', exact: true }).click();
    await expect.poll(() => item.textContent()).toContain('退回修改时请写明需要修改的地方');
    expect(await modal.count()).toBe(0);
    const comment = '照片看不出是心理健康教育活动，请补充活动现场全景和图片说明。';
    await item.getByLabel('退回意见').fill(comment);
    await item.getByRole('button', { name: '退回修改', exact: true }).click();
    await expect.poll(() => modal.textContent()).toContain('退回修改 1 条标准：3.1.3');
    await shot(page, '44-passphrase-modal');
    await sign(modal, WANG);
    await expect.poll(() => queue.locator('[data-code="3.1.3"]').textContent()).toContain('退回');
    expect(await queue.locator('[data-code="3.1.3"]').textContent()).toContain(comment);

    await app.nav('台账');
    await app.treeRow('3.1.3').click();
    await expect.poll(() => app.detail.getByTestId('review-badge').first().textContent()).toBe('退回');
    expect(await app.detail.getByTestId('review-comment').textContent()).toBe(`退回意见：${comment}`);
    await app.treeRow('3.1.2').click();
    await expect.poll(() => app.detail.getByTestId('review-badge').first().textContent()).toBe('已审阅把关');
    expect(await app.detail.getByTestId('review-summary').textContent()).toContain('李主要 通过');

    await app.nav('首页');
    const card = page.getByTestId('home-review');
    await expect.poll(() => card.textContent()).toContain('已审阅把关 2 条');
    expect(await card.getByTestId('home-review-leader').textContent()).toBe('待分管领导审改 1 条');
    expect(await card.getByTestId('home-review-principal').textContent()).toBe('待主要负责同志审阅把关 0 条');

    // 正式: refused while other criteria lack materials (the 体检's errors) and 3.1.3 lacks approval.
    await app.nav('导出');
    await page.getByRole('radiogroup', { name: '类型' }).getByText('正式', { exact: true }).click();
    await expect.poll(() => page.getByTestId('export-blocking').textContent()).toContain('不能生成正式申报包');
    expect(await page.getByTestId('export-unapproved').textContent()).toContain('还有 1 条标准未经分管领导审改');
    expect(await page.getByRole('button', { name: '选择保存位置并导出…' }).isDisabled()).toBe(true);
    await shot(page, '45-final-refused');
  });

  it('a final package is signed by the 主要负责同志 with their 口令 once both leaders approved everything', async () => {
    const { page, app, base, dialogs } = e2e;
    await app.welcome.waitFor();
    await page.getByLabel('单位名称').fill('市教育局');
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.getByTestId('ledger-empty').waitFor();
    const file = writeCatalog(base, ONE_CRITERION, '2026签批', '签批测试.json');
    dialogs.answerFile(file);
    await page.getByTestId('ledger-empty').getByRole('button', { name: '导入台账或测评体系' }).click();
    await page.getByRole('button', { name: '确认导入' }).click();
    await app.dropPeriodPhoto('1.1.1', base);
    await app.detail.getByTestId('material-card').click();
    await page.getByTestId('preview').getByRole('button', { name: '编辑' }).click();
    const edit = page.getByTestId('edit-material');
    await edit.getByLabel('图片说明').fill('时间：2026年3月12日；地点：市一中；人物：初二学生；主题：思政课公开课');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('edit-material').count()).toBe(0);

    await app.nav('设置');
    await addSigner(page, '王分管', '分管领导', WANG);
    await expect.poll(() => page.locator('[data-testid=signer-row]').count()).toBe(1);
    await addSigner(page, '李主要', '主要负责同志', LI);
    await expect.poll(() => page.locator('[data-testid=signer-row]').count()).toBe(2);

    await app.nav('审核');
    const modal = page.getByTestId('passphrase-modal');
    await app.selectOption('审核人', '王分管（分管领导）');
    await page.getByTestId('review-item').getByRole('button', { name: '通过', exact: true }).click();
    await sign(modal, WANG);
    await app.selectOption('审核人', '李主要（主要负责同志）');
    await page.getByTestId('review-item').getByRole('button', { name: '通过', exact: true }).click();
    await sign(modal, LI);
    await page.getByTestId('review-queue-empty').waitFor();

    await app.nav('导出');
    await page.getByRole('radiogroup', { name: '类型' }).getByText('正式', { exact: true }).click();
    await expect.poll(() => page.getByTestId('export-check').textContent()).toContain('错误 0');
    expect(await page.getByTestId('export-blocking').count()).toBe(0);
    expect(await page.getByTestId('export-unapproved').count()).toBe(0);
    const out = join(base, '交创城办');
    mkdirSync(out);
    await page.getByRole('button', { name: '选择保存位置并导出…' }).click();
    // The only 主要负责同志 is chosen; a wrong 口令 costs a try and says so, the dialog stays for another.
    expect(await modal.textContent()).toContain('主要负责同志 李主要，请输入您的口令以签名');
    await modal.getByLabel('口令', { exact: true }).fill('not-his');
    await modal.getByLabel('口令', { exact: true }).press('Enter');
    await expect.poll(() => modal.getByTestId('passphrase-error').textContent()).toContain('口令不正确');
    dialogs.answerFolder(out);
    await sign(modal, LI);
    const result = page.getByTestId('export-result');
    await expect.poll(() => result.textContent()).toContain('校验通过');
    expect(readdirSync(out)[0]).toMatch(/正式\.zip$/u);
    await page.getByTestId('verify').getByRole('button', { name: '校验这个申报包' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('校验通过');
    expect(await page.getByTestId('verify-result').locator('[data-code=signature-missing]').count()).toBe(0);
    await shot(page, '46-final-signed');
  });
});

/** 设置 → 审核人 → 添加审核人, filled and sent; returns the dialog (closed when core took it). */
async function addSigner(page: Page, name: string, level: string, passphrase: string, again = passphrase) {
  const panel = page.getByTestId('signers');
  await panel.getByRole('button', { name: '添加审核人' }).click();
  const dialog = page.getByTestId('add-signer');
  await dialog.getByLabel('姓名').fill(name);
  await dialog.getByText(level, { exact: true }).click();
  await dialog.getByLabel('口令', { exact: true }).fill(passphrase);
  await dialog.getByLabel('再次输入口令').fill(again);
  await dialog.getByRole('button', { name: '添加审核人' }).click();
  return dialog;
}

/** A catalog of one criterion asking for one captioned photo: a final package can be complete. */
const ONE_CRITERION = [
  {
    label: '一、',
    title: '教育系统专项',
    children: [
      {
        label: '（一）',
        title: '校园工作',
        children: [
          {
            label: '1.',
            title: '思政课建设',
            text: '中小学按要求开齐开足思政课。',
            methods: '网上申报',
            points: 2,
            requirements: [{ kind: 'photo' as const, min: 1, text: '实景图片' }],
            leadUnit: '市教育局',
          },
        ],
      },
    ],
  },
];

/** Types a leader's 口令 in the open dialog and signs with Enter; waits for the dialog to close. */
async function sign(modal: Locator, passphrase: string): Promise<void> {
  await modal.getByLabel('口令', { exact: true }).fill(passphrase);
  await modal.getByLabel('口令', { exact: true }).press('Enter');
  await expect.poll(() => modal.count()).toBe(0);
}
