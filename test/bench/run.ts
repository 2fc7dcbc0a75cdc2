// `npm run bench`: every issue's figures, each beside a standard tool measured in the same run (interleaved), then
// the report: test/bench/results.json, test/bench/RESULTS.md and the README's "Figures" section.
// `npm run bench -- check intake` runs only the named ones and updates only their figures.
// Each bench runs in a process of its own (this file again, with `--one <name> <out.json>`), so its peak RSS is its
// own and one bench failing leaves the others' figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Figure, figure, figures, peakRssMb, writeReport } from './report';

/** Each bench, imported only in its own process (its peak RSS is then its own). */
const BENCHES: Record<string, () => Promise<(dir: string) => Promise<void>>> = {
  foundation: async () => (await import('./foundation')).benchFoundation,
  xlsx: async () => (await import('./xlsx-import')).benchXlsxImport,
  intake: async () => (await import('./intake')).benchIntake,
  check: async () => (await import('./check')).benchCheck,
  package: async () => (await import('./package')).benchPackage,
  signoff: async () => (await import('./signoff')).benchSignoff,
  'signoff-review': async () => (await import('./signoff-review')).benchSignoffReview,
  backup: async () => (await import('./backup')).benchBackup,
  collection: async () => (await import('./collection')).benchCollection,
};

async function one(name: string, out: string): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), `wangbao-bench-${name}-`));
  try {
    await (
      await BENCHES[name]!()
    )(base);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  figure({ name: `peak RSS of the bench process: ${name}`, value: peakRssMb(), unit: 'MB' });
  writeFileSync(out, JSON.stringify(figures()));
}

async function all(wanted: string[]): Promise<void> {
  const unknown = wanted.filter((w) => !(w in BENCHES));
  if (unknown.length > 0)
    throw new Error(`no bench ${unknown.join(', ')} (there are ${Object.keys(BENCHES).join(', ')})`);
  const names = Object.keys(BENCHES).filter((n) => wanted.length === 0 || wanted.includes(n));
  const dir = mkdtempSync(join(tmpdir(), 'wangbao-bench-out-'));
  const fresh: Figure[] = [];
  const ran: string[] = [];
  const failed: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const name of names) {
      console.log(`\n== ${name}`);
      const out = join(dir, `${name}.json`);
      const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', name, out], {
        stdio: 'inherit',
      });
      if (r.status !== 0) {
        failed.push(name);
        continue;
      }
      fresh.push(...(JSON.parse(readFileSync(out, 'utf8')) as Figure[]));
      ran.push(name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (ran.length > 0) await writeReport(fresh, ran, wanted.length === 0 && failed.length === 0);
  console.log(`\nreport: test/bench/results.json, test/bench/RESULTS.md, README "Figures" (${ran.join(', ')})`);
  if (failed.length > 0) {
    console.error(`failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

const args = process.argv.slice(2);
if (args[0] === '--one') await one(args[1]!, args[2]!);
else await all(args);
