// The backup figure, beside the standard tool in the same run:
//   a daily backup of an unchanged workspace into its backup folder ≤ 1.2× the time of `rsync -a` of the workspace
//   folder into an up-to-date copy.
// The workspace: 500 materials of 3 MB of random bytes (1.5 GB, incompressible like photos), each with a 20 KB
// thumbnail as intake makes them — generated here, not 10 GB. Ours is measured as the app runs it (the scheduler in
// the open app: `writeBackupFolder`, the workspace already open), each run a day later than the last so each is a
// new daily snapshot (online database backup, integrity check, a stat of every stored file, manifest, syncs,
// read-back, retention); the built CLI (process start and workspace open included) is measured beside it. Pairs are
// interleaved (ours, rsync, ours, rsync …) so a busy moment of the machine falls on both; the median ratio is the
// figure. The first backup is set beside `rsync -a` into an empty folder, the weekly full re-hash of the store beside
// `sha256sum` of the same files.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeBackupFolder } from '../../electron/core/backup/write-backup-folder';
import { thumbPath } from '../../electron/core/intake/attach';
import { memoryLogger } from '../../electron/core/log';
import { Workspace } from '../../electron/core/workspace/workspace';
import { figure, interleaved } from './report';
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
    const label = `${gb.toFixed(1)} GB workspace (${n} × ${size / MB} MB)`;
    const folder = join(base, '网报通备份');
    const copy = join(base, 'rsync-copy');
    // The first backups 6 days ago (each into a fresh folder and copy; the last ones are kept), the daily pairs on
    // the days since, the CLI's today (its own clock): none of them falls a week after the first, which does the
    // weekly full check; the weekly pairs, 8 days apart from 2 days on, each do it.
    let day = new Date(Date.now() - 6 * DAY);
    const next = (): Date => (day = new Date(day.getTime() + DAY));
    const opts = (now: Date) => ({
      now,
      appVersion: 'bench',
      handoverTo: null,
      scrub: null,
      log: memoryLogger(),
      holdsLock: true,
    });
    const first = await interleaved(
      3,
      {
        self: () => {
          rmSync(folder, { recursive: true, force: true });
          return time(() => writeBackupFolder(ws, folder, opts(day)));
        },
      },
      {
        self: () => {
          rmSync(copy, { recursive: true, force: true });
          return time(() => execFileSync('rsync', ['-a', `${dir}/`, `${copy}/`]));
        },
      },
    );
    figure({
      name: `first backup of a ${label} (copied, hashed, synced, re-hashed)`,
      value: first.ours,
      unit: 'ms',
      baseline: 'rsync -a (no hash, no sync)',
      baselineValue: first.baseline,
      ratio: first.ratio,
    });

    let copied = 0;
    const daily = await interleaved(
      PAIRS,
      async () => (copied += (await writeBackupFolder(ws, folder, opts(next()))).blobsCopied),
      () => execFileSync('rsync', ['-a', `${dir}/`, `${copy}/`]),
    );
    figure({
      name: `daily backup of that unchanged ${gb.toFixed(1)} GB workspace, in the open app`,
      value: daily.ours,
      unit: 'ms',
      baseline: 'rsync -a into an up-to-date copy',
      baselineValue: daily.baseline,
      ratio: daily.ratio,
      ratioWithin: { atMost: 1.2 },
      note: `pairs ${daily.ratios.map((x) => x.toFixed(2)).join(' ')}; blobs copied ${copied}`,
    });

    // The same through the built CLI (a process of its own: start, open the workspace read-only, back up).
    const env = { ...process.env, WANGBAO_USER_DATA: join(base, 'user-data') };
    const cli = await interleaved(
      3,
      () => {
        const r = spawnSync(process.execPath, [CLI, 'backup', dir, folder, '--json'], { env, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
      },
      () => execFileSync('rsync', ['-a', `${dir}/`, `${copy}/`]),
    );
    figure({
      name: 'the same daily backup through the built CLI (process start and open included)',
      value: cli.ours,
      unit: 'ms',
      baseline: 'rsync -a into an up-to-date copy',
      baselineValue: cli.baseline,
      ratio: cli.ratio,
    });

    // The weekly full re-hash: a backup a week after the last full check hashes every stored file.
    day = new Date(Date.now() + 2 * DAY);
    const files = shas.map((s) => join(folder, 'blobs', s.slice(0, 2), s.slice(2)));
    const weekly = await interleaved(
      3,
      async () => {
        await writeBackupFolder(ws, folder, opts(day));
        day = new Date(day.getTime() + 8 * DAY);
      },
      () => execFileSync('sha256sum', files, { stdio: 'pipe', maxBuffer: 1 << 26 }),
    );
    figure({
      name: 'weekly backup of that workspace, the store re-hashed in full',
      value: weekly.ours,
      unit: 'ms',
      baseline: 'sha256sum of the stored blobs',
      baselineValue: weekly.baseline,
      ratio: weekly.ratio,
    });
  } finally {
    ws.close();
  }
}
