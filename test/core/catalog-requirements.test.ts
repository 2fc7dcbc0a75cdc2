import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { testCtx } from '../helpers/ctx';
import { tmpDir } from '../helpers/tmp';

/** The phrases a new user's real-layout 台账 lost on import: one per criterion, naming no kind keyword. */
const PHRASES = ['学习记录或会议纪要', '表彰名单', '课程表', '活动记录', '总结', '责任书样本', '签到表'];

describe('a 台账 comes through with every requirement phrase', () => {
  it('seven phrases that name no kind, full-width brackets, 每月 and 组: none dropped, each kept verbatim', async () => {
    const base = tmpDir();
    const file = join(base, '２０２６年网上申报材料工作台账.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = '2026年创建全国文明城市网上申报材料工作台账';
    ws.mergeCells('A1:H1');
    ws.getRow(2).values = ['序号', '测评项目', '测评内容', '测评标准', '测评方法', '分值', '材料要求', '责任单位'];
    const extra = ['情况说明（须含数据）；实景图片每月不少于3张', '整治前后对比图片不少于5组'];
    [...PHRASES, ...extra].forEach((req, i) =>
      ws.addRow([
        `${'０１２３４５６７８９'[i + 1] ?? i + 1}`,
        '一、思想道德',
        '（一）学习',
        `${i + 1}.标准${i + 1}`,
        '网上申报',
        '1分',
        req,
        '市教育局',
      ]),
    );
    ws.mergeCells('B3:B11'); // the upper levels merged over their standards, as a 台账 has them
    ws.mergeCells('C3:C11');
    await wb.xlsx.writeFile(file);

    const { ctx } = testCtx(base);
    await call('workspace:create', { dir: join(base, 'ws'), unit: '市教育局', year: 2026 }, ctx);
    await call('catalog:import', { file }, ctx);
    const leaves = (await call('catalog:list', {}, ctx)).criteria.filter((c) => c.leaf);
    expect(leaves.map((c) => c.requirements.map((r) => r.text))).toEqual([
      ...PHRASES.map((p) => [p]),
      ['情况说明（须含数据）', '实景图片每月不少于3张'],
      ['整治前后对比图片不少于5组'],
    ]);
    expect(leaves.flatMap((c) => c.requirements).every((r) => r.kind !== 'other')).toBe(true);
    expect(leaves[7]!.requirements[1]).toMatchObject({ kind: 'photo', min: 3, per: 'month' });
    expect(leaves[8]!.requirements[0]).toMatchObject({ kind: 'photo', min: 5, groupSize: 2 });
    expect(leaves[0]!.seq).toBe('1'); // a full-width ５-style 序号 is normalised like codes
    // Nothing is complete that is not: one document does not satisfy 学习记录或会议纪要 and 签到表 together.
    expect(leaves.every((c) => c.status === 'not-started')).toBe(true);
  });
});
