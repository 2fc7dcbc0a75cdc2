import Database from 'better-sqlite3';
import { AppError } from '@shared/ipc/errors';
import { migrate } from './migrate';

/** `PRAGMA application_id` of a 网报通 workspace ('WBT1'): tells our database from any other SQLite file. */
export const APPLICATION_ID = 0x57425431;

export interface OpenOptions {
  /** Create the file (a new workspace). Otherwise it must exist and be ours. */
  create: boolean;
  /** Path of an Electron-ABI build of better-sqlite3 (main process only); the Node build otherwise. */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}

/** Opens (or creates) a workspace database with our pragmas, checks it is ours, and migrates it. */
export function openDatabase(file: string, opts: OpenOptions): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, {
      fileMustExist: !opts.create,
      readonly: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw sqliteError(e, file);
  }
  try {
    db.pragma('busy_timeout = 3000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId === 0 && version === 0 && opts.create) db.pragma(`application_id = ${APPLICATION_ID}`);
    else if (appId !== APPLICATION_ID)
      throw new AppError('workspace-invalid', '该文件不是网报通的工作区数据库。', `${file}: application_id ${appId}`);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw sqliteError(e, file);
  }
}

/** Turns what SQLite throws into a message an officer understands. */
export function sqliteError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  const detail = `${file}: ${code} ${(e as Error).message}`;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new AppError('workspace-invalid', '工作区数据库已损坏，或不是网报通的文件。请从备份恢复。', detail);
  if (code === 'SQLITE_FULL') return new AppError('io', '磁盘空间不足，请清理磁盘后重试。', detail);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new AppError(
      'workspace-locked',
      '工作区正被另一个程序使用（可能已在另一个窗口打开）。请关闭它后重试。',
      detail,
    );
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM')
    return new AppError(
      'not-permitted',
      '无法读写工作区文件：文件夹可能是只读的，或没有权限。请换一个文件夹。',
      detail,
    );
  return new AppError('io', '读写工作区时出错。请检查磁盘空间和文件夹权限后重试。', detail);
}
