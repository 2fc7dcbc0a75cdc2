import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localIsoTimestamp } from '@shared/domain/period';
import { testPlatform } from '../helpers/ctx';
import { startBridge } from './bridge/server';
import { shot } from './browser';
import { E2E_NOW, useE2E } from './session';

const e2e = useE2E();

const WANG = 'wang-2026'; // 王分管's 口令

describe('送审: the leader reviews a 送审包 on their own PC, the officer imports the 审核结果', () => {
  it('exports the key and the 送审包, signs in the read-only mode of another app, imports the answer', async () => {
    const { page, app, base, dialogs } = e2e;
    await page.getByTestId('try-demo').click();
    for (const code of ['3.1.1', '3.1.2']) await app.dropPeriodPhoto(code, base);

    // 设置 → 审核人: 王分管 added, the key exported to a USB stick and taken out of the workspace.
    await app.nav('设置');
    const panel = page.getByTestId('signers');
    await panel.getByRole('button', { name: '添加审核人' }).click();
    const add = page.getByTestId('add-signer');
    await add.getByLabel('姓名').fill('王分管');
    await add.getByText('分管领导', { exact: true }).click();
    await add.getByLabel('口令', { exact: true }).fill(WANG);
    await add.getByLabel('再次输入口令').fill(WANG);
    await add.getByRole('button', { name: '添加审核人' }).click();
    await expect.poll(() => panel.locator('[data-testid=signer-row]').count()).toBe(1);
    const usb = join(base, 'U盘');
    mkdirSync(usb);
    await panel.getByTestId('signer-export-key').click();
    const exportKey = page.getByTestId('export-key');
    await exportKey.getByLabel('从本工作区移除私钥（之后只能用密钥文件签批）').check();
    dialogs.answerFolder(usb);
    await exportKey.getByRole('button', { name: '选择保存位置并导出' }).click();
    await expect.poll(() => page.getByTestId('signers-notice').textContent()).toContain('本工作区已不再保存该私钥');
    expect(readdirSync(usb)).toEqual(['王分管_签批密钥.wbkey']);
    await expect.poll(() => panel.locator('[data-name=王分管]').textContent()).toContain('密钥不在本机');

    // 审核 → 导出送审包: both criteria wait for the 分管领导, both go.
    await app.nav('审核');
    await page.getByTestId('review-no-signer').waitFor();
    await page.getByTestId('export-request').click();
    const request = page.getByTestId('request-dialog');
    await expect.poll(() => request.textContent()).toContain('标准（已选 2 / 2 条）');
    dialogs.answerFolder(usb);
    await request.getByRole('button', { name: '选择保存位置并导出（2 条）' }).click();
    await expect.poll(() => page.getByTestId('remote-notice').textContent()).toContain('已导出送审包（2 条标准）');
    const zip = readdirSync(usb).find((f) => f.endsWith('.zip'))!;
    expect(zip).toBe('市教育局_送审包_分管领导_20260615.zip');

    // The leader's own PC: another app (its own core, no workspace), opened on 审核送审包（领导用）.
    const leaderDialogs = testPlatform(join(base, 'leader-pc'), E2E_NOW);
    const leaderBridge = await startBridge(leaderDialogs.platform);
    const leader = await page.context().newPage();
    const errors: string[] = [];
    leader.on('pageerror', (e) => errors.push(String(e)));
    leader.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await leader.clock.setFixedTime(E2E_NOW);
      await leader.goto(leaderBridge.url);
      leaderDialogs.answerFile(join(usb, zip));
      await leader.getByTestId('open-review-request').click();
      const screen = leader.getByTestId('remote-review');
      await expect.poll(() => screen.textContent()).toContain('市教育局 · 请分管领导审改');
      expect(await leader.getByTestId('remote-readonly').textContent()).toContain('只读：不会修改任何材料');
      expect(await rowCodes(leader)).toEqual(['3.1.1', '3.1.2']);
      const item = leader.getByTestId('remote-item');
      await expect.poll(() => item.getAttribute('data-code')).toBe('3.1.1');
      expect(await item.getByTestId('remote-requirements').textContent()).toContain('材料要求');
      // The thumbnail and the preview come from the zip's bytes.
      await expect.poll(() => item.getByTestId('remote-material').locator('img').count()).toBe(1);
      await item.getByTestId('remote-material').click();
      await expect.poll(() => leader.getByTestId('preview').locator('img').count()).toBe(1);
      await leader.keyboard.press('Escape');
      await expect.poll(() => leader.getByTestId('preview').count()).toBe(0);

      // 通过 asks for the key file first, then its 口令: a wrong one is said, the right one signs.
      leaderDialogs.answerFile(join(usb, '王分管_签批密钥.wbkey'));
      await item.getByRole('button', { name: '通过', exact: true }).click();
      const modal = leader.getByTestId('passphrase-modal');
      await expect.poll(() => modal.textContent()).toContain('通过 1 条标准：3.1.1');
      expect(await leader.getByTestId('remote-key').textContent()).toContain('王分管（分管领导）');
      await modal.getByLabel('口令', { exact: true }).fill('not-his');
      await modal.getByLabel('口令', { exact: true }).press('Enter');
      await expect.poll(() => modal.getByTestId('passphrase-error').textContent()).toContain('口令不正确');
      await modal.getByLabel('口令', { exact: true }).fill(WANG);
      await modal.getByLabel('口令', { exact: true }).press('Enter');
      await expect.poll(() => modal.count()).toBe(0);
      await expect.poll(() => rowState(leader, '3.1.1')).toBe('已通过');

      // 3.1.2 sent back with a comment.
      await leader.locator('[data-testid=remote-row][data-code="3.1.2"]').click();
      await expect.poll(() => item.getAttribute('data-code')).toBe('3.1.2');
      await item.getByRole('button', { name: '退回修改…' }).click();
      await item.getByLabel('退回意见').fill('请补充活动现场全景照片。');
      await item.getByRole('button', { name: '退回修改', exact: true }).click();
      await modal.getByLabel('口令', { exact: true }).fill(WANG);
      await modal.getByLabel('口令', { exact: true }).press('Enter');
      await expect.poll(() => rowState(leader, '3.1.2')).toBe('已退回');
      expect(await item.getByTestId('remote-decision').textContent()).toContain('退回修改（请补充活动现场全景照片。）');
      await leader.mouse.move(0, 0);
      await shot(leader, '47-remote-review-leader');

      // 保存审核结果 into the USB stick: the only file the leader's app writes.
      const before = readdirSync(usb).sort();
      leaderDialogs.answerFolder(usb);
      await leader.getByTestId('remote-save').click();
      await expect.poll(() => leader.getByTestId('remote-notice').textContent()).toContain('已保存审核结果');
      const added = readdirSync(usb).filter((f) => !before.includes(f));
      // Named by the leader's computer's time (its time zone), to the minute.
      const stamp = localIsoTimestamp(E2E_NOW).slice(0, 16).replace(/[-T:]/gu, '');
      expect(added).toEqual([`审核结果_市教育局_王分管_${stamp}.json`]);
      // Nothing else was written on the leader's PC, and the 送审包 itself is the one the officer wrote.
      const pc = join(base, 'leader-pc');
      expect(existsSync(pc) ? readdirSync(pc).filter((f) => f !== 'user-data') : []).toEqual([]);
      await shot(leader, '48-remote-review-saved');
      const answer = JSON.parse(readFileSync(join(usb, added[0]!), 'utf8')) as { reviews: unknown[] };
      expect(answer.reviews).toHaveLength(2);
      // Saved: 关闭 asks nothing and leaves the mode for the welcome screen.
      await leader.getByTestId('remote-close').click();
      await leader.getByTestId('welcome').waitFor();

      // Back at the officer's PC: 导入审核结果, and the ledger shows both decisions.
      dialogs.answerFile(join(usb, added[0]!));
      await page.getByTestId('import-answer').click();
      await expect.poll(() => page.getByTestId('remote-notice').textContent()).toContain('记录 2 条审核');
      expect(await page.getByTestId('remote-notice').textContent()).toContain('有效：3.1.1、3.1.2');
      await shot(page, '49-review-answer-imported');
      await app.nav('台账');
      await app.treeRow('3.1.1').click();
      await expect.poll(() => app.detail.getByTestId('review-badge').first().textContent()).toBe('已审改');
      await app.treeRow('3.1.2').click();
      await expect.poll(() => app.detail.getByTestId('review-badge').first().textContent()).toBe('退回');
      expect(await app.detail.getByTestId('review-comment').textContent()).toBe('退回意见：请补充活动现场全景照片。');
      expect(errors).toEqual([]);
    } finally {
      await leader.close();
      await leaderBridge.close();
    }
  });
});

async function rowCodes(page: Page): Promise<string[]> {
  await page.getByTestId('remote-row').first().waitFor();
  return page.getByTestId('remote-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code ?? ''));
}

async function rowState(page: Page, code: string): Promise<string | null> {
  return page.locator(`[data-testid=remote-row][data-code="${code}"]`).getByTestId('remote-row-state').textContent();
}
