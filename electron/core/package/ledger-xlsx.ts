import ExcelJS from 'exceljs';
import { KIND_LABEL, type PackageContent } from '@shared/domain/package/content';
import { dateLabel, monthLabel, printable } from '@shared/domain/package/format';
import { LEDGER_KINDS, ledgerRows, type LedgerRow } from '@shared/domain/package/ledger-rows';
import { MATERIAL_KINDS } from '@shared/domain/value-sets';

/**
 * Text a spreadsheet program could take for a formula (`=`, `+`, `-`, `@`, and the tab or CR some read the same
 * way) gets a leading apostrophe, so opening the 台账 never runs anything (OWASP's advice on CSV/formula injection).
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** The 创城办's columns (their layout of the 网上申报材料工作台账), then the unit's; widths in Excel's units. */
const OFFICE_COLUMNS: [string, number][] = [
  ['序号', 5.5],
  ['测评项目', 12],
  ['测评内容', 14],
  ['测评标准', 38],
  ['测评方法', 10],
  ['材料要求', 26],
  ['牵头单位', 11],
  ['责任单位', 15],
  ['完成时限', 11],
];
const KIND_WIDTH = 6;
const FIRST_DATA_ROW = 5;

/** The column of each field, 1-based. */
const COL = {
  seq: 1,
  project: 2,
  content: 3,
  standard: 4,
  progress: 10,
  firstKind: 11,
  total: 11 + LEDGER_KINDS.length,
  problems: 12 + LEDGER_KINDS.length,
  review: 13 + LEDGER_KINDS.length,
} as const;
const LAST_COL = COL.review;

const BODY_FONT = { name: '宋体', size: 10 };
const IDEOGRAPHIC_SPACE = '\u3000';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * 台账.xlsx in the 创城办's own layout: a title, the unit's header line, a two-row header — 序号, 测评项目, 测评内容,
 * 测评标准, 测评方法, 材料要求, 牵头单位, 责任单位, 完成时限, then the unit's 完成情况, 材料数（按类型） (one number
 * column per kind and their total), 存在问题, 审核情况 — with 测评项目 and 测评内容 merged over their rows as in the
 * original, numbers stored as numbers, and set up to print: A4 landscape, fit to the page's width, the header rows
 * repeated on every page, 第 N 页 共 M 页 in the footer.
 */
