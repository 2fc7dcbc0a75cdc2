import { AppError } from '@shared/ipc/errors';

/** Turns a file-system error into a message an officer understands; `what` says what was being done. */
export function fsError(e: unknown, what: string, path: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const detail = `${what} ${path}: ${code} ${(e as Error).message}`;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'not-permitted',
        `没有权限${what}：${path}。文件夹可能是只读的或被锁定，请换一个位置。`,
        detail,
      );
    case 'ENOENT':
      return new AppError('io', `找不到文件或文件夹：${path}。`, detail);
    case 'ENOTDIR':
    case 'EISDIR':
      return new AppError('io', `路径类型不对：${path}（应为文件夹或文件）。`, detail);
    case 'ENOSPC':
      return new AppError('io', '磁盘空间不足，请清理磁盘后重试。', detail);
    case 'EBUSY':
      return new AppError('io', `文件正被其他程序占用：${path}。请关闭占用它的程序后重试。`, detail);
    default:
      return new AppError('io', `${what}时出错：${path}。`, detail);
  }
}

/**
 * When a write failed because the disk is full or the folder cannot be written — told by the error's code, or by
 * the text libvips gives (sharp's errors carry no code) — what the officer can do about it; null otherwise.
 */
export function diskTrouble(e: unknown): string | null {
  const code = (e as { code?: string } | null)?.code ?? '';
  const text = String((e as Error | null)?.message ?? e);
  if (
    code === 'ENOSPC' ||
    code === 'EDQUOT' ||
    code === 'SQLITE_FULL' ||
    /No space left|ENOSPC|Disk quota/iu.test(text)
  )
    return '磁盘空间不足，请清理磁盘后重试。';
  if (
    ['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY'].includes(code) ||
    /Read-only file system|EROFS|Permission denied/iu.test(text)
  )
    return '工作区文件夹不可写（可能是只读的或没有权限）。';
  return null;
}
