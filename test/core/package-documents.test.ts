import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { call, dispatch } from '../../electron/core/dispatch';
import { ledgerWorkbook } from '../../electron/core/package/ledger-xlsx';
import { renderPdfLaidOut } from '../../electron/core/package/pdf';
import { planPackage } from '../../electron/core/package/plan-package';
import type { Doc } from '@shared/domain/package/blocks';
import type { PackageContent } from '@shared/domain/package/content';
import { indexDocument, reportDocument, reportJson, signOffDocument } from '@shared/domain/package/documents';
import { layoutProblems, type Layout } from '@shared/domain/package/layout';
import { FIXTURES, REPO } from '../helpers/ctx';
import { useDemoWorkspace } from '../helpers/demo-workspace';
import { syntheticContent } from '../helpers/package-content';
import { FULL_CAPTION, periodPhoto } from '../helpers/photos';
import { readZip } from '../helpers/zips';

const demo = useDemoWorkspace();
let ctx: Ctx;
let base: string;
beforeEach(() => ({ ctx, base } = demo));
const RESOURCES = join(REPO, 'resources');
const DPI = 50;

/**
 * The demo with a contact, photos counted for March, PDFs (their own months), a captioned photo and a
 * 不属本单位职责 declaration, exported as the May package; with the content the export drew its documents from.
 */
async function exported(contact = { name: '王小明', phone: '0591-87654321' }) {
  await call('workspace:update', { contact }, ctx);
  await demo.attach('3.1.2', [join(FIXTURES, 'photos')], { month: '2026-03' });
  await demo.attach('3.1.2', [join(FIXTURES, 'pdfs')]);
  await demo.attach('3.2.3', [await periodPhoto(join(base, '家长学校.jpg'))], { caption: FULL_CAPTION });
  await call(
    'criteria:declare',
    { criterionCode: '8.1.3', statement: '校园安全管理由市公安局牵头负责，本单位配合。' },
    ctx,
  );
  const r = (await call('package:export', { kind: 'monthly', month: '2026-05', out: join(base, 'pkg.zip') }, ctx))!;
  const items = await readZip(r.path);
  const entry = (name: string): Buffer => items.find((i) => i.name === name)!.bytes;
  const { content } = planPackage(
    ctx.session.workspace!,
    { kind: 'monthly', month: '2026-05' },
    ctx.platform.now(),
    'test',
  );
  return { entry, content };
}

/** A grey-scale page rendered by pdftoppm (PGM): its size and the box holding every dark pixel, in pixels. */
function inkBox(file: string): { w: number; h: number; box: { x0: number; y0: number; x1: number; y1: number } } {
  const bytes = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/u.exec(bytes.subarray(0, 32).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = bytes.subarray(header[0].length);
  const box = { x0: w, y0: h, x1: -1, y1: -1 };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (data[y * w + x]! < 200) {
        box.x0 = Math.min(box.x0, x);
        box.y0 = Math.min(box.y0, y);
        box.x1 = Math.max(box.x1, x);
        box.y1 = Math.max(box.y1, y);
      }
  return { w, h, box };
}

/** Everything a layout page draws, as one box in points. */
function layoutBox(l: Layout, page: number): { x0: number; y0: number; x1: number; y1: number } {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const add = (x0: number, y0: number, x1: number, y1: number): void => {
    b.x0 = Math.min(b.x0, x0);
    b.y0 = Math.min(b.y0, y0);
    b.x1 = Math.max(b.x1, x1);
    b.y1 = Math.max(b.y1, y1);
  };
  const p = l.pages[page]!;
  for (const c of p.cells) add(c.x, c.y, c.x + c.w, c.y + c.h);
  for (const it of p.items)
    if (it.kind === 'text') add(it.x, it.top, it.x + it.width, it.top + it.size);
    else add(it.x1, it.y1, it.x2, it.y2);
  return b;
}

/**
 * Draws `doc` as the export does and checks it is the very file in the package; checks its layout against the page
 * box in code; renders every page with pdftoppm and checks that the ink stays inside what the layout placed and
 * 10 mm clear of the paper's edges. Returns pdftotext's reading (with -layout) and the layout.
 */
async function checkedPdf(doc: Doc, inPackage: Buffer, name: string): Promise<{ text: string; layout: Layout }> {
  const { bytes, layout } = await renderPdfLaidOut(doc, RESOURCES);
  expect(Buffer.from(bytes).equals(inPackage), `${name} is what the export drew`).toBe(true);
  expect(layoutProblems(layout), name).toEqual([]);
  const dir = join(base, `pages-${name}`);
  mkdirSync(dir);
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, inPackage);
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', pdf, join(dir, 'p')]);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort();
  expect(pages.length, `${name}: pages rendered`).toBe(layout.pages.length);
  const px = DPI / 72;
  pages.forEach((f, i) => {
    const { w, h, box } = inkBox(join(dir, f));
    const placed = layoutBox(layout, i);
    const edge = 28.35 * px; // 10 mm
    expect(box.x0, `${name} p${i + 1} left`).toBeGreaterThanOrEqual(Math.max(edge, placed.x0 * px - 2));
    expect(box.y0, `${name} p${i + 1} top`).toBeGreaterThanOrEqual(Math.max(edge, placed.y0 * px - 2));
    expect(box.x1, `${name} p${i + 1} right`).toBeLessThanOrEqual(Math.min(w - edge, placed.x1 * px + 2));
    expect(box.y1, `${name} p${i + 1} bottom`).toBeLessThanOrEqual(Math.min(h - edge, placed.y1 * px + 2));
  });
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }), layout };
}

