// `npm run bench`: every issue's figures, each beside a standard tool measured in the same run.
// `npm run bench -- check intake` runs only the named ones.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBackup } from './backup';
import { benchCheck } from './check';
import { benchFoundation } from './foundation';
import { benchIntake } from './intake';
import { benchPackage } from './package';
import { benchSignoff } from './signoff';
import { benchSignoffReview } from './signoff-review';
import { benchXlsxImport } from './xlsx-import';

const base = mkdtempSync(join(tmpdir(), 'wangbao-bench-'));
const BENCHES: Record<string, (dir: string) => Promise<void>> = {
  foundation: benchFoundation,
  xlsx: benchXlsxImport,
  intake: benchIntake,
  check: benchCheck,
  package: benchPackage,
  signoff: benchSignoff,
  'signoff-review': benchSignoffReview,
  backup: benchBackup,
};
const wanted = process.argv.slice(2);
try {
  for (const [name, run] of Object.entries(BENCHES)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    mkdirSync(join(base, name));
    await run(join(base, name));
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}
