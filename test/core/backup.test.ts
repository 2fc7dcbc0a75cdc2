import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { createHost } from '../../electron/core/host';
import { memoryLogger } from '../../electron/core/log';
import { objectPath, storedObjects } from '../../electron/core/backup/folder-store';
import { snapshotsToKeep } from '../../electron/core/backup/retention';
import { AutoBackup, backupDue } from '../../electron/core/backup/scheduler';
import { HANDOVER_SCRUB } from '../../electron/core/backup/handover';
import { listSignerRows } from '../../electron/core/signoff/signers-repo';
import { writeBackupFile } from '../../electron/core/backup/write-backup-file';
import { writeBackupFolder } from '../../electron/core/backup/write-backup-folder';
import { hashFile } from '../../electron/core/store/blob-store';
import { verifyAuditChain } from '../../electron/core/workspace/audit';
import type { Workspace } from '../../electron/core/workspace/workspace';
import type { Material } from '@shared/ipc/types';
import { FIXTURES, testCtx, testPlatform } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { periodPhoto } from '../helpers/photos';

const demo = useDemoWorkspace();
let ctx: Ctx;
let base: string;
beforeEach(() => ({ ctx, base } = demo));

/** The demo with real files: corpus photos and PDFs on 3.1.2, a Word file and an iPhone HEIF on 3.2.3, one in the trash. */
async function filled(): Promise<Material[]> {
  await demo.attach('3.1.2', [
    join(FIXTURES, 'photos', 'Canon_40D.jpg'),
    join(FIXTURES, 'photos', 'DSCN0010.jpg'),
    join(FIXTURES, 'pdfs', 'pdflatex-4-pages.pdf'),
  ]);
  await demo.attach('3.2.3', [
    join(FIXTURES, 'office', 'having-images.docx'),
    join(FIXTURES, 'photos', 'samplefilehub.heif'),
  ]);
  const [trashed] = await demo.attach('3.2.3', [join(FIXTURES, 'pdfs', 'minimal-document.pdf')]);
  await call('materials:delete', { ids: [trashed!.materialId!], deleted: true }, ctx);
  return (await call('materials:list', {}, ctx)).materials;
}

const ws = (): Workspace => ctx.session.workspace!;
const blobRows = (w: Workspace): string[] =>
  w.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').pluck().all() as string[];
const sorted = (ms: Material[]): Material[] => [...ms].sort((a, b) => a.id.localeCompare(b.id));

/** Opens a restored workspace in a context of its own and returns what it holds. */
async function openRestored(dir: string) {
  const { ctx: other } = testCtx(base);
  await call('workspace:open', { dir }, other);
  const w = other.session.workspace!;
  const materials = (await call('materials:list', {}, other)).materials;
  const rows = blobRows(w);
  const hashes = await Promise.all(rows.map(async (sha) => (await hashFile(w.store.path(sha))).sha256));
  const audit = verifyAuditChain(w.db);
  w.close();
  return { materials, rows, hashes, audit };
}

/** What a failed restore must leave: no target, and nothing hidden beside it. */
function nothingRestored(parent: string, name: string): void {
  expect(existsSync(join(parent, name))).toBe(false);
  expect(readdirSync(parent).filter((n) => n.startsWith(`.${name}.`))).toEqual([]);
}

/** Flips one byte of `file` where the bytes of `from` (a blob) appear, 3000 bytes into them. */
function flipInside(file: string, from: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(readFileSync(from).subarray(3000, 3064)) + 10;
  expect(at).toBeGreaterThan(10);
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(file, bytes);
}

