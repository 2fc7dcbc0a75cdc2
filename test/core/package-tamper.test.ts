import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { verifyPackage } from '../../electron/core/package/verify-package';
import type { VerifyResult } from '@shared/domain/package/verify-problems';
import type { Manifest } from '@shared/schemas/package-manifest';
import { cli } from '../helpers/cli';
import { FIXTURES } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { seeded } from '../helpers/random';
import {
  editPackage,
  rawEntriesOf,
  readZip,
  rezipAsGb18030,
  rezipWithInfoZip,
  unicodePathField,
  writeRawZip,
  zipLayout,
  type RawEntry,
} from '../helpers/zips';

/**
 * Tampering with a package, as the red team did: every change must come out of `verify` as a problem with its code
 * (PACKAGE-FORMAT.md's table), never as an exception — and what `unzip` and Python extract must be what was checked.
 */
const demo = useDemoWorkspace();
const { attach } = demo;
let ctx: Ctx;
let base: string;
beforeEach(() => ({ ctx, base } = demo));

/** The entry of the camera photo DSCN0010.jpg (stored; its number depends on the order the attach finished in). */
const photoOf = async (pkg: string): Promise<string> =>
  (await readZip(pkg)).find((i) => i.name.endsWith('_DSCN0010.jpg'))!.name;

/** A real package of the demo: camera photos and PDFs on 3.1.2 (stored), a captioned photo on 3.2.3. */
async function exported(name = 'pkg.zip'): Promise<string> {
  const photos = ['DSCN0010.jpg', 'Canon_40D.jpg'].map((f) => join(FIXTURES, 'photos', f));
  const pdfs = ['minimal-document.pdf', 'pdflatex-4-pages.pdf'].map((f) => join(FIXTURES, 'pdfs', f));
  await attach('3.1.2', [...photos, ...pdfs]);
  await attach('3.2.3', [await periodPhoto(join(base, '家长学校.jpg'))], { caption: FULL_CAPTION });
  return (await call('package:export', { kind: 'monthly', month: '2026-05', out: join(base, name) }, ctx))!.path;
}

const codes = (v: VerifyResult): string[] => v.problems.map((p) => p.code);
/** The problems of one code, as `[path, message]`, to see which entry and why. */
const withCode = (v: VerifyResult, code: string): [string | null, string][] =>
  v.problems.filter((p) => p.code === code).map((p) => [p.path, p.message]);

/** The package's entries with `change` applied to the one named `name`, written byte by byte. */
async function rewritten(src: string, dst: string, name: string, change: (e: RawEntry) => RawEntry): Promise<string> {
  const entries = await rawEntriesOf(src);
  expect(entries.some((e) => e.name === name)).toBe(true);
  writeRawZip(
    dst,
    entries.map((e) => (e.name === name ? change(e) : e)),
  );
  return dst;
}

/** Python's zipfile reads every entry (it checks each CRC and each local header's name): null when it succeeds. */
function pythonRefuses(file: string): string | null {
  const py = `
import zipfile, sys
with zipfile.ZipFile(sys.argv[1]) as z:
    for i in z.infolist(): z.read(i)`;
  const r = spawnSync('python3', ['-c', py, file], { encoding: 'utf8' });
  return r.status === 0 ? null : r.stderr.trim().split('\n').at(-1)!;
}

