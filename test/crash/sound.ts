import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { verifyPackage } from '../../electron/core/package/verify-package';
import { hashFile } from '../../electron/core/store/blob-store';
import { verifyAuditChain } from '../../electron/core/workspace/audit';
import { Workspace } from '../../electron/core/workspace/workspace';
import { CRASH_CRITERION, CRASH_MOVE_TO } from './ops';

/** What the killed process had told its user was done: `ack <kind> <id>` lines of test/crash/driver.ts. */
export interface Ack {
  kind: string;
  id: string;
}

export function acksOf(stdout: string): Ack[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('ack '))
    .map((l) => {
      const [, kind, id = ''] = l.split(' ');
      return { kind: kind!, id };
    });
}

/**
 * The state a workspace must be in after any crash, checked by the next open (which takes over the dead process's
 * lock and sweeps): the database intact, the audit chain unbroken, every blob a row names present and hashing to
 * its name, no orphan or temp file, every acknowledged change there, and an export target absent or valid.
 */
export async function assertSound(dir: string, acks: Ack[], exportTarget?: string): Promise<void> {
  const ws = await Workspace.open(dir);
  try {
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(ws.db)).toBeNull();
    const rows = (ws.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]).sort();
    for (const sha of rows) expect((await hashFile(ws.store.path(sha))).sha256).toBe(sha);
    const blobs = join(dir, 'blobs');
    const files = readdirSync(blobs)
      .filter((d) => /^[0-9a-f]{2}$/u.test(d))
      .flatMap((d) => readdirSync(join(blobs, d)).map((f) => d + f))
      .sort();
    expect(files).toEqual(rows);
    expect(readdirSync(join(blobs, 'tmp'))).toEqual([]);

    const last = new Map(acks.filter((a) => a.id).map((a) => [a.id, a.kind]));
    const row = ws.db.prepare(
      'SELECT c.code, m.deleted_at AS deleted FROM materials m JOIN criteria c ON c.id = m.criterion_id WHERE m.id = ?',
    );
    const versions = ws.db.prepare('SELECT COUNT(*) FROM material_versions WHERE material_id = ?').pluck();
    for (const [id, kind] of last) {
      if (['reference', 'exported', 'backed-up', 'restored'].includes(kind)) continue;
      const m = row.get(id) as { code: string; deleted: string | null } | undefined;
      expect([id, kind, m !== undefined]).toEqual([id, kind, true]);
      // The last acknowledged step holds, or the next one (done, not yet acknowledged, when the kill came):
      // moved → trashed → restored.
      if (kind === 'added') expect(m).toEqual({ code: CRASH_CRITERION, deleted: null });
      if (kind === 'moved' || kind === 'trashed') expect(m!.code).toBe(CRASH_MOVE_TO);
      if (kind === 'restored') expect(m).toEqual({ code: CRASH_MOVE_TO, deleted: null });
      if (kind === 'optimized') expect(versions.get(id)).toBeGreaterThan(0);
    }
    if (exportTarget && existsSync(exportTarget)) expect((await verifyPackage(exportTarget)).valid).toBe(true);
  } finally {
    ws.close();
  }
}
