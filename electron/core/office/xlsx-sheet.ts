import type yauzl from 'yauzl';
import type { SheetGrid } from '@shared/domain/ledger-sheet/grid';
import { buildGrid, type Merge, type Row } from './xlsx-grid';
import { decodeEscapes } from './xlsx-parts';
import { LIMITS, sheetBytesTooLarge, sheetTooLarge, type SheetSize } from './xlsx-limits';
import { streamXml, type XlsxZip, type XmlHandler } from './xlsx-zip';

/** What a sheet's cells refer to: the shared strings, which styles are dates, the workbook's date system. */
export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** Excel's last column (XFD). */
const MAX_SHEET_COLUMNS = 16_384;
/** Excel's longest cell text: anything past it comes from no spreadsheet program. */
const MAX_TEXT = 32_767;

/** A sheet read, with what reading it took (cells and merges parsed, bytes inflated). */
export interface SheetRead {
  grid: SheetGrid;
  parsed: number;
  bytes: number;
}

/**
 * Reads a worksheet's XML as it streams into a grid exactly like the one exceljs gave (every row up to the last,
 * every column up to the last with a value, each cell's text and its merge's master), refusing it the moment it
 * exceeds `LIMITS`: from its declared `<dimension>` before any row, else from the rows read so far.
 */
export async function readSheetGrid(
  x: XlsxZip,
  entry: yauzl.Entry,
  name: string,
  ctx: SheetContext,
): Promise<SheetRead> {
  const reader = new SheetReader(name, ctx);
  const tooLarge = (bytes: number) => sheetBytesTooLarge(name, reader.size(false), bytes);
  const bytes = await streamXml(x, entry, reader, LIMITS.sheetBytes, tooLarge);
  return { grid: reader.grid(), parsed: reader.parsed, bytes };
}

class SheetReader implements XmlHandler {
  private readonly rows: (Row | undefined)[] = [];
  private readonly merges: Merge[] = [];
  private inData = false;
  private row: Row | null = null;
  private rowNo = 0;
  private lastRow = 0;
  private rowElements = 0;
  private maxCol = 0;
  /** `<c>` and `<mergeCell>` elements read. */
  parsed = 0;
  // The cell being read (`col` stays the last cell's column: a cell without a reference is the next one).
  private inCell = false;
  private col = 0;
  private type = '';
  private style = 0;
  private formula = false;
  private value: string | undefined;
  private rich = false;
  private target: 'v' | 'f' | null = null;
  private phonetic = 0;

  constructor(
    private readonly name: string,
    private readonly ctx: SheetContext,
  ) {}

  size(exact: boolean): SheetSize {
    return { rows: this.lastRow, columns: this.maxCol, exact };
  }

  private tooLarge(why: string): Error {
    return sheetTooLarge(this.name, this.size(false), `sheet ${this.name}: ${why}`);
  }

  open(tag: string, a: Record<string, string>): void {
    switch (tag) {
      case 'dimension':
        if (!this.inData && a.ref) this.checkDimension(a.ref);
        return;
      case 'sheetData':
        this.inData = true;
        return;
      case 'row':
        if (this.inData) this.openRow(a.r);
        return;
      case 'c':
        if (this.row) this.openCell(a);
        return;
      case 'f':
        if (this.inCell) [this.formula, this.target] = [this.formula || a.t !== undefined, 'f'];
        return;
      case 'v':
      case 't':
        if (this.inCell && this.phonetic === 0) this.target = 'v';
        return;
      case 'r':
        if (this.inCell) this.rich = true;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'mergeCell':
        if (a.ref) this.addMerge(a.ref);
        return;
    }
  }

  text(t: string): void {
    if (this.target === 'v') {
      const v = this.value ?? '';
      if (v.length < MAX_TEXT) this.value = v + t;
    } else if (this.target === 'f' && t !== '') this.formula = true;
  }

  close(tag: string): void {
    switch (tag) {
      case 'f':
      case 'v':
      case 't':
        this.target = null;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'c':
        if (this.inCell) this.closeCell();
        return;
      case 'row':
        this.row = null;
        return;
      case 'sheetData':
        this.inData = false;
        return;
    }
  }

  private checkDimension(ref: string): void {
    const end = decodeRef(ref.slice(ref.indexOf(':') + 1));
    if (!end) return;
    if (end.row > LIMITS.rows || end.row * Math.min(end.col, LIMITS.columns) > LIMITS.cells)
      throw sheetTooLarge(this.name, { rows: end.row, columns: end.col, exact: true }, `declared dimension ${ref}`);
  }

