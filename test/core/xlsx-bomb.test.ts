import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../electron/core/catalog/load-source';
import { readLedgerSheet } from '../../electron/core/office/read-sheet';
import { AppError } from '@shared/ipc/errors';
import { BUILT_CLI, cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';
import { numberRows, sharedStringsXml, worksheetXml, writeLedgerXlsx, writeRawXlsx } from '../helpers/xlsx';

/** The 10-million-cell bomb of the issue: 100,000 rows × 100 columns in a file of under a megabyte. */
async function tenMillionCells(dir: string, dimension?: string): Promise<string> {
  const file = join(dir, '台账.xlsx');
  await writeRawXlsx(file, {
    sheets: [{ name: '台账', xml: worksheetXml({ dimension, rows: numberRows(100_000, 100) }) }],
  });
  return file;
}

interface Refused {
  message: string;
  ms: number;
  /**
   * How long this thread's event loop was busy during the read, in ms: milliseconds when the read is in the worker
   * (reading the file, hashing it, handing it over), the whole read — tens of seconds for a bomb — when it is not.
   */
  busyMs: number;
  /**
   * Peak growth of this process's RSS during the read (the worker thread's memory included), in MB, sampled on this
   * thread: meaningful only while the read leaves it free, which `busyMs` checks.
   */
  rssGrowthMb: number;
}

/** Loads a file core's way (in the worker, from source here) and returns the refusal with what the read cost. */
async function refused(file: string): Promise<Refused> {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const elu0 = performance.eventLoopUtilization();
  const t = performance.now();
  const e = await loadSource(file, {}).then(
    () => undefined,
    (x: unknown) => x,
  );
  const ms = performance.now() - t;
  const busyMs = performance.eventLoopUtilization(elu0).active;
  clearInterval(sampler);
  expect(e).toBeInstanceOf(AppError);
  const { message } = e as AppError;
  expect(message).not.toContain('可能已损坏');
  return { message, ms, busyMs, rssGrowthMb: (peak - rss0) / 2 ** 20 };
}

const TOO_LARGE =
  /^表格过大（工作表“台账”(有|至少有) (\d+) 行 × (\d+) 列），超过上限（最多 50000 行、100 万个单元格），不像是台账。请用 Excel 或 WPS 打开它，删除表格下方和右侧多余的行和列/u;

describe('.xlsx decompression bombs are refused in moments, with the size in Chinese', () => {
  it('10 million cells (a file under 1 MB): the built CLI refuses it within 30 s, under 800 MB peak RSS', async () => {
    const base = tmpDir();
    const file = await tenMillionCells(base);
    const ws = join(base, 'ws');
    expect(cli(['init', ws, '--json'], base).code).toBe(0);
    const t = performance.now();
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, BUILT_CLI, 'catalog', 'import', ws, file, '--json'],
      { encoding: 'utf8', env: { ...process.env, WANGBAO_USER_DATA: base } },
    );
    const seconds = (performance.now() - t) / 1000;
    const peakMb = Number(run.stderr.trim().split('\n').at(-1)) / 1024;
    console.log(`10M-cell bomb, built CLI: ${seconds.toFixed(2)} s, peak RSS ${peakMb.toFixed(0)} MB`);
    expect(run.status).toBe(1);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('catalog-invalid');
    expect(error.message).toMatch(TOO_LARGE);
    expect(error.message).toContain('至少有 10001 行 × 100 列');
    expect(seconds).toBeLessThan(30);
    expect(peakMb).toBeLessThan(800);
    expect(cli(['catalog', 'list', ws, '--json'], base).json().criteria).toEqual([]);
  });

  it('10 million cells from source: read in the worker thread, not on core’s', async () => {
    const r = await refused(await tenMillionCells(tmpDir()));
    console.log(
      `10M-cell bomb, from source: ${r.ms.toFixed(0)} ms, this thread busy ${r.busyMs.toFixed(0)} ms, ` +
        `RSS growth ${r.rssGrowthMb.toFixed(0)} MB`,
    );
    expect(r.message).toMatch(TOO_LARGE);
    expect(r.busyMs).toBeLessThan(2000);
    expect(r.rssGrowthMb).toBeLessThan(800);
    expect(r.ms).toBeLessThan(30_000);
  });

  it('a declared dimension of A1:XFD1048576: refused before any row is read, with the declared size', async () => {
    const r = await refused(await tenMillionCells(tmpDir(), 'A1:XFD1048576'));
    expect(r.message).toMatch(TOO_LARGE);
    expect(r.message).toContain('工作表“台账”有 1048576 行 × 16384 列');
    expect(r.busyMs).toBeLessThan(2000);
  });

  it('shared strings inflating to 535 MB: refused from the central directory, nothing inflated', async () => {
    const file = join(tmpDir(), '台账.xlsx');
    await writeRawXlsx(file, {
      sheets: [{ name: '台账', xml: worksheetXml({ rows: ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'] }) }],
      sharedStrings: sharedStringsXml(20_000_000, '测评标准'),
    });
    const r = await refused(file);
    expect(r.message).toMatch(/^表格过大（表格中的文字解压后有 535 MB，上限 32 MB），不像是台账。/u);
    expect(r.busyMs).toBeLessThan(2000);
  });

  it('16,384 columns: refused once a million cells are read; a stray cell in column XFD is ignored', async () => {
    const base = tmpDir();
    const wide = join(base, 'wide.xlsx');
    await writeRawXlsx(wide, { sheets: [{ name: '台账', xml: worksheetXml({ rows: numberRows(100, 16_384) }) }] });
    const r = await refused(wide);
    expect(r.message).toMatch(TOO_LARGE);
    expect(r.message).toContain('至少有 62 行 × 16384 列');

    // Within the limits: a 台账 with something typed far to the right imports exactly like the same 台账 without.
    const plain = join(base, '台账.xlsx');
    await writeLedgerXlsx(plain);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plain);
    wb.getWorksheet('台账')!.getCell('XFD5').value = '多余';
    const stray = join(base, '台账-XFD.xlsx');
    await wb.xlsx.writeFile(stray);
    const expected = (await loadSource(plain, {})).preview;
    expect({ ...(await loadSource(stray, {})).preview, file: plain }).toEqual(expected);
  });

  it('100,000 rows: refused at row 50,001, or at once when the dimension declares them', async () => {
    const base = tmpDir();
    const rows = (dimension?: string) => worksheetXml({ dimension, rows: numberRows(100_000, 10) });
    const undeclared = join(base, 'rows.xlsx');
    await writeRawXlsx(undeclared, { sheets: [{ name: '台账', xml: rows() }] });
    expect((await refused(undeclared)).message).toContain('至少有 50001 行 × 10 列');
    const declared = join(base, 'rows-declared.xlsx');
    await writeRawXlsx(declared, { sheets: [{ name: '台账', xml: rows('A1:J100000') }] });
    expect((await refused(declared)).message).toContain('有 100000 行 × 10 列');
  });

  it('a merge over the whole sheet (a 1 KB file exceljs would fill with 17 billion cells)', async () => {
    const file = join(tmpDir(), '台账.xlsx');
    const merge = worksheetXml({
      rows: ['<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>'],
      merges: ['A1:XFD1048576'],
    });
    await writeRawXlsx(file, { sheets: [{ name: '台账', xml: merge }] });
    expect((await refused(file)).message).toMatch(TOO_LARGE);
  });
});

describe('.xlsx within the limits: the cells read as before', () => {
  it('dates, numbers, formulas, rich text, hyperlinks, merges, inline strings, escapes', async () => {
    const base = tmpDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 9, 31));
    ws.getCell('A2').value = 45961;
    ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('A3').value = 1.5;
    ws.getCell('A4').value = true;
    ws.getCell('A5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('B1').value = { formula: 'A3*2', result: 3 };
    ws.getCell('B2').value = { formula: 'A3*0', result: 0 };
    ws.getCell('B3').value = { formula: '"甲"&"乙"', result: '甲乙' };
    ws.getCell('B4').value = { formula: 'TODAY()', result: new Date(Date.UTC(2025, 4, 1)) };
    ws.getCell('B5').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('C1').value = { richText: [{ text: '测评', font: { bold: true } }, { text: '标准' }] };
    ws.getCell('C2').value = { text: '链接文字', hyperlink: 'http://example.invalid/' };
    ws.getCell('C3').value = '第一行\n第二行';
    ws.getCell('D1').value = { richText: [{ text: '合并' }, { text: '的主格' }] };
    ws.mergeCells('D1:E2');
    ws.getCell('F1').style = { font: { bold: true } };
    const file = join(base, 'kinds.xlsx');
    await wb.xlsx.writeFile(file);
    const { sheetNames, grid } = await readLedgerSheet(readFileSync(file), file);
    expect(sheetNames).toEqual(['台账']);
    const text = grid.rows.map((r) => r.map((c) => c.text));
    // F1 is styled, empty: a kept cell, so the grid reaches column F (as exceljs's columnCount did).
    expect(text).toEqual([
      ['2025-10-31', '3', '测评标准', '合并的主格', '合并的主格', ''],
      ['2025-10-31', '0', '链接文字', '合并的主格', '合并的主格', ''],
      ['1.5', '甲乙', '第一行\n第二行', '', '', ''],
      ['true', '2025-05-01', '', '', '', ''],
      ['', '', '', '', '', ''],
    ]);
    expect(grid.rows[1]!.map((c) => c.master)).toEqual(['A2', 'B2', 'C2', 'D1', 'D1', 'F2']);

    // What other writers do: inline strings (rich or not), cells without a reference, escapes in shared strings.
    const raw = join(base, 'raw.xlsx');
    await writeRawXlsx(raw, {
      sheets: [
        {
          name: '手写',
          xml: worksheetXml({
            rows: [
              '<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c><c t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>',
            ],
          }),
        },
      ],
      sharedStrings:
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a_x000A_b</t></si>' +
        '<si><t>注音</t><rPh sb="0" eb="1"><t>zhuyin</t></rPh></si></sst>',
    });
    const r = await readLedgerSheet(readFileSync(raw), raw);
    expect(r.grid.rows.map((row) => row.map((c) => c.text))).toEqual([['内联', '富文本', 'a\nb', '注音']]);
  });
});
