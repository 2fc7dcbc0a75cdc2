import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_DATABASE, type BackupManifest } from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { LATEST_VERSION } from '../db/migrate';
import { APPLICATION_ID } from '../db/open';
import { verifyAuditChain } from '../workspace/audit';
import { damaged } from './manifest';
import { blobPath } from './workspace-files';

/**
 * Checks a restored database before anything opens it as a workspace: it is ours, of the version the manifest says
 * (and one this app knows), SQLite finds it intact, its audit chain is unbroken, its unit is the manifest's, and
 * every blob a row names was restored. Returns its live materials.
 */
export function checkStagedDatabase(
  staging: string,
  manifest: BackupManifest,
  where: string,
  nativeBinding: string | undefined,
): { materials: number } {
  let db: Database.Database;
  try {
    db = open(staging, nativeBinding);
  } catch (e) {
    throw damaged(where, `${BACKUP_DATABASE} 无法打开（${(e as Error).message}）`);
  }
  try {
    const fail = (what: string): AppError => damaged(where, `${BACKUP_DATABASE}：${what}`);
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw fail('不是网报通的工作区数据库');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION)
      throw new AppError(
        'workspace-newer',
        `这个备份由更新版本的网报通制作（数据版本 ${version}），本软件无法恢复它。请先升级网报通，再恢复。`,
        `${where}: user_version ${version} > ${LATEST_VERSION}`,
      );
    if (version !== manifest.schemaVersion)
      throw fail(`数据版本 ${version} 与清单记录的 ${manifest.schemaVersion} 不符`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw fail(`SQLite 完整性检查未通过（${String(integrity).slice(0, 200)}）`);
    const broken = verifyAuditChain(db);
    if (broken !== null) throw fail(`操作日志的哈希链在第 ${broken} 条处断开`);
    const unitId = db.prepare("SELECT value FROM settings WHERE key = 'unitId'").pluck().get() as string | undefined;
    if (unitId === undefined || JSON.parse(unitId) !== manifest.workspace.unitId) throw fail('单位标识与清单不符');
    const listed = new Set(manifest.files.map((f) => f.path));
    const missing = (db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]).filter(
      (sha) => !listed.has(blobPath(sha)),
    );
    if (missing.length > 0)
      throw damaged(where, `数据库记录的 ${missing.length} 个文件不在备份中，例如 ${blobPath(missing[0]!)}`);
    return {
      materials: db.prepare('SELECT COUNT(*) FROM materials WHERE deleted_at IS NULL').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** The materials (titles) holding each blob, by SHA-256, read from a restored database; empty when it cannot. */
export function materialNames(staging: string, shas: string[], nativeBinding: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const db = open(staging, nativeBinding);
    try {
      const q = db.prepare('SELECT file_name FROM materials WHERE sha256 = ? OR source_sha256 = ? LIMIT 3').pluck();
      for (const sha of shas) {
        const names = q.all(sha, sha) as string[];
        if (names.length > 0) out.set(sha, names.join('、'));
      }
    } finally {
      db.close();
    }
  } catch {
    // Without the database the message names the files alone.
  }
  return out;
}

function open(staging: string, nativeBinding: string | undefined): Database.Database {
  return new Database(join(staging, BACKUP_DATABASE), {
    fileMustExist: true,
    readonly: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}
