import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { listSnapshots } from '../../electron/core/backup/folder-store';
import { openBackup, readAll } from '../../electron/core/backup/read-backup';
import { restoreBackup } from '../../electron/core/backup/restore';
import { writeBackupFile } from '../../electron/core/backup/write-backup-file';
import { writeBackupFolder } from '../../electron/core/backup/write-backup-folder';
import { memoryLogger } from '../../electron/core/log';
import { Workspace } from '../../electron/core/workspace/workspace';
import type { CrashOp } from './ops';
import { assertSound } from './sound';

/** Every file of a backup reads back as its manifest says. */
async function readsWhole(path: string, snapshot?: string): Promise<void> {
  const src = await openBackup(path, snapshot);
  try {
    expect(await readAll(src)).toEqual([]);
  } finally {
    src.close();
  }
}

const quiet = { appVersion: 'crash-test', handoverTo: null, scrub: null, log: memoryLogger(), holdsLock: true };

/**
 * After a killed backup or restore (the workspace itself is checked by `assertSound`): a `.wbbak` is absent or
 * whole; every snapshot a backup folder lists is whole; a restore's target is absent or a sound workspace with the
 * backup's materials. Then the same operation again, in this process, must succeed and leave no leftover of the
 * killed one (temp files, unfinished snapshots, staging folders).
 */
export async function assertBackupSound(op: CrashOp, ws: string, target: string, source: string): Promise<void> {
  if (op === 'backup') {
    if (existsSync(target)) await readsWhole(target);
    const w = await Workspace.open(ws);
    try {
      await writeBackupFile(w, target, { ...quiet, now: new Date() });
    } finally {
      w.close();
    }
    await readsWhole(target);
    expect(readdirSync(dirname(target)).filter((n) => n.includes('.partial'))).toEqual([]);
  }
  if (op === 'backup-folder') {
    for (const s of await listSnapshots(target)) await readsWhole(target, s.id);
    const w = await Workspace.open(ws);
    try {
      await writeBackupFolder(w, target, { ...quiet, now: new Date() });
    } finally {
      w.close();
    }
    expect(readdirSync(join(target, 'snapshots')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(target, 'blobs', 'tmp'))).toEqual([]);
    for (const s of await listSnapshots(target)) await readsWhole(target, s.id);
  }
  if (op === 'restore') {
    const src = await openBackup(source);
    const expected = src.manifest.counts.materials;
    src.close();
    if (existsSync(target)) {
      await assertSound(target, []);
      const w = await Workspace.open(target, { access: 'read' });
      expect(w.db.prepare('SELECT COUNT(*) FROM materials WHERE deleted_at IS NULL').pluck().get()).toBe(expected);
      w.close();
    } else {
      const r = await restoreBackup(source, target, { log: memoryLogger() });
      expect(r.materials).toBe(expected);
    }
    expect(readdirSync(dirname(target)).filter((n) => n.includes('.restoring-'))).toEqual([]);
  }
}
