import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { MAX_PATH, MAX_SEGMENT } from '@shared/domain/naming/segment';
import { readZip } from '../helpers/zips';

/** A hostile title: the criterion's (from the catalog, ≤ 1000 characters) and the material's (≤ 200). */
export interface HostileTitle {
  name: string;
  criterionTitle: string;
  materialTitle: string;
}

/** The titles the issue names, each on criterion `9.{n}` of the titles workspace (n = its place here, from 1). */
export const TITLES: HostileTitle[] = [
  {
    name: '=HYPERLINK formula',
    criterionTitle: '=HYPERLINK("http://evil.invalid/x","点此领取")',
    materialTitle: '=HYPERLINK("http://evil.invalid/x","点此领取")',
  },
  { name: 'DDE +cmd', criterionTitle: "+cmd|' /C calc'!A0", materialTitle: "+cmd|' /C calc'!A0" },
  {
    name: '@ and - formulas',
    criterionTitle: '@SUM(1+1)*cmd|" /C calc"!A0',
    materialTitle: "-2+3+cmd|' /C notepad'!A0",
  },
  { name: '../../x', criterionTitle: '../../x', materialTitle: '../../../etc/passwd' },
  { name: 'CON', criterionTitle: 'CON', materialTitle: 'CON' },
  { name: 'COM1.txt and lpt9', criterionTitle: 'COM1.txt', materialTitle: 'lpt9' },
  { name: 'very long (1000 and 200 characters)', criterionTitle: '长'.repeat(1000), materialTitle: '长'.repeat(200) },
  { name: 'RTL override', criterionTitle: '报告\u202egpj.exe', materialTitle: '照片\u202egpj.exe' },
  {
    name: 'Arabic with directional marks',
    criterionTitle: 'مرحبا \u200f文明城市\u200e',
    materialTitle: '\u202bمرحبا\u202c 照片',
  },
  {
    name: 'zero-width characters',
    criterionTitle: '零\u200b宽\u200c字\u200d符\ufeff',
    materialTitle: '照\u200b片\u2060',
  },
  {
    name: 'forbidden characters and markup',
    criterionTitle: 'a/b\\c:d*e?f"g<h>i|j',
    materialTitle: '<script>alert(1)</script>',
  },
  { name: 'trailing dots and spaces', criterionTitle: '报告. . .', materialTitle: '照片...  .' },
  { name: 'astral characters at the cut', criterionTitle: `a${'😀'.repeat(40)}`, materialTitle: `b${'𠀀'.repeat(60)}` },
  {
    name: 'control characters',
    criterionTitle: '标题\u0007\u001b[31m红\u0085',
    materialTitle: '照片\u0008\u007f\u009b',
  },
];

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/iu;
const UNSAFE = /[\\:*?"<>|\p{Cc}\p{Cf}]/u;

/**
 * The package as a receiver extracts it: every path safe on Windows and Linux (no `..`, no reserved name, no
 * forbidden, control or format character, no trailing dot or space, segments ≤ 60, paths ≤ 200, unique after case
 * folding), a folder for criterion `code`, and a 台账 without formulas nor text a spreadsheet would take for one.
 */
export async function assertPackageSafe(pkg: string, code: string, title: string): Promise<void> {
  const items = await readZip(pkg);
  const names = items.map((i) => i.name);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  for (const name of names) {
    expect(name.length, name).toBeLessThanOrEqual(MAX_PATH);
    for (const seg of name.split('/')) {
      expect(seg, name).not.toMatch(/^\.\.?$/u);
      expect(seg, name).not.toMatch(RESERVED);
      expect(seg, name).not.toMatch(UNSAFE);
      expect(seg, name).not.toMatch(/[. ]$/u);
      expect(seg.length, name).toBeLessThanOrEqual(MAX_SEGMENT);
      expect(seg, name).toBe(seg.normalize('NFC'));
      expect(seg, name).not.toMatch(/[\uD800-\uDBFF]$/u); // a surrogate pair never cut in half
    }
  }
  expect(
    names.some((n) => n.startsWith(`材料/${code}_`)),
    `a folder for ${code}`,
  ).toBe(true);
  expect(names).toEqual(expect.arrayContaining(['目录.pdf', '台账.xlsx']));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(items.find((i) => i.name === '台账.xlsx')!.bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  wb.getWorksheet('台账')!.eachRow((row) =>
    row.eachCell((cell) => {
      expect(cell.formula, `a formula in ${cell.address}`).toBeFalsy();
      if (typeof cell.value === 'string') texts.push(cell.value);
    }),
  );
  for (const t of texts) expect(t, 'a cell a spreadsheet would take for a formula').not.toMatch(/^[=+\-@\t\r]/u);
  expect(
    texts.some((t) => t.includes(code) || t.includes(title.trim().slice(0, 20))),
    `the 台账 names ${code}`,
  ).toBe(true);
}
