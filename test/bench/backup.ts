// The backup figure, beside the standard tool in the same run:
//   a daily backup of an unchanged workspace into its backup folder ≤ 1.2× the time of `rsync -a` of the workspace
//   folder into an up-to-date copy.
// The workspace: 500 materials of 3 MB of random bytes (1.5 GB, incompressible like photos), each with a 20 KB
// thumbnail as intake makes them — generated here, not 10 GB. Ours is measured as the app runs it (the scheduler in
// the open app: `writeBackupFolder`, the workspace already open), each run a day later than the last so each is a
// new daily snapshot (online database backup, integrity check, a stat of every stored file, manifest, syncs,
// read-back, retention); the built CLI (process start and workspace open included) is printed beside it. Pairs are
// interleaved (rsync, ours, rsync, ours…) so a busy moment of the machine falls on both; the median ratio is the
// figure. The weekly full re-hash of the store is printed against `sha256sum` of the same files.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeBackupFolder } from '../../electron/core/backup/write-backup-folder';
import { thumbPath } from '../../electron/core/intake/attach';
import { memoryLogger } from '../../electron/core/log';
import { Workspace } from '../../electron/core/workspace/workspace';
import { median } from './report';
import { workspaceOf } from './package';

const CLI = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
const MB = 2 ** 20;
/** Pairs over 5 days after the first backup: the weekly full check (7 days on) stays out of them. */
const PAIRS = 5;
const DAY = 86_400_000;

const time = async (fn: () => unknown): Promise<number> => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

export async function benchBackup(base: string): Promise<void> {
  const n = 500;
  const size = 3 * MB;
  const { ws: dir } = await workspaceOf(base, n, size);
  const ws = await Workspace.open(dir);
  try {
    const shas = ws.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[];
    for (const sha of shas) {
      const thumb = thumbPath(ws, sha);
      mkdirSync(dirname(thumb), { recursive: true });
      writeFileSync(thumb, randomBytes(20 * 1024));
    }
    const gb = (n * size) / 2 ** 30;
    const folder = join(base, '网报通备份');
    const copy = join(base, 'rsync-copy');
    // The first backup 6 days ago, the pairs on the days since, the CLI's today (its own clock): none of them falls
    // a week after the first, which does the weekly full check; the last backup, 2 days on, does it.
    let day = new Date(Date.now() - 7 * DAY);
    const next = (): Date => (day = new Date(day.getTime() + DAY));
    const opts = () => ({
      now: next(),
      appVersion: 'bench',
      handoverTo: null,
      scrub: null,
      log: memoryLogger(),
      holdsLock: true,
    });
    const firstOurs = await time(() => writeBackupFolder(ws, folder, opts()));
    const firstRsync = await time(() => execFileSync('rsync', ['-a', `${dir}/`, `${copy}/`]));
    console.log(
      `${`first backup of ${gb.toFixed(1)} GB (${n} × ${size / MB} MB)`.padEnd(38)} ours ${(firstOurs / 1000).toFixed(1).padStart(6)} s   rsync -a ${(firstRsync / 1000).toFixed(1).padStart(6)} s   (copies everything; not the figure)`,
    );

    const ours: number[] = [];
    const rsync: number[] = [];
    const ratios: number[] = [];
    let copied = 0;
    for (let i = 0; i < PAIRS; i++) {
      const r = await time(() => execFileSync('rsync', ['-a', `${dir}/`, `${copy}/`]));
      let result: Awaited<ReturnType<typeof writeBackupFolder>> | undefined;
      const o = await time(async () => (result = await writeBackupFolder(ws, folder, opts())));
      copied += result!.blobsCopied;
      rsync.push(r);
      ours.push(o);
      ratios.push(o / r);
    }
    const ratio = median(ratios);
    console.log(
      `${`daily backup, unchanged ${gb.toFixed(1)} GB`.padEnd(38)} ours ${median(ours).toFixed(0).padStart(6)} ms   rsync -a (up to date) ${median(rsync).toFixed(0).padStart(6)} ms   ratio ${ratio.toFixed(2)}× (pairs ${ratios.map((x) => x.toFixed(2)).join(' ')})   target ≤ 1.2×: ${ratio <= 1.2 ? 'OK' : 'MISSED'}   blobs copied ${copied}`,
    );

    // The same through the built CLI (a process of its own: start, open the workspace read-only, back up).
    const env = { ...process.env, WANGBAO_USER_DATA: join(base, 'user-data') };
    const cliMs = await time(() => {
      const r = spawnSync(process.execPath, [CLI, 'backup', dir, folder, '--json'], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
    });
    console.log(
      `${'  the same with the built CLI'.padEnd(38)} ${cliMs.toFixed(0).padStart(6)} ms (process start and open included)`,
    );

    // The weekly full re-hash: a backup a week after the last full check hashes every stored file.
    day = new Date(Date.now() + DAY);
    const weekly = await time(() => writeBackupFolder(ws, folder, opts()));
    const files = shas.map((s) => join(folder, 'blobs', s.slice(0, 2), s.slice(2)));
    const sum = await time(() => execFileSync('sha256sum', files, { stdio: 'pipe', maxBuffer: 1 << 26 }));
    console.log(
      `${'weekly backup (store re-hashed in full)'.padEnd(38)} ours ${(weekly / 1000).toFixed(1).padStart(6)} s   sha256sum of the stored blobs ${(sum / 1000).toFixed(1).padStart(6)} s`,
    );
  } finally {
    ws.close();
  }
}
