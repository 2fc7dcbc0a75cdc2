import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { collectionWorkspace, type CollectionWorkspace } from '../helpers/collection-workspace';
import { testPlatform } from '../helpers/ctx';
import { errorOf } from '../helpers/errors';

let w: CollectionWorkspace;
beforeEach(async () => {
  w = await collectionWorkspace();
  const add = (a: Record<string, unknown>) =>
    call('request:add', { criterionCode: '1.1', text: '要求', ...a } as never, w.ctx);
  await add({ text: '5月宣讲活动图片不少于3张', kind: 'photo', min: 3, assignee: '张三', phone: '13800138000' });
  await add({ criterionCode: '1.3', text: '年度工作总结（情况说明）', assignee: '李四' });
  await add({ criterionCode: '1.2', text: '讲评照片', kind: 'photo', month: '2026-04', due: '2026-05-25' });
  const done = await add({ criterionCode: '1.4', text: '已交的', assignee: '张三' });
  await call('request:close', { id: done.id, note: '已收到' }, w.ctx);
});

describe('the 要账单', () => {
  it('XLSX: title row with unit, month and date; the open requests grouped by person; A4 landscape', async () => {
    const out = join(w.base, '要账单.xlsx');
    expect(await call('request:chaseList', { format: 'xlsx', out, month: '2026-05' }, w.ctx)).toEqual({
      path: out,
      requests: 2,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('要账单')!;
    expect(String(ws.getCell('A1').value)).toBe('市教育局 要账单（2026年5月） 2026年5月20日');
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map(String);
    expect(row(2)).toEqual(['责任人', '电话', '标准编号', '标准', '要求', '月份', '截止日期', '状态']);
    expect(row(3)).toEqual([
      '张三',
      '13800138000',
      '1.1',
      '理论宣讲',
      '5月宣讲活动图片不少于3张',
      '2026年5月',
      '2026年6月5日',
      '未交（已有 0/3）',
    ]);
    expect(row(4).slice(0, 3)).toEqual(['李四', '', '1.3']);
    expect(ws.rowCount).toBe(4);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it('PDF through pdftotext: the unit, the month, each person’s section, page numbers', async () => {
    const out = join(w.base, '要账单.pdf');
    expect((await call('request:chaseList', { format: 'pdf', out }, w.ctx))!.requests).toBe(3);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const s of [
      '要账单',
      '市教育局',
      '全部未交',
      '2026年5月20日',
      '张三（1 项）',
      '李四（1 项）',
      '未指定（1 项）',
      '理论宣讲',
      '第 1 页',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('已交的');
  });

  it('into a folder the user picks, under the standard name; never inside a workspace; cancel writes nothing', async () => {
    const t = testPlatform(w.base);
    w.ctx.platform.pickFolder = t.platform.pickFolder;
    t.answerFolder(w.base);
    const r = (await call('request:chaseList', { format: 'xlsx', month: '2026-05' }, w.ctx))!;
    expect(r.path).toBe(join(w.base, '市教育局_要账单_2026-05_20260520.xlsx'));
    expect(existsSync(r.path)).toBe(true);
    t.answerFolder(null);
    expect(await call('request:chaseList', { format: 'pdf' }, w.ctx)).toBeNull();
    const inside = join(w.base, 'ws', '要账单.xlsx');
    expect((await errorOf(call('request:chaseList', { format: 'xlsx', out: inside }, w.ctx))).code).toBe(
      'input-refused',
    );
    expect(existsSync(inside)).toBe(false);
    expect(readdirSync(w.base).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the renderer may only write where the user picked', async () => {
    const renderer = { ...w.ctx, trusted: false };
    const out = join(w.base, 'x.xlsx');
    expect((await errorOf(call('request:chaseList', { format: 'xlsx', out }, renderer))).code).toBe('path-not-allowed');
    expect(existsSync(out)).toBe(false);
  });
});
