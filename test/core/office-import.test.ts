import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { TakenPackage } from '@shared/ipc/campaign-types';
import { cli } from '../helpers/cli';
import { makeOffice, makeUnit, OFFICE_PASS } from '../helpers/city';
import { tmpDir } from '../helpers/tmp';
import { editPackage, rezipAsGb18030, writeRawZip, writeZip, writeZipRawNames } from '../helpers/zips';

/**
 * 收件 against real packages: a unit workspace takes a real hand-out, attaches real photos, is signed off and exports
 * through the real export path (built once for the file); each test takes them into a fresh office that handed out
 * the same catalog, then into hostile variants of them.
 */

let base: string;
let p1: string;
let photoCode: string;
let unit: Awaited<ReturnType<typeof makeUnit>>;

beforeAll(async () => {
  // Not tmpDir(): that one is emptied after each test, and these packages serve the whole file.
  base = mkdtempSync(join(tmpdir(), 'wangbao-office-import-'));
  const office = await makeOffice(join(base, 'o0'));
  const h = await call(
    'office:handout',
    { out: join(base, 'h0'), unit: '市教育局', month: '2026-04', passphrase: OFFICE_PASS },
    office.ctx,
  );
  unit = await makeUnit(base, '市教育局');
  await unit.importHandout(h.files[0]!.path);
  const req = unit
    .db()
    .prepare("SELECT criterion_code, min FROM requests WHERE kind = 'photo' ORDER BY id LIMIT 1")
    .get() as {
    criterion_code: string;
    min: number;
  };
  photoCode = req.criterion_code;
  await unit.attachPhotos(photoCode, req.min, '2026-04', 1);
  await unit.signOff([photoCode]);
  mkdirSync(join(base, 'pkgs'));
  p1 = await unit.exportPackage(join(base, 'pkgs', 'p1.zip'), '2026-04');
}, 60_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fresh office that handed out the same catalog (the demo's), and its import. */
async function freshOffice() {
  const dir = tmpDir();
  const office = await makeOffice(dir);
  await call(
    'office:handout',
    { out: join(dir, 'h'), unit: '市财政局', month: '2026-04', passphrase: OFFICE_PASS },
    office.ctx,
  ).catch(async () =>
    call('office:handout', { out: join(dir, 'h'), month: '2026-04', passphrase: OFFICE_PASS }, office.ctx),
  );
  const take = async (paths: string[], acceptNewKey: string[] = []) =>
    (await call('office:import', { paths, acceptNewKey }, office.ctx)).packages;
  const counts = () => ({
    packages: office.db().prepare('SELECT count(*) FROM office_packages').pluck().get(),
    blobs: office.db().prepare('SELECT count(*) FROM blobs').pluck().get(),
    files: blobFiles(join(dir, 'office', 'blobs')),
  });
  return { dir, office, take, counts };
}

/** The blob files on disk (tmp/ included: nothing may be left there). */
function blobFiles(root: string): number {
  let n = 0;
  for (const d of readdirSync(root)) n += readdirSync(join(root, d)).length;
  return n;
}

const codes = (p: TakenPackage) => p.problems.map((q) => q.code);

describe('office import', () => {
  it('takes a real package in: verified, matched, its files stored once by SHA-256; the same file again is a duplicate', async () => {
    const { dir, take, counts, office } = await freshOffice();
    const [first] = await take([p1]);
    expect(first).toMatchObject({
      unit: '市教育局',
      month: '2026-04',
      kind: 'monthly',
      accepted: true,
      duplicate: false,
      current: true,
    });
    expect(first!.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(codes(first!)).toContain('principal-key-new');
    const after = counts();
    const manifest = JSON.parse(
      office.db().prepare('SELECT manifest FROM office_packages').pluck().get() as string,
    ) as {
      files: { sha256: string; bytes: number }[];
    };
    const distinct = new Set(manifest.files.map((f) => f.sha256));
    expect(after).toStrictEqual({ packages: 1, blobs: distinct.size, files: distinct.size });
    // Every blob is the bytes its name says.
    for (const f of manifest.files)
      expect(statSync(join(dir, 'office', 'blobs', f.sha256.slice(0, 2), f.sha256.slice(2))).size).toBe(f.bytes);

    // The same package again, and a copy of it under another name in a folder: recognised, stored once.
    const folder = join(dir, 'inbox');
    mkdirSync(folder);
    copyFileSync(p1, join(folder, '再次报送.zip'));
    const again = await take([p1, folder]);
    expect(again.map((p) => [p.accepted, p.duplicate, p.current])).toStrictEqual([
      [true, true, true],
      [true, true, true],
    ]);
    expect(counts()).toStrictEqual(after);
  });

  it('refuses, storing nothing: not a zip, truncated, zip slip, a symlink, a zip bomb, a forged manifest.sig', async () => {
    const { dir, take, counts } = await freshOffice();
    const before = counts();
    const bytes = readFileSync(p1);
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'not-a-zip.zip'), '这不是压缩包');
    writeFileSync(join(bad, 'truncated.zip'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await writeZipRawNames(
      join(bad, 'slip.zip'),
      [{ name: 'x', raw: Buffer.from('../../evil.txt'), bytes: Buffer.from('x') }],
      true,
    );
    await writeZip(join(bad, 'symlink.zip'), [
      { name: 'manifest.json', bytes: Buffer.from('{}') },
      { name: 'link', bytes: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]);
    writeRawZip(join(bad, 'bomb.zip'), [{ name: 'manifest.json', data: Buffer.alloc(40 * 2 ** 20), method: 8 }]);
    await editPackage(p1, join(bad, 'forged.zip'), (m, items) => {
      const sig = {
        alg: 'Ed25519',
        publicKey: 'AAAA',
        fingerprint: '0'.repeat(64),
        signer: { name: '王主任', level: 'principal' },
        signature: 'AAAA',
      };
      return [...items, { name: 'manifest.sig', bytes: Buffer.from(JSON.stringify(sig)) }];
    });
    const r = await take([bad]);
    const byName = Object.fromEntries(r.map((p) => [p.file.slice(bad.length + 1), p]));
    expect(Object.keys(byName).sort()).toStrictEqual([
      'bomb.zip',
      'forged.zip',
      'not-a-zip.zip',
      'slip.zip',
      'symlink.zip',
      'truncated.zip',
    ]);
    expect(r.every((p) => !p.accepted)).toBe(true);
    expect(codes(byName['not-a-zip.zip']!)).toContain('zip-unreadable');
    expect(codes(byName['truncated.zip']!)).toContain('zip-unreadable');
    expect(codes(byName['slip.zip']!)).toContain('entry-unsafe');
    expect(codes(byName['symlink.zip']!)).toContain('entry-unsafe');
    expect(codes(byName['bomb.zip']!)).toContain('zip-too-large');
    expect(codes(byName['forged.zip']!)).toContain('signature-invalid');
    expect(counts()).toStrictEqual(before);
    expect(readdirSync(dir).sort()).toStrictEqual(['bad', 'h', 'office']);
  });

  it('GBK-named entries are decoded, not garbled, and taken in', async () => {
    const { dir, take, office } = await freshOffice();
    const gbk = join(dir, 'gbk.zip');
    await rezipAsGb18030(p1, gbk);
    const [r] = await take([gbk]);
    expect(r).toMatchObject({ accepted: true, unit: '市教育局' });
    expect(codes(r!)).toContain('names-not-utf8');
    const paths = office.db().prepare('SELECT path FROM office_package_files').pluck().all() as string[];
    expect(paths.some((p) => p.startsWith('材料/'))).toBe(true);
    expect(paths.every((p) => !p.includes('\uFFFD'))).toBe(true);
  });

  it('refuses another city’s catalog and an unknown unit (to be mapped by hand), and takes an earlier edition with a warning', async () => {
    const { dir, take, office } = await freshOffice();
    const foreign = join(dir, 'foreign.zip');
    await editPackage(p1, foreign, (m) => void (m.catalog.sha256 = 'f'.repeat(64)));
    const stranger = join(dir, 'stranger.zip');
    await editPackage(p1, stranger, (m) => {
      m.unit.name = '外星局';
      m.handout = null;
    });
    const [a, b] = await take([foreign, stranger]);
    expect(a).toMatchObject({ accepted: false, unit: '市教育局' });
    expect(codes(a!)).toContain('catalog-unknown');
    expect(b).toMatchObject({ accepted: false, unit: '外星局' });
    expect(codes(b!)).toContain('unit-unknown');
    expect(b!.problems.find((q) => q.code === 'unit-unknown')!.message).toMatch(/别名/u);

    // A later catalog handed out: the package of the earlier one still comes in, with a warning.
    office
      .db()
      .prepare("INSERT INTO office_catalogs (sha256, edition, first_at) VALUES (?, '2027', '2099-01-01T00:00:00Z')")
      .run('e'.repeat(64));
    const [c] = await take([p1]);
    expect(c).toMatchObject({ accepted: true });
    expect(c!.problems.find((q) => q.code === 'catalog-earlier')).toMatchObject({ severity: 'warning' });
  });

  it('an older package after a newer one is not merged; a shorter audit log is refused; the earlier packages are kept', async () => {
    const { dir, take, office } = await freshOffice();
    const older = join(dir, 'older.zip');
    await editPackage(p1, older, (m) => void (m.createdAt = '2026-05-01T09:00:00+08:00'));
    const rewritten = join(dir, 'rewritten.zip');
    await editPackage(p1, rewritten, (m) => void (m.audit!.rows = 3));
    expect((await take([p1]))[0]!.accepted).toBe(true);
    const [o, w] = await take([older, rewritten]);
    expect(o).toMatchObject({ accepted: false, current: false });
    expect(codes(o!)).toContain('package-older');
    expect(w).toMatchObject({ accepted: false });
    expect(codes(w!)).toContain('audit-rewritten');
    expect(office.db().prepare('SELECT count(*) FROM office_packages WHERE current = 1').pluck().get()).toBe(1);
  });

  it('a changed principal key is refused until --accept-new-key names the unit; a newer package replaces the current one, the earlier kept', async () => {
    const { take, office } = await freshOffice();
    expect((await take([p1]))[0]!.accepted).toBe(true);
    // The unit's principal changes: a new signer re-approves; the package no longer carries the recorded key.
    await unit.signOff([photoCode], '赵书记');
    const p2 = await unit.exportPackage(join(base, 'pkgs', 'p2.zip'), '2026-04');
    const [refused] = await take([p2]);
    expect(refused).toMatchObject({ accepted: false });
    expect(codes(refused!)).toContain('principal-key-changed');
    const [accepted] = await take([p2], ['教育局', '市教育局']);
    expect(accepted).toMatchObject({ accepted: true, current: true, duplicate: false });
    expect(codes(accepted!)).toContain('principal-key-accepted');
    const rows = office.db().prepare('SELECT file, current FROM office_packages ORDER BY imported_at, rowid').all();
    expect(rows).toStrictEqual([
      { file: 'p1.zip', current: 0 },
      { file: 'p2.zip', current: 1 },
    ]);
  });

  it('wangbao office import: the contract’s JSON, exit 0 when all are taken, 1 when one is refused', () => {
    const dir = tmpDir();
    const userData = join(dir, 'user-data');
    const pass = join(dir, 'pass.txt');
    writeFileSync(pass, `${OFFICE_PASS}\n`);
    const office = join(dir, 'office');
    const run = (...args: string[]) => cli(args, userData);
    expect(
      run(
        'office',
        'init',
        office,
        '--name',
        '示例市创城办',
        '--passphrase-file',
        pass,
        '--year',
        '2026',
        '--demo',
        '--json',
      ).code,
    ).toBe(0);
    const h = run(
      'office',
      'handout',
      office,
      join(dir, 'h'),
      '--unit',
      '市教育局',
      '--month',
      '2026-04',
      '--passphrase-file',
      pass,
      '--json',
    );
    expect(h.code, h.stderr).toBe(0);
    const ok = run('office', 'import', office, p1, '--accept-new-key', '市教育局', '--json');
    expect(ok.code, ok.stderr).toBe(0);
    const [pkg] = ok.json().packages as Record<string, unknown>[];
    expect(Object.keys(pkg!).sort()).toStrictEqual(
      ['accepted', 'current', 'duplicate', 'file', 'kind', 'month', 'problems', 'sha256', 'unit'].sort(),
    );
    expect(pkg).toMatchObject({ file: p1, unit: '市教育局', month: '2026-04', accepted: true, duplicate: false });
    const status = run('office', 'status', office, '--json');
    expect(status.code, status.stderr).toBe(0);
    const st = status.json() as {
      units: Record<string, unknown>[];
      criteria: { code: string; units: Record<string, string> }[];
    };
    expect(Object.keys(st).sort()).toStrictEqual(['criteria', 'units']);
    const edu = st.units.find((u) => u.unit === '市教育局')!;
    expect(Object.keys(edu).sort()).toStrictEqual(
      ['assigned', 'complete', 'lastPackage', 'missing', 'pointsAtRisk', 'signed', 'unit'].sort(),
    );
    expect(edu.lastPackage).toMatchObject({ file: 'p1.zip', month: '2026-04' });
    expect(st.criteria.find((c) => c.code === photoCode)!.units['市教育局']).toMatch(
      /^(incomplete|at-risk|unsigned|signed)$/u,
    );
    expect(
      st.criteria.every((c) =>
        Object.values(c.units).every((v) => /^(missing|incomplete|at-risk|unsigned|signed)$/u.test(v)),
      ),
    ).toBe(true);
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'junk');
    const mixed = run('office', 'import', office, p1, junk, '--json');
    expect(mixed.code).toBe(1);
    expect(
      (mixed.json().packages as { accepted: boolean; duplicate: boolean }[]).map((p) => [p.accepted, p.duplicate]),
    ).toStrictEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('取消 stops between two packages: the ones taken in stay whole, the rest untouched', async () => {
    const { dir, take, office, counts } = await freshOffice();
    const gbk = join(dir, 'gbk.zip');
    await rezipAsGb18030(p1, gbk);
    const older = join(dir, 'older.zip');
    await editPackage(p1, older, (m) => void (m.createdAt = '2026-05-01T09:00:00+08:00'));
    const jobId = '0b6f2a1e-7c3d-4e5f-8a9b-0c1d2e3f4a5b';
    office.ctx.emit = (e) => {
      if (e.type === 'progress' && e.jobId === jobId && e.done === 1) void call('jobs:cancel', { jobId }, office.ctx);
    };
    await expect(call('office:import', { paths: [older, gbk, p1], jobId }, office.ctx)).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(office.db().prepare('SELECT file FROM office_packages').pluck().all()).toStrictEqual(['older.zip']);
    expect(counts().files).toBe(counts().blobs);
    // Taken in again, the rest comes in; the first is recognised.
    office.ctx.emit = () => undefined;
    const again = await take([older, p1]);
    expect(again.map((p) => [p.accepted, p.duplicate])).toStrictEqual([
      [true, true],
      [true, false],
    ]);
  });

  it('a disk that fills up mid-import: a clear message, nothing half-stored, the package taken in once there is room', async (t) => {
    if (process.platform !== 'linux') return t.skip('tmpfs mounts need Linux');
    const dir = tmpDir();
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', disk]).status !== 0)
      return t.skip('this machine does not allow mounting a tmpfs (not root, or no CAP_SYS_ADMIN)');
    try {
      const office = await makeOffice(disk);
      await call(
        'office:handout',
        { out: join(dir, 'h'), unit: '市教育局', month: '2026-04', passphrase: OFFICE_PASS },
        office.ctx,
      );
      const filler = join(disk, 'filler');
      const avail = Number(
        spawnSync('df', ['-B1', '--output=avail', disk], { encoding: 'utf8' }).stdout.split('\n')[1],
      );
      // Less room than the package's first files need (its PDFs alone take more than 16 KB each).
      writeFileSync(filler, Buffer.alloc(Math.max(0, avail - 8 * 1024)));
      const err = await call('office:import', { paths: [p1] }, office.ctx).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'io', message: expect.stringMatching(/磁盘空间不足/u) as unknown });
      expect(office.db().prepare('SELECT count(*) FROM office_packages').pluck().get()).toBe(0);
      expect(office.db().prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
      expect(readdirSync(join(disk, 'office', 'blobs', 'tmp'))).toStrictEqual([]);
      rmSync(filler);
      const [ok] = (await call('office:import', { paths: [p1] }, office.ctx)).packages;
      expect(ok).toMatchObject({ accepted: true, duplicate: false });
      office.ctx.session.workspace?.close();
    } finally {
      spawnSync('umount', ['-l', disk]);
    }
  });

  it('a unit workspace cannot take packages in', async () => {
    await expect(call('office:import', { paths: [p1] }, unit.ctx)).rejects.toMatchObject({ code: 'input-refused' });
  });
});