describe('one-file backup (.wbbak) and restore', () => {
  it('backs up through the online backup API and restores into a new folder: same materials, same blobs', async () => {
    const before = await filled();
    const out = join(base, '备份.wbbak');
    const r = (await call('backup:create', { to: 'file', out }, ctx))!;
    const rows = blobRows(ws());
    expect(r).toMatchObject({ path: out, blobs: rows.length, blobsCopied: rows.length, kind: 'backup', folder: null });
    expect(r.bytes).toBe(statSync(out).size);
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
    expect(readdirSync(base).filter((n) => n.includes('partial'))).toEqual([]);
    // An ordinary zip: unzip tests it; the manifest, the database, every blob and thumbnail.
    execFileSync('unzip', ['-tq', out]);
    const names = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n');
    expect(names).toContain('manifest.json');
    expect(names).toContain('workspace.db');
    expect(names.filter((n) => n.startsWith('blobs/'))).toHaveLength(rows.length);
    expect(names.filter((n) => n.startsWith('thumbs/')).length).toBeGreaterThan(0);

    const restored = await call('backup:restore', { source: out, dir: join(base, '恢复') }, ctx);
    expect(restored).toMatchObject({
      workspace: join(base, '恢复'),
      materials: before.length,
      verified: true,
      info: null,
    });
    const got = await openRestored(join(base, '恢复'));
    expect(sorted(got.materials)).toEqual(sorted(before));
    expect(got.rows).toEqual(rows); // the trash's and the HEIC original's blobs too
    expect(got.hashes).toEqual(rows);
    expect(got.audit).toBeNull();
    expect(readdirSync(join(base, '恢复', 'thumbs')).length).toBeGreaterThan(0);
    // The live workspace is untouched and still open.
    expect((await call('materials:list', {}, ctx)).materials).toHaveLength(before.length);
  });

  it('refuses a damaged backup — a flipped byte in a blob, a truncated file, no manifest — naming what, restoring nothing', async () => {
    await filled();
    const out = join(base, 'b.wbbak');
    await call('backup:create', { to: 'file', out }, ctx);
    const canon = ws().store.path(
      ws().db.prepare("SELECT sha256 FROM materials WHERE file_name = 'Canon_40D.jpg'").pluck().get() as string,
    );
    const restore = (file: string) => call('backup:restore', { source: file, dir: join(base, 'r') }, ctx);

    const flipped = join(base, 'flipped.wbbak');
    writeFileSync(flipped, readFileSync(out));
    flipInside(flipped, canon);
    const e1 = await restore(flipped).catch((e: unknown) => e);
    expect(e1).toMatchObject({ code: 'input-refused' });
    expect((e1 as Error).message).toMatch(/blobs\/[0-9a-f]{2}\/[0-9a-f]+（材料：Canon_40D\.jpg）/u);
    nothingRestored(base, 'r');

    const truncated = join(base, 'truncated.wbbak');
    writeFileSync(truncated, readFileSync(out));
    truncateSync(truncated, Math.floor(statSync(out).size / 2));
    const e2 = await restore(truncated).catch((e: unknown) => e);
    expect(e2).toMatchObject({ code: 'input-refused', message: expect.stringContaining('不完整') });
    nothingRestored(base, 'r');

    const noManifest = join(base, 'no-manifest.wbbak');
    writeFileSync(noManifest, readFileSync(out));
    execFileSync('zip', ['-qd', noManifest, 'manifest.json']);
    await expect(restore(noManifest)).rejects.toMatchObject({
      code: 'input-refused',
      message: expect.stringContaining('缺少 manifest.json'),
    });
    nothingRestored(base, 'r');
  });

  it('refuses a target that exists and is not empty, and a backup made by a newer app', async () => {
    await filled();
    const out = join(base, 'b.wbbak');
    await call('backup:create', { to: 'file', out }, ctx);
    const busy = join(base, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, '我的文件.txt'), '别动');
    await expect(call('backup:restore', { source: out, dir: busy }, ctx)).rejects.toMatchObject({
      code: 'workspace-exists',
    });
    expect(readdirSync(busy)).toEqual(['我的文件.txt']);
    await expect(call('backup:restore', { source: out, dir: ws().dir }, ctx)).rejects.toMatchObject({
      code: 'workspace-exists',
    });

    // The same backup as a newer app would write it: its manifest names a database version this app lacks.
    const newer = join(base, 'newer');
    mkdirSync(newer);
    execFileSync('unzip', ['-q', out, 'manifest.json', '-d', newer]);
    const m = JSON.parse(readFileSync(join(newer, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(newer, 'manifest.json'),
      JSON.stringify({ ...m, schemaVersion: 9999, app: { name: 'wangbao', version: '9.0.0' } }),
    );
    execFileSync('zip', ['-q', out, 'manifest.json'], { cwd: newer });
    await expect(call('backup:restore', { source: out, dir: join(base, 'r') }, ctx)).rejects.toMatchObject({
      code: 'workspace-newer',
      message: expect.stringContaining('更新版本的网报通（9.0.0）'),
    });
    nothingRestored(base, 'r');
  });

  it('移交: the signers’ keys are scrubbed on the copy only — the live database keeps them, the backup has no trace', async () => {
    await filled();
    await call('signer:add', { name: '张局长', level: 'principal', passphrase: '局长口令123' }, ctx);
    const sealed = JSON.stringify(listSignerRows(ws().db)[0]!.sealed);
    const secret = (JSON.parse(sealed) as { ciphertext: string }).ciphertext;
    const scrub = [
      ...HANDOVER_SCRUB,
      { table: 'not_there_yet', sql: 'DELETE FROM not_there_yet', why: 'a table a later migration adds' },
    ];
    const out = join(base, '移交_张三.wbbak');
    const r = await writeBackupFile(ws(), out, {
      now: new Date(),
      appVersion: 'test',
      handoverTo: '张三',
      scrub,
      log: memoryLogger(),
      holdsLock: true,
    });
    expect(r.kind).toBe('handover');
    expect(JSON.stringify(listSignerRows(ws().db)[0]!.sealed)).toBe(sealed);
    await call('backup:restore', { source: out, dir: join(base, '接手') }, ctx);
    const db = readFileSync(join(base, '接手', 'workspace.db'));
    expect(db.includes(Buffer.from(secret))).toBe(false);
    const unzipped = execFileSync('unzip', ['-p', out, 'manifest.json'], { encoding: 'utf8' });
    expect(JSON.parse(unzipped)).toMatchObject({ kind: 'handover', handover: { to: '张三', scrubbed: ['signers'] } });
    const { ctx: other } = testCtx(base);
    await call('workspace:open', { dir: join(base, '接手') }, other);
    // The colleague sees the leader (and could check their reviews) but cannot sign as them.
    expect((await call('signer:list', {}, other)).signers).toMatchObject([{ name: '张局长', keyHere: false }]);
    other.session.workspace!.close();
  });

  it('取消 leaves nothing: a backup cancelled at its first file, a restore cancelled at its first file', async () => {
    await filled();
    const jobId = crypto.randomUUID();
    const out = join(base, 'c.wbbak');
    const cancelled = writeBackupFile(ws(), out, {
      now: new Date(),
      appVersion: 'test',
      handoverTo: null,
      scrub: null,
      log: memoryLogger(),
      holdsLock: true,
      signal: AbortSignal.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(base).filter((n) => n.includes('c.wbbak'))).toEqual([]);

    await call('backup:create', { to: 'file', out }, ctx);
    const { platform } = testPlatform(base);
    const events: { done: number }[] = [];
    const host = createHost({
      platform,
      trusted: true,
      log: memoryLogger(),
      emit: (e) => {
        events.push(e);
        if (events.length === 1) void call('jobs:cancel', { jobId }, host);
      },
    });
    await expect(call('backup:restore', { jobId, source: out, dir: join(base, 'r') }, host)).rejects.toMatchObject({
      code: 'cancelled',
    });
    nothingRestored(base, 'r');
  });
  it('removes what killed runs left beside the target: partial backup files, the staging folder of a dead restore', async () => {
    await filled();
    const out = join(base, 'b.wbbak');
    writeFileSync(join(base, '.b.wbbak.0badf00d.partial'), 'half a zip');
    writeFileSync(join(base, '.b.wbbak.0badf00d.db.partial'), 'half a database');
    await call('backup:create', { to: 'file', out }, ctx);
    expect(readdirSync(base).filter((n) => n.includes('partial'))).toEqual([]);
    const left = join(base, '.r.restoring-0badf00d');
    mkdirSync(join(left, 'blobs'), { recursive: true });
    const dead = { pid: 2 ** 22 + 7, start: '1', host: hostname(), since: new Date().toISOString() };
    writeFileSync(join(left, 'workspace.lock'), JSON.stringify(dead));
    await call('backup:restore', { source: out, dir: join(base, 'r') }, ctx);
    expect(readdirSync(base).filter((n) => n.includes('restoring'))).toEqual([]);
  });
});

describe('the backup folder (a store shared by daily snapshots)', () => {
  const day = (d: number, hour = 10, minute = 0): Date => new Date(2026, 4, d, hour, minute); // May 2026, local time
  const opts = (now: Date) => ({
    now,
    appVersion: 'test',
    handoverTo: null,
    scrub: null,
    log: memoryLogger(),
    holdsLock: true,
  });

  it('copies each blob once: the next day copies none; a new photo copies one; restore takes the newest', async () => {
    const before = await filled();
    const folder = join(base, '网报通备份');
    const first = await writeBackupFolder(ws(), folder, opts(day(1)));
    expect(first).toMatchObject({ blobs: blobRows(ws()).length, blobsCopied: blobRows(ws()).length, folder });
    const second = await writeBackupFolder(ws(), folder, opts(day(2)));
    expect(second).toMatchObject({ blobs: first.blobs, blobsCopied: 0 });
    await demo.attach('3.1.2', [await periodPhoto(join(base, '新照片.jpg'))]);
    const third = await writeBackupFolder(ws(), folder, opts(day(3)));
    expect(third).toMatchObject({ blobs: first.blobs + 1, blobsCopied: 1 });
    expect(readdirSync(join(folder, 'snapshots'))).toHaveLength(3);

    const r = await call('backup:restore', { source: folder, from: 'folder', dir: join(base, 'r') }, ctx);
    expect(r).toMatchObject({ materials: before.length + 1, verified: true });
    // An older snapshot, by its own folder.
    const oldest = join(folder, 'snapshots', readdirSync(join(folder, 'snapshots')).sort()[0]!);
    const r1 = await call('backup:restore', { source: oldest, from: 'folder', dir: join(base, 'r1') }, ctx);
    expect(r1).toMatchObject({ materials: before.length });
    expect(sorted((await openRestored(join(base, 'r1'))).materials)).toEqual(sorted(before));
  });

  it('refuses a damaged snapshot (its manifest deleted, a stored blob changed) naming it; a folder of other files is refused', async () => {
    await filled();
    const folder = join(base, 'store');
    const s1 = await writeBackupFolder(ws(), folder, opts(day(1)));
    const s2 = await writeBackupFolder(ws(), folder, opts(day(2)));
    const canon = ws()
      .db.prepare("SELECT sha256 FROM materials WHERE file_name = 'Canon_40D.jpg'")
      .pluck()
      .get() as string;
    const stored = objectPath(folder, canon);
    const bytes = readFileSync(stored);
    bytes[5000] = bytes[5000]! ^ 1;
    writeFileSync(stored, bytes);
    const e = await call('backup:restore', { source: folder, from: 'folder', dir: join(base, 'r') }, ctx).catch(
      (x: unknown) => x,
    );
    expect(e).toMatchObject({ code: 'input-refused' });
    expect((e as Error).message).toContain(`（材料：Canon_40D.jpg）：内容与清单记录的 SHA-256 不符`);
    nothingRestored(base, 'r');

    writeFileSync(stored, readFileSync(ws().store.path(canon)));
    execFileSync('rm', [join(s2.path, 'manifest.json')]);
    await expect(
      call('backup:restore', { source: folder, from: 'folder', dir: join(base, 'r') }, ctx),
    ).rejects.toMatchObject({
      code: 'input-refused',
      message: expect.stringContaining('缺少 manifest.json'),
    });
    nothingRestored(base, 'r');
    // The earlier snapshot still restores, by its folder.
    await expect(
      call('backup:restore', { source: s1.path, from: 'folder', dir: join(base, 'r') }, ctx),
    ).resolves.toMatchObject({
      verified: true,
    });

    const mine = join(base, '我的文档');
    mkdirSync(mine);
    writeFileSync(join(mine, '报告.docx'), 'x');
    await expect(writeBackupFolder(ws(), mine, opts(day(3)))).rejects.toMatchObject({ code: 'input-refused' });
    await expect(writeBackupFolder(ws(), join(ws().dir, 'backups'), opts(day(3)))).rejects.toMatchObject({
      code: 'input-refused',
    });
  });

  it('checks stored files by size daily and hashes the whole store weekly, copying a damaged file again', async () => {
    await filled();
    const folder = join(base, 'store');
    await writeBackupFolder(ws(), folder, opts(day(1))); // the first backup hashes in full (no check yet)
    const canon = ws()
      .db.prepare("SELECT sha256 FROM materials WHERE file_name = 'Canon_40D.jpg'")
      .pluck()
      .get() as string;
    const stored = objectPath(folder, canon);
    const bytes = readFileSync(stored);
    bytes[5000] = bytes[5000]! ^ 1; // same size: bit rot
    writeFileSync(stored, bytes);
    expect((await writeBackupFolder(ws(), folder, opts(day(3)))).blobsCopied).toBe(0);
    const weekly = await writeBackupFolder(ws(), folder, opts(day(8)));
    expect(weekly.blobsCopied).toBe(1);
    expect((await hashFile(stored)).sha256).toBe(canon);
  });

  it('keeps the last 7 daily and 4 weekly snapshots (fixed clock), and removes files no snapshot names', async () => {
    await filled();
    const folder = join(base, 'store');
    // 40 days of backups, from Monday 2026-04-13 to Friday 2026-05-22, some days twice.
    const days: Date[] = [];
    for (let i = 0; i < 40; i++) days.push(new Date(2026, 3, 13 + i, 9));
    days.splice(39, 0, new Date(2026, 4, 22, 8)); // a second backup on the last day, earlier
    for (const d of days) await writeBackupFolder(ws(), folder, opts(d));
    const left = readdirSync(join(folder, 'snapshots')).sort();
    const kept = left.map(
      (id) => JSON.parse(readFileSync(join(folder, 'snapshots', id, 'manifest.json'), 'utf8')) as { createdAt: string },
    );
    const keptDays = kept.map((m) => new Date(m.createdAt)).map((d) => `${d.getMonth() + 1}-${d.getDate()}`);
    // Daily: May 16–22 (the 22nd's 09:00 one); weekly: the newest of the weeks of May 18, May 11, May 4, Apr 27.
    expect(keptDays).toEqual(['5-3', '5-10', '5-16', '5-17', '5-18', '5-19', '5-20', '5-21', '5-22']);
    expect(new Date(kept.at(-1)!.createdAt).getHours()).toBe(9);

    // A file only a pruned snapshot named is removed with it: an old snapshot naming one more file than the others.
    const stray = (text: string): string => {
      const sha = createHash('sha256').update(text).digest('hex');
      mkdirSync(join(folder, 'blobs', sha.slice(0, 2)), { recursive: true });
      writeFileSync(objectPath(folder, sha), text);
      return sha;
    };
    const only = stray('a photo only an old snapshot had');
    const newest = join(folder, 'snapshots', left.at(-1)!);
    const old = JSON.parse(readFileSync(join(newest, 'manifest.json'), 'utf8')) as {
      createdAt: string;
      files: { path: string; sha256: string; bytes: number }[];
    };
    old.createdAt = new Date(2026, 0, 5, 9).toISOString();
    old.files.push({ path: `blobs/${only.slice(0, 2)}/${only.slice(2)}`, sha256: only, bytes: 32 });
    mkdirSync(join(folder, 'snapshots', `20260105T010000Z-${left.at(-1)!.split('-')[1]}`));
    writeFileSync(
      join(folder, 'snapshots', `20260105T010000Z-${left.at(-1)!.split('-')[1]}`, 'manifest.json'),
      JSON.stringify(old),
    );
    // A file no snapshot names at all (as a killed backup's copy): left by a daily backup, removed by the weekly one.
    const orphan = stray('a file no snapshot names');
    await writeBackupFolder(ws(), folder, opts(new Date(2026, 4, 23, 9)));
    expect(await storedObjects(folder)).not.toContain(only);
    expect(await storedObjects(folder)).toContain(orphan);
    await writeBackupFolder(ws(), folder, opts(new Date(2026, 4, 25, 9))); // a week after the last full check
    expect(await storedObjects(folder)).not.toContain(orphan);
    expect(readdirSync(join(folder, 'snapshots'))).toHaveLength(9);
  });

  it('the retention rule and the daily schedule, as pure functions of a clock', () => {
    const snaps = [1, 2, 3].map((d) => ({ id: `s${d}`, createdAt: day(d) }));
    expect(snapshotsToKeep(snaps, { daily: 2, weekly: 0 })).toEqual(new Set(['s3', 's2']));
    expect(backupDue(null, null, day(5))).toBe(true);
    expect(backupDue(day(5, 9), null, day(5, 23))).toBe(false);
    expect(backupDue(day(4, 23), null, day(5, 0))).toBe(true);
    expect(backupDue(day(4), day(5, 9), day(5, 9, 30))).toBe(false); // failed half an hour ago
    expect(backupDue(day(4), day(5, 9), day(5, 10))).toBe(true);
  });

  it('the automatic backup runs once a day while a workspace is open, with a fixed clock', async () => {
    await filled();
    let now = day(20, 9);
    const t = testPlatform(base);
    const host = createHost({ platform: { ...t.platform, now: () => now }, trusted: true, log: memoryLogger() });
    const auto = new AutoBackup(host);
    expect(await auto.tick()).toBe('idle');
    ctx.session.workspace!.close();
    await call('workspace:open', { dir: join(base, 'ws') }, host);
    const settings = await call('backup:settings', {}, host);
    expect(settings).toMatchObject({
      auto: true,
      chosen: false,
      folder: join(base, '网报通备份'),
      sameDisk: true,
      snapshots: [],
    });
    expect(await auto.tick()).toBe('done');
    now = day(20, 17);
    expect(await auto.tick()).toBe('not-due');
    now = day(21, 8);
    await call('backup:configure', { auto: false }, host);
    expect(await auto.tick()).toBe('off');
    await call('backup:configure', { auto: true }, host);
    expect(await auto.tick()).toBe('done');
    const view = await call('backup:settings', {}, host);
    expect(view.snapshots.map((s) => s.createdAt)).toEqual([day(21, 8).toISOString(), day(20, 9).toISOString()]);
    expect(view.lastAuto).toMatchObject({ ok: true });
    // A folder that cannot be written: the attempt fails, is said in 设置, and waits an hour before the next.
    t.answerFolder(join(base, 'ws', 'inside'));
    await expect(call('backup:configure', { folder: 'pick' }, host)).rejects.toMatchObject({ code: 'input-refused' });
    writeFileSync(join(base, '占用'), 'a file where the folder should be');
    const { writeBackupConfig } = await import('../../electron/core/backup/backup-settings');
    await writeBackupConfig(t.platform.userDataDir, join(base, 'ws'), { auto: true, folder: join(base, '占用') });
    now = day(22, 8);
    expect(await auto.tick()).toBe('failed');
    expect((await call('backup:settings', {}, host)).lastAuto).toMatchObject({ ok: false });
    now = day(22, 8, 30);
    expect(await auto.tick()).toBe('not-due');
    host.session.workspace!.close();
  });
});
