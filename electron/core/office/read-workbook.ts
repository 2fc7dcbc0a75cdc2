import type { SheetGrid } from '@shared/domain/ledger-sheet/grid';
import { guessMapping } from '@shared/domain/ledger-sheet/mapping';
import { AppError, type ErrorData } from '@shared/ipc/errors';
import { damaged, LIMITS } from './xlsx-limits';
import { readDateStyles, readSharedStrings, readWorkbookInfo, type SheetRef } from './xlsx-parts';
import { readSheetGrid, type SheetContext } from './xlsx-sheet';
import { openXlsx, type XlsxZip } from './xlsx-zip';

/** The sheet of a 台账 workbook to import, and the names of all its sheets (for the preview's choice). */
export interface LedgerSheet {
  sheetNames: string[];
  grid: SheetGrid;
}

/** Plain data, so it crosses from the worker thread as it is: the sheet, or why the workbook was refused. */
export type LedgerSheetOutcome = { ok: true; value: LedgerSheet } | { ok: false; error: ErrorData };

/**
 * Reads the 台账 sheet of an .xlsx (its bytes; `path` is for messages) on the calling thread — core runs it in a
 * worker thread (read-sheet.ts). The sheet named, else the first whose header is recognised (an instructions sheet
 * often comes first), else the first. Only what that needs is inflated: the workbook, styles, shared strings and the
 * sheets looked at, each within `LIMITS`. Never throws: any failure is an outcome with a Chinese message.
 */
export async function readLedgerSheetHere(
  bytes: Uint8Array,
  path: string,
  sheet: string | undefined,
): Promise<LedgerSheetOutcome> {
  let opened: XlsxZip | undefined;
  try {
    const x = (opened = await openXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    const info = await readWorkbookInfo(x);
    // As exceljs: a sheet whose part is missing is no sheet; a very hidden one is not shown.
    const sheets = info.sheets.filter((s) => s.state !== 'veryHidden' && x.entries.has(s.part));
    const sheetNames = sheets.map((s) => s.name);
    const chosen = sheet === undefined ? sheets : sheets.filter((s) => s.name === sheet).slice(0, 1);
    if (chosen.length === 0)
      throw sheet === undefined
        ? new AppError('catalog-invalid', '工作簿中没有工作表。', `${path}: no worksheet`)
        : new AppError('catalog-invalid', `工作簿中没有名为“${sheet}”的工作表。`, `sheet not found: ${sheet}`);
    const dateStyles = await readDateStyles(x, info.stylesPart);
    const ctx: SheetContext = {
      sharedStrings: await readSharedStrings(x, info.sharedStringsPart),
      dateStyles,
      date1904: info.date1904,
    };
    return { ok: true, value: { sheetNames, grid: await pickSheet(x, chosen, ctx) } };
  } catch (e) {
    return { ok: false, error: (e instanceof AppError ? e : damaged(path, e)).toData() };
  } finally {
    opened?.zip.close();
  }
}

/**
 * The first sheet whose header is recognised, else the first. A workbook of many large sheets is looked through
 * only until one sheet's limit of cells or bytes has been read: past that the first sheet is taken, and the preview
 * lets the user choose another.
 */
async function pickSheet(x: XlsxZip, sheets: SheetRef[], ctx: SheetContext): Promise<SheetGrid> {
  let first: SheetGrid | undefined;
  let parsed = 0;
  let bytes = 0;
  for (const s of sheets) {
    const read = await readSheetGrid(x, x.entries.get(s.part)!, s.name, ctx);
    if (sheets.length === 1 || guessMapping(read.grid)) return read.grid;
    first ??= read.grid;
    parsed += read.parsed;
    bytes += read.bytes;
    if (parsed > LIMITS.cells || bytes > LIMITS.sheetBytes) break;
  }
  return first!;
}
