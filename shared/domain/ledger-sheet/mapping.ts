import { cellAt, type SheetGrid } from './grid';
import { canonicalHeader, columnIndex, columnLetter, fieldOfHeader, SHEET_FIELD_IDS, type SheetField } from './fields';

/** Which column holds which field, and where the header is (1-based row, as the sheet shows it). */
export interface ResolvedMapping {
  headerRow: number;
  /** Field → 0-based column index. */
  columns: Partial<Record<SheetField, number>>;
}

/** The header as found: one entry per non-empty header cell. */
export interface HeaderCell {
  column: string;
  text: string;
}

const SCAN_ROWS = 30;

/**
 * Finds the header row: among the first rows, the one whose cells name the most known fields (at least two, one of
 * them a tree level). Title rows, notes and blank rows above it are passed over.
 */
export function guessMapping(grid: SheetGrid): ResolvedMapping | undefined {
  let best: ResolvedMapping | undefined;
  let bestScore = 1;
  for (let r = 0; r < Math.min(grid.rows.length, SCAN_ROWS); r++) {
    const columns = columnsOfRow(grid, r);
    const fields = Object.keys(columns) as SheetField[];
    const hasLevel = fields.some((f) => f.startsWith('level'));
    if (hasLevel && fields.length > bestScore) {
      best = { headerRow: r + 1, columns };
      bestScore = fields.length;
    }
  }
  return best;
}

function columnsOfRow(grid: SheetGrid, r: number): Partial<Record<SheetField, number>> {
  const columns: Partial<Record<SheetField, number>> = {};
  const row = grid.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const f = fieldOfHeader(row[c]!.text);
    if (f !== undefined && columns[f] === undefined) columns[f] = c;
  }
  return columns;
}

/** The non-empty cells of the header row, for the mapping screen. */
export function headerCells(grid: SheetGrid, headerRow: number): HeaderCell[] {
  const row = grid.rows[headerRow - 1] ?? [];
  const out: HeaderCell[] = [];
  row.forEach((cell, c) => {
    if (cell.text.trim() !== '') out.push({ column: columnLetter(c), text: cell.text.replace(/\s+/gu, ' ').trim() });
  });
  return out;
}

/** A user's mapping (`mapping.json`): header row and columns given by letter or by header text. */
export interface MappingInput {
  headerRow?: number | undefined;
  columns?: Record<string, string> | undefined;
}

/**
 * Applies a user's mapping over the guess: a given header row re-reads the columns from that row; given columns
 * (by letter `C` or header text `测评方法`) replace the guessed ones; `""` unmaps a field. Returns problems in Chinese.
 */
export function resolveMapping(
  grid: SheetGrid,
  input: MappingInput | undefined,
): { mapping?: ResolvedMapping; problems: string[] } {
  const problems: string[] = [];
  const guessed = guessMapping(grid);
  const headerRow = input?.headerRow ?? guessed?.headerRow;
  if (headerRow === undefined)
    return {
      problems: ['找不到表头：前 30 行中没有“测评项目/测评内容/测评标准”等列名。请在映射中指定表头所在行和各列。'],
    };
  if (headerRow < 1 || headerRow > grid.rows.length)
    return { problems: [`表头行 ${headerRow} 超出了工作表的范围（共 ${grid.rows.length} 行）。`] };
  const columns =
    input?.headerRow !== undefined || !guessed ? columnsOfRow(grid, headerRow - 1) : { ...guessed.columns };
  for (const [key, where] of Object.entries(input?.columns ?? {})) {
    if (!SHEET_FIELD_IDS.includes(key as SheetField)) {
      problems.push(`映射中的字段“${key}”不认识（可用：${SHEET_FIELD_IDS.join('、')}）。`);
      continue;
    }
    const field = key as SheetField;
    if (where.trim() === '') {
      delete columns[field];
      continue;
    }
    const byLetter = columnIndex(where.trim());
    const byHeader = (grid.rows[headerRow - 1] ?? []).findIndex(
      (c) => canonicalHeader(c.text) === canonicalHeader(where),
    );
    const col = byHeader >= 0 ? byHeader : byLetter;
    if (col === undefined) problems.push(`映射中“${key}”对应的列“${where}”在第 ${headerRow} 行表头中找不到。`);
    else columns[field] = col;
  }
  if (!['level1', 'level2', 'level3', 'level4'].some((f) => columns[f as SheetField] !== undefined))
    problems.push('没有指定测评项目、测评内容或测评标准所在的列，无法建立目录。');
  return { mapping: { headerRow, columns }, problems };
}

/** The text of a mapped cell in a row (0-based), or ''. */
export function fieldText(grid: SheetGrid, m: ResolvedMapping, row: number, field: SheetField): string {
  const c = m.columns[field];
  return c === undefined ? '' : cellAt(grid, row, c).text.trim();
}
