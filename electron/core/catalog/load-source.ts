import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { catalogShapeProblem } from '@shared/domain/catalog-limits';
import { buildCatalog, countLeaves, type BuiltCatalog, type SkippedRow } from '@shared/domain/catalog';
import { columnLetter, type SheetField } from '@shared/domain/ledger-sheet/fields';
import { headerCells, resolveMapping } from '@shared/domain/ledger-sheet/mapping';
import { sheetToCatalog } from '@shared/domain/ledger-sheet/sheet-to-catalog';
import { AppError } from '@shared/ipc/errors';
import type { CatalogPreview } from '@shared/ipc/types';
import type { CatalogFile } from '@shared/schemas/catalog-file';
import { resolveProfile, type RuleProfile } from '@shared/schemas/rule-profile';
import type { SheetMapping } from '@shared/schemas/sheet-mapping';
import { fsError } from '../fs-errors';
import { readLedgerSheet } from '../office/read-sheet';
import { sniffFile, type FileKind } from '../office/sniff';
import { parseCatalogJson, sha256 } from './parse-catalog-json';

/** A catalog read from a file, ready to import, with what the preview screen shows of it. */
export interface LoadedSource {
  /** The catalog built from the file; its `skipped` includes a sheet's unplaceable rows, `errors` its mapping problems. */
  built: BuiltCatalog;
  name: string | null;
  sourceName: string;
  sha256: string;
  preview: CatalogPreview;
  /** The rule profile a catalog JSON ships (resolved); null for a 台账 sheet or a catalog without one. */
  ruleProfile: RuleProfile | null;
}

const REFUSALS: Partial<Record<FileKind, string>> = {
  empty: '文件是空的。',
  xls:
    '这是旧版 Excel（.xls）或 WPS 表格（.et）文件，本软件读取 .xlsx。请用 Excel 或 WPS 打开它，选择“文件 → 另存为”，' +
    '保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的文件。',
  'ooxml-encrypted':
    '这个 Excel 文件设置了打开密码，无法读取。请用 Excel 或 WPS 打开它，在“文件 → 信息（或文档加密）”中删除密码并保存，再导入。',
  docx: '这是 Word 文档，不是台账表格。请导入创城办下发的 Excel 台账（.xlsx）或测评体系文件（.json）。',
  doc: '这是 Word 文档，不是台账表格。请导入创城办下发的 Excel 台账（.xlsx）或测评体系文件（.json）。',
  pptx: '这是演示文稿，不是台账表格。请导入 Excel 台账（.xlsx）或测评体系文件（.json）。',
  zip: '这是压缩包，不是台账表格。请先解压，再导入其中的 Excel 台账（.xlsx）。',
  ole: '无法识别这个文件的格式。请用 Excel 或 WPS 打开它并另存为 .xlsx 再导入。',
  binary: '这个文件不是表格，也不是测评体系文件。',
};

/** A catalog source larger than this is not a 测评体系 (250 standards take ~200 KB as JSON or XLSX). */
const MAX_BYTES = 64 * 1024 * 1024;

const CSV_ADVICE =
  '这是 CSV 文本表格。请用 Excel 或 WPS 打开它，另存为“Excel 工作簿（*.xlsx）”再导入（CSV 不保存合并单元格，层级会丢失）。';

/**
 * Reads a catalog source — our JSON, or the 台账 .xlsx the 创城办 sends — by what its bytes say it is. Files that
 * cannot be read are refused with advice the officer can follow; a sheet's mapping problems and the catalog's
 * faults are returned in `preview.errors` so the preview screen can show them and let the user fix the mapping.
 */
