import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import yazl from 'yazl';

/**
 * Writes a 台账 the way 创城办 send them: a merged title row and a note above the table, the header in row 3 with line
 * breaks, 测评项目/测评内容 written once in cells merged over their rows, numbering in several styles, full-width
 * digits, free-text 材料要求, a formula and a hyperlink, points merged over two standards, and a note row below.
 */
export async function writeLedgerXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填报说明').getCell('A1').value = '请按台账要求报送材料。';
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '示例市2025年创建全国文明城市网上申报材料工作台账';
  ws.mergeCells('A1:J1');
  ws.getCell('A2').value = '（各单位每月5日前报送上月材料）';
  ws.getRow(3).values = [
    '序号',
    '测评\n项目',
    '测评\n内容',
    '测评标准',
    '测评\n方法',
    '分 值',
    '材料要求',
    '牵头单位',
    '责任单位',
    '完成时限',
  ];
  const rows: (string | number | ExcelJS.CellValue)[][] = [
    [
      1,
      '一、理想信念教育',
      '（一）学习教育',
      '1.党委（党组）理论学习中心组每年开展专题学习不少于12次。有计划、有记录。',
      '网上申报',
      '2分',
      '实景图片不少于3张；学习记录台账',
      '市委宣传部',
      '市直各单位、各区',
      '每月5日前',
    ],
    [2, '', '', '２.基层宣讲', '实地考察、网上申报', '１.５', '图片', '市委宣传部', '市教育局，团市委', '每季度末'],
    [
      3,
      '',
      '（二）主题宣传',
      '1)公益广告刊播',
      '网上申报',
      { formula: '1+2', result: 3 },
      { text: '媒体截图5张', hyperlink: 'http://example.invalid/x' },
      '市委宣传部',
      '市城管局',
      '常态',
    ],
    [
      4,
      '二、公共文明',
      '（一）文明交通',
      '1.交通秩序整治',
      '实地考察',
      4,
      '（无需网报）',
      '市公安局',
      '',
      '2025年10月31日前',
    ],
    [5, '', '', '2.公共交通服务', '实地考察', '', '——', '市交通运输局', '', '常态'],
    [
      6,
      '',
      '（二）志愿服务',
      '1.志愿服务站',
      '网上申报',
      2,
      '统计表2份；情况说明；相关文件',
      '团市委',
      '市民政局、市卫健委',
      '每月5日前',
    ],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  ws.mergeCells('B4:B6');
  ws.mergeCells('C4:C5');
  ws.mergeCells('B7:B9');
  ws.mergeCells('C7:C8');
  ws.mergeCells('F7:F8'); // 4 points for the 测评内容 文明交通, not for each standard
  ws.getCell('A11').value = '注：本台账由市创城办负责解释。';
  ws.mergeCells('A11:J11');
  await wb.xlsx.writeFile(path);
}

/** A 台账 with `n` standards: 项目 and 内容 merged over their rows, like a real one; 5 standards per 内容. */
export async function writeLargeLedgerXlsx(path: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '2026年网上申报材料工作台账';
  ws.getRow(2).values = [
    '序号',
    '测评项目',
    '测评内容',
    '测评标准',
    '测评方法',
    '分值',
    '材料要求',
    '牵头单位',
    '责任单位',
    '完成时限',
  ];
  const units = ['市教育局', '市卫健委', '市城管局', '团市委'];
  for (let i = 0; i < n; i++) {
    const r = 3 + i;
    const p = Math.floor(i / 30);
    const c = Math.floor(i / 5);
    ws.getRow(r).values = [
      i + 1,
      i % 30 === 0 ? `${p + 1}、测评项目${p + 1}` : '',
      i % 5 === 0 ? `（${(c % 6) + 1}）测评内容${c + 1}` : '',
      `${(i % 5) + 1}.测评标准${i + 1}：开展主题活动，留存方案、总结和图片。`,
      i % 7 === 0 ? '实地考察' : '网上申报、实地考察',
      `${(i % 3) + 1}分`,
      '实景图片不少于3张；情况说明',
      units[i % 4],
      `${units[(i + 1) % 4]}、各区人民政府`,
      i % 2 ? '每月5日前' : '2026年6月30日前',
    ];
    if (i % 30 === 29 || i === n - 1) ws.mergeCells(`B${3 + i - (i % 30)}:B${r}`);
    if (i % 5 === 4 || i === n - 1) ws.mergeCells(`C${3 + i - (i % 5)}:C${r}`);
  }
  await wb.xlsx.writeFile(path);
}

/** An XML part: its text, or a generator of it (streamed into the zip, so a bomb's part is never held whole). */
export type XmlSource = string | (() => Iterable<string>);