  private openRow(r: string | undefined): void {
    const n = r === undefined ? this.rowNo + 1 : parseInt(r, 10);
    if (!(n >= 1)) throw new Error(`row number ${r}`);
    this.rowNo = n;
    this.lastRow = Math.max(this.lastRow, n);
    if (n > LIMITS.rows || ++this.rowElements > LIMITS.rows) throw this.tooLarge(`row ${n}`);
    this.checkCells();
    this.row = this.rows[n - 1] ??= { texts: [], lastCell: 0, hasValues: false };
    this.col = 0;
  }

  private openCell(a: Record<string, string>): void {
    const col = a.r === undefined ? this.col + 1 : decodeRef(a.r)?.col;
    if (col === undefined) throw new Error(`cell reference ${a.r}`);
    this.inCell = true;
    this.col = col;
    this.maxCol = Math.max(this.maxCol, col);
    if (++this.parsed > LIMITS.cells) throw this.tooLarge(`more than ${LIMITS.cells} cells`);
    this.checkCells();
    this.type = a.t ?? '';
    this.style = a.s ? parseInt(a.s, 10) || 0 : 0;
    this.formula = false;
    this.value = undefined;
    this.rich = false;
  }

  /** The grid read so far (rows × columns read) within the limit. */
  private checkCells(): void {
    if (this.lastRow * Math.min(this.maxCol, LIMITS.columns) > LIMITS.cells)
      throw this.tooLarge(`${this.lastRow} rows × ${this.maxCol} columns`);
  }

  private closeCell(): void {
    const row = this.row!;
    const hasValue = this.formula || this.value !== undefined;
    // As exceljs: an empty cell without a style is not kept; an empty styled one is kept, without a value.
    if (hasValue || this.style) {
      row.lastCell = Math.max(row.lastCell, this.col);
      if (this.col <= LIMITS.columns) row.texts[this.col - 1] = hasValue ? this.cellText() : '';
    }
    if (hasValue) row.hasValues = true;
    this.inCell = false;
    this.target = null;
  }

  /** The text exceljs's `cell.text` gave (formula results, dates as YYYY-MM-DD), with its quirks left out. */
  private cellText(): string {
    const v = this.value;
    if (v === undefined) return '';
    switch (this.type) {
      case 's':
        return this.formula ? this.number(v) : (this.ctx.sharedStrings[parseInt(v, 10)] ?? '');
      case 'str':
        return v;
      case 'inlineStr':
        return this.rich ? decodeEscapes(v) : v;
      case 'b':
        return parseInt(v, 10) !== 0 ? 'true' : 'false';
      case 'e':
        return '';
      case 'd':
        return v.slice(0, 10);
      default:
        return this.number(v);
    }
  }

  private number(v: string): string {
    const n = parseFloat(v);
    if (this.style && this.ctx.dateStyles[this.style]) return dateText(n, this.ctx.date1904);
    return Number.isNaN(n) && this.formula ? '' : String(n);
  }

  private addMerge(ref: string): void {
    const [a, b] = ref.split(':');
    const from = decodeRef(a ?? '');
    const to = b === undefined ? from : decodeRef(b);
    if (!from || !to) return;
    if (++this.parsed > LIMITS.cells) throw this.tooLarge(`more than ${LIMITS.cells} cells and merges`);
    const m = {
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    };
    this.merges.push(m);
    // A merge makes cells down to its last row and column, as exceljs did.
    this.lastRow = Math.max(this.lastRow, m.bottom);
    this.maxCol = Math.max(this.maxCol, m.right);
    if (this.lastRow > LIMITS.rows) throw this.tooLarge(`merge ${ref}`);
    this.checkCells();
  }

  /** The grid read: rows 1 to the last, columns 1 to the last with a value (at most `LIMITS.columns`). */
  grid(): SheetGrid {
    return buildGrid(this.name, this.rows, this.merges, this.lastRow);
  }
}

/** `AB12` → column 28, row 12 (letters in either case, `$` allowed); null when it is not a cell reference. */
function decodeRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = parseInt(m[2]!, 10);
  return col > MAX_SHEET_COLUMNS || row < 1 ? null : { col, row };
}

/** A date serial as YYYY-MM-DD, as exceljs converted it; a serial no date can have gives no text. */
function dateText(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}
