import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  writeSync,
  ftruncateSync,
  writeFileSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { call } from '../../electron/core/dispatch';
import { thumbPath } from '../../electron/core/intake/attach';
import { nearDuplicatesOf } from '../../electron/core/materials/near-duplicates';
import type { Ctx } from '../../electron/core/context';
import { AppError } from '@shared/ipc/errors';
import type { AttachResult } from '@shared/ipc/types';
import { FIXTURES, testCtx } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { blackPng } from '../hostile/images';

const photo = (name: string) => join(FIXTURES, 'photos', name);

const demo = useDemoWorkspace();
const { attach } = demo;
let ctx: Ctx;
let base: string;
beforeEach(() => ({ ctx, base } = demo));
const byFile = (rs: AttachResult[]) => new Map(rs.map((r) => [r.file.split('/').at(-1)!, r]));
const materials = async (code?: string) => (await call('materials:list', { criterionCode: code }, ctx)).materials;

/** Every blob file in the store has a row: nothing partial stays behind. */
function assertNoOrphanBlobs(): void {
  const ws = ctx.session.workspace!;
  const known = new Set(ws.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]);
  const root = ws.store.root;
  for (const d of readdirSync(root).filter((x) => /^[0-9a-f]{2}$/u.test(x)))
    for (const f of readdirSync(join(root, d))) expect(known.has(d + f)).toBe(true);
  expect(readdirSync(join(root, 'tmp'))).toEqual([]);
}

/** A PNG whose header claims `w`×`h` pixels (the data is a few bytes): a decompression bomb as sharp would see it. */
const pngClaiming = (w: number, h: number): Buffer => blackPng(w, h, deflateSync(Buffer.alloc(16)));

describe('intake of the corpus photos', () => {
  it('imports each with the right date and upright size; refuses the undecodable one clearly; the HEIF as a JPEG', async () => {
    const rs = byFile(await attach('3.1.2', [join(FIXTURES, 'photos')]));
    expect([...rs.values()].map((r) => r.status).sort()).toEqual([...Array(8).fill('added'), 'refused'].sort());
    expect(rs.get('corrupted.jpg')).toMatchObject({ status: 'refused', reason: expect.stringContaining('图片已损坏') });
    const list = new Map((await materials('3.1.2')).map((m) => [m.fileName, m]));
    expect(list.get('Canon_40D.jpg')).toMatchObject({
      kind: 'photo',
      title: 'Canon_40D',
      eventDate: '2008-05-30',
      month: '2026-05', // its date (2008) is outside the period: the current collection month
      facts: {
        mime: 'image/jpeg',
        width: 100,
        height: 68,
        exifDate: '2008-05-30T15:56:01',
        camera: 'Canon EOS 40D',
        gps: false,
      },
    });
    expect(list.get('orientation_portrait_6.jpg')!.facts).toMatchObject({ orientation: 6, width: 450, height: 600 });
    expect(list.get('orientation_landscape_3.jpg')!.facts).toMatchObject({ orientation: 3 });
    expect(list.get('HMD_Nokia_8.3_5G.jpg')!.facts).toMatchObject({ gps: true, exifDate: '2022-08-14T14:12:31' });
    expect(list.get('image00971.jpg')!.facts).toMatchObject({ exifDate: null, mime: 'image/jpeg' });
    const heif = list.get('samplefilehub.heif')!;
    expect(heif.facts).toMatchObject({ mime: 'image/jpeg', width: 640, height: 426 });
    expect(heif.sha256).not.toBe(rs.get('samplefilehub.heif')!.sha256); // the material is the JPEG; the result names the original
    const ws = ctx.session.workspace!;
    expect(ws.db.prepare('SELECT source_sha256 FROM materials WHERE id = ?').pluck().get(heif.id)).toBe(
      rs.get('samplefilehub.heif')!.sha256,
    );
    for (const m of list.values()) {
      const thumb = await sharp(thumbPath(ws, m.sha256)).metadata();
      expect(Math.max(thumb.width!, thumb.height!)).toBeLessThanOrEqual(320);
    }
    // upright thumbnail of the orientation-6 photo is portrait
    const t6 = await sharp(thumbPath(ws, list.get('orientation_portrait_6.jpg')!.sha256)).metadata();
    expect(t6.height!).toBeGreaterThan(t6.width!);
    assertNoOrphanBlobs();
  });
});

