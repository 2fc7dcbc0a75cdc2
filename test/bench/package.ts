// The package's figures, side by side in one run:
//   export of ≥ 2 GB of materials at ≥ 0.9× the throughput of `zip -r -0` on the same files (the built CLI: start,
//   check, documents, write, sync, rename and the read-back verify included), peak RSS ≤ 300 MB and flat when the
//   size doubles;
//   verify at ≥ 0.9× the throughput of `sha256sum` on the same files.
// Materials are 4 MB of random bytes each (incompressible, like the photos and PDFs units hand in), put straight
// into the blob store and the database: intake is measured by its own bench.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../electron/core/dispatch';
import { requireCriterion } from '../../electron/core/catalog/criteria-repo';
import { insertMaterial } from '../../electron/core/materials/materials-repo';
import { testCtx } from '../helpers/ctx';

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
    const zipOut = join(base, 'zip.zip');
    const ours = join(base, 'ours.zip');
    // zip is given the blob files themselves (the same bytes ours reads), from their store folder.
    const t = performance.now();
    execFileSync('zip', ['-q', '-r', '-0', zipOut, 'blobs'], { cwd: ws });
    const zipMs = performance.now() - t;
    rmSync(zipOut, { force: true });
    const exp = timed(process.execPath, [CLI, 'export', ws, ours, '--json'], env);
    peaks.push(exp.rssMb);
    const ratio = zipMs / exp.ms;
    console.log(
      `${`export ${gb.toFixed(1)} GB (${n} × ${size / MB} MB)`.padEnd(38)} ours ${(exp.ms / 1000).toFixed(1).padStart(6)} s   zip -r -0 ${(zipMs / 1000).toFixed(1).padStart(6)} s   throughput ratio ${ratio.toFixed(2)}×   target ≥ 0.9×: ${ratio >= 0.9 ? 'OK' : 'MISSED'}   peak RSS ${exp.rssMb.toFixed(0)} MB (≤ 300: ${exp.rssMb <= 300 ? 'OK' : 'MISSED'})`,
    );
    const ver = timed(process.execPath, [CLI, 'verify', ours, '--json'], env);
    const shaT = performance.now();
    execFileSync('sha256sum', blobs, { stdio: 'pipe', maxBuffer: 1 << 26 });
    const shaMs = performance.now() - shaT;
    const vr = shaMs / ver.ms;
    console.log(
      `${`verify ${gb.toFixed(1)} GB`.padEnd(38)} ours ${(ver.ms / 1000).toFixed(1).padStart(6)} s   sha256sum ${(shaMs / 1000).toFixed(1).padStart(6)} s   throughput ratio ${vr.toFixed(2)}×   target ≥ 0.9×: ${vr >= 0.9 ? 'OK' : 'MISSED'}   peak RSS ${ver.rssMb.toFixed(0)} MB`,
    );
    rmSync(ours, { force: true });
    rmSync(ws, { recursive: true, force: true });
  }
  const growth = peaks[1]! - peaks[0]!;
  console.log(
    `${'export peak RSS, bytes doubled'.padEnd(38)} ${peaks[0]!.toFixed(0)} MB → ${peaks[1]!.toFixed(0)} MB   growth ${growth.toFixed(0)} MB (flat, under 10 %: ${growth <= peaks[0]! / 10 ? 'OK' : 'MISSED'}); with twice the materials: ${peaks[2]!.toFixed(0)} MB`,
  );
}
