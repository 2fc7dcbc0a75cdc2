import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { verifyAuditChain } from '../../electron/core/workspace/audit';
import { Workspace, type WorkspaceSettings } from '../../electron/core/workspace/workspace';
import { AppError } from '@shared/ipc/errors';
import { testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

const settings: WorkspaceSettings = {
  unit: { name: '市教育局', aliases: ['教育局'], kind: 'city' },
  unitId: '0123456789abcdef0123456789abcdef',
  year: 2026,
  period: { start: '2025-11-01', end: '2026-10-31' },
  createdAt: '2026-05-20T02:00:00.000Z',
  createdBy: 'test',
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('workspace create and open', () => {
  it('creates a folder with workspace.db and blobs/, reopens it, and keeps the settings', async () => {
    const dir = join(tmpDir(), '市教育局-2026');
    const ws = await Workspace.create(dir, settings);
    expect(readdirSync(dir).sort()).toEqual(
      ['blobs', 'workspace.db', 'workspace.db-shm', 'workspace.db-wal', 'workspace.lock'].sort(),
    );
    ws.close();
    expect(readdirSync(dir)).not.toContain('workspace.lock'); // released on close
    const again = await Workspace.open(dir);
    expect(again.settings()).toEqual(settings);
    expect(verifyAuditChain(again.db)).toBeNull();
    again.close();
  });

  it('a workspace made before unit kinds gets the kind its name suggests', async () => {
    const dir = join(tmpDir(), 'old');
    const unit = { name: '文澜街道办事处', aliases: [] }; // as such a workspace stored it: no kind
    (await Workspace.create(dir, { ...settings, unit } as unknown as WorkspaceSettings)).close();
    const db = new Database(join(dir, 'workspace.db'));
    expect(
      JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'unit'").pluck().get() as string),
    ).not.toHaveProperty('kind');
    db.close();
    const ws = await Workspace.open(dir);
    expect(ws.settings().unit.kind).toBe('township');
    ws.close();
  });

  it('refuses a folder that is not a workspace, a file, a missing path, a non-empty folder and an existing workspace', async () => {
    const base = tmpDir();
    mkdirSync(join(base, 'photos'));
    writeFileSync(join(base, 'photos', 'a.jpg'), 'x');
    writeFileSync(join(base, 'file.txt'), 'x');
    expect(await codeOf(Workspace.open(join(base, 'photos')))).toBe('workspace-invalid');
    expect(await codeOf(Workspace.open(join(base, 'file.txt')))).toBe('workspace-invalid');
    expect(await codeOf(Workspace.open(join(base, 'nowhere')))).toBe('io');
    expect(await codeOf(Workspace.create(join(base, 'photos'), settings))).toBe('workspace-exists');
    const ws = await Workspace.create(join(base, 'ws'), settings);
    ws.close();
    expect(await codeOf(Workspace.create(join(base, 'ws'), settings))).toBe('workspace-exists');
  });

  it('refuses a corrupted database with a clear message', async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, 'workspace.db'), Buffer.alloc(8192, 0x5a));
    const err = await Workspace.open(dir).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('workspace-invalid');
    expect((err as AppError).message).toMatch(/损坏|不是网报通/u);
  });

  it('reports a workspace locked by another program', async () => {
    const dir = join(tmpDir(), 'ws');
    (await Workspace.create(dir, settings)).close();
    const other = new Database(join(dir, 'workspace.db'));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const err = await Workspace.open(dir).catch((e: AppError) => e);
      expect((err as AppError).code).toBe('workspace-locked');
      expect((err as AppError).message).toContain('另一个程序');
    } finally {
      other.exec('COMMIT');
      other.close();
    }
  }, 20_000);

  it('leaves nothing half-made where the folder cannot be written', async () => {
    // /sys refuses new folders even for root, the way a read-only share or a locked folder does.
    const err = await Workspace.create('/sys/wangbao-test/ws', settings).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not-permitted');
    expect((err as AppError).message).toContain('没有权限');
    expect(existsSync('/sys/wangbao-test')).toBe(false);
  });

  it('removes its staging folder when creation fails midway', async () => {
    const base = tmpDir();
    const bad = { ...settings, unit: undefined } as unknown as WorkspaceSettings; // makes writeSettings throw
    await expect(Workspace.create(join(base, 'ws'), bad)).rejects.toThrow();
    expect(readdirSync(base)).toEqual([]);
  });
});

