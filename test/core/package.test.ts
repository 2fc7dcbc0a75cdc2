import { FIXTURES } from '../helpers/ctx';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call, dispatch } from '../../electron/core/dispatch';
import { neutralizeCell } from '../../electron/core/package/ledger-xlsx';
import { verifyPackage } from '../../electron/core/package/verify-package';
import type { AppEvent } from '@shared/ipc/events';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { readZip, rezipAsGb18030, writeZip, writeZipRawNames } from '../helpers/zips';

const demo = useDemoWorkspace();
const { attach } = demo;
let ctx: Ctx;
let base: string;
beforeEach(() => ({ ctx, base } = demo));

/** A package of the demo with corpus photos and PDFs on 3.1.2 and a captioned photo on 3.2.3. */
async function exported(name = 'pkg.zip', extra: Record<string, unknown> = {}) {
  await attach('3.1.2', [join(FIXTURES, 'photos'), join(FIXTURES, 'pdfs')]);
  await attach('3.2.3', [await periodPhoto(join(base, '家长学校.jpg'))], { caption: FULL_CAPTION });
  return call('package:export', { kind: 'monthly', month: '2026-05', out: join(base, name), ...extra }, ctx);
}
const codes = async (file: string) => (await verifyPackage(file)).problems.map((p) => p.code);

describe('the month of a package', () => {
  it('a monthly one defaults to the collection month in the period; one outside the period is refused', async () => {
    // The test clock is 2026-05-20: May is being collected.
    expect((await call('package:preview', { kind: 'monthly' }, ctx)).month).toBe('2026-05');
    await expect(call('package:preview', { kind: 'monthly', month: '2024-05' }, ctx)).rejects.toMatchObject({
      code: 'invalid-args',
    });
  });
});