describe('intake of documents and bad input', () => {
  it('accepts PDFs (the password-protected one too) and Word files as documents', async () => {
    const rs = await attach('1.1.1', [join(FIXTURES, 'pdfs'), join(FIXTURES, 'office')]);
    expect(rs.every((r) => r.status === 'added')).toBe(true);
    const list = await materials('1.1.1');
    expect(list.find((m) => m.fileName === 'libreoffice-writer-password.pdf')).toMatchObject({
      kind: 'document',
      facts: { mime: 'application/pdf' },
    });
    expect(list.find((m) => m.fileName === 'having-images.docx')!.facts.mime).toContain('wordprocessingml');
  });

  it('refuses empty files, renamed executables, pixel bombs and SVG, each with a reason; keeps nothing of them', async () => {
    const dir = join(base, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'empty.jpg'), '');
    copyFileSync(process.execPath, join(dir, '活动照片.jpg'));
    writeFileSync(join(dir, 'bomb.png'), pngClaiming(30000, 30000));
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    writeFileSync(join(dir, 'archive.zip'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100)]));
    const rs = byFile(await attach('3.1.2', [dir]));
    expect(rs.get('empty.jpg')!.reason).toContain('空的');
    expect(rs.get('活动照片.jpg')!.reason).toBe('该文件不是图片，可能是改了扩展名的其他文件。');
    expect(rs.get('bomb.png')!.reason).toContain('像素过大');
    expect(rs.get('logo.svg')!.reason).toContain('SVG');
    expect(rs.get('archive.zip')!.reason).toContain('压缩包');
    expect([...rs.values()].every((r) => r.status === 'refused')).toBe(true);
    expect(await materials()).toEqual([]);
    assertNoOrphanBlobs();
  });

  it('accepts a JPEG whose data is damaged but still decodes, flagged damaged (a truncated camera file)', async () => {
    const bytes = readFileSync(photo('DSCN0010.jpg'));
    writeFileSync(join(base, '传输中断.jpg'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const [r] = await attach('3.1.2', [join(base, '传输中断.jpg')]);
    expect(r).toMatchObject({ status: 'added' });
    expect((await materials('3.1.2'))[0]!.facts).toMatchObject({ damaged: true, width: 640, height: 480 });
  });

  it('skips hidden and system files when walking a folder, and counts them', async () => {
    const dir = join(base, 'folder');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(photo('Canon_40D.jpg'), join(dir, 'sub', 'a.jpg'));
    for (const n of ['Thumbs.db', 'desktop.ini', '.DS_Store', '~$方案.docx']) writeFileSync(join(dir, n), 'x');
    const rs = await attach('3.1.2', [dir]);
    expect(rs.filter((r) => r.status === 'skipped')).toHaveLength(4);
    expect(rs.filter((r) => r.status === 'added')).toHaveLength(1);
  });

  it('the same file twice: duplicate on the same criterion, added with alsoOn on another', async () => {
    const [first] = await attach('3.1.2', [photo('Canon_40D.jpg')]);
    const [again] = await attach('3.1.2', [photo('Canon_40D.jpg')]);
    expect(again).toMatchObject({ status: 'duplicate', materialId: first!.materialId, sha256: first!.sha256 });
    const [other] = await attach('3.1.3', [photo('Canon_40D.jpg')]);
    expect(other).toMatchObject({ status: 'added', alsoOn: ['3.1.2'] });
    expect(ctx.session.workspace!.db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()).toBe(1);
  });

  it('twins in one batch (processed at the same time) give one material and one duplicate', async () => {
    const dir = join(base, 'twins');
    mkdirSync(dir);
    for (const n of ['a.jpg', 'b.jpg', 'c.jpg']) copyFileSync(photo('DSCN0010.jpg'), join(dir, n));
    const rs = await attach('3.1.2', [dir]);
    expect(rs.map((r) => r.status).sort()).toEqual(['added', 'duplicate', 'duplicate']);
    expect(await materials('3.1.2')).toHaveLength(1);
  });

  it('takes kind, title, caption, date and month as given; caption fields are parsed', async () => {
    await attach('3.1.2', [photo('Nikon_D70.jpg')], {
      kind: 'screenshot',
      title: '研学活动',
      caption: '时间：2026年5月12日；地点：市实验小学；人物：五年级学生；主题：劳动教育',
      month: '2026-05',
    });
    const [m] = await materials('3.1.2');
    expect(m).toMatchObject({ kind: 'screenshot', title: '研学活动', month: '2026-05' });
    expect(m!.caption).toMatchObject({
      date: '2026-05-12',
      place: '市实验小学',
      people: '五年级学生',
      subject: '劳动教育',
    });
    // The EXIF date beats the caption's; the checker compares the two.
    expect(m!.eventDate).toBe(String(m!.facts.exifDate).slice(0, 10));
    expect(m!.eventDate).not.toBe('2026-05-12');
  });

  it('counts fill the requirements and the status', async () => {
    const dir = join(base, 'p');
    mkdirSync(dir);
    for (const n of [
      'Canon_40D.jpg',
      'Nikon_D70.jpg',
      'DSCN0010.jpg',
      'HMD_Nokia_8.3_5G.jpg',
      'orientation_landscape_3.jpg',
      'orientation_portrait_6.jpg',
    ])
      copyFileSync(photo(n), join(dir, n));
    await attach('3.1.2', [dir]);
    const c = (await call('catalog:list', {}, ctx)).criteria.find((x) => x.code === '3.1.2')!;
    expect(c.counts).toEqual({ photo: 6 });
    expect(c.status).toBe('in-progress'); // 方案 and 总结 still missing
  });

  it('an unknown criterion is an error; a 300 MB video streams in with flat memory', async () => {
    await expect(attach('99.9', [photo('Canon_40D.jpg')])).rejects.toBeInstanceOf(AppError);
    const big = join(base, '宣传片.mp4');
    const fd = openSync(big, 'w');
    writeSync(fd, Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'));
    ftruncateSync(fd, 300 * 1024 * 1024);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const [r] = await attach('3.1.2', [big]);
    const growth = process.memoryUsage().rss - before;
    expect(r).toMatchObject({ status: 'added' });
    expect((await materials('3.1.2'))[0]).toMatchObject({ kind: 'video', bytes: 300 * 1024 * 1024 });
    expect(growth).toBeLessThan(100 * 1024 * 1024);
    expect(existsSync(join(base, 'ws', 'blobs', r!.sha256!.slice(0, 2)))).toBe(true);
  }, 60_000);
});

describe('documents: facts, text and search', () => {
  it('reads PDF facts with pdf.js: pages, text layer, version, encryption, unreadable', async () => {
    await attach('1.1.1', [join(FIXTURES, 'pdfs')]);
    const by = new Map((await materials('1.1.1')).map((m) => [m.fileName, m.facts]));
    expect(by.get('pdflatex-4-pages.pdf')).toMatchObject({
      pages: 4,
      hasText: true,
      encrypted: false,
      readable: true,
      hasJavaScript: false,
      hasEmbeddedFiles: false,
    });
    expect(by.get('minimal-document.pdf')).toMatchObject({ pages: 1, pdfVersion: expect.stringMatching(/^\d\.\d$/u) });
    expect(by.get('libreoffice-writer-password.pdf')).toMatchObject({ encrypted: true, pages: null, readable: false });
    expect(by.get('unreadablemetadata.pdf')).toMatchObject({ readable: false });
    // The PDF's CreationDate is the fallback 形成日期.
    const dated = (await materials('1.1.1')).filter((m) => m.facts.documentDate);
    expect(dated.length).toBeGreaterThan(0);
    for (const m of dated) expect(m.eventDate).toBe(m.facts.documentDate);
  });

  it('reads .docx text and word counts; old Office files are accepted unreadable', async () => {
    const dir = join(base, 'docs');
    mkdirSync(dir);
    copyFileSync(join(FIXTURES, 'office', 'tbl-having-tables.docx'), join(dir, '工作方案.docx'));
    const ole = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(600),
      Buffer.from('WordDocument', 'utf16le'),
    ]);
    writeFileSync(join(dir, '旧版通知.doc'), ole);
    writeFileSync(join(dir, '情况说明.txt'), '我校开展劳动教育活动12次，参与学生3000人次，形成典型案例5个。');
    const rs = await attach('3.1.2', [dir]);
    expect(rs.map((r) => r.status)).toEqual(['added', 'added', 'added']);
    const by = new Map((await materials('3.1.2')).map((m) => [m.fileName, m]));
    // The corpus's Word files hold tables and images but no words: mammoth reads them and counts none.
    // Its page count is Word's own, from the extended properties (docProps/app.xml <Pages>1</Pages>).
    expect(by.get('工作方案.docx')).toMatchObject({
      kind: 'document',
      facts: { readable: true, words: 0, pages: 1 },
    });
    // A Word file's creation date (core properties) is the fallback 形成日期.
    await attach('3.1.3', [join(FIXTURES, 'office', 'doc-coreprops.docx')]);
    const dated = (await materials('3.1.3'))[0]!;
    expect(dated.facts.documentDate).toBe('2014-12-13');
    expect(dated.eventDate).toBe('2014-12-13');
    expect(by.get('旧版通知.doc')).toMatchObject({
      kind: 'document',
      facts: { mime: 'application/msword', readable: false },
    });
    expect(by.get('情况说明.txt')).toMatchObject({ kind: 'statement', facts: { mime: 'text/plain' } });
  });

  it('searches titles, captions, file names and extracted text; two-character queries work too', async () => {
    const logged = (ctx.log as unknown as { lines: string[] }).lines;
    const dir = join(base, 's');
    mkdirSync(dir);
    writeFileSync(join(dir, '情况说明.txt'), '我校开展劳动教育活动12次，参与学生3000人次。');
    await attach('3.1.2', [dir]);
    await attach('3.1.3', [photo('Canon_40D.jpg')], { caption: '地点：市实验小学心理辅导室' });
    await attach('1.1.1', [join(FIXTURES, 'pdfs', 'pdflatex-4-pages.pdf')]);
    const hits = async (q: string) =>
      (await call('materials:search', { query: q }, ctx)).materials.map((m) => m.fileName);
    expect(await hits('劳动教育')).toEqual(['情况说明.txt']);
    expect(await hits('劳动')).toEqual(['情况说明.txt']);
    expect(await hits('辅导室')).toEqual(['Canon_40D.jpg']);
    expect(await hits('Canon')).toEqual(['Canon_40D.jpg']);
    expect((await hits('Lorem')).length + (await hits('the')).length).toBeGreaterThan(0);
    expect(await hits('50%')).toEqual([]);
    expect(await hits('"')).toEqual([]);
    // A GB18030 text file (Notepad on Chinese Windows) is read right.
    writeFileSync(join(dir, '旧说明.txt'), Buffer.from('c9e7c7f8d6bed4b8b7fecef1bbeeb6af', 'hex')); // 社区志愿服务活动 in GB18030
    await attach('3.1.2', [join(dir, '旧说明.txt')]);
    expect(await hits('志愿')).toEqual(['旧说明.txt']);
    expect(logged.filter((l) => l.startsWith('ERROR'))).toEqual([]);
  });
});

