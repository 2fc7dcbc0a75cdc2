import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  CHASE_COLUMNS,
  chaseDocument,
  chaseGroups,
  chaseTitle,
  type ChaseHeader,
} from '@shared/domain/monthly/chase-list';
import type { RequestView } from '@shared/ipc/collection-types';
import { neutralizeCell } from '../package/ledger-xlsx';
import { renderPdf } from '../package/pdf';
import { writeAtomically } from '../store/atomic-write';

const WIDTHS = [10, 14, 10, 30, 36, 10, 14, 14];
const FONT = { name: '宋体', size: 11 };

/**
 * Writes the 要账单 of `requests` (the open ones to list) to `out` as XLSX or PDF, atomically: a reader never sees
 * half a file and a failed write leaves nothing behind.
 */
export async function writeChaseList(
  out: string,
  format: 'xlsx' | 'pdf',
  header: ChaseHeader,
  requests: RequestView[],
  titles: Map<string, string>,
  resourcesDir: string,
): Promise<void> {
  const groups = chaseGroups(requests, titles);
  const bytes =
    format === 'pdf'
      ? Buffer.from(await renderPdf(chaseDocument(header, groups), resourcesDir))
      : await chaseWorkbook(header, groups);
  await writeAtomically(out, (tmp) => writeFile(tmp, bytes));
}

/** One sheet: the title row (unit, month, date), the header row, a row per request grouped by person; A4 landscape. */
async function chaseWorkbook(header: ChaseHeader, groups: ReturnType<typeof chaseGroups>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '网报通';
  const ws = wb.addWorksheet('要账单');
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const title = ws.getRow(1);
  title.getCell(1).value = neutralizeCell(chaseTitle(header));
  title.getCell(1).font = { ...FONT, size: 14, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  ws.mergeCells(1, 1, 1, CHASE_COLUMNS.length);
  const head = ws.getRow(2);
  CHASE_COLUMNS.forEach((t, i) => {
    const cell = head.getCell(i + 1);
    cell.value = t;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  let row = 3;
  for (const g of groups)
    for (const r of g.rows) {
      const line = ws.getRow(row++);
      r.forEach((v, i) => {
        const cell = line.getCell(i + 1);
        cell.value = neutralizeCell(v);
        cell.font = FONT;
        cell.alignment = { wrapText: true, vertical: 'middle' };
      });
    }
  for (let r = 2; r < row; r++)
    for (let c = 1; c <= CHASE_COLUMNS.length; c++)
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '2:2',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