/** The numbers in the 序号 column of a table read by pdftotext -layout: lines that start with one. */
const serials = (text: string): number[] => [...text.matchAll(/^\s*(\d+)\s{2,}\S/gmu)].map((m) => Number(m[1]));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

const HEADER = ['填报单位（盖章）：市教育局', '报送日期：2026年5月20日', '联系人：王小明', '联系电话：0591-87654321'];

describe('the documents an office files', () => {
  it('目录.pdf: the official header, one row per material (the count above them), months marked, no statuses', async () => {
    const { entry, content } = await exported();
    const { text, layout } = await checkedPdf(indexDocument(content), entry('目录.pdf'), 'index');
    for (const s of ['2026年全国文明城市网上申报材料目录', '（2026年5月月报）', ...HEADER]) expect(text).toContain(s);
    const n = content.materials.length;
    expect(text).toContain(`一、材料目录（共 ${n} 份）`);
    const [materials, rest] = text.split('二、尚无材料的测评标准');
    expect(serials(materials!)).toEqual(range(n));
    const without = content.criteria.filter((k) => !content.materials.some((m) => m.criterionCode === k.code));
    expect(rest).toContain(`（共 ${without.length} 条）`);
    expect(serials(rest!)).toEqual(range(without.length));
    expect(rest).toContain('不属本单位职责：校园安全管理由市公安局牵头负责');
    for (const s of ['劳动教育与研学实践', '01_Canon_40D.jpg', '实景图片', '规范文件', '2008-05-30', '4页', '1张'])
      expect(text).toContain(s);
    // A monthly package is cumulative: this month's materials and the earlier ones told apart.
    const fresh = content.materials.filter((m) => m.month === '2026-05').length;
    expect(fresh).toBeGreaterThan(0);
    expect(text).toContain(`其中2026年5月新增 ${fresh} 份`);
    expect(text.match(/本月新增/gu)!.length).toBe(fresh);
    expect(text).toContain('计入2026年3月');
    expect(text).toContain('日期超出测评周期'); // the Canon's 2008 date
    for (const status of ['进行中', '未开始', '已齐全', '不适用']) expect(text).not.toContain(status);
    // No line holding only an extension, a unit or the tail of a number.
    expect(text).not.toMatch(/^\s*\.?(jpg|pdf|png|docx?)\s*$/imu);
    expect(text).not.toMatch(/^\s*[分页张份]\s*$/mu);
    expect(text).toContain(`第 1 页 共 ${layout.pages.length} 页`);
    expect(text).toContain(`第 ${layout.pages.length} 页 共 ${layout.pages.length} 页`);
  });

  it('签批单.pdf: the same header, one row per criterion with a place for each leader, signature lines', async () => {
    const { entry, content } = await exported();
    const { text } = await checkedPdf(signOffDocument(content), entry('签批单.pdf'), 'signoff');
    for (const s of ['2026年全国文明城市网上申报材料签批单', ...HEADER, '审改意见', '审阅把关意见', '分管领导（签字）'])
      expect(text).toContain(s);
    expect(text).toContain(`本次报送测评标准 ${content.criteria.length} 条、材料 ${content.materials.length} 份`);
    expect(serials(text)).toEqual(range(content.criteria.length));
  });

  it('校验报告.pdf/.json: the summary first, by criterion, materials by their path in the package and original name', async () => {
    const { entry, content } = await exported();
    const { text } = await checkedPdf(reportDocument(content), entry('校验报告.pdf'), 'report');
    const findings = content.check.findings.length;
    expect(text.indexOf('一、总体情况')).toBeLessThan(text.indexOf('二、问题明细'));
    expect(text).toContain(`二、问题明细（按测评标准，共 ${findings} 项）`);
    expect(serials(text.slice(text.indexOf('二、问题明细')))).toEqual(range(findings));
    for (const s of ['材料/3.1.2_劳动教育与研学实践/', '原文件名：Canon_40D.jpg', '（整条标准）'])
      expect(text).toContain(s);

    const json = JSON.parse(entry('校验报告.json').toString('utf8')) as {
      summary: { errors: number; criteria: number };
      criteria: { criterionCode: string; folder: string | null; findings: number }[];
      findings: { criterionCode: string; path: string | null; originalName: string | null; severity: string }[];
    };
    expect(Object.keys(json)[0]).toBe('summary');
    expect(json.findings.length).toBe(findings);
    expect(json.summary.criteria).toBe(json.criteria.length);
    // Grouped: the criteria in the package's order, each one's findings together and counted.
    const order = content.criteria.map((k) => k.code);
    expect(json.criteria.map((g) => g.criterionCode)).toEqual(
      [...json.criteria.map((g) => g.criterionCode)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
    expect(json.findings.map((f) => f.criterionCode)).toEqual(
      json.criteria.flatMap((g) => Array<string>(g.findings).fill(g.criterionCode)),
    );
    const manifest = JSON.parse(entry('manifest.json').toString('utf8')) as { files: { path: string }[] };
    const paths = new Set(manifest.files.map((f) => f.path));
    const canon = json.findings.find((f) => f.originalName === 'Canon_40D.jpg')!;
    expect(canon.path).toBe('材料/3.1.2_劳动教育与研学实践/01_Canon_40D.jpg');
    for (const f of json.findings) if (f.path) expect(paths.has(f.path), f.path).toBe(true);
    expect(json.criteria.find((g) => g.criterionCode === '3.1.2')!.folder).toBe('材料/3.1.2_劳动教育与研学实践/');
  });

  it('台账.xlsx: the 创城办 layout, the unit columns, merged levels, numbers as numbers, print set-up', async () => {
    const { entry, content } = await exported();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entry('台账.xlsx') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('台账')!;
    const values = (row: number, from: number, to: number): unknown[] =>
      range(to - from + 1).map((i) => ws.getRow(row).getCell(from + i - 1).value);
    expect(values(3, 1, 10)).toEqual([
      '序号',
      '测评项目',
      '测评内容',
      '测评标准',
      '测评方法',
      '材料要求',
      '牵头单位',
      '责任单位',
      '完成时限',
      '完成情况',
    ]);
    expect(values(3, 11, 11)).toEqual(['材料数（按类型）']);
    expect(values(4, 11, 19).map((v) => String(v).replace('\n', ''))).toEqual([
      '规范文件',
      '情况说明',
      '实景图片',
      '统计表格',
      '台账',
      '视频',
      '媒体截图',
      '其他',
      '合计',
    ]);
    expect(values(3, 20, 21)).toEqual(['存在问题', '审核情况']);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    for (const m of ['A1:U1', 'A3:A4', 'J3:J4', 'K3:S3', 'U3:U4']) expect(merges).toContain(m);
    // The levels merged like the original: 三、未成年人思想道德建设 over its criteria's rows.
    const rows = content.criteria.length;
    const project = range(rows).map((i) => ws.getRow(4 + i).getCell(2).value);
    const first = project.indexOf('三、未成年人思想道德建设');
    const span = content.criteria.filter((k) => k.code.startsWith('3.')).length;
    expect(span).toBeGreaterThan(1);
    expect(merges).toContain(`B${5 + first}:B${4 + first + span}`);
    // Numbers are numbers; the counts are the package's.
    const at = 5 + content.criteria.findIndex((k) => k.code === '3.1.2');
    const row = ws.getRow(at);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    const photos = content.materials.filter((m) => m.criterionCode === '3.1.2' && m.kind === 'photo').length;
    expect(row.getCell(13).value).toBe(photos);
    expect(row.getCell(19).value).toBe(content.materials.filter((m) => m.criterionCode === '3.1.2').length);
    for (let c = 11; c <= 19; c++) expect(row.getCell(c).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(4).value).toMatch(/^3\.1\.2 劳动教育与研学实践\n/u);
    expect(row.getCell(10).value).toMatch(/^推进中，尚缺：/u);
    expect(row.getCell(21).value).toBeNull(); // 审核情况: until sign-off exists
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:4',
    });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    expect(String(ws.getRow(2).getCell(1).value)).toContain('联系人：王小明');
    ws.eachRow((r) => r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('台账.xlsx keeps text a spreadsheet could run as a formula inert', async () => {
    const c = syntheticContent(3, 3, 0);
    const sheet = c.documents.criteria[c.criteria[0]!.code]!;
    sheet.requirements = [{ kind: 'document', min: 1, text: '=HYPERLINK("http://x","点我")' }];
    sheet.leadUnit = '@SUM(A1)';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ledgerWorkbook(c)) as unknown as ArrayBuffer);
    const row = wb.getWorksheet('台账')!.getRow(5);
    expect(row.getCell(6).value).toBe('\'=HYPERLINK("http://x","点我")');
    expect(row.getCell(7).value).toBe("'@SUM(A1)");
  });
});

describe('联系人 and 联系电话', () => {
  it('are workspace settings: absent in a workspace made before them, set, kept, a bad phone refused', async () => {
    expect((await call('workspace:current', {}, ctx))!.contact).toEqual({ name: '', phone: '' });
    const info = await call(
      'workspace:update',
      { contact: { name: ' 王小明 ', phone: '0591-87654321、13800000000' } },
      ctx,
    );
    expect(info.contact).toEqual({ name: '王小明', phone: '0591-87654321、13800000000' });
    expect((await call('workspace:update', { year: 2026 }, ctx)).contact.name).toBe('王小明');
    const bad = await dispatch('workspace:update', { contact: { name: '王', phone: '请打办公室' } }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });

  it('left empty, the documents leave a line to write them in by hand', async () => {
    const { entry, content } = await exported({ name: '', phone: '' });
    const { text, layout } = await checkedPdf(signOffDocument(content), entry('签批单.pdf'), 'signoff-blank');
    expect(text).toMatch(/联系人：\s+联系电话：/u);
    const lines = layout.pages[0]!.items.filter((i) => i.kind === 'line');
    expect(lines.length).toBe(2 + 2); // 联系人 and 联系电话, then the two signatures (the dates read 年 月 日)
  });
});

describe('a large package', () => {
  it('250 criteria × 1,000 materials × 2,000 findings: every page inside its box, drawn in well under 2 s', async () => {
    const c: PackageContent = syntheticContent(250, 1000, 2000);
    const started = performance.now();
    const docs = [indexDocument(c), signOffDocument(c), reportDocument(c)];
    const drawn = [];
    for (const d of docs) drawn.push(await renderPdfLaidOut(d, RESOURCES));
    await ledgerWorkbook(c);
    JSON.stringify(reportJson(c));
    const ms = performance.now() - started;
    for (const { layout } of drawn) expect(layoutProblems(layout)).toEqual([]);
    const sizes = drawn.map((d) => `${d.layout.pages.length} pages ${Math.round(d.bytes.length / 1024)} KB`);
    console.log(`documents of 250 × 1,000 × 2,000: ${Math.round(ms)} ms (目录, 签批单, 校验报告: ${sizes.join('; ')})`);
    // About 1 s on an idle 2-core machine, fonts read cold; the bound leaves room for a machine busy with other
    // work (npm run test:load) and still catches a layout that grows faster than the package.
    expect(ms).toBeLessThan(6000);
  });
});