describe('near-duplicate candidates', () => {
  it('are found at intake through the pHash band index: copies yes, unrelated photos no', async () => {
    const dir = join(base, 'nd');
    mkdirSync(dir);
    await sharp(photo('DSCN0010.jpg')).resize(400).jpeg({ quality: 50 }).toFile(join(dir, 'copy-small.jpg'));
    const m = await sharp(photo('DSCN0010.jpg')).metadata();
    await sharp(photo('DSCN0010.jpg'))
      .extract({ left: 8, top: 6, width: m.width! - 16, height: m.height! - 12 })
      .toFile(join(dir, 'copy-trimmed.jpg'));
    const [original] = await attach('3.1.2', [photo('DSCN0010.jpg')]);
    await attach('3.1.3', [
      join(dir, 'copy-small.jpg'),
      join(dir, 'copy-trimmed.jpg'),
      photo('Canon_40D.jpg'),
      photo('Nikon_D70.jpg'),
    ]);
    const db = ctx.session.workspace!.db;
    const near = nearDuplicatesOf(db, original!.sha256!);
    const names = new Map((await materials('3.1.3')).map((x) => [x.sha256, x.fileName]));
    expect(near.map((n) => names.get(n.sha256)).sort()).toEqual(['copy-small.jpg', 'copy-trimmed.jpg']);
    expect(near.every((n) => n.distance <= 10)).toBe(true);
  });
});

