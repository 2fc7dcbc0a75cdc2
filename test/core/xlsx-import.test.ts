import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../electron/core/catalog/load-source';
import { call } from '../../electron/core/dispatch';
import { AppError } from '@shared/ipc/errors';
import type { Criterion } from '@shared/ipc/types';
import { FIXTURES, testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';
import { writeLargeLedgerXlsx, writeLedgerXlsx } from '../helpers/xlsx';

async function ledger() {
  const base = tmpDir();
  const file = join(base, '台账.xlsx');
  await writeLedgerXlsx(file);
  return { base, file };
}

async function refusal(path: string): Promise<AppError> {
  const e = await loadSource(path, {}).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('台账 .xlsx: the preview', () => {
  it('finds the header under the title rows, maps the columns and builds the tree', async () => {
    const { file } = await ledger();
    // The first sheet holds instructions: without a choice the first sheet with a recognisable header is read.
    const q = (await loadSource(file, {})).preview;
    expect(q).toMatchObject({ kind: 'xlsx', sheets: ['填报说明', '台账'], sheet: '台账' });
    const chosen = (await loadSource(file, { mapping: { sheet: '填报说明' } })).preview;
    expect(chosen.errors.join()).toContain('找不到表头');
    expect(q.errors).toEqual([]);
    expect(q.headerRow).toBe(3);
    expect(q.mapping).toEqual({
      seq: 'A',
      level1: 'B',
      level2: 'C',
      level3: 'D',
      methods: 'E',
      points: 'F',
      requirements: 'G',
      leadUnit: 'H',
      responsibleUnits: 'I',
      deadline: 'J',
    });
    expect(q.headers[1]).toEqual({ column: 'B', text: '测评 项目' });
    expect(q.name).toBe('示例市2025年创建全国文明城市网上申报材料工作台账');
    expect(q.edition).toBe('2025');
    expect(q.nodes.map((n) => `${n.code} ${n.title}`)).toEqual([
      '1 理想信念教育',
      '1.1 学习教育',
      '1.1.1 党委（党组）理论学习中心组每年开展专题学习不少于12次',
      '1.1.2 基层宣讲',
      '1.2 主题宣传',
      '1.2.1 公益广告刊播',
      '2 公共文明',
      '2.1 文明交通',
      '2.1.1 交通秩序整治',
      '2.1.2 公共交通服务',
      '2.2 志愿服务',
      '2.2.1 志愿服务站',
    ]);
    expect(q.leaves).toBe(6);
    expect(q.skipped).toEqual([{ row: 11, reason: '整行合并的说明或备注行' }]);
  });

  it('reads every trait of the cells', async () => {
    const { file } = await ledger();
    const nodes = new Map(
      (await loadSource(file, { mapping: { sheet: '台账' } })).preview.nodes.map((n) => [n.code, n]),
    );
    expect(nodes.get('1.1.1')).toMatchObject({
      label: '1.',
      seq: '1',
      text: '党委（党组）理论学习中心组每年开展专题学习不少于12次。有计划、有记录。',
      methods: ['online'],
      points: 2,
      leadUnit: '市委宣传部',
      responsibleUnits: ['市直各单位', '各区'],
      deadline: '每月5日前',
      frequency: 'monthly',
    });
    expect(nodes.get('1.1.1')!.requirements.map((r) => [r.kind, r.min])).toEqual([
      ['photo', 3],
      ['ledger', 1],
    ]);
    expect(nodes.get('1.1.2')).toMatchObject({
      label: '２.',
      methods: ['field', 'online'],
      points: 1.5,
      responsibleUnits: ['市教育局', '团市委'],
      frequency: 'quarterly',
    });
    expect(nodes.get('1.1.2')!.requirements.map((r) => r.kind)).toEqual(['photo']);
    // formula → its result; hyperlink → its text
    expect(nodes.get('1.2.1')).toMatchObject({ label: '1)', points: 3, frequency: 'ongoing' });
    expect(nodes.get('1.2.1')!.requirements).toEqual([{ kind: 'screenshot', min: 5, text: '媒体截图5张' }]);
    // points merged over two standards belong to their 测评内容
    expect(nodes.get('2.1')!.points).toBe(4);
    expect(nodes.get('2.1.1')!.points).toBeNull();
    expect(nodes.get('2.1.2')!.points).toBeNull();
    expect(nodes.get('2.1.1')).toMatchObject({
      methods: ['field'],
      needsMaterial: false,
      requirements: [],
      dueDate: '2025-10-31',
    });
    expect(nodes.get('2.1.2')!.requirements).toEqual([]);
    expect(nodes.get('2.2.1')!.requirements.map((r) => [r.kind, r.min])).toEqual([
      ['table', 2],
      ['statement', 1],
      ['document', 1],
    ]);
  });

  it('applies a mapping given by letters or header text, and reports one that does not fit', async () => {
    const { file } = await ledger();
    const byText = (
      await loadSource(file, { mapping: { sheet: '台账', columns: { leadUnit: '责任单位', responsibleUnits: '' } } })
    ).preview;
    expect(byText.mapping.leadUnit).toBe('I');
    expect(byText.mapping.responsibleUnits).toBeUndefined();
    expect(byText.nodes.find((n) => n.code === '1.1.2')!.leadUnit).toBe('市教育局，团市委');
    const bad = (await loadSource(file, { mapping: { sheet: '台账', columns: { level3: '不存在的列', colour: 'B' } } }))
      .preview;
    expect(bad.errors.join()).toMatch(/“colour”不认识/u);
    expect(bad.errors.join()).toMatch(/“不存在的列”在第 3 行表头中找不到/u);
    const wrongHeader = (await loadSource(file, { mapping: { sheet: '台账', headerRow: 1 } })).preview;
    expect(wrongHeader.errors.join()).toContain('没有指定测评项目');
  });

  it('reports duplicate codes', async () => {
    const base = tmpDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getRow(1).values = ['测评项目', '测评标准', '测评方法'];
    ws.getRow(2).values = ['一、项目', '1.甲', '网上申报'];
    ws.getRow(3).values = ['', '1.乙', '网上申报'];
    await wb.xlsx.writeFile(join(base, 'dup.xlsx'));
    const p = (await loadSource(join(base, 'dup.xlsx'), {})).preview;
    expect(p.errors).toEqual(['编号“1.1”重复（第 2 条与第 3 条）']);
  });
});

describe('台账 .xlsx: bad input', () => {
  it('a password-protected workbook', async () => {
    const { base, file } = await ledger();
    const locked = join(base, 'locked.xlsx');
    writeFileSync(locked, officeCrypto.encrypt(readFileSync(file), { password: '123456' }));
    expect((await refusal(locked)).message).toContain('设置了打开密码');
  });

  it('a Word document from the corpus, renamed or not', async () => {
    expect((await refusal(join(FIXTURES, 'office', 'tbl-having-tables.docx'))).message).toContain('Word 文档');
    const base = tmpDir();
    writeFileSync(join(base, '台账.xlsx'), readFileSync(join(FIXTURES, 'office', 'doc-coreprops.docx')));
    expect((await refusal(join(base, '台账.xlsx'))).message).toContain('Word 文档');
  });

  it('.xls / .et (OLE compound files), CSV, a PDF, an empty file', async () => {
    const base = tmpDir();
    // An OLE header plus a "Workbook" stream name, as in every BIFF .xls and WPS .et (no tool here writes real ones).
    const ole = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(500),
      Buffer.from('Workbook', 'utf16le'),
    ]);
    writeFileSync(join(base, 'old.xls'), ole);
    expect((await refusal(join(base, 'old.xls'))).message).toContain('另存为');
    writeFileSync(join(base, 't.csv'), '序号,测评项目\n1,理想信念教育\n');
    expect((await refusal(join(base, 't.csv'))).message).toContain('CSV');
    expect((await refusal(join(FIXTURES, 'pdfs', 'minimal-document.pdf'))).message).toContain('不是表格');
    writeFileSync(join(base, 'empty.xlsx'), '');
    expect((await refusal(join(base, 'empty.xlsx'))).message).toContain('空的');
  });

  it('an empty sheet and a sheet without recognisable columns', async () => {
    const base = tmpDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空');
    const other = wb.addWorksheet('其他');
    other.getRow(1).values = ['姓名', '电话'];
    other.getRow(2).values = ['张三', '123'];
    await wb.xlsx.writeFile(join(base, 'x.xlsx'));
    expect((await refusal(join(base, 'x.xlsx'))).message).toContain('是空的');
    const p = (await loadSource(join(base, 'x.xlsx'), { mapping: { sheet: '其他' } })).preview;
    expect(p.errors.join()).toContain('找不到表头');
  });

  it('10,000 rows import correctly', async () => {
    const base = tmpDir();
    await writeLargeLedgerXlsx(join(base, 'big.xlsx'), 10_000);
    const p = (await loadSource(join(base, 'big.xlsx'), {})).preview;
    expect(p.errors).toEqual([]);
    expect(p.leaves).toBe(10_000);
  }, 120_000);
});