describe('defect 2: a damaged manifest.json is reported, never a crash', () => {
  async function damagedManifests(pkg: string): Promise<{ inflate: string; encrypted: string }> {
    const inflate = await rewritten(pkg, join(base, 'inflate.zip'), 'manifest.json', (e) => {
      const body = deflateRawSync(e.data);
      body[0] = body[0]! | 0b110; // block type 3, which deflate does not have
      return { ...e, method: 8, body };
    });
    const encrypted = await rewritten(pkg, join(base, 'encrypted.zip'), 'manifest.json', (e) => ({
      ...e,
      flags: 0x801,
    }));
    return { inflate, encrypted };
  }

  it('deflate data that does not inflate, or the encrypted bit: manifest-invalid, from the CLI too (exit 1, the result JSON, no stack)', async () => {
    const files = await damagedManifests(await exported());
    for (const [what, file] of Object.entries(files)) {
      const v = await verifyPackage(file);
      expect(v.valid, what).toBe(false);
      expect(withCode(v, 'manifest-invalid'), what).toEqual([['manifest.json', expect.any(String)]]);
      const run = cli(['verify', file, '--json'], base);
      expect([run.code, run.json().valid], what).toEqual([1, false]);
      expect((run.json().problems as { code: string }[]).map((p) => p.code)).toContain('manifest-invalid');
      expect(run.stderr, what).not.toMatch(/\n\s+at /u);
    }
    expect(withCode(await verifyPackage(files.inflate), 'manifest-invalid')[0]![1]).toContain('压缩数据已损坏');
    expect(withCode(await verifyPackage(files.encrypted), 'manifest-invalid')[0]![1]).toContain('已加密');
  });

  it('reference import of such a package is refused (input-refused), not an internal error', async () => {
    const files = await damagedManifests(await exported());
    await call('workspace:create', { dir: join(base, 'ws2027'), unit: '市教育局', year: 2027, demo: true }, ctx);
    for (const file of Object.values(files))
      await expect(call('reference:import', { source: file }, ctx)).rejects.toMatchObject({ code: 'input-refused' });
    expect(await call('reference:list', {}, ctx)).toEqual([]);
  });
});

