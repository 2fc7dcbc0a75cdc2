import { thumbPath } from '../intake/attach';
import type { Workspace } from '../workspace/workspace';
import { fileSizes } from './file-sizes';
import type { DbSnapshot } from './snapshot-db';

/** A workspace file a backup copies besides the database. */
export interface SourceFile {
  /** Its path in the backup and in a restored workspace (`blobs/ab/cdef…`, `thumbs/ab/<sha256>.jpg`). */
  path: string;
  /** Where it is now. */
  src: string;
  bytes: number;
  /** Known before reading for a blob (its name); a thumbnail's is taken while copying. */
  sha256: string | null;
  thumb: boolean;
}

/** A blob's path inside a workspace or a backup: `blobs/ab/cdef…`. */
export const blobPath = (sha256: string): string => `blobs/${sha256.slice(0, 2)}/${sha256.slice(2)}`;

/** A blob's thumbnail's path inside a workspace or a backup: `thumbs/ab/<sha256>.jpg`. */
export const thumbFilePath = (sha256: string): string => `thumbs/${sha256.slice(0, 2)}/${sha256}.jpg`;

/**
 * What a backup copies besides the database: every blob the database copy names (a consistent list: blobs are
 * immutable, and a row never names a blob that is not yet complete), then the thumbnails of those that have one
 * (derived, but making them again for thousands of photos would take minutes after a restore).
 */
export async function workspaceFiles(ws: Workspace, snap: DbSnapshot): Promise<SourceFile[]> {
  const blobs: SourceFile[] = snap.blobs.map((b) => ({
    path: blobPath(b.sha256),
    src: ws.store.path(b.sha256),
    bytes: b.bytes,
    sha256: b.sha256,
    thumb: false,
  }));
  const srcs = snap.blobs.map((b) => thumbPath(ws, b.sha256));
  const sizes = await fileSizes(srcs);
  const thumbs = snap.blobs.map((b, i): SourceFile | null =>
    sizes[i] === null
      ? null
      : { path: thumbFilePath(b.sha256), src: srcs[i]!, bytes: sizes[i]!, sha256: null, thumb: true },
  );
  return [...blobs, ...thumbs.filter((t) => t !== null)];
}
