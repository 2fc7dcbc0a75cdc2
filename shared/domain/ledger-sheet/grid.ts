/**
 * A sheet as plain data, read by core (exceljs) and turned into a catalog by pure code: every cell's text (formula
 * results, hyperlink texts and rich text flattened), and the address of the merge it belongs to, so a value written
 * once across many rows is recognised as one node.
 */
export interface SheetCell {
  text: string;
  /** The top-left address of the merged range holding this cell, or its own address. */
  master: string;
}

export interface SheetGrid {
  name: string;
  /** rows[0] is sheet row 1. Trailing empty cells may be missing. */
  rows: SheetCell[][];
}

export const EMPTY_CELL: SheetCell = { text: '', master: '' };

export function cellAt(grid: SheetGrid, row: number, col: number): SheetCell {
  return grid.rows[row]?.[col] ?? EMPTY_CELL;
}