export async function ledgerWorkbook(c: PackageContent): Promise<Buffer> {
  const rows = ledgerRows(c);
  const wb = new ExcelJS.Workbook();
  wb.creator = '网报通';
  wb.created = new Date(c.createdAt);
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1, xSplit: 1 }] });
  const widths = [...OFFICE_COLUMNS.map(([, w]) => w), 22, ...LEDGER_KINDS.map(() => KIND_WIDTH), KIND_WIDTH, 28, 14];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  heading(ws, c);
  rows.forEach((r, i) => {
    // A level cell merged over several rows spreads its text over them; one alone sets its row's height.
    const alone = (key: (r: LedgerRow) => string | undefined): boolean => {
      const k = key(r);
      const near = [rows[i - 1], rows[i + 1]].filter((x) => x !== undefined).map(key);
      return k === undefined || !near.includes(k);
    };
    dataRow(ws, FIRST_DATA_ROW + i, r, widths, [alone((x) => x.project?.key), alone((x) => x.content?.key)]);
  });
  mergeLevels(ws, rows);
  const last = FIRST_DATA_ROW + rows.length - 1;
  const note = ws.getRow(last + 1);
  note.getCell(1).value =
    '注：1. 本表由网报通按申报包内容生成，材料数与申报包“材料”文件夹中的文件一一对应。' +
    '2. 审核情况待分管领导审改、主要负责同志审阅把关后填写。';
  note.getCell(1).font = { ...BODY_FONT, size: 9 };
  note.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
  note.height = 30;
  ws.mergeCells(last + 1, 1, last + 1, LAST_COL);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as it takes
    horizontalCentered: true,
    printTitlesRow: `3:${FIRST_DATA_ROW - 1}`,
    printArea: `A1:${ws.getColumn(LAST_COL).letter}${last + 1}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The title, the unit's line, and the two header rows (merged as an office's header is). */
function heading(ws: ExcelJS.Worksheet, c: PackageContent): void {
  const title = ws.getCell(1, 1);
  title.value = `${c.year}年全国文明城市网上申报材料工作台账`;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(1, 1, 1, LAST_COL);
  const { name, phone } = c.documents.contact;
  const gap = IDEOGRAPHIC_SPACE.repeat(2);
  const blank = IDEOGRAPHIC_SPACE.repeat(6); // room to write by hand
  const left = ws.getCell(2, 1);
  left.value = neutralizeCell(
    printable(`填报单位（盖章）：${c.unit.name}${gap}联系人：${name || blank}${gap}联系电话：${phone || blank}`),
  );
  const right = ws.getCell(2, COL.progress);
  right.value = `报送日期：${dateLabel(c.createdAt)}${gap}${monthLabel(c.month)}${KIND_LABEL[c.kind]}`;
  for (const cell of [left, right]) cell.font = BODY_FONT;
  right.alignment = { horizontal: 'right', vertical: 'middle' };
  left.alignment = { vertical: 'middle' };
  ws.getRow(2).height = 22;
  ws.mergeCells(2, 1, 2, COL.progress - 1);
  ws.mergeCells(2, COL.progress, 2, LAST_COL);
  const top = ws.getRow(3);
  const sub = ws.getRow(4);
  const single: [number, string][] = [
    ...OFFICE_COLUMNS.map(([t], i): [number, string] => [i + 1, t]),
    [COL.progress, '完成情况'],
    [COL.problems, '存在问题'],
    [COL.review, '审核情况'],
  ];
  for (const [col, text] of single) {
    top.getCell(col).value = text;
    ws.mergeCells(3, col, 4, col);
  }
  top.getCell(COL.firstKind).value = '材料数（按类型）';
  ws.mergeCells(3, COL.firstKind, 3, COL.total);
  // Two characters a line (规范 / 文件): the columns are narrow.
  LEDGER_KINDS.forEach(
    (k, i) => (sub.getCell(COL.firstKind + i).value = MATERIAL_KINDS[k].replace(/^(..)(..)$/u, '$1\n$2')),
  );
  sub.getCell(COL.total).value = '合计';
  top.height = 20;
  sub.height = 30;
  for (const row of [top, sub])
    for (let col = 1; col <= LAST_COL; col++) {
      const cell = row.getCell(col);
      cell.font = { name: '黑体', size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
}

function dataRow(
  ws: ExcelJS.Worksheet,
  at: number,
  r: LedgerRow,
  widths: number[],
  [projectAlone, contentAlone]: [boolean, boolean],
): void {
  const row = ws.getRow(at);
  const text = (s: string): string => neutralizeCell(printable(s));
  row.values = [
    r.seq,
    text(r.project?.text ?? ''),
    text(r.content?.text ?? ''),
    text(r.standard),
    text(r.methods),
    text(r.requirements),
    text(r.leadUnit),
    text(r.responsibleUnits),
    text(r.deadline),
    text(r.progress),
    ...r.counts,
    r.total,
    text(r.problems),
    r.review === '' ? null : text(r.review),
  ];
  let lines = 1;
  for (let col = 1; col <= LAST_COL; col++) {
    const cell = row.getCell(col);
    const numeric = typeof cell.value === 'number';
    cell.font = BODY_FONT;
    cell.border = BORDER;
    cell.alignment = {
      horizontal: numeric || col === COL.project || col === COL.content ? 'center' : 'left',
      vertical: 'middle',
      wrapText: true,
    };
    const spread = (col === COL.project && !projectAlone) || (col === COL.content && !contentAlone);
    if (typeof cell.value === 'string' && !spread) lines = Math.max(lines, linesIn(cell.value, widths[col - 1]!));
  }
  row.height = Math.max(20, lines * 13 + 6);
}

/** 测评项目 and 测评内容 merged over the consecutive rows they head, as in the 创城办's sheet. */
function mergeLevels(ws: ExcelJS.Worksheet, rows: LedgerRow[]): void {
  for (const [col, level] of [
    [COL.project, (r: LedgerRow) => r.project?.key],
    [COL.content, (r: LedgerRow) => r.content?.key],
  ] as const) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const key = level(rows[start]!);
      if (i < rows.length && key !== undefined && level(rows[i]!) === key) continue;
      if (i - 1 > start) ws.mergeCells(FIRST_DATA_ROW + start, col, FIRST_DATA_ROW + i - 1, col);
      start = i;
    }
  }
}

/** How many lines a wrapped cell takes at 宋体 10 (a Chinese character is about two of Excel's width units). */
function linesIn(text: string, width: number): number {
  let n = 0;
  for (const part of text.split('\n')) {
    let w = 0;
    for (const ch of part) w += ch.charCodeAt(0) < 0x2e80 ? 1.1 : 2.05;
    n += Math.max(1, Math.ceil(w / Math.max(1, width - 1.2)));
  }
  return n;
}