describe('workspace handlers', () => {
  it('create with the demo, then current, recent and close', async () => {
    const base = tmpDir();
    const { ctx } = testCtx(base);
    const info = await call(
      'workspace:create',
      { dir: join(base, 'demo'), unit: '市教育局', year: 2026, demo: true },
      ctx,
    );
    expect(info.period).toEqual({ start: '2025-11-01', end: '2026-10-31' });
    expect(info.catalog?.leaves).toBeGreaterThanOrEqual(40);
    expect(info.mineLeaves).toBeGreaterThan(5);
    expect(info.mineLeaves).toBeLessThan(info.catalog!.leaves);
    expect(await call('workspace:current', {}, ctx)).toEqual(info);
    expect((await call('workspace:recent', {}, ctx)).map((r) => r.dir)).toEqual([join(base, 'demo')]);
    await call('workspace:close', {}, ctx);
    expect(await call('workspace:current', {}, ctx)).toBeNull();
  });

  it('refuses paths the renderer did not get from a dialog, and accepts picked ones', async () => {
    const base = tmpDir();
    const { ctx, answerFolder } = testCtx(base, false);
    const dir = join(base, 'elsewhere', 'ws');
    expect(await codeOf(call('workspace:create', { dir, unit: '甲', year: 2026 }, ctx))).toBe('path-not-allowed');
    answerFolder(join(base, 'elsewhere'));
    expect(await call('dialog:pickFolder', {}, ctx)).toBe(join(base, 'elsewhere'));
    expect((await call('workspace:create', { dir, unit: '甲', year: 2026 }, ctx)).dir).toBe(dir);
    expect(await codeOf(call('workspace:open', { dir: '/etc' }, ctx))).toBe('path-not-allowed');
  });

  it('returns null when the user cancels a dialog', async () => {
    const { ctx, answerFolder } = testCtx(tmpDir(), false);
    answerFolder(null);
    expect(await call('workspace:open', {}, ctx)).toBeNull();
  });

  it('update: renaming the unit re-derives mine, keeps the user choices, is audited; a bad period is refused', async () => {
    const base = tmpDir();
    const { ctx } = testCtx(base);
    await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2026, demo: true }, ctx);
    await call('criteria:scope', { codes: ['1.1.3'], mine: true }, ctx);
    const info = await call(
      'workspace:update',
      { unit: '市卫健委', aliases: ['卫健委'], period: { start: '2025-12-01', end: '2026-11-30' } },
      ctx,
    );
    expect(info).toMatchObject({
      unit: { name: '市卫健委', aliases: ['卫健委'] },
      year: 2026,
      period: { start: '2025-12-01' },
    });
    const mine = (await call('catalog:list', {}, ctx)).criteria.filter((c) => c.leaf && c.mine).map((c) => c.code);
    expect(mine).toContain('6.1.1'); // 牵头单位 市卫健委
    expect(mine).not.toContain('3.1.2'); // 市教育局's, no longer preselected
    expect(mine).toContain('1.1.3'); // chosen by hand (各区人民政府 does not reach a 市直单位), kept
    const err = await call('workspace:update', { period: { start: '2026-01-01', end: '2025-01-01' } }, ctx).catch(
      (e: AppError) => e,
    );
    expect((err as AppError).code).toBe('invalid-args');
    expect(verifyAuditChain(ctx.session.workspace!.db)).toBeNull();
    const actions = ctx.session.workspace!.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all();
    expect(actions).toEqual(['workspace.create', 'catalog.import', 'criteria.scope', 'workspace.settings']);
  });

  it('validates arguments and channels before any handler runs', async () => {
    const { ctx } = testCtx(tmpDir());
    const { dispatch } = await import('../../electron/core/dispatch');
    const bad = await dispatch('workspace:create', { dir: 'x', unit: '', year: 'soon' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-args', message: '参数不正确。' } });
    expect(await dispatch('fs:readAnything', {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch('catalog:list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
  });
});
