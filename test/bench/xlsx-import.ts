// The 台账 import figure: a 250-row sheet with merged cells imported (read, mapped, built, written) ≤ 1 s
//   — baseline: xlsx2csv (Debian) converting the same file to CSV, process start included.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { call } from '../../electron/core/dispatch';
import { testCtx } from '../helpers/ctx';
import { writeLargeLedgerXlsx } from '../helpers/xlsx';
import { figure, has, interleaved } from './report';

export async function benchXlsxImport(base: string): Promise<void> {
  const file = join(base, '台账250.xlsx');
  await writeLargeLedgerXlsx(file, 250);
  const { ctx } = testCtx(base);
  let n = 0;
  const xlsx2csv = has('xlsx2csv');
  if (!xlsx2csv) console.log('(xlsx2csv not installed: apt-get install xlsx2csv for the baseline)');
  const p = await interleaved(
    7,
    async () => {
      await call('workspace:create', { dir: join(base, `xlsx-ws-${n++}`), unit: '市教育局', year: 2026 }, ctx);
      const r = await call('catalog:import', { file }, ctx);
      if (r!.leaves !== 250) throw new Error(`imported ${r!.leaves} leaves`);
    },
    xlsx2csv ? () => execFileSync('xlsx2csv', [file], { stdio: 'pipe' }) : null,
  );
  figure({
    name: 'import a 250-row 台账 .xlsx with merged cells',
    value: p.ours,
    unit: 'ms',
    baseline: 'xlsx2csv converting the same file',
    baselineValue: p.baseline,
    ratio: p.ratio,
    within: { atMost: 1000 },
  });
}
