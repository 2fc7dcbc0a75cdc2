import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { numberRows, sharedStringsXml, worksheetXml, writeLedgerXlsx, writeRawXlsx } from '../helpers/xlsx';
import type { HostileCase, Outcome } from './case';
import { cut, elf, fixture, fixtureBytes, put } from './bytes';
import {
  catalogJson,
  deepChain,
  encryptedLedger,
  gbk,
  ledgerEdited,
  ledgerOf,
  manyNodes,
  withExternalLinks,
  xlsxBillionLaughs,
  xlsxBrokenXml,
} from './catalogs';
import { withMacros } from './documents';
import { groupState } from './run';

type Case = Omit<HostileCase, 'group'>;
const IMPORT = { entry: 'catalog-import' } as const;
const json = (name: string, text: () => string | Buffer) => (dir: string) => [put(dir, name, text())];
const xlsx = (name: string, write: (path: string) => Promise<unknown>) => async (dir: string) => {
  const path = join(dir, name);
  await write(path);
  return [path];
};

/** The criteria the catalog group's workspace holds now. */
async function criteria(): Promise<{ code: string; title: string; text: string }[]> {
  const g = await groupState('catalog');
  await call('workspace:open', { dir: g.ws, access: 'read' }, g.ctx);
  try {
    return (await call('catalog:list', {}, g.ctx)).criteria.filter((c) => !c.removed);
  } finally {
    await call('workspace:close', {}, g.ctx);
  }
}

const titlesAre =
  (expected: string[]): Case['check'] =>
  async () =>
    expect((await criteria()).map((c) => c.title)).toEqual(expect.arrayContaining(expected));

/** The 台账 of test/helpers/xlsx.ts imports to these standards: a variant of it must import to the same. */
const LEDGER_TITLES = ['基层宣讲', '公益广告刊播', '志愿服务站'];
const TOO_LARGE_SHEET = /表格过大/u;

const json50: Case[] = [
  {
    name: 'catalog JSON 50 levels deep',
    category: 'catalog-json',
    make: json('深.json', () => deepChain(50)),
    run: IMPORT,
    expect: { outcome: 'refused', message: /层级过深.*最多 12 层/u },
  },
  {
    name: 'catalog JSON 5,000 levels deep, through the CLI',
    category: 'catalog-json',
    cli: true,
    make: json('更深.json', () => deepChain(5_000)),
    run: IMPORT,
    expect: { outcome: 'refused', message: /层级过深/u },
  },
  {
    name: 'catalog JSON of 100,000 standards in one list',
    category: 'catalog-json',
    make: json('十万.json', () => manyNodes(100_000, false)),
    run: IMPORT,
    expect: { outcome: 'refused', message: /测评体系过大.*最多 20000 条/u },
  },
  {
    name: 'catalog JSON of 100,000 nodes under 100 items',
    category: 'catalog-json',
    make: json('十万树.json', () => manyNodes(100_000, true)),
    run: IMPORT,
    expect: { outcome: 'refused', message: /测评体系过大/u },
  },
  {
    name: 'catalog JSON with a title of 10,000 characters',
    category: 'catalog-json',
    make: json('长标题.json', () => catalogJson([{ title: '长'.repeat(10_000) }])),
    run: IMPORT,
    expect: { outcome: 'refused', message: /title：文字太长（最多 1000 个字符）/u },
  },
  {
    name: 'catalog JSON whose nodes are not a list',
    category: 'catalog-json',
    make: json('非列表.json', () => catalogJson('"测评标准"')),
    run: IMPORT,
    expect: { outcome: 'refused', message: /nodes：应为列表/u },
  },
  {
    name: 'catalog JSON with wrong types everywhere',
    category: 'catalog-json',
    make: json('类型.json', () => catalogJson([{ title: 3, points: -1, requirements: [{ kind: '', min: 1.5 }] }])),
    run: IMPORT,
    expect: { outcome: 'refused', message: /格式不对/u },
  },
  {
    name: 'catalog JSON with __proto__ and constructor keys',
    category: 'catalog-json',
    make: json('原型.json', () =>
      catalogJson(
        '[{"title":"原型标准","methods":"网上申报","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}],"__proto__":{"polluted":3}',
      ),
    ),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: async () => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await criteria()).map((c) => c.title)).toEqual(['原型标准']);
    },
  },
  {
    name: 'catalog JSON encoded in GBK',
    category: 'catalog-json',
    make: json('国标.json', () =>
      Buffer.concat([gbk(catalogJson([{ title: '国标编码的测评标准', methods: '网上申报' }]))]),
    ),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: titlesAre(['国标编码的测评标准']),
  },
  {
    name: 'catalog JSON in UTF-16 (Notepad’s “Unicode”)',
    category: 'catalog-json',
    make: json('记事本.json', () =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(catalogJson([{ title: '记事本保存的标准', methods: '网上申报' }]), 'utf16le'),
      ]),
    ),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: titlesAre(['记事本保存的标准']),
  },
  {
    name: 'catalog JSON cut off',
    category: 'catalog-json',
    make: json('截断.json', () => catalogJson([{ title: '标准' }]).slice(0, 60)),
    run: IMPORT,
    expect: { outcome: 'refused', message: /不是有效的 JSON/u },
  },
  {
    name: 'zero-byte catalog',
    category: 'empty',
    make: json('空.json', () => ''),
    run: IMPORT,
    expect: { outcome: 'refused', message: /空的/u },
  },
  {
    name: 'catalog JSON with NUL bytes',
    category: 'catalog-json',
    make: json('零字节.json', () => '{"format":"wangbao-catalog"\0\0}'),
    run: IMPORT,
    expect: { outcome: 'refused', message: /不是有效的 JSON/u },
  },
  {
    name: 'program named 测评体系.json',
    category: 'executable',
    make: json('测评体系.json', elf),
    run: IMPORT,
    expect: { outcome: 'refused', message: /不是表格/u },
  },
  {
    name: 'catalog JSON coding criteria ../../etc and CON',
    category: 'catalog-json',
    make: json('编号.json', () =>
      catalogJson([
        { code: '../../etc', title: '上级目录', methods: '网上申报' },
        { code: 'CON', title: '设备名', methods: '网上申报' },
      ]),
    ),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: async () => expect((await criteria()).map((c) => c.code)).toEqual(['../../etc', 'CON']),
  },
];