describe('台账 .xlsx through the handlers', () => {
  it('preview writes nothing; import writes the tree; re-import keeps codes and marks the removed', async () => {
    const base = tmpDir();
    const { ctx } = testCtx(base);
    await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2025 }, ctx);
    const file = join(base, '台账.xlsx');
    await writeLedgerXlsx(file);
    const preview = await call('catalog:preview', { file, mapping: { sheet: '台账' } }, ctx);
    expect(preview!.leaves).toBe(6);
    expect((await call('catalog:list', {}, ctx)).criteria).toEqual([]);
    const r = await call('catalog:import', { file, mapping: { sheet: '台账' } }, ctx);
    expect(r).toMatchObject({ edition: '2025', nodes: 12, leaves: 6, skipped: [{ row: 11 }], removedCodes: [] });
    const mine = (await call('catalog:list', {}, ctx)).criteria
      .filter((c: Criterion) => c.leaf && c.mine)
      .map((c) => c.code);
    expect(mine).toEqual(['1.1.1', '1.1.2']); // named in 1.1.2; 市直各单位 reaches a 市直单位 in 1.1.1

    const smaller = join(base, '台账v2.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('台账')!.spliceRows(9, 1);
    await wb.xlsx.writeFile(smaller);
    const again = await call('catalog:import', { file: smaller, mapping: { sheet: '台账' } }, ctx);
    expect(again!.removedCodes).toEqual(['2.2', '2.2.1']);
  });

  it('refuses an import whose preview has errors, writing nothing', async () => {
    const base = tmpDir();
    const { ctx } = testCtx(base);
    await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2025 }, ctx);
    const { file } = await ledger();
    await expect(call('catalog:import', { file, mapping: { sheet: '填报说明' } }, ctx)).rejects.toThrow(/找不到表头/u);
    expect((await call('workspace:current', {}, ctx))!.catalog).toBeNull();
  });
});
