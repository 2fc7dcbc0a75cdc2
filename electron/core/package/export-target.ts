import { open, readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, parse } from 'node:path';
import { AppError } from '@shared/ipc/errors';
import { DB_FILE } from '../workspace/workspace';

const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

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
  for (let dir = folder; ; dir = dirname(dir)) {
    if (await isFile(join(dir, DB_FILE)))
      throw new AppError(
        'input-refused',
        `不能把申报包保存在工作区文件夹里（${dir}）：这会损坏工作区。请换一个文件夹，例如“桌面”或 U 盘。`,
        `export target ${target} inside workspace ${dir}`,
      );
    if (dir === parse(dir).root) break;
  }
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

/**
 * Removes what killed exports to the same target left (`.{name}.{random}.partial`), except this export's own. Called
 * while holding the workspace's lock: no other export from this workspace can be running, so they are leftovers.
 */
export async function removeStalePartials(target: string, own: string): Promise<number> {
  const prefix = `.${basename(target)}.`;
  let removed = 0;
  for (const name of await readdir(dirname(target)).catch(() => [] as string[])) {
    const path = join(dirname(target), name);
    if (!name.startsWith(prefix) || !/^[0-9a-f]{8}\.partial$/u.test(name.slice(prefix.length)) || path === own)
      continue;
    // A leftover that cannot be removed (a scanner holds it) is left for the next export, never a reason to fail.
    if (
      await rm(path, { force: true }).then(
        () => true,
        () => false,
      )
    )
      removed++;
  }
  return removed;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function startsLikeZip(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return false;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && ZIP_MAGIC.some((m) => m.equals(head));
  } finally {
    await fh.close();
  }
}
