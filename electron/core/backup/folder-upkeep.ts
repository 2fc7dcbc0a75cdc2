import { rm } from 'node:fs/promises';
import type { Logger } from '../log';
import { hashFile } from '../store/blob-store';
import { collectGarbage, deleteSnapshot, listSnapshots, objectPath, storedObjects } from './folder-store';
import { snapshotsToKeep } from './retention';

/**
 * The weekly full check: hashes every file of the store not already hashed by this backup (`checked`); a file
 * whose bytes are not its name is removed, so the next backup that needs it copies it again instead of trusting its
 * size. Returns how many were removed.
 */
export async function checkFullStore(store: string, checked: Set<string>): Promise<number> {
  let removed = 0;
  for (const sha of await storedObjects(store)) {
    if (checked.has(sha)) continue;
    const path = objectPath(store, sha);
    const r = await hashFile(path).catch(() => null);
    if (r?.sha256 === sha) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Applies the retention to this workspace's snapshots (other workspaces sharing the folder keep theirs), then
 * removes the files no snapshot names any more: those of the snapshots deleted, or with `everyFile`, any in the
 * store (a killed backup's copies, weekly). A snapshot whose manifest cannot be read is never deleted here.
 */
export async function pruneFolder(store: string, unitId: string, everyFile: boolean, log: Logger): Promise<void> {
  const mine = (await listSnapshots(store)).filter((s) => s.manifest?.workspace.unitId === unitId);
  const keep = snapshotsToKeep(mine.map((s) => ({ id: s.id, createdAt: new Date(s.manifest!.createdAt) })));
  const drop = mine.filter((s) => !keep.has(s.id));
  for (const s of drop) await deleteSnapshot(store, s.id);
  if (drop.length === 0 && !everyFile) return;
  const candidates = everyFile ? null : new Set(drop.flatMap((s) => s.manifest!.files.map((f) => f.sha256)));
  const gc = await collectGarbage(store, candidates);
  if (gc === null) log.warn(`backup folder ${store}: a snapshot's manifest is unreadable; unused files are kept`);
  log.info(
    `backup folder ${store}: ${drop.length} old snapshots removed, ${gc?.removed ?? 0} unused files (${gc?.bytes ?? 0} bytes) removed`,
  );
}
