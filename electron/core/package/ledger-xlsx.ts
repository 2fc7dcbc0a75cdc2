import ExcelJS from 'exceljs';
import { CRITERION_STATUSES, MATERIAL_KINDS } from '../../../shared/domain/value-sets';
import type { PackageContent } from '../../../shared/domain/package/content';

/**
 * Text a spreadsheet program could take for a formula (`=`, `+`, `-`, `@`, and the tab or CR some read the same
 * way) gets a leading apostrophe, so opening the 台账 never runs anything (OWASP's advice on CSV/formula injection).
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** 台账.xlsx: the unit's ledger rows with status, materials per kind, declaration and risks, as the 创城办 reads them. */
export async function ledgerWorkbook(c: PackageContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '网报通';
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell('A1').value = neutralizeCell(`${c.unit.name} ${c.year}年网上申报材料工作台账（${c.month}）`);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:I1');
  const header = [
    '编号',
    '测评标准',
    '分值',
    '状态',
    '材料数',
    '各类材料',
    '不属本单位职责说明',
    '错误/警告',
    '预计失分',
  ];
  ws.getRow(2).values = header;
  ws.getRow(2).font = { bold: true };
  const risks = c.check.criteria;
  c.criteria.forEach((k, i) => {
    const ms = c.materials.filter((m) => m.criterionCode === k.code);
    const perKind = new Map<string, number>();
    for (const m of ms) perKind.set(MATERIAL_KINDS[m.kind], (perKind.get(MATERIAL_KINDS[m.kind]) ?? 0) + 1);
    const r = risks[k.code];
    ws.getRow(3 + i).values = [
      neutralizeCell(k.code),
      neutralizeCell(k.title),
      k.points,
      CRITERION_STATUSES[k.status],
      ms.length,
      [...perKind].map(([kind, n]) => `${kind} ${n}`).join('、'),
      neutralizeCell(k.declaration?.statement ?? ''),
      r ? `${r.errors}/${r.warnings}` : '0/0',
      r?.pointsAtRisk ?? 0,
    ];
  });
  [10, 48, 8, 10, 8, 30, 36, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