export interface RawWorkbook {
  sheets: { name: string; xml: XmlSource }[];
  sharedStrings?: XmlSource;
  styles?: XmlSource;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * Writes an .xlsx from its XML parts, deflated at level 9 like a decompression bomb: what Excel needs and no more
 * (workbook, its relationships, the sheets, optionally shared strings and styles). Generated parts are streamed.
 */
export async function writeRawXlsx(path: string, wb: RawWorkbook): Promise<void> {
  const z = new yazl.ZipFile();
  const add = (name: string, xml: XmlSource): void => {
    if (typeof xml === 'string') z.addBuffer(Buffer.from(xml), name, { compressionLevel: 9 });
    else z.addReadStream(Readable.from(batched(xml())), name, { compressionLevel: 9 });
  };
  const over = (part: string, type: string) => `<Override PartName="/xl/${part}" ContentType="${type}"/>`;
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>${over('workbook.xml', `${ct}.sheet.main+xml`)}` +
      wb.sheets.map((_, i) => over(`worksheets/sheet${i + 1}.xml`, `${ct}.worksheet+xml`)).join('') +
      (wb.sharedStrings ? over('sharedStrings.xml', `${ct}.sharedStrings+xml`) : '') +
      (wb.styles ? over('styles.xml', `${ct}.styles+xml`) : '') +
      `</Types>`,
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
      wb.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
  );
  const rels = wb.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const n = wb.sheets.length;
  if (wb.sharedStrings)
    rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (wb.styles) rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/>`);
  add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`,
  );
  wb.sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, s.xml));
  if (wb.sharedStrings) add('xl/sharedStrings.xml', wb.sharedStrings);
  if (wb.styles) add('xl/styles.xml', wb.styles);
  z.end();
  await pipeline(z.outputStream, createWriteStream(path));
}

/** Joins a generator's strings into ~1 MB buffers (one stream chunk per row would be slow). */
function* batched(parts: Iterable<string>): Generator<Buffer> {
  let acc: string[] = [];
  let len = 0;
  for (const p of parts) {
    acc.push(p);
    len += p.length;
    if (len >= 1 << 20) {
      yield Buffer.from(acc.join(''));
      acc = [];
      len = 0;
    }
  }
  if (acc.length > 0) yield Buffer.from(acc.join(''));
}

/** A worksheet part: an optional declared `<dimension>`, the rows (`<row>` elements) and merged ranges. */
export function worksheetXml(opts: {
  dimension?: string;
  rows: Iterable<string>;
  merges?: string[];
}): () => Iterable<string> {
  return function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL}">`;
    if (opts.dimension) yield `<dimension ref="${opts.dimension}"/>`;
    yield '<sheetData>';
    yield* opts.rows;
    yield '</sheetData>';
    if (opts.merges?.length)
      yield `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    yield '</worksheet>';
  };
}

/**
 * `rows` rows of `cols` numeric cells (only each row's first cell says where it is, as the format allows): a sheet
 * that inflates to rows × cols cells from a file of about a megabyte — the decompression bomb the issue measured.
 */
export function* numberRows(rows: number, cols: number, first = 1): Generator<string> {
  const rest = '<c><v>1</v></c>'.repeat(cols - 1);
  for (let r = first; r < first + rows; r++) yield `<row r="${r}"><c r="A${r}"><v>1</v></c>${rest}</row>`;
}

/** A shared-strings part of `count` copies of `text` (generated, never held whole). */
export function sharedStringsXml(count: number, text: string): () => Iterable<string> {
  return function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}" count="${count}" uniqueCount="${count}">`;
    const si = `<si><t>${text}</t></si>`;
    for (let i = 0; i < count; i += 1000) yield si.repeat(Math.min(1000, count - i));
    yield '</sst>';
  };
}

/**
 * A 台账 whose 责任单位 name collectives as the 创城办 writes them, with two phrases naming no kind, and its upper
 * levels written again on every row (an unmerged sheet): one 测评项目, one 测评内容, six standards 1.1.1–1.1.6.
 */
export async function writeCollectiveLedger(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getRow(1).values = ['序号', '测评项目', '测评内容', '测评标准', '测评方法', '材料要求', '牵头单位', '责任单位'];
  const rows: [string, string, string, string][] = [
    ['学习制度', '学习心得体会', '市委宣传部', '各成员单位'],
    ['教师培训', '工作方案', '市教育局', ''],
    ['机关环境', '实景图片不少于3张', '市机关事务局', '各市直单位'],
    ['街巷整治', '实景图片不少于3张', '市城管局', '各街道'],
    ['执法规范', '典型案例', '市城管局', '各执法部门'],
    ['财政保障', '工作方案', '市财政局', ''],
  ];
  rows.forEach(([title, req, lead, resp], i) =>
    ws.addRow([String(i + 1), '一、组织', '（一）制度', `${i + 1}.${title}`, '网上申报', req, lead, resp]),
  );
  await wb.xlsx.writeFile(file);
}
