import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { safeSegment } from '@shared/domain/naming/segment';
import { AppError } from '@shared/ipc/errors';
import { renameWithRetry } from '../store/blob-store';
import type { Workspace } from '../workspace/workspace';
import type { HandoutRecord } from './handouts-repo';

/** The workspace folder holding each imported hand-out's files: `handouts/<sequence>/附件/…`. */
export const HANDOUTS_DIR = 'handouts';

/** Where hand-out `sequence`'s files are kept in the workspace. */
export const handoutDir = (ws: Workspace, sequence: number): string => join(ws.dir, HANDOUTS_DIR, String(sequence));

/**
 * An attachment's path (`附件/通知.pdf`) as segments safe on every file system (Windows' forbidden characters,
 * reserved names, trailing dots), each at most 100 characters: the office's names, made extractable anywhere.
 */
export const diskSegments = (path: string): string[] => path.split('/').map((s) => safeSegment(s, 100).text);

/** `segments` under `base`, refused when they would lead outside it (they never should: names are checked first). */
export function confined(base: string, segments: string[]): string {
  const root = resolve(base);
  const p = resolve(root, ...segments);
  if (!p.startsWith(root + sep))
    throw new AppError('handout-refused', '下发包附件的路径不安全，未导入任何内容。', `escapes ${root}: ${p}`);
  return p;
}

/**
 * The last hand-out's attachments where they are kept in the workspace, to open. Each is also a blob (a backup
 * carries blobs, not this folder): one missing here — a workspace restored from a backup — is copied back from its
 * blob first when the workspace is open for writing.
 */
export async function attachmentFiles(ws: Workspace, h: HandoutRecord): Promise<{ path: string; bytes: number }[]> {
  const dir = handoutDir(ws, h.sequence);
  const out: { path: string; bytes: number }[] = [];
  for (const a of h.attachments) {
    const path = confined(dir, diskSegments(a.path));
    const present = await stat(path).then(
      (s) => s.isFile() && s.size === a.bytes,
      () => false,
    );
    if (!present && ws.writable && (await ws.store.has(a.sha256))) await restoreFromBlob(ws, a.sha256, path);
    out.push({ path, bytes: a.bytes });
  }
  return out;
}

/** Copies a blob to `path` through a temporary name beside it, so the file appears whole or not at all. */
async function restoreFromBlob(ws: Workspace, sha256: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await copyFile(ws.store.path(sha256), tmp);
    await renameWithRetry(tmp, path);
  } catch {
    await rm(tmp, { force: true });
  }
}
