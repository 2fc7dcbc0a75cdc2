import { FIXTURES } from '../helpers/ctx';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/workspace/audit';
import { call } from '../../electron/core/dispatch';
import type { Ctx } from '../../electron/core/context';
import type { Finding } from '@shared/domain/rules/types';
import type { RuleId } from '@shared/domain/rules/rule-ids';
import { AppError } from '@shared/ipc/errors';
import { FULL_CAPTION, NOKIA, periodPhoto as photoAt } from '../helpers/photos';
import { useDemoWorkspace } from '../helpers/demo-workspace';

const CAPTION = FULL_CAPTION;
const periodPhoto = (name: string, edit?: (s: Sharp) => Sharp) => photoAt(join(base, name), edit);

const demo = useDemoWorkspace();
const { attach } = demo;
let ctx: Ctx;
let base: string;
beforeEach(() => ({ ctx, base } = demo));
const check = () => call('check:run', {}, ctx);
/** Findings of one rule, as [criterion, file] pairs. */
const found = async (id: RuleId): Promise<[string, string | null][]> =>
  (await check()).findings.filter((f) => f.ruleId === id).map((f) => [f.criterionCode, f.file]);
const on = (fs: Finding[], file: string) => fs.filter((f) => f.file === file).map((f) => f.ruleId);

describe('the check over real files from the corpus', () => {
  it('flags each corpus file for what is wrong with it, and sums the points at risk', async () => {
    await attach('3.1.2', [join(FIXTURES, 'photos'), join(FIXTURES, 'pdfs')]);
    const r = await check();
    const fs = r.findings.filter((f) => f.criterionCode === '3.1.2');
    // 2008 camera photos: outside the period, tiny, no caption.
    expect(on(fs, 'Canon_40D.jpg')).toEqual(['date-outside-period', 'caption-missing', 'photo-too-small']);
    // The EXIF-less orientation samples have no date at all.
    expect(on(fs, 'orientation_portrait_6.jpg')).toEqual(['caption-missing', 'date-missing', 'photo-too-small']);
    expect(on(fs, 'libreoffice-writer-password.pdf')).toContain('pdf-encrypted');
    expect(on(fs, 'minimal-document.pdf')).toEqual(['date-outside-period']);
    expect(fs.find((f) => f.ruleId === 'pdf-encrypted')).toMatchObject({ severity: 'error', fix: 'replace' });
    expect(r.summary.errors).toBe(r.findings.filter((f) => f.severity === 'error').length);
    // A criterion's total is capped at its points; the summary adds the criteria.
    const total = Object.values(r.criteria).reduce((a, c) => a + c.pointsAtRisk, 0);
    expect(r.summary.pointsAtRisk).toBeCloseTo(total, 5);
    expect(r.criteria['3.1.2']!.pointsAtRisk).toBeLessThanOrEqual(1.5);
  });

  it('a good photo in the period with a full caption passes every photo rule; fixing a finding makes it disappear', async () => {
    const good = await periodPhoto('good.jpg');
    const [r] = await attach('3.1.2', [good]);
    expect(on((await check()).findings, 'good.jpg')).toEqual(['caption-missing']);
    await call('materials:update', { id: r!.materialId!, caption: CAPTION }, ctx);
    expect(on((await check()).findings, 'good.jpg')).toEqual([]);
  });

  it('blurry, over-compressed and screenshot photos are flagged, each for its own fault', async () => {
    const blurry = await periodPhoto('blurry.jpg', (s) => s.blur(12));
    const coarse = join(base, 'coarse.jpg');
    await sharp(await periodPhoto('tmp.jpg'))
      .withExif({ IFD2: { DateTimeOriginal: '2026:03:12 09:30:00' } })
      .jpeg({ quality: 25 })
      .toFile(coarse);
    const screen = join(base, 'screen.png');
    await sharp({ create: { width: 1920, height: 1080, channels: 3, background: '#f0f0f0' } })
      .composite([
        { input: Buffer.from('<svg width="800" height="200"><rect width="800" height="200" fill="#1677ff"/></svg>') },
      ])
      .png()
      .toFile(screen);
    await attach('3.1.2', [blurry, coarse, screen], { caption: CAPTION, date: '2026-03-12' });
    const fs = (await check()).findings;
    expect(on(fs, 'blurry.jpg')).toEqual(['photo-blurry']);
    expect(on(fs, 'coarse.jpg')).toEqual(['photo-overcompressed']);
    // A screenshot dropped as a photo is typed 媒体截图 at intake; typed back as a photo, the checker objects.
    const shot = (await call('materials:list', { criterionCode: '3.1.2' }, ctx)).materials.find(
      (m) => m.fileName === 'screen.png',
    )!;
    expect(shot.kind).toBe('screenshot');
    await call('materials:update', { id: shot.id, kind: 'photo' }, ctx);
    expect(on((await check()).findings, 'screen.png')).toContain('screenshot-as-photo');
  });
});