describe('move, copy, trash and undo', () => {
  it('moves and copies between criteria (never into a duplicate), trashes and restores, all audited', async () => {
    const [a] = await attach('3.1.2', [photo('Canon_40D.jpg')]);
    const [b] = await attach('3.1.2', [photo('Nikon_D70.jpg')]);
    await attach('3.1.3', [photo('Nikon_D70.jpg')]);
    const moved = await call(
      'materials:move',
      { ids: [a!.materialId!, b!.materialId!], toCriterionCode: '3.1.3', copy: false },
      ctx,
    );
    expect(moved).toEqual({ done: [a!.materialId], skipped: [b!.materialId] });
    expect((await materials('3.1.3')).map((m) => m.fileName).sort()).toEqual(['Canon_40D.jpg', 'Nikon_D70.jpg']);
    const copied = await call(
      'materials:move',
      { ids: [a!.materialId!], toCriterionCode: '１.１.１', copy: true },
      ctx,
    );
    expect(copied.done).toHaveLength(1);
    expect((await materials('1.1.1')).map((m) => m.fileName)).toEqual(['Canon_40D.jpg']);
    expect((await call('materials:search', { query: 'Canon' }, ctx)).materials).toHaveLength(2);

    expect(await call('materials:delete', { ids: [a!.materialId!], deleted: true }, ctx)).toEqual({
      changed: [a!.materialId],
    });
    expect((await materials('3.1.3')).map((m) => m.fileName)).toEqual(['Nikon_D70.jpg']);
    expect((await call('catalog:list', {}, ctx)).criteria.find((c) => c.code === '3.1.3')!.counts).toEqual({
      photo: 1,
    });
    expect(await call('materials:delete', { ids: [a!.materialId!], deleted: false }, ctx)).toEqual({
      changed: [a!.materialId],
    });
    expect(await materials('3.1.3')).toHaveLength(2);
    // Restoring next to a twin added meanwhile would make a duplicate: it stays in the trash.
    await call('materials:delete', { ids: [a!.materialId!], deleted: true }, ctx);
    await attach('3.1.3', [photo('Canon_40D.jpg')]);
    expect(await call('materials:delete', { ids: [a!.materialId!], deleted: false }, ctx)).toEqual({ changed: [] });
    const db = ctx.session.workspace!.db;
    const actions = db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'materials.%' ORDER BY id")
      .pluck()
      .all();
    expect(actions).toEqual([
      'materials.move',
      'materials.copy',
      'materials.trash',
      'materials.restore',
      'materials.trash',
      'materials.restore',
    ]);
    await expect(
      call('materials:move', { ids: [a!.materialId!], toCriterionCode: '99', copy: true }, ctx),
    ).rejects.toThrow(/找不到/u);
  });
});

