import type { CatalogNodeInput } from '../../schemas/catalog-file';
import type { SkippedRow } from '../catalog';
import { LEVEL_FIELDS, type SheetField } from './fields';
import { cellAt, type SheetGrid } from './grid';
import { fieldText, type ResolvedMapping } from './mapping';
import { splitLabel, titleOf } from './split-label';

/** Row attributes copied onto the deepest node of the row (the catalog fields of the same names). */
const ATTRIBUTES = [
  'seq',
  'code',
  'methods',
  'requirements',
  'leadUnit',
  'responsibleUnits',
  'deadline',
  'frequency',
] as const;

interface Open {
  master: string;
  /** The cell's text, so a level written again on every row (an unmerged, filled-down 台账) continues the node. */
  text: string;
  node: CatalogNodeInput;
  parent: Open | undefined;
}

export interface SheetCatalog {
  nodes: CatalogNodeInput[];
  skipped: SkippedRow[];
  /** The first text above the header (the sheet's title row), if any. */
  title: string | undefined;
}

/**
 * Builds the catalog tree from a sheet: each level column opens a node where a new value (a new cell or merge)
 * appears and continues the open one where the cell is blank, part of the same merge or the same text again — so
 * upper levels written once, merged over many rows, left blank below or filled down on every row, are read right. The row's other columns go to its deepest node.
 * Points merged over several standards belong to the level that spans them (their nearest common parent).
 * Rows with no level value are skipped with a reason; note rows (one merged cell across the row) too.
 */
export function sheetToCatalog(grid: SheetGrid, m: ResolvedMapping): SheetCatalog {
  const levels = LEVEL_FIELDS.filter((f) => m.columns[f] !== undefined).map((f) => m.columns[f]!);
  const roots: CatalogNodeInput[] = [];
  const skipped: SkippedRow[] = [];
  const path: (Open | undefined)[] = [];
  const pointsOwner = new Map<string, Open>();

  for (let r = m.headerRow; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const filled = row.filter((c) => c.text.trim() !== '');
    if (filled.length === 0) continue;
    const sheetRow = r + 1;
    if (filled.length >= 2 && new Set(filled.map((c) => c.master)).size === 1) {
      skipped.push({ row: sheetRow, reason: '整行合并的说明或备注行' });
      continue;
    }
    const cells = levels.map((c) => cellAt(grid, r, c));
    const deepestFilled = cells.findLastIndex((c) => c.text.trim() !== '');
    if (deepestFilled < 0) {
      skipped.push({ row: sheetRow, reason: '没有测评项目、测评内容或测评标准，无法放入目录' });
      continue;
    }
    let deepest: Open | undefined;
    let opened = false;
    for (let k = 0; k <= deepestFilled; k++) {
      const cell = cells[k]!;
      const text = cell.text.trim();
      const current = path[k];
      if (text === '' || (current && !opened && (current.master === cell.master || current.text === text))) {
        if (current) deepest = current;
        continue;
      }
      const parent = deepestOpen(path, k);
      const node = levelNode(text, sheetRow);
      (parent ? (parent.node.children ??= []) : roots).push(node);
      path[k] = { master: cell.master, text, node, parent };
      path.length = k + 1;
      deepest = path[k];
      opened = true;
    }
    if (deepest) applyAttributes(deepest, grid, m, r, opened, pointsOwner);
  }
  return { nodes: roots, skipped, title: titleAbove(grid, m.headerRow) };
}

function deepestOpen(path: (Open | undefined)[], below: number): Open | undefined {
  for (let k = below - 1; k >= 0; k--) if (path[k]) return path[k];
  return undefined;
}

function levelNode(text: string, row: number): CatalogNodeInput {
  const { label, rest } = splitLabel(text);
  const body = rest === '' ? text : rest;
  const title = titleOf(body);
  return { row, ...(label ? { label } : {}), title, ...(title !== body ? { text: body } : {}) };
}

function applyAttributes(
  open: Open,
  grid: SheetGrid,
  m: ResolvedMapping,
  r: number,
  isNew: boolean,
  pointsOwner: Map<string, Open>,
): void {
  const n = open.node;
  for (const f of ATTRIBUTES) {
    const v = fieldText(grid, m, r, f);
    if (v === '') continue;
    if (f === 'requirements' && !isNew && n.requirements && typeof n.requirements === 'string') {
      if (!n.requirements.includes(v)) n.requirements = `${n.requirements}；${v}`;
    } else if ((n as Record<string, unknown>)[f] === undefined) (n as Record<SheetField, string>)[f] = v;
  }
  const pc = m.columns.points;
  if (pc === undefined) return;
  const cell = cellAt(grid, r, pc);
  if (cell.text.trim() === '') return;
  const owner = pointsOwner.get(cell.master);
  if (!owner) {
    n.points = cell.text.trim();
    pointsOwner.set(cell.master, open);
  } else if (owner !== open) {
    // The same merged points cell spans several standards: it scores the level that holds them all.
    delete owner.node.points;
    const common = commonAncestor(owner, open);
    if (common) common.node.points = cell.text.trim();
    pointsOwner.set(cell.master, common ?? owner);
  }
}

function commonAncestor(a: Open, b: Open): Open | undefined {
  const seen = new Set<Open>();
  for (let x: Open | undefined = a; x; x = x.parent) seen.add(x);
  for (let y: Open | undefined = b; y; y = y.parent) if (seen.has(y)) return y;
  return undefined;
}

function titleAbove(grid: SheetGrid, headerRow: number): string | undefined {
  for (let r = 0; r < headerRow - 1; r++) {
    const t = (grid.rows[r] ?? []).find((c) => c.text.trim() !== '')?.text.trim();
    if (t) return t;
  }
  return undefined;
}
