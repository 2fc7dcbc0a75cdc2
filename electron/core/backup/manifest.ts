import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  BACKUP_DATABASE,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupManifest,
  BackupManifestHead,
  type BackupFile,
} from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { LATEST_VERSION } from '../db/migrate';
import type { DbSnapshot } from './snapshot-db';

export interface ManifestInput {
  snap: DbSnapshot;
  files: BackupFile[];
  createdAt: string;
  appVersion: string;
  workspaceDir: string;
  handoverTo: string | null;
}

/** The manifest (BACKUP-FORMAT.md) as written: pretty JSON, checked against its own schema first. */
export function manifestBytes(m: ManifestInput): { manifest: BackupManifest; bytes: Buffer; sha256: string } {
  const blobs = m.files.filter((f) => f.path.startsWith('blobs/')).length;
  const manifest = BackupManifest.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    kind: m.handoverTo === null ? 'backup' : 'handover',
    app: { name: 'wangbao', version: m.appVersion },
    createdAt: m.createdAt,
    schemaVersion: m.snap.schemaVersion,
    workspace: { ...m.snap.workspace, dir: m.workspaceDir },
    handover: m.handoverTo === null ? null : { to: m.handoverTo, scrubbed: m.snap.scrubbed },
    database: { path: BACKUP_DATABASE, sha256: m.snap.sha256, bytes: m.snap.bytes },
    files: m.files,
    counts: { materials: m.snap.materials, blobs, thumbs: m.files.length - blobs },
  });
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
  return { manifest, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Reads a manifest's bytes: a backup from a newer app (a newer format, or a database with migrations this app does
 * not know) is refused with what to do; one that does not parse or fails its schema is damaged. `where` names the
 * backup in messages.
 */
export function parseManifest(bytes: Buffer, where: string): BackupManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(where, 'manifest.json 不是有效的 JSON');
  }
  const head = BackupManifestHead.safeParse(raw);
  if (!head.success) throw damaged(where, 'manifest.json 不是网报通备份的清单');
  const version = head.data.app?.version ?? '?';
  if (head.data.formatVersion > BACKUP_FORMAT_VERSION || (head.data.schemaVersion ?? 0) > LATEST_VERSION)
    throw new AppError(
      'workspace-newer',
      `这个备份由更新版本的网报通（${version}）制作，本软件无法恢复它。请先升级网报通，再恢复。`,
      `${where}: format ${head.data.formatVersion}, schema ${head.data.schemaVersion ?? '?'} > ${BACKUP_FORMAT_VERSION}, ${LATEST_VERSION}`,
    );
  const parsed = BackupManifest.safeParse(raw);
  if (!parsed.success) throw damaged(where, 'manifest.json 的内容不完整或不正确', z.prettifyError(parsed.error));
  return parsed.data;
}

/** The refusal of a damaged backup, saying what is damaged (CLI exit 1). */
export function damaged(where: string, what: string, details = ''): AppError {
  return new AppError('input-refused', `备份已损坏，无法使用（${where}）：${what}`, `${where}: ${what} ${details}`);
}
