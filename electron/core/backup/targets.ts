import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BACKUP_EXTENSION, BACKUP_FOLDER_MARKER } from '@shared/schemas/backup-manifest';
import { AppError } from '@shared/ipc/errors';
import { realPath } from '../context';
import { startsLikeZip, workspaceHolding } from '../workspace/write-targets';
import { DB_FILE } from '../workspace/workspace';

/**
 * Where a `.wbbak` may be written: a name ending in `.wbbak` in a folder that exists, outside every workspace (the
 * rename over the target could destroy a database or a blob), not a folder, and not an existing file that is not a
 * backup (a backup is only ever written over an earlier one). Returns the target in its folder's real path.
 */
export async function checkBackupFileTarget(target: string): Promise<string> {
  if (!basename(target).toLowerCase().endsWith(BACKUP_EXTENSION))
    throw new AppError('input-refused', `备份文件名应以 ${BACKUP_EXTENSION} 结尾：${target}`, `not .wbbak: ${target}`);
  const folder = await realpath(dirname(resolve(target))).catch((e: NodeJS.ErrnoException) => {
    throw new AppError(
      'io',
      `保存备份的文件夹不存在：${dirname(target)}。请先建好文件夹，或换一个位置。`,
      `backup folder ${dirname(target)}: ${e.code ?? String(e)}`,
    );
  });
  const real = join(folder, basename(target));
  const ws = await workspaceHolding(folder);
  if (ws)
    throw new AppError(
      'input-refused',
      `不能把备份保存在工作区文件夹里（${ws}）：请换一个文件夹，最好是另一块硬盘或 U 盘。`,
      `backup target ${target} inside workspace ${ws}`,
    );
  const existing = await stat(real).catch(() => null);
  if (existing?.isDirectory())
    throw new AppError('input-refused', `这是一个文件夹，不能作为备份文件名：${target}`, 'backup target is a dir');
  if (existing && !(await startsLikeZip(real)))
    throw new AppError(
      'input-refused',
      `已有同名文件且不是网报通备份，不会覆盖它：${target}。请换一个文件名。`,
      `backup target exists and is not a zip: ${target}`,
    );
  return real;
}

/**
 * A backup folder: outside every workspace, and either a backup folder already (its marker), empty, or not there
 * yet (it is created). A folder holding other things is refused: the store's clean-up must never touch the
 * user's files. Returns its real path and whether it must be set up.
 */
export async function checkBackupFolder(folder: string): Promise<{ dir: string; fresh: boolean }> {
  const dir = realPath(folder);
  const ws = await workspaceHolding(dir);
  if (ws)
    throw new AppError(
      'input-refused',
      `备份文件夹不能在工作区文件夹里（${ws}）：请换一个文件夹，最好是另一块硬盘或 U 盘。`,
      `backup folder ${folder} inside workspace ${ws}`,
    );
  const info = await stat(dir).catch(() => null);
  if (!info) return { dir, fresh: true };
  if (!info.isDirectory())
    throw new AppError('input-refused', `这不是一个文件夹：${folder}`, `backup folder is not a dir: ${folder}`);
  const entries = await readdir(dir);
  if (entries.includes(BACKUP_FOLDER_MARKER)) return { dir, fresh: false };
  if (entries.length > 0)
    throw new AppError(
      'input-refused',
      `这个文件夹不是空的，也不是网报通的备份文件夹：${folder}。请选择一个空文件夹或新文件夹。`,
      `backup folder not empty and without marker: ${folder}`,
    );
  return { dir, fresh: true };
}

/**
 * Where a backup may be restored: a folder that does not exist yet or is empty, outside every workspace — a
 * restore never mixes with or replaces anything. Returns the resolved path.
 */
export async function checkRestoreTarget(target: string): Promise<string> {
  const dir = resolve(target);
  const inside = await workspaceHolding(dirname(dir));
  if (inside)
    throw new AppError(
      'input-refused',
      `不能恢复到另一个工作区的文件夹里（${inside}）。请选择一个新的空文件夹。`,
      `restore target ${dir} inside workspace ${inside}`,
    );
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    if (e.code === 'ENOTDIR') return ['(a file)'];
    throw e;
  });
  if (entries.includes(DB_FILE))
    throw new AppError(
      'workspace-exists',
      `这里已经有一个工作区：${dir}。恢复不会覆盖任何工作区，请选择一个新的空文件夹。`,
      `restore target is a workspace: ${dir}`,
    );
  if (entries.length > 0)
    throw new AppError(
      'workspace-exists',
      `目标文件夹已存在且不是空的：${dir}。请选择一个新的空文件夹。`,
      `restore target not empty: ${dir}`,
    );
  return dir;
}