describe('bulk intake: progress and cancel', () => {
  it('reports progress per file and stops taking files in when cancelled; done files stay', async () => {
    const dir = join(base, 'bulk');
    mkdirSync(dir);
    for (let i = 0; i < 24; i++)
      await sharp(photo('DSCN0010.jpg'))
        .modulate({ brightness: 1 + i / 100 })
        .jpeg()
        .toFile(join(dir, `p${String(i).padStart(2, '0')}.jpg`));
    const { ctx: c, events } = testCtx(base);
    c.session.workspace = ctx.session.workspace;
    const jobId = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    let cancelled = false;
    const origEmit = c.emit;
    c.emit = (e) => {
      origEmit(e);
      if (!cancelled && e.done >= 3) {
        cancelled = true;
        void call('jobs:cancel', { jobId }, c).then((r) => expect(r).toEqual({ cancelled: true }));
      }
    };
    const { results } = await call('materials:attach', { jobId, criterionCode: '3.1.2', paths: [dir] }, c);
    const added = results.filter((r) => r.status === 'added').length;
    const skipped = results.filter((r) => r.status === 'skipped');
    expect(added).toBeGreaterThanOrEqual(3);
    expect(added).toBeLessThan(24);
    expect(added + skipped.length).toBe(24);
    expect(skipped.every((r) => r.reason === '已取消。')).toBe(true);
    expect((await materials('3.1.2')).length).toBe(added);
    expect(events.map((e) => e.done)).toEqual(events.map((_, i) => i + 1));
    expect(events.every((e) => e.jobId === jobId && e.total === 24 && e.rate > 0)).toBe(true);
    expect(c.session.jobs.size).toBe(0);
    expect(await call('jobs:cancel', { jobId }, c)).toEqual({ cancelled: false });
  });
});

