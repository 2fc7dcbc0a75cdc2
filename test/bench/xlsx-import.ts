// The 台账 import figure: a 250-row sheet with merged cells imported (read, mapped, built, written) ≤ 1 s
//   — baseline: xlsx2csv (Debian) converting the same file to CSV, process start included.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { call } from '../../electron/core/dispatch';
import { testCtx } from '../helpers/ctx';
import { writeLargeLedgerXlsx } from '../helpers/xlsx';
import { report, timeIt } from './report';

export async function benchXlsxImport(base: string): Promise<void> {
  const file = join(base, '台账250.xlsx');
  await writeLargeLedgerXlsx(file, 250);
  const { ctx } = testCtx(base);
  let n = 0;
  const ours = await timeIt(7, async () => {
    await call('workspace:create', { dir: join(base, `xlsx-ws-${n++}`), unit: '市教育局', year: 2026 }, ctx);
    const r = await call('catalog:import', { file }, ctx);
    if (r!.leaves !== 250) throw new Error(`imported ${r!.leaves} leaves`);
  });
  let baseline = Number.NaN;
  try {
    baseline = await timeIt(7, () => execFileSync('xlsx2csv', [file], { stdio: 'pipe' }));
  } catch {
    console.log('(xlsx2csv not installed: apt-get install xlsx2csv for the baseline)');
  }
  report('import 台账 .xlsx (250 rows, merged)', ours, baseline, 'xlsx2csv', 1000);
}
