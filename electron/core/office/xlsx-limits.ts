import { AppError } from '@shared/ipc/errors';

/**
 * What a 台账 can be (a whole 测评体系 is a few hundred rows of about 15 columns), checked before and while a workbook
 * is read, so that a file of a megabyte that inflates to millions of cells (a decompression bomb) is refused in
 * moments, with the same message whatever gives it away first: the sheet's declared `<dimension>`, its rows as they
 * stream, or the uncompressed sizes in the zip's central directory.
 */
export const LIMITS = {
  /** Rows of a sheet (the last row number, as Excel's Ctrl+End shows it). */
  rows: 50_000,
  /** Columns read: cells further right are ignored (a 台账 never has that many). */
  columns: 100,
  /** Cells of the grid read (rows × columns read), and `<c>` elements parsed in a sheet. */
  cells: 1_000_000,
  /** Uncompressed bytes of a sheet's XML: 1,000,000 cells take about 50 MB. */
  sheetBytes: 128 * 2 ** 20,
  /** Uncompressed bytes of the shared strings (a 台账's are under 1 MB). */
  sharedStringsBytes: 32 * 2 ** 20,
  /** Uncompressed bytes of the workbook, its relationships and its styles. */
  partBytes: 16 * 2 ** 20,
  /** Entries in the zip (a 台账 has about 10). */
  entries: 10_000,
  /** Heap of the worker thread that reads the workbook: a last guard, never reached within the limits above. */
  workerHeapMb: 768,
};

const mb = (bytes: number): string => `${Math.ceil(bytes / 2 ** 20)} MB`;

const LIMIT_TEXT = `超过上限（最多 ${LIMITS.rows} 行、${LIMITS.cells / 10_000} 万个单元格），不像是台账`;

const ADVICE =
  '请用 Excel 或 WPS 打开它，删除表格下方和右侧多余的行和列（按 Ctrl+End 可跳到表格实际的末尾），' +
  '或只把台账内容复制到一个新的工作簿，另存为 .xlsx 后再导入。';

/** A sheet's size as far as known: `exact` when declared or read to the end, else what was read before stopping. */
export interface SheetSize {
  rows: number;
  columns: number;
  exact: boolean;
}

/** 表格过大（N 行 × M 列）: the sheet exceeds the limits; `details` says which limit, for the log. */
export function sheetTooLarge(sheet: string, size: SheetSize, details: string): AppError {
  const dims = `${size.exact ? '有' : '至少有'} ${size.rows} 行 × ${size.columns} 列`;
  return new AppError('catalog-invalid', `表格过大（工作表“${sheet}”${dims}），${LIMIT_TEXT}。${ADVICE}`, details);
}

/** A sheet whose XML inflates past its limit before its rows did (markup without cells, or huge texts). */
export function sheetBytesTooLarge(sheet: string, size: SheetSize, bytes: number): AppError {
  const dims = `${size.rows} 行 × ${size.columns} 列时解压后已超过 ${mb(LIMITS.sheetBytes)}`;
  return new AppError(
    'catalog-invalid',
    `表格过大（工作表“${sheet}”读到 ${dims}），不像是台账。${ADVICE}`,
    `sheet ${sheet}: ${bytes} bytes uncompressed, limit ${LIMITS.sheetBytes}`,
  );
}

/** What a part other than a sheet holds, in the officer's words. */
const PART_NAMES: Record<string, string> = {
  sharedStrings: '表格中的文字',
  styles: '表格的单元格格式',
  workbook: '工作簿的目录',
};

/** A part (shared strings, styles, the workbook) whose uncompressed size, from the central directory, is too large. */
export function partTooLarge(part: string, entry: string, bytes: number, limit: number): AppError {
  const what = PART_NAMES[part] ?? `“${entry}”`;
  return new AppError(
    'catalog-invalid',
    `表格过大（${what}解压后有 ${mb(bytes)}，上限 ${mb(limit)}），不像是台账。${ADVICE}`,
    `${entry}: ${bytes} bytes uncompressed, limit ${limit}`,
  );
}

/** A zip of more entries than any workbook Excel or WPS writes. */
export function tooManyEntries(count: number): AppError {
  return new AppError(
    'catalog-invalid',
    `这个 Excel 文件包含 ${count} 个部件，超过上限（${LIMITS.entries} 个），不像是台账。${ADVICE}`,
    `zip entries: ${count}`,
  );
}

/** The reading thread ran out of memory all the same: said like the limits above, not as a damaged file. */
export function outOfMemory(details: string): AppError {
  return new AppError(
    'catalog-invalid',
    `表格过大，读取时超过了 ${LIMITS.workerHeapMb} MB 的内存上限，不像是台账。${ADVICE}`,
    details,
  );
}

/** Anything else that stops the read: the bytes are not a workbook Excel could write. */
export function damaged(path: string, e: unknown): AppError {
  return new AppError(
    'catalog-invalid',
    '无法读取这个 Excel 文件，可能已损坏。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
    `${path}: ${String(e)}`,
  );
}
