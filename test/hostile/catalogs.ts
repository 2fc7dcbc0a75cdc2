import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { writeLedgerXlsx, writeRawXlsx, worksheetXml } from '../helpers/xlsx';
import { editPart, readZip, writeZip, type ZipItem } from '../helpers/zips';

const HEAD = '{"format":"wangbao-catalog","formatVersion":1,"edition":"2026","nodes":';

/** Catalog JSON (format 1) around `nodes`, written as given (a string is spliced in raw). */
export const catalogJson = (nodes: unknown): string =>
  `${HEAD}${typeof nodes === 'string' ? nodes : JSON.stringify(nodes)}}`;

/** One chain of `levels` nested nodes, the last a standard — built as text (JSON.stringify recurses). */
export const deepChain = (levels: number): string =>
  catalogJson(
    `[${'{"title":"上级","children":['.repeat(levels - 1)}{"title":"末级标准","methods":"网上申报"}${']}'.repeat(levels - 1)}]`,
  );

/** `count` standards, flat or under 100 项目. */
export function manyNodes(count: number, tree: boolean): string {
  const leaf = (i: number) => ({ title: `测评标准${i}`, methods: '网上申报' });
  if (!tree) return catalogJson(Array.from({ length: count }, (_, i) => leaf(i)));
  const per = count / 100;
  return catalogJson(
    Array.from({ length: 100 }, (_, p) => ({
      title: `测评项目${p}`,
      children: Array.from({ length: per }, (_, i) => leaf(p * per + i)),
    })),
  );
}

let gbkTable: Map<string, Buffer> | undefined;

/** GBK bytes of a string (Node decodes GBK but has no encoder: each character is found by decoding candidates). */
export function gbk(s: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        const c = dec.decode(Uint8Array.of(a, b));
        if (b !== 0x7f && !gbkTable.has(c)) gbkTable.set(c, Buffer.from([a, b]));
      }
  }
  return Buffer.concat([...s].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : gbkTable!.get(ch)!)));
}

const HEADER = ['序号', '编号', '测评项目', '测评内容', '测评标准', '测评方法', '分值', '材料要求', '牵头单位'];

/**
 * A 台账 whose 测评标准 cells are `cells` (text, or ExcelJS values such as formulas with their cached results),
 * under one 测评项目 and 测评内容, coded H-1, H-2… in the 编号 column.
 */
export async function ledgerOf(path: string, cells: ExcelJS.CellValue[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '2026年网上申报材料工作台账';
  ws.getRow(2).values = HEADER;
  cells.forEach((cell, i) => {
    ws.getRow(3 + i).values = [
      i + 1,
      `H-${i + 1}`,
      i === 0 ? '九、恶意输入' : '',
      i === 0 ? '（一）标题' : '',
      cell,
      '网上申报',
      1,
      '实景图片不少于1张',
      '市教育局',
    ];
  });
  await wb.xlsx.writeFile(path);
  return path;
}

/** The demo-like 台账 of test/helpers/xlsx.ts, with its zip's parts changed by `edit`. */
export async function ledgerEdited(path: string, edit: (items: ZipItem[]) => ZipItem[]): Promise<string> {
  await writeLedgerXlsx(path);
  await writeZip(path, edit(await filesOf(path)));
  return path;
}

/** A zip's files (its folder entries left out: yazl writes folders itself). */
export const filesOf = async (path: string): Promise<ZipItem[]> =>
  (await readZip(path)).filter((i) => !i.name.endsWith('/'));

/** The 台账 linking to two external workbooks (a UNC share and a URL), as Excel writes such links. */
export function withExternalLinks(items: ZipItem[]): ZipItem[] {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const link = (n: number) =>
    `<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet${n}"/></sheetNames></externalBook></externalLink>`;
  const rels = (target: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/externalLinkPath" Target="${target}" TargetMode="External"/></Relationships>`;
  return [
    ...editPart(items, 'xl/_rels/workbook.xml.rels', (xml) =>
      xml.replace(
        '</Relationships>',
        `<Relationship Id="rIdX1" Type="${rel}/externalLink" Target="externalLinks/externalLink1.xml"/>` +
          `<Relationship Id="rIdX2" Type="${rel}/externalLink" Target="externalLinks/externalLink2.xml"/></Relationships>`,
      ),
    ),
    { name: 'xl/externalLinks/externalLink1.xml', bytes: Buffer.from(link(1)) },
    {
      name: 'xl/externalLinks/_rels/externalLink1.xml.rels',
      bytes: Buffer.from(rels('file:///\\\\evil\\share\\x.xlsx')),
    },
    { name: 'xl/externalLinks/externalLink2.xml', bytes: Buffer.from(link(2)) },
    { name: 'xl/externalLinks/_rels/externalLink2.xml.rels', bytes: Buffer.from(rels('http://evil.invalid/x.xlsx')) },
  ];
}

/** A sheet whose XML declares the "billion laughs" entity and uses it in a cell. */
export async function xlsxBillionLaughs(path: string): Promise<string> {
  const entities = Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ).join('');
  const sheet =
    `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "测评">${entities}]>` +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>测评标准</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>';
  await writeRawXlsx(path, { sheets: [{ name: '台账', xml: sheet }] });
  return path;
}

/** A sheet whose XML is cut off mid-row (a damaged file that still unzips). */
export async function xlsxBrokenXml(path: string): Promise<string> {
  const xml = worksheetXml({
    rows: ['<row r="1"><c r="A1" t="inlineStr"><is><t>测评标准</t></is></c></row><row r="2"><c'],
  });
  await writeRawXlsx(path, { sheets: [{ name: '台账', xml: () => [...xml()].slice(0, 3) }] });
  return path;
}

/** The 台账 encrypted with a password, as Excel and WPS save it (an OLE file). */
export async function encryptedLedger(path: string): Promise<string> {
  await writeLedgerXlsx(path);
  writeFileSync(path, officeCrypto.encrypt(readFileSync(path), { password: '123456' }));
  return path;
}
