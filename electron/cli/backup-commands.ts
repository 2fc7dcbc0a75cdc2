import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BACKUP_EXTENSION } from '@shared/schemas/backup-manifest';
import { call } from '../core/dispatch';
import type { Ctx } from '../core/context';
import { str, type Flags, type Outcome } from './commands';
import { EXIT } from './exit-codes';
import { textFlag, usage, wrongUsage } from './messages';

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * `wangbao backup <ws> <out.wbbak|folder> [--handover NAME]`: a name ending in `.wbbak` is one backup file, anything
 * else a backup folder (made when missing). The workspace is read, not locked: a backup may run while the app has
 * the workspace open. Exit 0 written and verified, 1 refused (a target inside a workspace, a folder holding other
 * files), 2 usage or IO error.
 */
export async function backupCommand(ctx: Ctx, pos: string[], flags: Flags): Promise<Outcome> {
  const [ws, out] = pos;
  if (!ws || !out || pos.length > 2) throw wrongUsage();
  const handoverTo = textFlag('--handover', '接手同事的姓名', str(flags, 'handover'), 50);
  const to = out.toLowerCase().endsWith(BACKUP_EXTENSION) ? 'file' : 'folder';
  if (handoverTo !== undefined && to === 'folder')
    throw usage(`移交只能写成单个备份文件：目标应以 ${BACKUP_EXTENSION} 结尾，例如 移交_张三.wbbak。`);
  await call('workspace:open', { dir: resolve(ws), access: 'read' }, ctx);
  const r = (await call('backup:create', { to, out: resolve(out), handoverTo }, ctx))!;
  return {
    json: { path: r.path, bytes: r.bytes, blobs: r.blobs, blobsCopied: r.blobsCopied, sha256: r.sha256 },
    human:
      `${r.kind === 'handover' ? `已生成移交文件（给 ${handoverTo}）并校验` : '已备份并校验'}：${r.path}\n` +
      `${mb(r.bytes)}，文件 ${r.blobs} 个` +
      (to === 'folder' ? `（本次新复制 ${r.blobsCopied} 个，其余已在备份文件夹中）` : '') +
      `，SHA-256 ${r.sha256}`,
    exit: EXIT.ok,
  };
}

/**
 * `wangbao restore <backup.wbbak|folder> <new-dir>`: a backup folder restores its newest snapshot (or one snapshot's
 * own folder, `…/snapshots/<id>`). Exit 0 restored and verified; 1 a damaged backup (the message says what is
 * damaged), a backup from a newer app, or a target that exists and is not empty — nothing is restored then.
 */
export async function restoreCommand(ctx: Ctx, pos: string[]): Promise<Outcome> {
  const [source, dir] = pos;
  if (!source || !dir || pos.length > 2) throw wrongUsage();
  const isFolder = await stat(resolve(source)).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const r = (await call(
    'backup:restore',
    { source: resolve(source), from: isFolder ? 'folder' : 'file', dir: resolve(dir) },
    ctx,
  ))!;
  return {
    json: { workspace: r.workspace, materials: r.materials, verified: r.verified },
    human:
      `已恢复并校验：${r.workspace}\n单位：${r.unit}  备份时间：${r.createdAt.slice(0, 16).replace('T', ' ')}  材料 ${r.materials} 份` +
      (r.kind === 'handover' ? '\n这是一份移交备份：签批人的密钥未包含在内。' : '') +
      (r.thumbsSkipped > 0 ? `\n${r.thumbsSkipped} 张缩略图已损坏，未恢复（不影响材料本身）。` : ''),
    exit: EXIT.ok,
  };
}