describe('优化图片', () => {
  it('makes a smaller upright JPEG as a new version; the original blob stays; a second time is refused', async () => {
    const big = join(base, '活动现场.jpg');
    const w = 4000;
    const h = 3000;
    const px = Buffer.alloc(w * h * 3);
    let s = 3;
    for (let i = 0; i < px.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      px[i] = ((i % (w * 3)) / 47 + (s & 63)) & 255;
    }
    await sharp(px, { raw: { width: w, height: h, channels: 3 } })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 97 })
      .toFile(big);
    const [r] = await attach('3.1.2', [big]);
    const before = (await materials('3.1.2'))[0]!;
    expect(before.facts).toMatchObject({ width: 3000, height: 4000, orientation: 6 });
    const out = await call('materials:optimize', { id: r!.materialId! }, ctx);
    expect('after' in out && out.after < out.before / 2).toBe(true);
    const after = (await materials('3.1.2'))[0]!;
    expect(after.id).toBe(before.id);
    expect(after.sha256).not.toBe(before.sha256);
    expect(after.facts).toMatchObject({ width: 1920, height: 2560, mime: 'image/jpeg' });
    expect(after.facts.orientation === 1 || after.facts.orientation === undefined).toBe(true);
    const db = ctx.session.workspace!.db;
    expect(db.prepare('SELECT sha256, reason FROM material_versions WHERE material_id = ?').get(before.id)).toEqual({
      sha256: before.sha256,
      reason: 'optimize',
    });
    expect(existsSync(ctx.session.workspace!.store.path(before.sha256))).toBe(true);
    expect(await call('materials:optimize', { id: before.id }, ctx)).toEqual({
      refused: expect.stringContaining('不需要再优化'),
    });
    assertNoOrphanBlobs();
  }, 60_000);
});