describe('documents: generated PDFs and real Word files', () => {
  /** A one-page PDF made with pdf-lib: with text, or a scan (an image only), optionally with a script and an attachment. */
  async function pdf(name: string, opts: { text?: boolean; script?: boolean; attachment?: boolean }): Promise<string> {
    const doc = await PDFDocument.create();
    doc.setCreationDate(new Date('2026-03-12T09:00:00+08:00'));
    const page = doc.addPage([595, 842]);
    if (opts.text)
      page.drawText('Work plan 2026', { x: 72, y: 760, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
    else {
      const scan = await doc.embedJpg(await sharp(NOKIA).resize(800).jpeg().toBuffer());
      page.drawImage(scan, { x: 0, y: 0, width: 595, height: 842 });
    }
    if (opts.script) doc.addJavaScript('hello', 'app.alert("x")');
    if (opts.attachment) await doc.attach(Buffer.from('a,b\n1,2'), 'data.csv', { mimeType: 'text/csv' });
    const out = join(base, name);
    writeFileSync(out, await doc.save());
    return out;
  }

  it('pdf-active-content for a script or an attachment; scan-without-text where a 规范文件 is required', async () => {
    // 3.1.2 asks for a 规范文件 (document); 3.1.3 does not.
    const files = [
      await pdf('方案.pdf', { text: true }),
      await pdf('带脚本.pdf', { text: true, script: true }),
      await pdf('带附件.pdf', { text: true, attachment: true }),
      await pdf('扫描件.pdf', {}),
    ];
    await attach('3.1.2', files, { kind: 'document' });
    await attach('3.1.3', [await pdf('另一扫描件.pdf', {})], { kind: 'document' });
    expect(await found('pdf-active-content')).toEqual(
      [
        ['3.1.2', '带脚本.pdf'],
        ['3.1.2', '带附件.pdf'],
      ].sort(),
    );
    expect(await found('scan-without-text')).toEqual([['3.1.2', '扫描件.pdf']]);
    const fs = (await check()).findings;
    expect(on(fs, '方案.pdf')).toEqual([]);
    expect(fs.find((f) => f.ruleId === 'scan-without-text')).toMatchObject({ severity: 'info', pointsAtRisk: 0 });
  });

  it('a Word file as a 情况说明: its real text is measured; a plain-text one is not an accepted type', async () => {
    await attach('3.1.2', [join(FIXTURES, 'office', 'tbl-having-tables.docx')], { kind: 'statement' });
    const good = join(base, '情况说明.txt');
    writeFileSync(
      good,
      '为落实创建工作要求，我局制定了工作方案，建立每月调度机制，组织开展志愿服务活动 36 场，参与师生 2,400 人次，覆盖全市 58 所学校。' +
        '通过上述措施，学生文明素养明显提升，家长满意度达到 96%。'.repeat(14),
    );
    await attach('3.1.3', [good], { kind: 'statement', date: '2026-03-12' });
    const fs = (await check()).findings;
    // Its core properties date it 2015-02-15: outside the period, besides being too short and without figures.
    expect(on(fs, 'tbl-having-tables.docx')).toEqual([
      'date-outside-period',
      'statement-too-short',
      'statement-without-figures',
    ]);
    expect(on(fs, '情况说明.txt')).toEqual(['file-type-not-accepted']);
  });
});

describe('duplicates, near-duplicates and 往年材料', () => {
  it('the same file on two criteria appears once on each; a resized, re-saved, trimmed copy is a near-duplicate', async () => {
    const photo = await periodPhoto('会议.jpg');
    const copy = join(base, 'copy.jpg');
    const m = await sharp(photo).metadata();
    await sharp(photo)
      .extract({ left: 40, top: 20, width: m.width! - 80, height: m.height! - 40 })
      .resize(2000)
      .withExif({ IFD2: { DateTimeOriginal: '2026:03:12 09:30:00' } })
      .jpeg({ quality: 70 })
      .toFile(copy);
    const unrelated = await periodPhoto('other.jpg', (s) => s.flop().negate({ alpha: false }));
    await attach('3.1.2', [photo, unrelated], { caption: CAPTION });
    await attach('3.1.3', [photo], { caption: CAPTION });
    await attach('3.2.3', [copy], { caption: CAPTION });
    expect(await found('duplicate-across-criteria')).toEqual([
      ['3.1.2', '会议.jpg'],
      ['3.1.3', '会议.jpg'],
    ]);
    expect(await found('near-duplicate')).toEqual([
      ['3.1.2', '会议.jpg'],
      ['3.1.3', '会议.jpg'],
      ['3.2.3', 'copy.jpg'],
    ]);
  });

  it('往年材料: the same or a near-identical photo is reused-from-earlier-year; known and unusable files are counted', async () => {
    const lastYear = join(base, '2025年材料');
    mkdirSync(join(lastYear, '三月'), { recursive: true });
    copyFileSync(NOKIA, join(lastYear, '三月', 'old.jpg'));
    copyFileSync(join(FIXTURES, 'pdfs', 'minimal-document.pdf'), join(lastYear, 'old.pdf'));
    copyFileSync(join(FIXTURES, 'archives', 'zip-slip.zip'), join(lastYear, 'bundle.zip'));
    writeFileSync(join(lastYear, 'Thumbs.db'), 'x');
    const r = await call('reference:import', { source: lastYear, year: 2025 }, ctx);
    expect(r).toMatchObject({ year: 2025, added: 2, known: 0 });
    expect(r!.skipped.map((s) => s.file.split('/').at(-1))).toEqual(['Thumbs.db', 'bundle.zip']);
    expect((await call('reference:import', { source: lastYear, year: 2025 }, ctx))!.known).toBe(2);
    expect(await call('reference:list', {}, ctx)).toMatchObject([{ year: 2025, files: 2 }]);

    const resaved = await periodPhoto('今年.jpg'); // last year's photo, re-dated and re-encoded
    await attach('3.1.2', [resaved, join(FIXTURES, 'pdfs', 'minimal-document.pdf')], { caption: CAPTION });
    await attach('3.1.3', [await periodPhoto('新拍.jpg', (s) => s.flop().negate({ alpha: false }))], {
      caption: CAPTION,
    });
    expect((await found('reused-from-earlier-year')).sort()).toEqual([
      ['3.1.2', 'minimal-document.pdf'],
      ['3.1.2', '今年.jpg'],
    ]);
    await call('reference:remove', { year: 2025 }, ctx);
    expect(await found('reused-from-earlier-year')).toEqual([]);
    expect(verifyAuditChain(ctx.session.workspace!.db)).toBeNull();
  });

  it('往年材料 must be of an earlier year, from a folder', async () => {
    await expect(call('reference:import', { source: base, year: 2026 }, ctx)).rejects.toMatchObject({
      code: 'input-refused',
    });
    await expect(call('reference:import', { source: NOKIA, year: 2025 }, ctx)).rejects.toMatchObject({
      code: 'input-refused',
    });
    expect(await call('reference:list', {}, ctx)).toEqual([]);
  });
});

describe('不属本单位职责', () => {
  it('turns the criterion not-applicable and clears no-materials; withdrawing brings both back; all logged', async () => {
    expect(await found('no-materials')).toContainEqual(['3.1.3', null]);
    const statement = '本单位不承担该项工作，相关职能已于2025年划转至市文旅局，详见市编办文件。';
    const r = await call('criteria:declare', { criterionCode: '3.1.3', statement }, ctx);
    expect(r.declaration).toMatchObject({ statement });
    const status = async () => (await call('catalog:list', {}, ctx)).criteria.find((c) => c.code === '3.1.3')!;
    expect(await status()).toMatchObject({ status: 'not-applicable', declaration: { statement } });
    expect(await found('no-materials')).not.toContainEqual(['3.1.3', null]);
    await call('criteria:declare', { criterionCode: '3.1.3', statement: null }, ctx);
    expect((await status()).status).toBe('not-started');
    expect(await found('no-materials')).toContainEqual(['3.1.3', null]);
    const actions = ctx.session
      .workspace!.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'criterion.%'")
      .pluck()
      .all();
    expect(actions).toEqual(['criterion.declare', 'criterion.withdrawDeclaration']);
  });

  it('refuses a statement that says nothing, a parent criterion and an unknown code', async () => {
    await expect(
      call('criteria:declare', { criterionCode: '3.1.3', statement: '不是我们' }, ctx),
    ).rejects.toMatchObject({
      code: 'input-refused',
    });
    await expect(
      call('criteria:declare', { criterionCode: '3.1', statement: '这一组标准都不属于本单位的职责范围。' }, ctx),
    ).rejects.toMatchObject({ code: 'input-refused' });
    await expect(call('criteria:declare', { criterionCode: '9.9.9', statement: null }, ctx)).rejects.toBeInstanceOf(
      AppError,
    );
  });
});

describe('the rule profile', () => {
  it('starts at the documented defaults; an edit is in force, logged and changes the hash', async () => {
    const before = await call('profile:get', {}, ctx);
    expect(before).toMatchObject({ origin: 'default', profile: { thresholds: { photoMinLongEdge: 1024 } } });
    expect(before.profile).toEqual(before.defaults);
    await attach('3.1.2', [join(FIXTURES, 'photos', 'DSCN0010.jpg')]);
    expect(await found('photo-too-small')).toHaveLength(1);
    const after = await call('profile:update', { profile: { thresholds: { photoMinLongEdge: 600 } } }, ctx);
    expect(after.origin).toBe('user');
    expect(after.sha256).not.toBe(before.sha256);
    expect(await found('photo-too-small')).toEqual([]);
    expect((await check()).ruleProfile.sha256).toBe(after.sha256);
    const logged = ctx.session
      .workspace!.db.prepare("SELECT details FROM audit_log WHERE action = 'ruleProfile.set'")
      .pluck()
      .get();
    expect(JSON.parse(logged as string)).toMatchObject({ origin: 'user', sha256: after.sha256 });
  });

  it('refuses a profile with an unknown severity or a threshold out of range', async () => {
    const bad = await import('../../electron/core/dispatch').then((d) =>
      d.dispatch('profile:update', { profile: { thresholds: { nearDuplicateMaxDistance: 40 } } }, ctx),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect((await call('profile:get', {}, ctx)).origin).toBe('default');
  });

  it('a catalog that ships a profile puts it in force', async () => {
    const file = join(base, 'catalog.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'wangbao-catalog',
        formatVersion: 1,
        edition: '2026',
        nodes: [{ code: '1', title: '项目', children: [{ title: '标准', methods: '网上申报', points: 2 }] }],
        ruleProfile: { name: '示例市创城办规则', rules: { 'not-reviewed': { enabled: false } } },
      }),
    );
    await call('catalog:import', { file }, ctx);
    expect(await call('profile:get', {}, ctx)).toMatchObject({
      origin: 'catalog',
      profile: { name: '示例市创城办规则' },
    });
    expect(await found('not-reviewed')).toEqual([]);
  });
});
