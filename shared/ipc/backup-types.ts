/**
 * What the backup channels return (BACKUP-FORMAT.md). `BackupResult` and `RestoreResult` carry the fields of the
 * CLI's contract (`wangbao backup`, `wangbao restore`) plus what the app shows.
 */

/** A backup written and read back (`wangbao backup` prints `path`, `bytes`, `blobs`, `blobsCopied`, `sha256`). */
export interface BackupResult {
  /** The `.wbbak` file, or the snapshot folder written inside a backup folder. */
  path: string;
  /** The `.wbbak`'s size; for a snapshot, its database and manifest plus every file it names (shared or not). */
  bytes: number;
  /** The workspace's blobs the backup holds. */
  blobs: number;
  /** Of those, the ones copied this time (a backup folder keeps a blob it already has). */
  blobsCopied: number;
  /** SHA-256 of the `.wbbak` file; for a snapshot, of its manifest (which names every file's SHA-256). */
  sha256: string;
  kind: 'backup' | 'handover';
  createdAt: string;
  /** The backup folder (for a snapshot), else null. */
  folder: string | null;
}

/** A restore done and verified (`wangbao restore` prints `workspace`, `materials`, `verified`). */
export interface RestoreResult {
  /** The new workspace folder. */
  workspace: string;
  /** Its materials (not counting the trash). */
  materials: number;
  verified: true;
  kind: 'backup' | 'handover';
  /** When the backup was made. */
  createdAt: string;
  unit: string;
  /** Thumbnails that were damaged and left out (the app shows a file icon instead): derived data, not evidence. */
  thumbsSkipped: number;
}

/** A snapshot in a backup folder, as 设置 → 备份 lists it. */
export interface SnapshotInfo {
  id: string;
  /** Its folder. */
  dir: string;
  createdAt: string;
  materials: number;
  /** Its database plus the files it names. */
  bytes: number;
}

/** 设置 → 备份: where automatic backups go, whether they run, and what is there. */
export interface BackupSettingsView {
  auto: boolean;
  /** The backup folder in force: the one the user chose, else the default. */
  folder: string;
  /** The user chose the folder (else it is the default). */
  chosen: boolean;
  /** The folder is on the same disk as the workspace (a disk failure would take both). */
  sameDisk: boolean;
  /** This workspace's snapshots in the folder, newest first (empty when the folder cannot be read). */
  snapshots: SnapshotInfo[];
  /** Why the folder cannot be used now (missing drive…), else null. */
  folderProblem: string | null;
  /** The last automatic backup of this run of the app, else null. */
  lastAuto: { at: string; ok: boolean; message: string } | null;
}