describe('export → verify round trip', () => {
  it('writes a package every tool reads: Python zipfile, unzip, pdftotext; every hash matches the manifest', async () => {
    // Rare characters in the unit's name; its alias keeps the demo's 市教育局 criteria its own.
    await call('workspace:update', { unit: '𠀾堃犇区教育局', aliases: ['市教育局'] }, ctx);
    const r = (await exported())!;
    expect(r).toMatchObject({ kind: 'monthly', month: '2026-05', path: join(base, 'pkg.zip') });
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(r.path)).digest('hex'));
    expect(r.bytes).toBe(statSync(r.path).size);
    expect(readdirSync(base).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const v = await verifyPackage(r.path);
    expect(v).toMatchObject({ valid: true, kind: 'monthly', month: '2026-05', unit: { name: '𠀾堃犇区教育局' } });
    expect(v.problems.map((p) => p.code)).toEqual(['signature-missing']);

    // Python's zipfile: UTF-8 flag on every name, CRCs good, each listed file's SHA-256 as in the manifest.
    const py = `
import zipfile, json, hashlib, sys
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
assert all(i.flag_bits & 0x800 for i in z.infolist())
m = json.loads(z.read('manifest.json'))
names = set(z.namelist()) - {'manifest.json'}
assert names == {f['path'] for f in m['files']}, 'listed = entries'
for f in m['files']:
    assert hashlib.sha256(z.read(f['path'])).hexdigest() == f['sha256'], f['path']
stored = {i.filename: i.compress_type for i in z.infolist()}
print(json.dumps({'n': len(m['files']), 'jpg': stored[[p for p in names if p.endswith('.jpg')][0]], 'xlsx': stored['台账.xlsx']}))`;
    const out = JSON.parse(execFileSync('python3', ['-c', py, r.path], { encoding: 'utf8' })) as Record<string, number>;
    expect(out).toEqual({ n: r.files - 1, jpg: 0, xlsx: 8 }); // photos stored, the rest deflated
    expect(spawnSync('unzip', ['-tq', r.path]).status).toBe(0);

    const items = await readZip(r.path);
    const index = items.find((i) => i.name === '目录.pdf')!;
    writeFileSync(join(base, 'index.pdf'), index.bytes);
    const text = execFileSync('pdftotext', [join(base, 'index.pdf'), '-'], { encoding: 'utf8' });
    for (const s of ['𠀾堃犇区教育局', '劳动教育与研学实践', '家庭教育指导', '01_Canon_40D.jpg', '家长学校', '第 1 页'])
      expect(text).toContain(s);
    const manifest = JSON.parse(items.find((i) => i.name === 'manifest.json')!.bytes.toString('utf8'));
    expect(manifest.materials.find((m: { title: string }) => m.title === '家长学校')).toMatchObject({
      path: '材料/3.2.3_家庭教育指导/01_家长学校.jpg',
      caption: { place: '市一中报告厅' },
    });
    expect(manifest.criteria.map((c: { code: string }) => c.code)).toContain('3.1.3'); // the unit's, no materials yet
  });

  it('lays out paths by the rules: reserved names, trailing dots, long titles, one folder per criterion', async () => {
    const photo = await periodPhoto(join(base, 'p.jpg'));
    await attach('3.1.2', [photo], { title: 'CON' });
    await attach('3.1.3', [photo], { title: `方案${'很长'.repeat(40)}.` });
    const r = (await call('package:export', { kind: 'monthly', out: join(base, 'x.zip') }, ctx))!;
    const names = (await readZip(r.path)).map((i) => i.name).filter((n) => n.startsWith('材料/'));
    expect(names[0]).toBe('材料/3.1.2_劳动教育与研学实践/01__CON.jpg');
    const long = names[1]!.split('/');
    expect(long[2]!.length).toBeLessThanOrEqual(60);
    expect(long[2]).toMatch(/^01_方案(很长)+很?\.jpg$/u);
    expect(names.every((n) => n.length <= 200)).toBe(true);
  });

  it('the 台账 neutralises formula-like text', () => {
    expect(['=1+1', '+86', '-3', '@SUM(A1)', '\tx', '正常'].map(neutralizeCell)).toEqual([
      "'=1+1",
      "'+86",
      "'-3",
      "'@SUM(A1)",
      "'\tx",
      '正常',
    ]);
  });

  it('a final package is refused while an error finding remains; a cancelled export leaves nothing', async () => {
    await expect(call('package:export', { kind: 'final', out: join(base, 'f.zip') }, ctx)).rejects.toMatchObject({
      code: 'input-refused',
    });
    expect(existsSync(join(base, 'f.zip'))).toBe(false);
    await attach('3.1.2', [join(FIXTURES, 'photos')]);
    const jobId = '6a1f5f0e-7d0b-4a36-9d2a-0c6f0b1d9e11';
    // Cancel as soon as the export reports progress (its first entry).
    const emit = ctx.emit;
    ctx.emit = (e: AppEvent) => {
      if (e.type === 'progress' && e.jobId === jobId) void call('jobs:cancel', { jobId }, ctx);
      emit(e);
    };
    const r = await dispatch('package:export', { jobId, kind: 'monthly', out: join(base, 'c.zip') }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readdirSync(base).filter((f) => f.includes('c.zip'))).toEqual([]);
  });
});

describe('export failures leave nothing', () => {
  it("a blob missing from the store (removed behind the app's back) fails the export with a message", async () => {
    const [r] = await attach('3.1.2', [join(FIXTURES, 'photos', 'DSCN0010.jpg')]);
    rmSync(ctx.session.workspace!.store.path(r!.sha256!));
    const out = await dispatch('package:export', { kind: 'monthly', out: join(base, 'x.zip') }, ctx);
    expect(out).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(readdirSync(base).filter((f) => f.includes('x.zip'))).toEqual([]);
  });
});

