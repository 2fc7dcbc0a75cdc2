import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { shot } from './browser';
import { useE2E } from './session';

const e2e = useE2E();

describe('设置 → 备份 and 从备份恢复 in Chromium against the real core', () => {
  it('backs up to the folder and to one file, restores in 设置 and opens the restored workspace', async () => {
    const { page, app, base, dialogs } = e2e;
    await page.getByTestId('try-demo').click();
    await app.dropPeriodPhoto('3.1.2', base);
    await app.nav('设置');
    const panel = page.getByTestId('backup');
    await expect.poll(() => panel.getByTestId('backup-newest').textContent()).toContain('还没有本工作区的备份');
    // The default folder is beside the workspace, on its disk: said so.
    expect(await panel.getByTestId('backup-folder').textContent()).toContain('网报通备份（默认位置）');
    expect(await panel.getByTestId('backup-same-disk').count()).toBe(1);

    await panel.getByRole('button', { name: '立即备份到备份文件夹' }).click();
    await expect.poll(() => panel.getByTestId('backup-result').textContent()).toContain('备份完成');
    expect(await panel.getByTestId('backup-result').textContent()).toContain('1 个（本次新复制 1 个');
    await expect.poll(() => panel.getByTestId('backup-newest').textContent()).toContain('共保留 1 份');
    await shot(page, '40-backup-done');

    const out = join(base, 'U盘');
    mkdirSync(out);
    dialogs.answerFolder(out);
    await panel.getByRole('button', { name: '备份成单个文件…' }).click();
    await expect.poll(() => panel.getByTestId('backup-result').textContent()).toContain('.wbbak');
    const [file] = readdirSync(out);
    expect(file).toMatch(/^网报通备份_市教育局_20260615-\d{4}\.wbbak$/u);

    // 从备份恢复 in 设置: into a new folder inside the one picked, then opened instead of this workspace.
    const parent = join(base, '恢复到这里');
    mkdirSync(parent);
    dialogs.answerFile(join(out, file!));
    dialogs.answerFolder(parent);
    await panel.getByRole('button', { name: '从备份恢复…' }).click();
    await page.getByRole('menuitem', { name: '从备份文件（.wbbak）恢复…' }).click();
    const restored = panel.getByTestId('restore-result');
    await expect.poll(() => restored.textContent()).toContain('1 份材料，全部文件校验通过');
    expect(readdirSync(parent)).toEqual(['市教育局-2026-恢复']);
    await shot(page, '41-restore-done');
    await restored.getByRole('button', { name: '打开恢复的工作区' }).click();
    await expect.poll(() => page.getByTestId('settings').textContent()).toContain(join(parent, '市教育局-2026-恢复'));
  });

  it('从备份恢复 on the welcome screen: the newest backup of a backup folder, restored and opened at once', async () => {
    const { page, app, base, bridge, dialogs } = e2e;
    await app.welcome.waitFor(); // before core opens a workspace behind the page's back
    // A workspace and its backup folder, made through core as the app made them above.
    const ctx = bridge.ctx;
    await call(
      'workspace:create',
      { dir: join(base, 'ws'), unit: '市教育局', year: 2026, demo: true },
      { ...ctx, trusted: true },
    );
    await call('backup:create', { to: 'folder' }, ctx);
    await call('workspace:close', {}, ctx);
    const parent = join(base, '恢复到这里');
    mkdirSync(parent);
    dialogs.answerFolder(join(base, '网报通备份')); // the default: beside the workspace
    dialogs.answerFolder(parent);
    await page.reload();
    await page.getByTestId('welcome').getByRole('button', { name: '从备份恢复…' }).click();
    await page.getByRole('menuitem', { name: '从备份文件夹恢复最近一次备份…' }).click();
    await expect.poll(() => page.getByTestId('header-unit').textContent()).toBe('市教育局');
    expect(readdirSync(parent)).toEqual(['市教育局-2026-恢复']);
  });

  it('a damaged backup is refused in the app with what is damaged', async () => {
    const { page, app, base, dialogs } = e2e;
    writeFileSync(join(base, '坏的.wbbak'), 'PK\x03\x04 not really a backup');
    dialogs.answerFile(join(base, '坏的.wbbak'));
    dialogs.answerFolder(base);
    await app.welcome.getByRole('button', { name: '从备份恢复…' }).click();
    await page.getByRole('menuitem', { name: '从备份文件（.wbbak）恢复…' }).click();
    await expect.poll(() => page.getByTestId('restore-error').textContent()).toContain('备份已损坏');
    expect(readdirSync(base).filter((n) => n.includes('恢复'))).toEqual([]);
  });
});
