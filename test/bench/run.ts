// `npm run bench`: every issue's figures, each beside a standard tool measured in the same run.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchFoundation } from './foundation';
import { benchIntake } from './intake';
import { benchXlsxImport } from './xlsx-import';

const base = mkdtempSync(join(tmpdir(), 'wangbao-bench-'));
try {
  mkdirSync(join(base, 'foundation'));
  mkdirSync(join(base, 'xlsx'));
  mkdirSync(join(base, 'intake'));
  await benchFoundation(join(base, 'foundation'));
  await benchXlsxImport(join(base, 'xlsx'));
  await benchIntake(join(base, 'intake'));
} finally {
  rmSync(base, { recursive: true, force: true });
}