describe('an earlier package as 往年材料', () => {
  it("is verified, read for its materials' hashes and pHashes, and catches a reused photo next year", async () => {
    const photo = await periodPhoto(join(base, '去年活动.jpg'));
    await attach('3.1.2', [photo], { caption: FULL_CAPTION });
    const pkg = (await call('package:export', { kind: 'monthly', out: join(base, '2026.zip') }, ctx))!;
    // Next year's workspace: the same photo, re-saved smaller.
    await call('workspace:create', { dir: join(base, 'ws2027'), unit: '市教育局', year: 2027, demo: true }, ctx);
    const again = join(base, '今年.jpg');
    await sharp(photo).resize(2000).jpeg({ quality: 80 }).toFile(again);
    await attach('3.1.2', [again], { caption: FULL_CAPTION, date: '2027-03-12' });
    const r = await call('reference:import', { source: pkg.path }, ctx);
    expect(r).toMatchObject({ year: 2026, added: 1, known: 0, skipped: [] });
    const found = (await call('check:run', {}, ctx)).findings.filter((f) => f.ruleId === 'reused-from-earlier-year');
    expect(found.map((f) => f.file)).toEqual(['今年.jpg']);
    // A package that does not verify is not taken in.
    const items = await readZip(pkg.path);
    await writeZip(join(base, 'tampered.zip'), [...items, { name: 'extra.txt', bytes: Buffer.from('x') }]);
    await expect(call('reference:import', { source: join(base, 'tampered.zip') }, ctx)).rejects.toMatchObject({
      code: 'input-refused',
    });
  });
});

describe('verify finds every change', () => {
  it('a one-byte change in an entry, an added entry, a removed entry', async () => {
    const r = (await exported())!;
    const items = await readZip(r.path);
    const flip = items.map((it) =>
      it.name.endsWith('DSCN0010.jpg')
        ? { ...it, bytes: Buffer.from(it.bytes.map((b, i) => (i === 500 ? b ^ 1 : b))) }
        : it,
    );
    await writeZip(join(base, 'flip.zip'), flip);
    expect(await codes(join(base, 'flip.zip'))).toContain('file-hash-mismatch');
    await writeZip(join(base, 'added.zip'), [...items, { name: '材料/额外.jpg', bytes: Buffer.from('x') }]);
    expect(await codes(join(base, 'added.zip'))).toContain('file-unlisted');
    await writeZip(
      join(base, 'removed.zip'),
      items.filter((i) => i.name !== '签批单.pdf'),
    );
    expect(await codes(join(base, 'removed.zip'))).toContain('file-missing');
    // Bit rot in place: a byte of a stored photo flipped in the zip file itself.
    const raw = readFileSync(r.path);
    const at = raw.indexOf(Buffer.from('04_HMD_Nokia')) + 400_000;
    raw[at] = raw[at]! ^ 0xff;
    writeFileSync(join(base, 'rot.zip'), raw);
    expect(await codes(join(base, 'rot.zip'))).toContain('file-hash-mismatch');
    // The manifest edited: its own entry is not hashed, but what it claims no longer matches.
    const m = JSON.parse(items.find((i) => i.name === 'manifest.json')!.bytes.toString());
    m.files[0].bytes += 1;
    await writeZip(join(base, 'edited.zip'), [
      { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(m)) },
      ...items.filter((i) => i.name !== 'manifest.json'),
    ]);
    expect(await codes(join(base, 'edited.zip'))).toContain('file-size-mismatch');
  });

  it('a manifest.sig is checked: by a principal listed in signers over these bytes passes; anything else fails', async () => {
    const r = (await exported())!;
    const items = await readZip(r.path);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const der = publicKey.export({ type: 'spki', format: 'der' });
    const key = { publicKey: der.toString('base64'), fingerprint: createHash('sha256').update(der).digest('hex') };
    /** The package with its manifest listing this key at `level` (when given) and signed over `signed`'s bytes. */
    const signedAs = async (name: string, level: 'leader' | 'principal' | null, signed?: Buffer) => {
      const m = JSON.parse(items.find((i) => i.name === 'manifest.json')!.bytes.toString('utf8')) as {
        signers: unknown[];
      };
      if (level) m.signers = [{ name: '张三', level, ...key }];
      const manifest = Buffer.from(JSON.stringify(m));
      const sig = JSON.stringify({
        alg: 'Ed25519',
        ...key,
        signer: { name: '张三', level: 'principal' },
        signature: sign(null, signed ?? manifest, privateKey).toString('base64'),
      });
      const rest = items.filter((i) => i.name !== 'manifest.json');
      const out = join(base, name);
      await writeZip(out, [
        { name: 'manifest.json', bytes: manifest },
        ...rest,
        { name: 'manifest.sig', bytes: Buffer.from(sig) },
      ]);
      return verifyPackage(out);
    };
    expect(await signedAs('signed.zip', 'principal')).toMatchObject({ valid: true, problems: [] });
    const problemsOf = (v: Awaited<ReturnType<typeof verifyPackage>>) => v.problems.map((p) => [p.code, p.message]);
    expect(problemsOf(await signedAs('forged.zip', 'principal', Buffer.from('{}')))).toEqual([
      ['signature-invalid', expect.stringContaining('签名与清单不符')],
    ]);
    expect(problemsOf(await signedAs('unlisted.zip', null))).toEqual([
      ['signature-invalid', expect.stringContaining('不在清单的签批人名单中')],
    ]);
    expect(problemsOf(await signedAs('leader.zip', 'leader'))).toEqual([
      ['signature-invalid', expect.stringContaining('不是主要负责同志的')],
    ]);
  });

  it('names re-zipped on Chinese Windows (GB18030, no UTF-8 flag) are read and reported', async () => {
    const r = (await exported())!;
    await rezipAsGb18030(r.path, join(base, 'gbk.zip'));
    const v = await verifyPackage(join(base, 'gbk.zip'));
    expect(v.valid).toBe(true);
    expect(v.problems.map((p) => [p.code, p.severity])).toEqual([
      ['names-not-utf8', 'warning'],
      ['signature-missing', 'warning'],
    ]);
  });
});