describe('defect 3: verify cross-checks the manifest against itself and the zip against its own headers', () => {
  it('a material whose path is not in files, whose sha256 or bytes differ from its files entry, or whose criterion is not in criteria: manifest-invalid', async () => {
    const pkg = await exported();
    const cases: [string, (m: Manifest) => void, RegExp][] = [
      ['path', (m) => void (m.materials[0]!.path = '材料/不存在.jpg'), /路径不在 files 中/u],
      ['sha256', (m) => void (m.materials[0]!.sha256 = 'a'.repeat(64)), /SHA-256 与 files 中的记录不同/u],
      ['bytes', (m) => void (m.materials[0]!.bytes += 1), /files 中记为/u],
      ['criterion', (m) => void (m.materials[0]!.criterionCode = '9.9.9'), /测评标准 9\.9\.9 不在 criteria 中/u],
    ];
    for (const [what, edit, message] of cases) {
      const file = join(base, `${what}.zip`);
      await editPackage(pkg, file, edit);
      const v = await verifyPackage(file);
      expect(v.valid, what).toBe(false);
      expect(codes(v), what).toEqual(['manifest-invalid', 'signature-missing']); // the files themselves are intact
      expect(v.problems[0]!.message, what).toMatch(message);
    }
  });

  it('a final package with check.errors > 0, or whose 校验报告.json lists errors: manifest-invalid; a clean final one verifies', async () => {
    const pkg = await exported(); // the demo has error findings: a monthly package may carry them
    await editPackage(pkg, join(base, 'f1.zip'), (m) => void (m.kind = 'final'));
    expect(withCode(await verifyPackage(join(base, 'f1.zip')), 'manifest-invalid')).toEqual([
      ['manifest.json', expect.stringMatching(/check\.errors 为 \d+/u)],
      ['校验报告.json', expect.stringMatching(/校验报告列有 \d+ 项错误/u)],
    ]);
    await editPackage(pkg, join(base, 'f2.zip'), (m) => {
      m.kind = 'final';
      m.check.errors = 0;
    });
    expect(withCode(await verifyPackage(join(base, 'f2.zip')), 'manifest-invalid')).toEqual([
      ['校验报告.json', expect.stringMatching(/校验报告列有 \d+ 项错误/u)],
    ]);
    // The report rewritten without its errors (and listed with its new hash), as a final package made before
    // sign-off existed (no `signers`: its missing signature and approvals are warnings): nothing left to object to.
    await editPackage(pkg, join(base, 'f3.zip'), (m, items) => {
      m.kind = 'final';
      m.check.errors = 0;
      delete m.signers;
      const report = items.find((i) => i.name === '校验报告.json')!;
      const r = JSON.parse(report.bytes.toString('utf8')) as {
        summary: { errors: number };
        findings: { severity: string }[];
      };
      r.summary.errors = 0;
      r.findings = r.findings.filter((f) => f.severity !== 'error');
      const bytes = Buffer.from(JSON.stringify(r));
      Object.assign(
        m.files.find((f) => f.path === '校验报告.json')!,
        {
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: bytes.length,
        },
      );
      return items.map((i) => (i === report ? { ...i, bytes } : i));
    });
    expect(await verifyPackage(join(base, 'f3.zip'))).toMatchObject({ valid: true, kind: 'final' });
  });

  it('a local header naming ../../evil.js (Python refuses the zip) or giving another CRC-32: entry-unsafe', async () => {
    const pkg = await exported();
    const photo = await photoOf(pkg);
    const evil = await rewritten(pkg, join(base, 'evil.zip'), photo, (e) => ({
      ...e,
      local: { name: '../../evil.js' },
    }));
    expect(pythonRefuses(evil)).toMatch(/File name in directory .* and header .* differ/u);
    const v = await verifyPackage(evil);
    expect(v.valid).toBe(false);
    expect(withCode(v, 'entry-unsafe')).toEqual([[photo, expect.stringContaining('“../../evil.js”')]]);
    const crc = await rewritten(pkg, join(base, 'crc.zip'), photo, (e) => ({
      ...e,
      local: { crc: crc32(e.data) ^ 1 },
    }));
    expect(withCode(await verifyPackage(crc), 'entry-unsafe')).toEqual([
      [photo, expect.stringContaining('本地文件头的 CRC-32 与中央目录不一致')],
    ]);
  });

  it('a stored entry whose CRC-32 is wrong in both headers while its bytes match the manifest (unzip -t fails): entry-unsafe', async () => {
    const pkg = await exported();
    const photo = await photoOf(pkg);
    const file = await rewritten(pkg, join(base, 'crc.zip'), photo, (e) => ({ ...e, crc: crc32(e.data) ^ 0xff }));
    expect(spawnSync('unzip', ['-tqq', file]).status).not.toBe(0);
    expect(pythonRefuses(file)).toMatch(/Bad CRC-32/u);
    const v = await verifyPackage(file);
    expect(v.valid).toBe(false);
    expect(withCode(v, 'entry-unsafe')).toEqual([[photo, expect.stringContaining('CRC-32 与内容不符')]]);
  });

  it('an Info-ZIP Unicode Path field naming readme.exe over a listed readme.pdf: read as unzip extracts it, entry-unsafe', async () => {
    const pkg = await exported();
    const exe = Buffer.from('MZ\x90\x00 not a PDF');
    await editPackage(pkg, join(base, 'listed.zip'), (m, items) => {
      m.files.push({ path: 'readme.pdf', sha256: createHash('sha256').update(exe).digest('hex'), bytes: exe.length });
      return [...items, { name: 'readme.pdf', bytes: exe }];
    });
    expect((await verifyPackage(join(base, 'listed.zip'))).valid).toBe(true); // listed, so far so good
    const file = await rewritten(join(base, 'listed.zip'), join(base, 'up.zip'), 'readme.pdf', (e) => ({
      ...e,
      flags: 0, // Info-ZIP honours the field only for names without the UTF-8 flag
      extra: unicodePathField('readme.pdf', 'readme.exe'),
    }));
    execFileSync('unzip', ['-q', file, '-d', join(base, 'out')]);
    expect([existsSync(join(base, 'out', 'readme.exe')), existsSync(join(base, 'out', 'readme.pdf'))]).toEqual([
      true,
      false,
    ]);
    const v = await verifyPackage(file);
    expect(v.valid).toBe(false);
    expect(v.problems.map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([
        ['entry-unsafe', 'readme.exe'],
        ['file-missing', 'readme.pdf'],
        ['file-unlisted', 'readme.exe'],
      ]),
    );
    expect(withCode(v, 'entry-unsafe')[0]![1]).toContain('Unicode 路径扩展字段中的“readme.exe”');
  });

  it('a directory entry carrying data, stored or hidden behind a size of 0: entry-unsafe; empty ones are ignored', async () => {
    const pkg = await exported();
    const entries = await rawEntriesOf(pkg);
    const withDir = (dir: RawEntry): string => {
      const file = join(base, 'dir.zip');
      writeRawZip(file, [...entries, dir]);
      return file;
    };
    const empty = await verifyPackage(withDir({ name: '材料/', data: Buffer.alloc(0) }));
    expect(empty).toMatchObject({ valid: true, problems: [{ code: 'signature-missing' }] });
    const stored = await verifyPackage(withDir({ name: '材料/', data: Buffer.from('MZ hidden program') }));
    expect(withCode(stored, 'entry-unsafe')).toEqual([['材料/', expect.stringContaining('目录条目带有 17 字节数据')]]);
    const hidden = await verifyPackage(
      withDir({ name: '材料/', data: Buffer.alloc(0), method: 8, body: deflateRawSync('MZ hidden program') }),
    );
    expect(withCode(hidden, 'entry-unsafe')).toEqual([['材料/', expect.stringContaining('目录条目带有')]]);
  });
});

