import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '@shared/ipc/errors';
import { startsLikeZip, workspaceHolding } from '../workspace/write-targets';

/**
 * Where a package may be written. Refused: a folder, an existing file that is not a zip (a package is only ever
 * written over an earlier package), and any place inside a workspace — this one's or another's (a folder holding a
 * workspace database, or below one): an export renames its file over the target, which would destroy the database
 * or a blob. Returns the target with its folder's real path (a link to a workspace is caught too).
 */
export async function checkExportTarget(target: string): Promise<string> {
  const folder = await realpath(dirname(target)).catch((e: NodeJS.ErrnoException) => {
    throw new AppError(
      'io',
      `保存申报包的文件夹不存在：${dirname(target)}。请先建好文件夹，或换一个位置。`,
      `export folder ${dirname(target)}: ${e.code ?? String(e)}`,
    );
  });
  const real = join(folder, basename(target));
  const ws = await workspaceHolding(folder);
  if (ws)
    throw new AppError(
      'input-refused',
      `不能把申报包保存在工作区文件夹里（${ws}）：这会损坏工作区。请换一个文件夹，例如“桌面”或 U 盘。`,
      `export target ${target} inside workspace ${ws}`,
    );
  const existing = await stat(real).catch(() => null);
  if (existing?.isDirectory())
    throw new AppError('input-refused', `这是一个文件夹，不能作为申报包文件名：${target}`, `export target is a dir`);
  if (existing && !(await startsLikeZip(real)))
    throw new AppError(
      'input-refused',
      `已有同名文件且不是申报包，不会覆盖它：${target}。请换一个文件名。`,
      `export target exists and is not a zip: ${target}`,
    );
  return real;
}