describe('hostile archives', () => {
  const file = (name: string) => join(base, name);
  it('zip slip, absolute, drive-letter and backslash paths, symlinks: entry-unsafe', async () => {
    expect(await codes(join(FIXTURES, 'archives', 'zip-slip.zip'))).toContain('entry-unsafe');
    for (const name of ['/etc/passwd', 'C:/Windows/x.dll', 'a\\..\\..\\x.txt', 'ok/../../x']) {
      await writeZipRawNames(file('h.zip'), [{ name, raw: Buffer.from(name), bytes: Buffer.from('x') }], true);
      expect(await codes(file('h.zip'))).toContain('entry-unsafe');
    }
    await writeZip(file('link.zip'), [{ name: 'link', bytes: Buffer.from('/etc/passwd'), mode: 0o120777 }]);
    expect(await codes(file('link.zip'))).toContain('entry-unsafe');
    expect(readdirSync(base).sort()).toEqual(['h.zip', 'link.zip', 'user-data', 'ws']); // nothing extracted
  });

  it('a zip bomb and 70,000 entries are refused from the headers', async () => {
    const zeros = Buffer.alloc(200 * 2 ** 20);
    expect(deflateRawSync(zeros).length).toBeLessThan(2 ** 20);
    await writeZip(file('bomb.zip'), [{ name: 'manifest.json', bytes: zeros, compress: true }]);
    const bomb = await verifyPackage(file('bomb.zip'));
    expect(bomb.problems.map((p) => p.code)).toEqual(['zip-too-large']);
    await writeZip(
      file('many.zip'),
      Array.from({ length: 70_000 }, (_, i) => ({ name: `f${i}`, bytes: Buffer.alloc(0) })),
    );
    expect(await codes(file('many.zip'))).toEqual(['zip-too-large']);
  });

  it('not a zip, truncated or empty: zip-unreadable', async () => {
    const r = (await exported())!;
    writeFileSync(file('half.zip'), readFileSync(r.path).subarray(0, statSync(r.path).size / 2));
    expect(await codes(file('half.zip'))).toEqual(['zip-unreadable']);
    expect(await codes(join(FIXTURES, 'photos', 'DSCN0010.jpg'))).toEqual(['zip-unreadable']);
    truncateSync(file('half.zip'), 0);
    expect(await codes(file('half.zip'))).toEqual(['zip-unreadable']);
  });
});
