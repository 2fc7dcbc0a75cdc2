import { AppError } from '@shared/ipc/errors';
import type { Logger } from '../log';
import type { ScrubStatement } from './handover';

/** What writing a backup (a `.wbbak` or a snapshot in a backup folder) needs besides the workspace and the target. */
export interface BackupOptions {
  /** The clock: the backup's `createdAt`, its snapshot's id and the retention's days. */
  now: Date;
  appVersion: string;
  /** 移交: the colleague's name (the scrub below is then run on the copy); null for a backup. */
  handoverTo: string | null;
  /** Statements run on the database copy (HANDOVER_SCRUB for a hand-over), or null. */
  scrub: readonly ScrubStatement[] | null;
  nativeBinding?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Files done of all files (database, blobs, thumbnails, manifest). */
  onProgress?: ((done: number, total: number) => void) | undefined;
  log: Logger;
  /** The writer holds the workspace's lock, so temp files of earlier backups to the same `.wbbak` are leftovers. */
  holdsLock: boolean;
}

/** A workspace file whose bytes are not the ones its name says: the backup stops rather than copy the damage. */
export function damagedInWorkspace(path: string): AppError {
  return new AppError(
    'workspace-invalid',
    `工作区中的文件已损坏（内容与记录不符）：${path}。备份未完成。请联系技术支持，或从较早的备份恢复这个文件。`,
    `damaged in workspace: ${path}`,
  );
}
