// The package's figures, side by side in one run:
//   export of ≥ 2 GB of materials at ≥ 0.9× the throughput of `zip -r -0` on the same files (the built CLI: start,
//   check, documents, write, sync, rename and the read-back verify included), peak RSS ≤ 300 MB and flat when the
//   size doubles;
//   verify at ≥ 0.9× the throughput of `sha256sum` on the same files.
// Materials are 4 MB of random bytes each (incompressible, like the photos and PDFs units hand in), put straight
// into the blob store and the database: intake is measured by its own bench. Three interleaved pairs each.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../electron/core/dispatch';
import { requireCriterion } from '../../electron/core/catalog/criteria-repo';
import { insertMaterial } from '../../electron/core/materials/materials-repo';
import { testCtx } from '../helpers/ctx';
import { figure, interleaved } from './report';

const CLI = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const MB = 2 ** 20;
/** A workspace holding `n` materials of `size` bytes spread over the demo's criteria. */
export async function workspaceOf(base: string, n: number, size: number): Promise<{ ws: string; blobs: string[] }> {
  const { ctx } = testCtx(base);
  const ws = join(base, `ws${n}x${size}`);
  await call('workspace:create', { dir: ws, unit: '市教育局', year: 2026, demo: true }, ctx);
  const w = ctx.session.workspace!;
  const codes = (await call('catalog:list', {}, ctx)).criteria
    .filter((c) => c.leaf && c.needsMaterial)
    .map((c) => c.code);
  const tmp = join(base, 'one.bin');
  const blobs: string[] = [];
  for (let i = 0; i < n; i++) {
    writeFileSync(tmp, randomBytes(size));
    const put = await w.store.putFile(tmp);
    blobs.push(w.store.path(put.sha256));
    insertMaterial(w.db, {
      id: randomUUID(),
      criterionId: requireCriterion(w.db, codes[i % codes.length]!).id,
      sha256: put.sha256,
      bytes: put.bytes,
      kind: 'photo',
      title: `现场照片 ${i + 1}`,
      caption: null,
      eventDate: '2026-03-12',
      month: '2026-03',
      fileName: `IMG_${i + 1}.jpg`,
      createdAt: new Date().toISOString(),
      facts: { mime: 'image/jpeg', bytes: put.bytes },
    });
  }
  rmSync(tmp);
  await call('workspace:close', {}, ctx);
  return { ws, blobs };
}

/** Wall time (ms) and peak RSS (MB, GNU time) of a command. */
function timed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; rssMb: number; out: string } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return { ms, rssMb: Number(r.stderr.trim().split('\n').at(-1)) / 1024, out: r.stdout };
}

export async function benchPackage(base: string): Promise<void> {
  const env = { ...process.env, WANGBAO_USER_DATA: join(base, 'user-data') };
  const peaks: number[] = [];
  // The same 500 materials at 4 and at 8 MB (the bytes double, the documents stay the same: streaming must keep
  // memory flat), then 1000 of 4 MB (more materials: the documents and the check grow with their number).
  for (const [n, size] of [
    [500, 4 * MB],
    [500, 8 * MB],
    [1000, 4 * MB],
  ] as const) {
    const { ws, blobs } = await workspaceOf(base, n, size);
    const gb = (n * size) / 2 ** 30;
    const label = `${gb.toFixed(1)} GB (${n} × ${size / MB} MB)`;
    const rate = (ms: number) => (n * size) / MB / (ms / 1000);
    const zipOut = join(base, 'zip.zip');
    const ours = join(base, 'ours.zip');
    // zip is given the blob files themselves (the same bytes ours reads), from their store folder. The last export
    // is kept for verify.
    const exportRss: number[] = [];
    const exp = await interleaved(
      3,
      {
        self: () => {
          rmSync(ours, { force: true });
          const r = timed(process.execPath, [CLI, 'export', ws, ours, '--json'], env);
          exportRss.push(r.rssMb);
          return r.ms;
        },
      },
      () => {
        execFileSync('zip', ['-q', '-r', '-0', zipOut, 'blobs'], { cwd: ws });
        rmSync(zipOut, { force: true });
      },
    );
    figure({
      name: `export of ${label}, built CLI (rate; ratio > 1 is faster)`,
      value: rate(exp.ours),
      unit: 'MB/s',
      baseline: 'zip -r -0 of the same blob files',
      baselineValue: rate(exp.baseline),
      ratio: 1 / exp.ratio,
      rate: true,
      // Issue 18 raised it from 0.9×: the export must keep up with zip -r -0 in the same run.
      ratioWithin: { atLeast: 1 },
      goal: "≥ 1.0× zip -r -0's rate",
      note: `${(exp.ours / 1000).toFixed(1)} s vs ${(exp.baseline / 1000).toFixed(1)} s`,
    });
    peaks.push(Math.max(...exportRss));
    figure({
      name: `peak RSS of the export of ${label} (the most of ${exportRss.length} runs)`,
      value: peaks.at(-1)!,
      unit: 'MB',
      within: { atMost: 300 },
    });
    const verifyRss: number[] = [];
    const ver = await interleaved(
      3,
      {
        self: () => {
          const r = timed(process.execPath, [CLI, 'verify', ours, '--json'], env);
          verifyRss.push(r.rssMb);
          return r.ms;
        },
      },
      () => execFileSync('sha256sum', blobs, { stdio: 'pipe', maxBuffer: 1 << 26 }),
    );
    figure({
      name: `verify of the package of ${label}, built CLI (rate; ratio > 1 is faster)`,
      value: rate(ver.ours),
      unit: 'MB/s',
      baseline: 'sha256sum of the same files',
      baselineValue: rate(ver.baseline),
      ratio: 1 / ver.ratio,
      rate: true,
      ratioWithin: { atLeast: 0.9 },
      goal: "≥ 0.9× sha256sum's rate",
      note: `${(ver.ours / 1000).toFixed(1)} s vs ${(ver.baseline / 1000).toFixed(1)} s`,
    });
    figure({
      name: `peak RSS of the verify of ${label} (the most of ${verifyRss.length} runs)`,
      value: Math.max(...verifyRss),
      unit: 'MB',
    });
    rmSync(ours, { force: true });
    rmSync(ws, { recursive: true, force: true });
  }
  figure({
    name: 'export peak RSS when the bytes double at the same count (growth)',
    value: (peaks[1]! / peaks[0]! - 1) * 100,
    unit: '%',
    within: { atMost: 10 },
    goal: 'flat: ≤ +10 %',
    note: `${peaks[0]!.toFixed(0)} MB → ${peaks[1]!.toFixed(0)} MB`,
  });
}