export async function loadSource(
  path: string,
  opts: { mapping?: SheetMapping | undefined; edition?: string | undefined },
): Promise<LoadedSource> {
  const info = await stat(path).catch((e: unknown) => {
    throw fsError(e, '读取文件', path);
  });
  if (!info.isFile()) throw new AppError('catalog-invalid', `这不是一个文件：${path}`, `not a file: ${path}`);
  if (info.size > MAX_BYTES)
    throw new AppError(
      'catalog-invalid',
      '文件过大（超过 64 MB），不像是测评体系或台账。',
      `${path}: ${info.size} bytes`,
    );
  const kind = await sniffFile(path);
  const refusal = kind === 'text' && extname(path).toLowerCase() === '.csv' ? CSV_ADVICE : REFUSALS[kind];
  if (refusal || kind === 'text')
    throw new AppError(
      'catalog-invalid',
      refusal ?? '这个文件不是表格，也不是测评体系文件。',
      `${path}: sniffed ${kind}`,
    );
  const bytes = await readFile(path);
  const base = { sourceName: basename(path), sha256: sha256(bytes) };
  if (kind === 'json') {
    const file = parseCatalogJson(decodeText(bytes), path);
    if (opts.edition) file.edition = opts.edition;
    const built = build(file, [], []);
    const ruleProfile = file.ruleProfile ? resolveProfile(file.ruleProfile) : null;
    return { ...base, built, name: file.name ?? null, preview: previewOf(path, 'json', file, built), ruleProfile };
  }
  // In a worker thread, within the limits of a 台账: the named sheet, else the first with a recognisable header.
  const { sheetNames, grid } = await readLedgerSheet(bytes, path, opts.mapping?.sheet);
  if (grid.rows.every((r) => r.every((c) => c.text.trim() === '')))
    throw new AppError(
      'catalog-invalid',
      `工作表“${grid.name}”是空的。请选择有台账内容的工作表。`,
      `${path}: empty sheet ${grid.name}`,
    );
  const { mapping, problems } = resolveMapping(grid, opts.mapping);
  const sheet = mapping ? sheetToCatalog(grid, mapping) : { nodes: [], skipped: [], title: undefined };
  const tooLarge = catalogShapeProblem(sheet.nodes);
  if (tooLarge) throw new AppError('catalog-invalid', tooLarge, `${path}: over the catalog limits`);
  const edition = opts.edition ?? editionOf(sheet.title, path);
  const file: CatalogFile = {
    format: 'wangbao-catalog',
    formatVersion: 1,
    edition,
    name: sheet.title,
    nodes: sheet.nodes,
  };
  const built = build(file, sheet.skipped, problems);
  const preview = previewOf(path, 'xlsx', file, built);
  preview.sheets = sheetNames;
  preview.sheet = grid.name;
  preview.headerRow = mapping?.headerRow ?? null;
  preview.headers = mapping ? headerCells(grid, mapping.headerRow) : [];
  preview.mapping = Object.fromEntries(
    Object.entries(mapping?.columns ?? {}).map(([f, c]) => [f, columnLetter(c)]),
  ) as Partial<Record<SheetField, string>>;
  return { ...base, built, name: sheet.title ?? null, preview, ruleProfile: null };
}

/**
 * A text file's text as Notepad and WPS save it: UTF-8 (with or without a BOM), UTF-16 with its BOM (Notepad's
 * “Unicode”), or else GB18030 (Chinese Windows' ANSI): never U+FFFD in place of the 创城办's words.
 */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Builds the catalog, folding in the rows a sheet could not place and its mapping problems. */
function build(file: CatalogFile, sheetSkipped: SkippedRow[], problems: string[]): BuiltCatalog {
  const built =
    file.nodes.length > 0 ? buildCatalog(file) : { edition: file.edition, nodes: [], skipped: [], errors: [] };
  const errors = [...problems, ...built.errors];
  if (errors.length === 0 && built.nodes.length === 0) errors.push('没有找到可导入的测评标准。');
  return { ...built, skipped: [...sheetSkipped, ...built.skipped].sort((a, b) => a.row - b.row), errors };
}

function previewOf(path: string, kind: 'json' | 'xlsx', file: CatalogFile, built: BuiltCatalog): CatalogPreview {
  return {
    file: path,
    kind,
    edition: file.edition,
    name: file.name ?? null,
    sheets: [],
    sheet: null,
    headerRow: null,
    headers: [],
    mapping: {},
    nodes: built.nodes,
    leaves: countLeaves(built.nodes),
    skipped: built.skipped,
    errors: built.errors,
    // Against the workspace: the handler adds them (handlers/catalog.ts).
    warnings: [],
    scope: [],
    scopeAll: false,
    unitKind: 'other',
  };
}

/** A sheet's edition: the year in its title row or file name (`2025年…台账` → `2025`), else the file name. */
function editionOf(title: string | undefined, path: string): string {
  const name = basename(path, extname(path));
  const year = /(?:19|20)\d{2}/u.exec(`${title ?? ''} ${name}`)?.[0];
  return year ?? name;
}
