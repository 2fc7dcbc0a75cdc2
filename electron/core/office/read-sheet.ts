import type ExcelJS from 'exceljs';
import type { SheetCell, SheetGrid } from '../../../shared/domain/ledger-sheet/grid';
import { AppError } from '../../../shared/ipc/errors';

/** A sheet larger than this is not a 台账 (a whole 测评体系 has a few hundred rows). */
const MAX_ROWS = 50_000;
const MAX_COLUMNS = 100;

export interface Workbook {
  sheetNames: string[];
  /** The grid of a sheet, by name; the first sheet when no name is given. */
  grid(name?: string): SheetGrid;
}

/**
 * Reads an .xlsx (its bytes; `path` is for messages) with exceljs into plain grids: each cell's displayed text (formula results, hyperlink texts, rich
 * text, dates as YYYY-MM-DD) and the master of its merge.
 */
export async function readWorkbook(bytes: Buffer, path: string): Promise<Workbook> {
  // Loaded on first use: exceljs is large and is needed only when a 台账 is imported.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // The bytes the caller already read and hashed (exceljs declares its own Buffer type: hence the cast).
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw new AppError(
      'catalog-invalid',
      '无法读取这个 Excel 文件，可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
      `${path}: ${String(e)}`,
    );
  }
  const sheets = wb.worksheets.filter((s) => s.state !== 'veryHidden');
  return {
    sheetNames: sheets.map((s) => s.name),
    grid(name) {
      const ws = name === undefined ? sheets[0] : sheets.find((s) => s.name === name);
      if (!ws)
        throw new AppError('catalog-invalid', `工作簿中没有名为“${name ?? ''}”的工作表。`, `sheet not found: ${name}`);
      return toGrid(ws);
    },
  };
}

function toGrid(ws: ExcelJS.Worksheet): SheetGrid {
  if (ws.rowCount > MAX_ROWS)
    throw new AppError(
      'catalog-invalid',
      `工作表“${ws.name}”有 ${ws.rowCount} 行，超过了 ${MAX_ROWS} 行的上限，不像是台账。`,
      `rows ${ws.rowCount}`,
    );
  const rows: SheetCell[][] = [];
  const width = Math.min(ws.columnCount, MAX_COLUMNS);
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push({ text: cellText(cell), master: cell.isMerged ? cell.master.address : cell.address });
    }
    rows.push(cells);
  }
  return { name: ws.name, rows };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'error' in v) return '';
  if (typeof v === 'object' && 'result' in v) {
    const res = v.result;
    if (res instanceof Date) return res.toISOString().slice(0, 10);
    return res === undefined || (typeof res === 'object' && res !== null && 'error' in res) ? '' : String(res);
  }
  return cell.text ?? '';
}