describe('defect 4: names without the UTF-8 flag', () => {
  it('a package re-zipped with Info-ZIP zip -r (UTF-8 names, no flag, directory entries) verifies; names-not-utf8 says UTF-8', async () => {
    const pkg = await exported();
    rezipWithInfoZip(pkg, join(base, 'uos.zip'));
    const entries = await readZip(join(base, 'uos.zip'));
    expect(entries.some((e) => e.name === '材料/')).toBe(true); // zip -r adds the folders
    const v = await verifyPackage(join(base, 'uos.zip'));
    expect(v).toMatchObject({ valid: true, kind: 'monthly' });
    expect(v.problems.map((p) => [p.code, p.severity])).toEqual([
      ['names-not-utf8', 'warning'],
      ['signature-missing', 'warning'],
    ]);
    expect(v.problems[0]!.message).toMatch(/\d+ 个按 UTF-8 读取，如“/u);
    expect(v.problems[0]!.message).not.toContain('GB18030');
  });

  it('re-zipped on Chinese Windows (GB18030 names, some of them valid UTF-8 by chance, like 目录): still GB18030', async () => {
    const pkg = await exported();
    await rezipAsGb18030(pkg, join(base, 'gbk.zip'));
    const v = await verifyPackage(join(base, 'gbk.zip'));
    expect(v.valid).toBe(true);
    expect(withCode(v, 'names-not-utf8')).toEqual([[null, expect.stringMatching(/\d+ 个按 GB18030 读取/u)]]);
  });
});

describe('defect 5: reference import reads what it records', () => {
  it('a material path that is not a file, or a sha256 that is not its bytes: refused, nothing recorded', async () => {
    const pkg = await exported();
    await editPackage(pkg, join(base, 'folder.zip'), (m) => {
      m.materials[0]!.path = '材料/3.1.2_劳动教育与研学实践/';
    });
    await editPackage(pkg, join(base, 'missing.zip'), (m) => {
      m.materials[0]!.path = '材料/3.1.2_劳动教育与研学实践/不存在.jpg';
    });
    await editPackage(pkg, join(base, 'fake.zip'), (m) => {
      m.materials[0]!.sha256 = 'a'.repeat(64);
    });
    await call('workspace:create', { dir: join(base, 'ws2027'), unit: '市教育局', year: 2027, demo: true }, ctx);
    for (const f of ['folder.zip', 'missing.zip', 'fake.zip'])
      await expect(call('reference:import', { source: join(base, f) }, ctx), f).rejects.toMatchObject({
        code: 'input-refused',
      });
    expect(await call('reference:list', {}, ctx)).toEqual([]);
    // The package as exported: every material's hash is the one of its bytes.
    const r = await call('reference:import', { source: pkg }, ctx);
    expect(r).toMatchObject({ year: 2026, added: 5, known: 0, skipped: [] });
    const items = await readZip(pkg);
    const hashes = items
      .filter((i) => i.name.startsWith('材料/'))
      .map((i) => createHash('sha256').update(i.bytes).digest('hex'))
      .sort();
    const recorded = ctx.session
      .workspace!.db.prepare('SELECT sha256 FROM reference_files ORDER BY sha256')
      .all()
      .map((row) => (row as { sha256: string }).sha256);
    expect(recorded).toEqual(hashes);
  });
});

