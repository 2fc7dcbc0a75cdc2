import type { SheetCell, SheetGrid } from '@shared/domain/ledger-sheet/grid';
import { LIMITS } from './xlsx-limits';

/** A sheet row as read (xlsx-sheet.ts). */
export interface Row {
  /** Each read cell's text (columns up to `LIMITS.columns`), by column index. */
  texts: string[];
  /** The last column holding a cell exceljs kept: a value, a formula or a style. */
  lastCell: number;
  hasValues: boolean;
}

/** A merged range, 1-based and inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The grid exceljs gave for these rows and merges: rows 1 to `rowCount` (the last `<row>` or merged row); columns 1
 * to the last cell of any row with a value (exceljs's `columnCount`, where a merge's non-master cells count as
 * values), at most `LIMITS.columns`; each cell's text and address, a merged cell its master's.
 */
export function buildGrid(name: string, rows: (Row | undefined)[], merges: Merge[], rowCount: number): SheetGrid {
  // Rows holding a merge's non-master cells have values (exceljs's Merge cells): marked by a difference array.
  const slaveRows = new Int32Array(rowCount + 2);
  let columns = 0;
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) {
      const row = (rows[m.top - 1] ??= { texts: [], lastCell: 0, hasValues: false });
      row.lastCell = Math.max(row.lastCell, m.left);
      continue;
    }
    columns = Math.max(columns, m.right);
    const first = m.right > m.left ? m.top : m.top + 1;
    slaveRows[first]! += 1;
    slaveRows[m.bottom + 1]! -= 1;
  }
  let inMerge = 0;
  for (let r = 1; r <= rowCount; r++) {
    inMerge += slaveRows[r]!;
    const row = rows[r - 1];
    if (row && (row.hasValues || inMerge > 0)) columns = Math.max(columns, row.lastCell);
  }
  const width = Math.min(columns, LIMITS.columns);
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i + 1));
  const cells: SheetCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const texts = rows[r - 1]?.texts;
    const out: SheetCell[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = { text: texts?.[c] ?? '', master: `${letters[c]}${r}` };
    cells.push(out);
  }
  applyMerges(cells, merges, width);
  return { name, rows: cells };
}

/**
 * Each merge's cells (within the grid) take its master's text and address. Merges that overlap are refused, as
 * exceljs refused them (Excel never writes them).
 */
function applyMerges(cells: SheetCell[][], merges: Merge[], width: number): void {
  const taken = new Uint8Array(cells.length * width);
  for (const m of merges) {
    if (m.left > width || (m.top === m.bottom && m.left === m.right)) continue;
    const master = cells[m.top - 1]![m.left - 1]!;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= Math.min(m.right, width); c++) {
        const i = (r - 1) * width + (c - 1);
        if (taken[i]) throw new Error(`overlapping merged cells at ${columnLetters(c)}${r}`);
        taken[i] = 1;
        if (r !== m.top || c !== m.left) cells[r - 1]![c - 1] = { text: master.text, master: master.master };
      }
  }
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
