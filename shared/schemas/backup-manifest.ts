import { z } from 'zod';

/**
 * The backup formats (BACKUP-FORMAT.md beside this file): the manifest of a `.wbbak` file and of each snapshot in a
 * backup folder, and the marker of a backup folder. Fields may be added, never renamed: the schemas let unknown
 * fields through, so a backup from a newer app of the same format still reads.
 */
export const BACKUP_FORMAT = 'wangbao-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FOLDER_FORMAT = 'wangbao-backup-folder';
export const BACKUP_FOLDER_FORMAT_VERSION = 1;

/** The file name of a single-file backup ends so. */
export const BACKUP_EXTENSION = '.wbbak';
/** The manifest's name, in a `.wbbak` and in a snapshot folder alike. */
export const BACKUP_MANIFEST = 'manifest.json';
/** The database's name in a backup: the workspace's own. */
export const BACKUP_DATABASE = 'workspace.db';
/** A backup folder's marker file. */
export const BACKUP_FOLDER_MARKER = 'wangbao-backups.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);
const Bytes = z.number().int().min(0);

/**
 * A workspace file a backup carries besides the database: a blob (`blobs/ab/cdef…`, named by its SHA-256) or a
 * blob's thumbnail (`thumbs/ab/<blob sha256>.jpg`, derived data). The pattern is the whole of what a restore may
 * write, so a manifest cannot name a path outside the new workspace.
 */
export const BACKUP_FILE_PATH = /^(?:blobs\/[0-9a-f]{2}\/[0-9a-f]{62}|thumbs\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg)$/u;

export const BackupFile = z.looseObject({
  path: z.string().regex(BACKUP_FILE_PATH),
  sha256: Sha256,
  bytes: Bytes,
});
export type BackupFile = z.infer<typeof BackupFile>;

/** Just enough to tell a newer format from a broken one. */
export const BackupManifestHead = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  app: z.looseObject({ name: z.string(), version: z.string() }).optional(),
  schemaVersion: z.number().int().min(0).optional(),
});

export const BackupManifest = z
  .looseObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    /** `backup`: the whole workspace; `handover` (移交): the same, with the secrets HANDOVER_SCRUB names removed. */
    kind: z.enum(['backup', 'handover']),
    app: z.looseObject({ name: z.string(), version: z.string() }),
    createdAt: z.string().min(1),
    /** The database's `PRAGMA user_version`: an app knowing fewer migrations cannot restore it. */
    schemaVersion: z.number().int().min(0),
    workspace: z.looseObject({
      unitId: z.string().min(1),
      unit: z.string().min(1),
      year: z.number().int(),
      /** Where the workspace was when it was backed up (for the user's eyes only; a restore goes elsewhere). */
      dir: z.string(),
    }),
    /** 移交: the colleague it is for, and the tables whose secrets were removed from the copy. */
    handover: z.looseObject({ to: z.string().min(1), scrubbed: z.array(z.string()) }).nullable(),
    database: z.looseObject({ path: z.literal(BACKUP_DATABASE), sha256: Sha256, bytes: Bytes }),
    files: z.array(BackupFile),
    counts: z.looseObject({ materials: Bytes, blobs: Bytes, thumbs: Bytes }),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    for (const f of m.files) {
      if (seen.has(f.path)) ctx.addIssue({ code: 'custom', message: `duplicate path ${f.path}` });
      seen.add(f.path);
      // A blob is named by its content: the path and the hash must agree.
      if (f.path.startsWith('blobs/') && f.path.replace(/[/]/gu, '').slice(5) !== f.sha256)
        ctx.addIssue({ code: 'custom', message: `blob path ${f.path} is not its sha256 ${f.sha256}` });
    }
  });
export type BackupManifest = z.infer<typeof BackupManifest>;

/** `wangbao-backups.json` at the root of a backup folder. */
export const BackupFolderMarker = z.looseObject({
  format: z.literal(BACKUP_FOLDER_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string().min(1),
  /** When every file of the store was last hashed in full (weekly); null before the first time. */
  lastFullCheck: z.string().nullable(),
});
export type BackupFolderMarker = z.infer<typeof BackupFolderMarker>;