/** `unzip -t` finds an error (exit 2 and up; 1 is a warning, such as a local name it read in another encoding). */
const unzipFails = (file: string): boolean => (spawnSync('unzip', ['-tqq', file]).status ?? 3) > 1;

/** What Python's zipfile extracts from each zip (names and SHA-256s, or its error), one process for all. */
function pythonExtracts(files: string[]): string[] {
  const py = `
import zipfile, hashlib, json, sys
for path in sys.argv[1:]:
    try:
        with zipfile.ZipFile(path) as z:
            print(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))
    except Exception as e:
        print(json.dumps({'error': type(e).__name__}))`;
  return execFileSync('python3', ['-c', py, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 })
    .trim()
    .split('\n');
}

/**
 * The flips' seed, in the test's name and every failure message; `WANGBAO_FLIP_SEED=n` tries another. The package's
 * ids are random, so its bytes shift slightly between runs: a seed replays the same regions, not the same bytes.
 */
const SEED = Number(process.env.WANGBAO_FLIP_SEED ?? 20260520);

describe('single-byte flips over a real package', () => {
  it(`seed ${SEED}: 40 at random offsets and one in every header; never an exception, always caught when it changes what unzip or Python extract, or a listed entry's data`, async () => {
    const pkg = await exported();
    const original = readFileSync(pkg);
    const layout = zipLayout(original);
    const rand = seeded(SEED);
    const within = ([a, b]: [number, number]): number => a + Math.floor(rand() * (b - a));
    const offsets = [
      ...Array.from({ length: 40 }, () => Math.floor(rand() * original.length)),
      ...layout.entries.flatMap((e) => [e.local, e.central, e.descriptor].filter(([a, b]) => b > a).map(within)),
      within(layout.eocd),
    ];
    const flips = offsets.map((at, i) => {
      const bytes = Buffer.from(original);
      bytes[at] = bytes[at]! ^ (1 + Math.floor(rand() * 255));
      const file = join(base, `flip-${i}.zip`);
      writeFileSync(file, bytes);
      return { at, file };
    });
    const [before, ...after] = pythonExtracts([pkg, ...flips.map((f) => f.file)]);
    const listed = layout.entries.filter((e) => !['manifest.json', 'manifest.sig'].includes(e.name));
    let caught = 0;
    for (const [i, { at, file }] of flips.entries()) {
      const where = `seed ${SEED}, flip ${i} at byte ${at}`;
      let v: VerifyResult;
      try {
        v = await verifyPackage(file);
      } catch (e) {
        throw new Error(`${where}: verify threw ${(e as Error).stack}`, { cause: e });
      }
      const entry = listed.find((e) => at >= e.data[0] && at < e.data[1]);
      // Any flip in a listed entry's data changes what is extracted — except in the last byte of a deflated one,
      // whose high bits may be padding after the last code: the same content for every tool, which decide there.
      const changesListed = entry !== undefined && (entry.method === 0 || at < entry.data[1] - 1);
      const toolsDisagree = after[i] !== before || unzipFails(file);
      if (changesListed || toolsDisagree)
        expect(v.valid, `${where} (${entry?.name ?? 'headers'}): ${JSON.stringify(v.problems)}`).toBe(false);
      if (!v.valid) {
        expect(v.problems.some((p) => p.severity === 'error')).toBe(true);
        caught++;
      }
    }
    expect(caught).toBeGreaterThan(flips.length / 2);
  });
});
