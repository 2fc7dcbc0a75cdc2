import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { acksOf, assertSound } from '../crash/sound';
import { cli } from '../helpers/cli';
import { FIXTURES, testCtx } from '../helpers/ctx';
import { periodPhoto } from '../helpers/photos';
import { tmpDir } from '../helpers/tmp';
import { errorOf } from '../helpers/errors';

// A full disk and a read-only folder, for real: small tmpfs mounts. `chmod` does not stop root (CI runs as root),
// so a permission bit would prove nothing. Where mounting is not allowed the tests are skipped, saying why.
const mounts: string[] = [];
const mount = (dir: string, opts: string): boolean =>
  spawnSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]).status === 0 && mounts.push(dir) > 0;
const remount = (dir: string, opts: string): boolean => spawnSync('mount', ['-o', `remount,${opts}`, dir]).status === 0;
afterEach(() => {
  for (const d of mounts.splice(0)) spawnSync('umount', ['-l', d]);
});

const why = (() => {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
  const probe = tmpDir('wangbao-mount-probe-');
  if (!mount(probe, 'size=1m')) return 'this machine does not allow mounting a tmpfs (not root, or no CAP_SYS_ADMIN)';
  spawnSync('umount', [probe]);
  mounts.splice(0);
  return null;
})();
if (why) console.log(`disk-full and read-only tests skipped: ${why}`);

describe.skipIf(why !== null)('a full disk and a read-only folder', () => {
  it('disk full mid-intake and mid-export: a clear message, nothing acknowledged lost, no partial left', async () => {
    const base = tmpDir();
    const photos = join(base, 'photos');
    mkdirSync(photos);
    for (let i = 0; i < 10; i++) await periodPhoto(join(photos, `${i}.jpg`), (s) => s.resize(2600 + i * 40));
    const disk = join(base, 'disk');
    mkdirSync(disk);
    expect(mount(disk, 'size=48m')).toBe(true);
    const { ctx } = testCtx(base);
    const ws = join(disk, 'ws');
    await call('workspace:create', { dir: ws, unit: '市教育局', year: 2026, demo: true }, ctx);
    const filler = join(disk, 'filler');
    const fill = (freeMb: number): void => {
      rmSync(filler, { force: true });
      const df = spawnSync('df', ['-B1', '--output=avail', disk], { encoding: 'utf8' }).stdout.split('\n')[1]!;
      writeFileSync(filler, Buffer.alloc(Math.max(0, Number(df) - freeMb * 2 ** 20)));
    };
    fill(4); // room for two or three photos

    const rs = (await call('materials:attach', { criterionCode: '3.1.2', paths: [photos] }, ctx)).results;
    const added = rs.filter((r) => r.status === 'added');
    const refused = rs.filter((r) => r.status === 'refused');
    expect(added.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.reason).toContain('磁盘空间不足');

    fill(1);
    const out = join(disk, 'out');
    mkdirSync(out);
    const e = await errorOf(
      call('package:export', { kind: 'monthly', month: '2026-05', out: join(out, 'p.zip') }, ctx),
    );
    expect(e.message).toContain('磁盘空间不足');
    expect(readdirSync(out)).toEqual([]);

    ctx.session.workspace!.close();
    rmSync(filler); // the officer frees space: everything acknowledged is there, nothing half-written
    const acks = added.map((r) => `ack added ${r.materialId}`).join('\n');
    await assertSound(ws, acksOf(acks));
  }, 180_000);

  it('a read-only workspace and a read-only export target: a clear message, nothing lost', async () => {
    const base = tmpDir();
    const disk = join(base, 'disk');
    mkdirSync(disk);
    expect(mount(disk, 'size=32m')).toBe(true);
    const ws = join(disk, 'ws');
    const { ctx } = testCtx(base);
    await call('workspace:create', { dir: ws, unit: '市教育局', year: 2026, demo: true }, ctx);
    await call('materials:attach', { criterionCode: '3.1.2', paths: [join(FIXTURES, 'photos', 'Canon_40D.jpg')] }, ctx);
    ctx.session.workspace!.close();
    expect(remount(disk, 'ro')).toBe(true);

    const open = await errorOf(call('workspace:open', { dir: ws }, testCtx(base).ctx));
    expect([open.code, open.message]).toEqual(['not-permitted', expect.stringContaining('只读')]);
    // SQLite cannot open a WAL database on read-only media without its -shm file: reading says so plainly too.
    const read = cli(['materials', ws, '--json'], base);
    expect((read.json().error as { message: string }).message).toContain('只读');
    const attach = cli(['attach', ws, '3.1.2', join(FIXTURES, 'photos', 'Nikon_D70.jpg'), '--json'], base);
    expect([attach.code, (attach.json().error as { message: string }).message]).toEqual([
      2, // an IO error (ARCHITECTURE.md's exit codes)
      expect.stringContaining('只读'),
    ]);

    // Exporting a writable workspace onto a read-only stick.
    const rw = join(base, 'ws-rw');
    const writer = testCtx(base).ctx;
    await call('workspace:create', { dir: rw, unit: '市教育局', year: 2026, demo: true }, writer);
    const target = join(disk, 'p.zip');
    const e = await errorOf(call('package:export', { kind: 'monthly', month: '2026-05', out: target }, writer));
    expect([e.code, e.message]).toEqual(['not-permitted', expect.stringContaining('没有权限')]);
    writer.session.workspace!.close();

    expect(remount(disk, 'rw')).toBe(true);
    await assertSound(ws, []);
  }, 120_000);
});