const sheets: Case[] = [
  {
    name: 'zero-byte .xlsx, through the CLI',
    category: 'empty',
    cli: true,
    make: json('空.xlsx', () => ''),
    run: IMPORT,
    expect: { outcome: 'refused', message: /空的/u },
  },
  {
    name: '台账 .xlsx cut at 60%',
    category: 'xlsx',
    make: xlsx('截断.xlsx', async (p) => {
      await writeLedgerXlsx(p);
      writeFileSync(p, cut(readFileSync(p), 0.6));
    }),
    run: IMPORT,
    expect: { outcome: 'refused', message: /表格|文件/u },
  },
  {
    name: '.xlsx whose sheet XML is cut off',
    category: 'xlsx',
    make: xlsx('坏表.xlsx', xlsxBrokenXml),
    run: IMPORT,
    expect: { outcome: 'refused', message: /Excel|表格/u },
  },
  {
    name: '台账 with formulas: =HYPERLINK, DDE, text that starts with =',
    category: 'xlsx',
    make: xlsx('公式.xlsx', (p) =>
      ledgerOf(p, [
        { formula: 'HYPERLINK("http://evil.invalid/x","点此领取")', result: '点此领取' },
        { formula: "cmd|' /C calc'!A0", result: '计算结果' },
        '=1+1 是文字',
      ]),
    ),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: titlesAre(['点此领取', '计算结果', '=1+1 是文字']),
  },
  {
    name: '台账 with macros (.xlsm parts)',
    category: 'xlsx',
    make: xlsx('宏.xlsx', (p) => ledgerEdited(p, (i) => withMacros(i, 'xl'))),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: titlesAre(LEDGER_TITLES),
  },
  {
    name: '台账 linking external workbooks (UNC and URL)',
    category: 'xlsx',
    make: xlsx('外链.xlsx', (p) => ledgerEdited(p, withExternalLinks)),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: titlesAre(LEDGER_TITLES),
  },
  {
    name: '.xlsx of 100,000 rows, through the CLI',
    category: 'xlsx',
    cli: true,
    make: xlsx('十万行.xlsx', (p) =>
      writeRawXlsx(p, { sheets: [{ name: '台账', xml: worksheetXml({ rows: numberRows(100_000, 10) }) }] }),
    ),
    run: IMPORT,
    expect: { outcome: 'refused', message: TOO_LARGE_SHEET },
  },
  {
    name: '.xlsx of 16,384 columns',
    category: 'xlsx',
    make: xlsx('万列.xlsx', (p) =>
      writeRawXlsx(p, { sheets: [{ name: '台账', xml: worksheetXml({ rows: numberRows(70, 16_384) }) }] }),
    ),
    run: IMPORT,
    expect: { outcome: 'refused', message: TOO_LARGE_SHEET },
  },
  {
    name: '.xlsx whose shared strings inflate to 64 MB',
    category: 'bomb',
    make: xlsx('字符串.xlsx', (p) =>
      writeRawXlsx(p, {
        sheets: [{ name: '台账', xml: worksheetXml({ rows: ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'] }) }],
        sharedStrings: sharedStringsXml(2_400_000, '测评标准'),
      }),
    ),
    run: IMPORT,
    expect: { outcome: 'refused', message: TOO_LARGE_SHEET },
  },
  {
    name: '.xlsx declaring the billion laughs',
    category: 'xlsx',
    make: xlsx('笑.xlsx', xlsxBillionLaughs),
    run: IMPORT,
    expect: { outcome: 'refused', message: /Excel|表格/u },
  },
  {
    name: 'password-protected 台账',
    category: 'xlsx',
    make: xlsx('加密.xlsx', encryptedLedger),
    run: IMPORT,
    expect: { outcome: 'refused', message: /密码/u },
  },
  {
    name: 'Word file named 台账.xlsx',
    category: 'office',
    make: json('台账.xlsx', () => fixtureBytes('office', 'doc-coreprops.docx')),
    run: IMPORT,
    expect: { outcome: 'refused', message: /Word 文档/u },
  },
  {
    name: 'the corpus zip-slip.zip as a catalog',
    category: 'zip-slip',
    make: () => [fixture('archives', 'zip-slip.zip')],
    run: IMPORT,
    expect: { outcome: 'refused', message: /压缩包/u },
  },
  {
    name: '台账 cell of 10,000 characters',
    category: 'xlsx',
    make: xlsx('长单元格.xlsx', (p) => ledgerOf(p, [`${'长'.repeat(10_000)}。`])),
    run: IMPORT,
    expect: { outcome: 'imported' },
    check: async (o: Outcome) => {
      expect(o.value).toMatchObject({ leaves: 1 });
      const [std] = (await criteria()).filter((c) => c.code === 'H-1');
      expect(std!.title.length).toBeLessThanOrEqual(60);
      expect(std!.text.length).toBeGreaterThanOrEqual(10_000);
    },
  },
];

export const CATALOG_CASES: Case[] = [...json50, ...sheets];
